/**
 * The offline cloud's data dir and the files it keeps there: the state (apps' AppSecret and
 * AppCode among it) and, while it runs, its admin token. Only the user may read them: the dir is
 * 0700 and the files 0600, created so (a temp file is born 0600, never chmod-ed afterwards) and
 * tightened at every start when an older version or a hand left them wider.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../shared/node/data-dir';
import { writeFileAtomic } from '../shared/node/atomic-write';

export const STATE_FILE_NAME = 'offline-cloud-state.json';
/** `{ url, adminToken }` of the offline cloud running on this data dir; removed when it stops. */
export const ADMIN_FILE_NAME = 'offline-cloud-admin.json';

/** Every file the offline cloud writes in its data dir (the backup is what older versions kept). */
const DATA_FILE_NAMES = [STATE_FILE_NAME, `${STATE_FILE_NAME}.bak`, ADMIN_FILE_NAME];

/**
 * Creates the data dir 0700, or tightens an existing one, and its files to 0600. Only the files
 * named above are touched: `--data` may point at a folder holding the user's other files.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  await chmod(dataDir, DATA_DIR_MODE);
  for (const name of DATA_FILE_NAMES) {
    try {
      await chmod(join(dataDir, name), DATA_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Replaces a file of the data dir atomically, its temp file created 0600. */
export function writeDataFile(dataDir: string, name: string, text: string): Promise<unknown> {
  return writeFileAtomic(join(dataDir, name), text, { mode: DATA_FILE_MODE });
}

export interface AdminFile {
  /** The offline cloud's URL, e.g. http://127.0.0.1:9100. */
  url: string;
  /** Sent as X-Sim-Admin-Token to /_sim/. */
  adminToken: string;
}

/** What the offline cloud running on `dataDir` wrote about itself, or undefined when none runs. */
export async function readAdminFile(dataDir: string): Promise<AdminFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, ADMIN_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as AdminFile;
}

/** Removes the admin file, unless a later start on the same data dir has replaced it with its own. */
export async function removeAdminFile(dataDir: string, adminToken: string): Promise<void> {
  const current = await readAdminFile(dataDir).catch(() => undefined);
  if (current?.adminToken === adminToken) await rm(join(dataDir, ADMIN_FILE_NAME), { force: true });
}
