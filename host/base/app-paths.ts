/** Where the app's files are: its own folder (package.json, examples/, dist/) and the user's data dir. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: two levels up from this module, both in the sources
 * (host/base/) and in the bundle (dist/electron/, whose build defines import.meta.url).
 */
export function defaultAppRoot(): string {
  return resolve(fileURLToPath(new URL('../..', import.meta.url)));
}

/** The built renderer that browser mode serves. */
export function rendererDir(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

/**
 * The per-user data dir, where Electron puts userData for this app too: ~/.config/apigw-studio
 * (or $XDG_CONFIG_HOME), ~/Library/Application Support/API Gateway Studio, %APPDATA%\API Gateway Studio.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'API Gateway Studio');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'API Gateway Studio');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'apigw-studio');
}
