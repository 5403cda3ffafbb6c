/**
 * The data dir is the user's alone: its folders 0700 and its files 0600, whatever the umask.
 * Files the app writes there are created with DATA_FILE_MODE; a data dir made by an earlier
 * version (or by hand, or a `--data-dir` that already existed) is tightened once at start.
 */
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const DATA_FILE_MODE = 0o600;
export const DATA_DIR_MODE = 0o700;

/** Creates the data dir if needed and takes from group and others every permission on what is in it. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  // Windows has no such modes; its profile folder is already the user's own.
  if (process.platform === 'win32') return;
  await tighten(dataDir);
}

/** Links are not followed: what they point at is not the data dir's to change. */
async function tighten(path: string): Promise<void> {
  const info = await lstat(path).catch(gone);
  if (!info) return;
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== DATA_DIR_MODE) await chmod(path, DATA_DIR_MODE);
    for (const name of await readdir(path)) await tighten(join(path, name));
  } else if (info.isFile() && (info.mode & 0o077) !== 0) {
    // Only group and other bits go: an executable the user made stays executable for them.
    await chmod(path, info.mode & 0o700);
  }
}

/** Something removed while the walk went on (a temp file renamed) is simply not there to tighten. */
function gone(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
