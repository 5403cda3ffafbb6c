/** `agw:app.info`: how the app runs, its version, and where secrets are kept (and how well). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';

export type Vault = AppInfo['vault'];

/** Browser mode keeps secrets in 0600 files: say so plainly, the UI shows it. */
export function fileVault(dataDir: string): Vault {
  return {
    kind: 'file',
    description: `Secrets are stored in 0600 files in ${dataDir} and beside each project (<name>.secrets.yaml); not encrypted`,
    encrypted: false,
    persistent: true,
  };
}

export interface AppInfoOptions {
  mode: AppInfo['mode'];
  dataDir: string;
  /** Holds package.json. */
  appRoot: string;
  /** The desktop app passes its safeStorage vault's own description. */
  vault?: Vault;
}

export async function readAppInfo(options: AppInfoOptions): Promise<AppInfo> {
  const pkg = JSON.parse(await readFile(join(options.appRoot, 'package.json'), 'utf8')) as { version?: string };
  return {
    mode: options.mode,
    version: pkg.version ?? 'unknown',
    vault: options.vault ?? fileVault(options.dataDir),
    dataDir: options.dataDir,
  };
}
