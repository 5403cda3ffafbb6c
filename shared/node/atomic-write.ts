/**
 * Replacing a file so that a crash at any moment leaves either the old or the new content,
 * never a mix: write a temp file in the same folder, fsync it, rename it over the target, fsync
 * the folder. The previous version is kept as `<file>.bak`, also swapped in by rename.
 */
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * File mode for the new file (e.g. 0o600 for secrets); set at creation and again after rename.
   * When not given, a file being replaced keeps its own mode (a file a person or the app made
   * private stays private), and a new one gets the default.
   */
  mode?: number;
  /** Keep the file being replaced as `<file>.bak`. */
  backup?: boolean;
}

export interface AtomicWriteResult {
  /** Where the previous version was kept, when there was one and `backup` was asked. */
  backupPath?: string;
}

/** `<name>.tmp-<pid>-<random>` (and `<name>.bak.tmp-...`): never ends in `.yaml`, so no glob mistakes it for a project. */
const TEMP_NAME = /\.tmp-(\d+)-[0-9a-f]+$/;

function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function backupPathFor(path: string): string {
  return `${path}.bak`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const dir = dirname(path);
  await sweepStaleTempFiles(path);
  const temp = tempPathFor(path);
  const mode = options.mode ?? (await currentMode(path));
  // Created with the mode, not chmod-ed afterwards: no moment where others could open it.
  const handle = await open(temp, 'wx', mode ?? 0o666);
  let result: AtomicWriteResult = {};
  try {
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup) result = { backupPath: await keepBackup(path) };
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (options.mode !== undefined) await chmod(path, options.mode);
  await fsyncDirectory(dir);
  return result;
}

async function currentMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Hard-links (or, where links are not supported, copies) the current file to `<file>.bak`. */
async function keepBackup(path: string): Promise<string | undefined> {
  const backup = backupPathFor(path);
  const temp = tempPathFor(backup);
  try {
    await link(path, temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS', 'EACCES'].includes(code ?? '')) throw error;
    await copyFile(path, temp);
    await chmod(temp, (await stat(path)).mode & 0o777);
    const copy = await open(temp, 'r+');
    try {
      await copy.sync();
    } finally {
      await copy.close();
    }
  }
  try {
    await rename(temp, backup);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return backup;
}

/** Makes the renames durable. Some platforms cannot fsync a folder (Windows: EISDIR/EPERM); there the rename is all we get. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Removes temp files of `path` left by writers that died (killed mid-save); a live writer's are left alone. */
export async function sweepStaleTempFiles(path: string): Promise<string[]> {
  const dir = dirname(path);
  const prefixes = [`${basename(path)}.tmp-`, `${basename(path)}.bak.tmp-`];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (!pid || !prefixes.some((prefix) => name.startsWith(prefix)) || isAlive(Number(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
