/**
 * What each file looked like when it was last loaded or saved, so that a save never overwrites
 * a file that failed to load (its content could not be represented, so it would be lost) or
 * that someone changed in the meantime.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type FileProblem, WorkspaceError, formatFileProblem, readFailure } from '../base/workspace-error';

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

interface LoadRecord {
  /** Hash of the content; undefined when the file did not exist. */
  hash?: string;
  problems: FileProblem[];
}

export class FileGuard {
  private readonly records = new Map<string, LoadRecord>();

  constructor(private readonly what: string) {}

  remember(path: string, content: string | Uint8Array | undefined, problems: FileProblem[] = []): void {
    this.records.set(resolve(path), { hash: content === undefined ? undefined : contentHash(content), problems });
  }

  /**
   * Throws unless `path` may be overwritten: it does not exist, or it is what was last loaded or
   * saved here and that loaded cleanly. `force` (save as, explicit overwrite) skips the checks;
   * the old content is kept as `.bak` either way. Returns the current content, if any.
   */
  async checkOverwrite(path: string, force = false): Promise<Buffer | undefined> {
    const current = await readIfExists(path, this.what);
    if (force || current === undefined) return current;
    const record = this.records.get(resolve(path));
    const hint = `, or save with force to overwrite it (the current file is then kept as ${path}.bak)`;
    if (!record) {
      throw new WorkspaceError('NOT_LOADED', path, `not saving over ${this.what} ${path}: it exists but was not opened here; open it first${hint}`);
    }
    if (record.hash !== contentHash(current)) {
      throw new WorkspaceError('CHANGED_ON_DISK', path, `not saving over ${this.what} ${path}: it changed on disk since it was opened (another program?); reopen it to see the changes${hint}`);
    }
    if (record.problems.length > 0) {
      const first = formatFileProblem(record.problems[0]);
      const more = record.problems.length > 1 ? ` (and ${record.problems.length - 1} more)` : '';
      throw new WorkspaceError(
        'LOAD_FAILED',
        path,
        `not saving over ${this.what} ${path}: it failed to load, so saving could lose what it holds — ${first}${more}; fix the file and reopen it${hint}`,
        record.problems,
      );
    }
    return current;
  }
}

async function readIfExists(path: string, what: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readFailure(path, what, error);
  }
}
