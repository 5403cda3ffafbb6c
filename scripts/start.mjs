#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, browser mode otherwise.
// Extra arguments (`npm start -- --port 8080`) go to `apigw-studio ui` in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron executable's path, when the package and its binary are both installed. */
function electronBinary() {
  try {
    // In plain Node the electron package exports the binary's path; it throws when the binary was not downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal's process group; the parent waits for it to finish.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // `.` and not the bundle's path: Electron then takes the app's folder and name from package.json (its "main").
  run(electron, ['.', ...process.argv.slice(2)]);
} else {
  console.log("Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so API Gateway Studio starts in browser mode.");
  // The console and the gateway it forks then start from their bundles; if the build fails, the bins
  // run the sources through tsx instead (bin/bundle-or-sources.js), slower but the same program.
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) console.log('The bundles could not be built (above); starting from the TypeScript sources.');
  run(process.execPath, ['bin/apigw-studio.js', 'ui', ...process.argv.slice(2)]);
}
