#!/usr/bin/env node
// Bundles the app's Node side with esbuild:
//   electron/main.ts      → dist/electron/main.cjs
//   electron/preload.ts   → dist/electron/preload.cjs
//   local-gateway/cli.ts  → dist/local-gateway/gateway.cjs (the packaged app forks it: no tsx, no
//                           sources; bin/apigw-local.js runs it too)
//   host/cli/main.ts  → dist/cli/apigw-studio.cjs (bin/apigw-studio.js runs it)
// CommonJS for Node, 'electron' left external (the runtime provides it). Every other dependency is
// bundled, so the package needs no node_modules: the build fails on an import it would have to load
// from there at run time.
//
// The two command-line bundles get a list of what went into them (dist/cli/<command>.inputs.json:
// each input file's mtime and size, and the bundle's own), so that the bins can tell in a few stats
// whether the bundle still matches the checkout and run the sources through tsx when it does not
// (bin/bundle-or-sources.js). Every file is written to a temporary name and renamed, so a bin started
// while this runs (the test suite spawns many) reads either the old file or the new one, never half.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = ['electron/main.ts', 'electron/preload.ts', 'local-gateway/cli.ts', 'host/cli/main.ts'];

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
  // Written below, each file atomically.
  write: false,
};

// CommonJS has no import.meta: give modules that locate files from it (host/base/app-paths.ts,
// host/cli/main.ts) the bundle's own URL. Every bundle sits two folders below the app's root,
// as those modules do in the sources, so their relative paths hold in both.
const importMetaUrl = {
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** A bundle that runs `main(process.argv)` of `module` when loaded (its entry is no file: `<entry …>`). */
const runMain = (module) => ({
  stdin: { contents: `import { main } from './${module}';\nvoid main(process.argv);\n`, resolveDir: root, sourcefile: `<entry ${module}>`, loader: 'ts' },
});

// Anything saved after this instant may or may not be in the bundles: such an input is recorded as changed.
const startedAt = Date.now();
const results = [
  await build({ ...common, ...importMetaUrl, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', external: ['electron'] }),
  // The preload runs sandboxed: no __filename, no Node built-ins, only 'electron' (electron/electron#34854).
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', external: ['electron'] }),
  // The gateway never loads Electron: in the desktop app it is a utilityProcess, elsewhere plain Node.
  await build({ ...common, ...importMetaUrl, ...runMain('local-gateway/cli'), outfile: 'dist/local-gateway/gateway.cjs', platform: 'node' }),
  // The command line is plain Node too (only electron/main.ts and preload.ts load Electron; lint-enforced).
  await build({ ...common, ...importMetaUrl, ...runMain('host/cli/main'), outfile: 'dist/cli/apigw-studio.cjs', platform: 'node' }),
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

for (const file of results.flatMap((result) => result.outputFiles)) writeAtomically(file.path, file.contents);

writeInputs('apigw-local', 'dist/local-gateway/gateway.cjs', results[2]);
writeInputs('apigw-studio', 'dist/cli/apigw-studio.cjs', results[3]);

/**
 * dist/cli/<command>.inputs.json: the bundle and every file it was built from (the metafile's inputs,
 * dependencies included), plus this script and npm's record of node_modules (npm gives the files it
 * installs a fixed mtime, so an upgraded dependency shows in .package-lock.json, not in its files).
 */
function writeInputs(command, bundle, result) {
  const paths = [...Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('<entry ')), 'scripts/build-electron.mjs', 'node_modules/.package-lock.json'];
  const inputs = {};
  for (const path of paths) {
    const info = statSync(join(root, path), { throwIfNoEntry: false });
    // Missing, or saved while the build ran: recorded as already changed, so the bundle counts as stale.
    inputs[path] = info && info.mtimeMs < startedAt ? [info.mtimeMs, info.size] : null;
  }
  const output = statSync(join(root, bundle));
  const manifest = { bundle, bundleStat: [output.mtimeMs, output.size], inputs };
  writeAtomically(join(root, 'dist', 'cli', `${command}.inputs.json`), JSON.stringify(manifest, null, 1) + '\n');
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}
