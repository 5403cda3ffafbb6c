#!/usr/bin/env node
// Bundles the desktop app's Node side with esbuild:
//   electron/main.ts     → dist/electron/main.cjs
//   electron/preload.ts  → dist/electron/preload.cjs
//   local-gateway/cli.ts → dist/local-gateway/gateway.cjs (the packaged app forks it: no tsx, no sources)
// CommonJS for Node, 'electron' left external (the runtime provides it). Every other dependency is
// bundled, so the package needs no node_modules: the build fails on an import it would have to load
// from there at run time.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = ['electron/main.ts', 'electron/preload.ts', 'local-gateway/cli.ts'];

const missing = sources.filter((path) => !existsSync(`${root}${path}`));
if (missing.length > 0) {
  console.error(`build:electron: ${missing.join(' and ')} ${missing.length > 1 ? 'do' : 'does'} not exist yet, so the desktop app cannot be built.`);
  console.error('Browser mode needs neither: run npx apigw-studio ui (or npm start, which falls back to it).');
  process.exit(1);
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'info',
};

// CommonJS has no import.meta: give modules that locate files from it (electron/host/app-paths.ts) the bundle's own URL.
const importMetaUrl = {
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const results = [
  await build({ ...common, ...importMetaUrl, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', external: ['electron'] }),
  // The preload runs sandboxed: no __filename, no Node built-ins, only 'electron' (electron/electron#34854).
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', external: ['electron'] }),
  // The gateway never loads Electron: in the desktop app it is a utilityProcess, elsewhere plain Node.
  await build({
    ...common,
    ...importMetaUrl,
    stdin: { contents: "import { main } from './local-gateway/cli';\nvoid main(process.argv);\n", resolveDir: root, sourcefile: 'gateway-entry.ts', loader: 'ts' },
    outfile: 'dist/local-gateway/gateway.cjs',
    platform: 'node',
  }),
];

const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const unbundled = results.flatMap((result) =>
  Object.entries(result.metafile.outputs).flatMap(([output, { imports }]) =>
    imports.filter((entry) => entry.external && !allowed.has(entry.path)).map((entry) => `${output} imports ${entry.path}`),
  ),
);
if (unbundled.length > 0) {
  console.error(`build:electron: these imports are left for run time, but the package has no node_modules:\n  ${unbundled.join('\n  ')}`);
  console.error('Let esbuild bundle them (remove them from `external`), or replace the module.');
  process.exit(1);
}
