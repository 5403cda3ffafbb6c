#!/usr/bin/env node
// Bundles the Electron main process and preload with esbuild:
//   electron/main.ts    → dist/electron/main.cjs
//   electron/preload.ts → dist/electron/preload.cjs
// CommonJS for Node, 'electron' left external (the runtime provides it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = [
  { in: 'electron/main.ts', out: 'main' },
  { in: 'electron/preload.ts', out: 'preload' },
];

const missing = entries.filter((entry) => !existsSync(`${root}${entry.in}`)).map((entry) => entry.in);
if (missing.length > 0) {
  console.error(`build:electron: ${missing.join(' and ')} ${missing.length > 1 ? 'do' : 'does'} not exist yet, so the desktop app cannot be built.`);
  console.error('Browser mode needs neither: run npx apigw-studio ui (or npm start, which falls back to it).');
  process.exit(1);
}

const common = {
  absWorkingDir: root,
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
};

await build({
  ...common,
  entryPoints: [entries[0]],
  platform: 'node',
  // CommonJS has no import.meta: give modules that locate files from it (electron/host/app-paths.ts) the bundle's own URL.
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The preload runs sandboxed: no __filename, no Node built-ins, only 'electron' (electron/electron#34854).
await build({ ...common, entryPoints: [entries[1]], platform: 'browser' });
