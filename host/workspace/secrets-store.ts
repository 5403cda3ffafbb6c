/**
 * The secrets file beside a project (`<name>.secrets.yaml`): readable by its owner only (0600),
 * written atomically, and listed in the folder's `.gitignore` so it is never committed. It keeps
 * no `.bak`: every version is written whole by the app, and a backup would only keep the secrets
 * a rotation or a deletion meant to be gone.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Document } from 'yaml';
import type { SecretsFile } from '../../shared/model/schema';
import { parseSecretsText, serializeSecrets } from '../../shared/project-file';
import { backupPathFor, writeFileAtomic } from '../../shared/node/atomic-write';
import { FileGuard } from './file-guard';
import { ensureGitignoreLines } from './gitignore';
import { type FileProblem, WorkspaceError, readFailure } from '../base/workspace-error';

export const SECRETS_FILE_MODE = 0o600;

export interface SecretsLoadResult {
  path: string;
  /** Empty secrets when the file does not exist yet; absent when it failed to load. */
  secrets?: SecretsFile;
  problems: FileProblem[];
  exists: boolean;
  /** Things to tell the user that do not stop loading (a file others can read, say). */
  warnings: string[];
  document?: Document;
}

export interface SaveSecretsOptions {
  document?: Document;
  force?: boolean;
  /** The project the secrets belong to, for its `.bak` line in `.gitignore`; `<name>.apigw.yaml` when not given. */
  projectPath?: string;
}

export class SecretsStore {
  private readonly guard = new FileGuard('secrets file');

  async load(path: string): Promise<SecretsLoadResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.guard.remember(path, undefined);
        return { path, secrets: { apps: {} }, problems: [], exists: false, warnings: [] };
      }
      throw readFailure(path, 'secrets file', error);
    }
    const { secrets, problems, document } = parseSecretsText(bytes.toString('utf8'), path);
    const fileProblems = problems.map((problem) => ({ ...problem, file: path }));
    this.guard.remember(path, bytes, fileProblems);
    return { path, secrets, problems: fileProblems, exists: true, warnings: await modeWarnings(path), document };
  }

  async save(path: string, secrets: SecretsFile, options: SaveSecretsOptions = {}): Promise<{ path: string }> {
    await this.guard.checkOverwrite(path, options.force);
    const text = serializeSecrets(secrets, options.document);
    try {
      await writeFileAtomic(path, text, { mode: SECRETS_FILE_MODE });
      // Earlier versions kept one; it may hold a secret that has since been rotated or deleted.
      await rm(backupPathFor(path), { force: true });
    } catch (error) {
      throw new WorkspaceError('WRITE_FAILED', path, `could not save ${path}: ${(error as Error).message}; the file on disk is unchanged`, [], { cause: error });
    }
    this.guard.remember(path, text);
    await ensureGitignoreLines(dirname(path), gitignoreLinesFor(path, options.projectPath));
    return { path };
  }
}

/** The secrets file, its backup (kept by earlier versions), the project's backup, and every temp file of an atomic write. */
export function gitignoreLinesFor(secretsPath: string, projectPath?: string): string[] {
  const secrets = basename(secretsPath);
  const project = basename(projectPath ?? join(dirname(secretsPath), secrets.replace(/\.secrets\.yaml$/, '.apigw.yaml')));
  return [secrets, basename(backupPathFor(secrets)), basename(backupPathFor(project)), '*.tmp-*'];
}

async function modeWarnings(path: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [`${path} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`];
}
