/**
 * The project file on disk: load with problems that name file and line, save atomically with the
 * previous version kept as `.bak`. A file that failed to load, or changed since, is never
 * overwritten without `force`; a project holding a secret is never written.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Document } from 'yaml';
import { formatPath } from '../../shared/model/problems';
import type { Project } from '../../shared/model/schema';
import { findSecretsInProject, parseProjectText, parseSecretsText, secretValuesOf, secretsFileNameFor, serializeProject } from '../../shared/project-file';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { FileGuard } from './file-guard';
import { type FileProblem, WorkspaceError, readFailure } from '../base/workspace-error';

export interface ProjectLoadResult {
  path: string;
  /** Present when the shape is right; the file is valid only when `problems` is empty too. */
  project?: Project;
  problems: FileProblem[];
  text: string;
  /** Pass back to saveProject to keep the user's comments, key order and style. */
  document: Document;
}

export interface SaveProjectOptions {
  /** The document from loadProject (updated in place): keeps comments and key order. */
  document?: Document;
  /** Save as / explicit overwrite: skip the "failed to load" and "changed on disk" checks. */
  force?: boolean;
  /** Secret values held elsewhere (the vault); those of the secrets file beside the project are added. */
  knownSecrets?: Iterable<string>;
}

export interface SaveProjectResult {
  path: string;
  /** False when the file already held exactly this text (nothing was written). */
  changed: boolean;
  backupPath?: string;
  text: string;
}

export class ProjectStore {
  private readonly guard = new FileGuard('project file');

  async load(path: string): Promise<ProjectLoadResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw readFailure(path, 'project file', error);
    }
    const text = bytes.toString('utf8');
    const knownSecrets = await secretsBeside(path);
    const { project, problems, document } = parseProjectText(text, path, { knownSecrets });
    const fileProblems = problems.map((problem) => ({ ...problem, file: path }));
    this.guard.remember(path, bytes, fileProblems);
    return { path, project, problems: fileProblems, text, document };
  }

  async save(path: string, project: Project, options: SaveProjectOptions = {}): Promise<SaveProjectResult> {
    const knownSecrets = [...(await secretsBeside(path)), ...(options.knownSecrets ?? [])];
    const leaks = findSecretsInProject(project, knownSecrets, { secretsFileName: basename(secretsFileNameFor(path)) });
    if (leaks.length > 0) {
      const where = leaks.map((leak) => formatPath(leak.path)).join(', ');
      throw new WorkspaceError('SECRET_IN_PROJECT', path, `not saving ${path}: the project holds a secret at ${where}; ${leaks[0].message}`);
    }
    const current = await this.guard.checkOverwrite(path, options.force);
    const text = serializeProject(project, options.document);
    if (current !== undefined && current.equals(Buffer.from(text))) {
      this.guard.remember(path, current);
      return { path, changed: false, text };
    }
    let backupPath: string | undefined;
    try {
      ({ backupPath } = await writeFileAtomic(path, text, { backup: true }));
    } catch (error) {
      throw new WorkspaceError('WRITE_FAILED', path, `could not save ${path}: ${(error as Error).message}; the file on disk is unchanged`, [], { cause: error });
    }
    this.guard.remember(path, text);
    return { path, changed: true, backupPath, text };
  }
}

/** Values of the secrets file beside the project, when it exists and reads cleanly. */
async function secretsBeside(projectPath: string): Promise<string[]> {
  const secretsPath = secretsFileNameFor(projectPath);
  try {
    return secretValuesOf(parseSecretsText(await readFile(secretsPath, 'utf8'), secretsPath).secrets);
  } catch {
    return [];
  }
}

const defaultStore = new ProjectStore();

/** Loads a project file; problems carry the file path and line. Throws WorkspaceError when unreadable. */
export function loadProject(path: string): Promise<ProjectLoadResult> {
  return defaultStore.load(path);
}

/** Saves a project file atomically, keeping `<file>.bak`; refuses (WorkspaceError) as described on ProjectStore. */
export function saveProject(path: string, project: Project, options?: SaveProjectOptions): Promise<SaveProjectResult> {
  return defaultStore.save(path, project, options);
}
