// How the bins start: from the bundle `npm run build:electron` made (scripts/build-electron.mjs), or
// from the TypeScript sources through tsx when there is no bundle or it no longer matches them.
//
// Why this split, and not a build on demand: the bundle starts in a third of the time or less
// (`npm run bench:startup`; tsx resolves and loads hundreds of TypeScript files on every start), but a
// developer in a checkout edits the sources and must get what they wrote, at once. Building here instead would write into the checkout as a side
// effect of running a command, race with the other copies a test run starts at the same moment, and
// need esbuild, a devDependency. So a stale bundle is never run: the bin runs the sources (what tsx
// did before) and says so in one line on a terminal; `npm run build:electron` (also run by `npm
// test`, `npm start` and `npm run build`) makes it fast again. The packaged app does not come
// through here: it has no bin, no sources and no tsx, and forks dist/local-gateway/gateway.cjs
// itself (electron/main.ts).
//
// Staleness costs a few hundred stat calls: the build lists every file that went into the bundle
// with its mtime and size (dist/cli/<command>.inputs.json); any difference, a missing file or a
// replaced bundle makes it stale. An edit that adds an import changes the importing file, so a new
// file is caught too.
//
// APIGW_BIN_DEBUG=1 prints which one runs, and why, on stderr (tests and the startup benchmark
// read it); APIGW_BIN_SOURCES=1 runs the sources even when the bundle is fresh (the benchmark's
// baseline, or a debugger that wants the TypeScript files).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `command`: its bundle when it matches the checkout, otherwise `sources` (a module exporting
 * main(argv)) through tsx.
 */
export async function start(command, sources) {
  const { bundle, why } = process.env.APIGW_BIN_SOURCES === '1' ? { why: 'APIGW_BIN_SOURCES=1 asks for the sources' } : freshBundle(command);
  if (bundle !== undefined) {
    if (process.env.APIGW_BIN_DEBUG === '1') process.stderr.write(`${command}: running the bundle ${bundle}\n`);
    // Source maps stay off: Node reads a bundle's whole map as it loads it (+30–60 ms). The bundle is
    // not minified, so its stack traces read; NODE_OPTIONS=--enable-source-maps maps them to the sources.
    // The bundle runs main(process.argv) as it loads (scripts/build-electron.mjs, runMain).
    createRequire(import.meta.url)(join(root, bundle));
    return;
  }
  if (process.env.APIGW_BIN_DEBUG === '1') process.stderr.write(`${command}: running the sources through tsx: ${why}\n`);
  // Only a person reads this; piped output (tests, the console's gateway process) stays as it was.
  else if (process.stderr.isTTY) process.stderr.write(`${command}: starting from the TypeScript sources (slower): ${why}; npm run build:electron makes the bundle\n`);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`${command}: cannot start: ${why}, and tsx, which runs the sources, is not installed. Run npm install, or npm run build:electron.\n`);
    process.exit(1);
  }
  register();
  const { main } = await import(pathToFileURL(join(root, sources)).href);
  await main(process.argv);
}

/** The command's bundle when it matches the checkout; otherwise why not. */
function freshBundle(command) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', 'cli', `${command}.inputs.json`), 'utf8'));
  } catch {
    return { why: `there is no bundle yet (dist/cli/${command}.inputs.json is missing)` };
  }
  if (!sameFile(manifest.bundle, manifest.bundleStat)) return { why: `${manifest.bundle} was replaced or removed after the build` };
  // The bundle holds its dependencies: with no node_modules at all (a copy of bin/ and dist/ alone)
  // none of them can differ from it. A reinstall shows in node_modules/.package-lock.json.
  const withDependencies = statSync(join(root, 'node_modules'), { throwIfNoEntry: false }) !== undefined;
  for (const [path, recorded] of Object.entries(manifest.inputs)) {
    if (!withDependencies && path.startsWith('node_modules/')) continue;
    if (!sameFile(path, recorded)) return { why: `${path} changed since ${manifest.bundle} was built` };
  }
  return { bundle: manifest.bundle };
}

function sameFile(path, recorded) {
  if (!recorded) return false;
  const info = statSync(join(root, path), { throwIfNoEntry: false });
  return info !== undefined && info.mtimeMs === recorded[0] && info.size === recorded[1];
}
