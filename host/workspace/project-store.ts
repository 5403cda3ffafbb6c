/**
 * A project on disk: the design file and the state files beside it (docs/project-file.md, "Three
 * kinds of data"), loaded as one Project with problems that name file and line, and saved file by
 * file, each atomically with the previous version kept as `.bak`. A file that failed to load, or
 * changed since, is never overwritten without `force`; a project holding a secret is never written.
 * An older design file that still holds state is split on its first save, and the save says so.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Document } from 'yaml';
import { formatPath } from '../../shared/model/problems';
import type { Project } from '../../shared/model/schema';
import {
  type LayoutDocuments,
  type LayoutFile,
  cloudStateFolderFor,
  cloudStatePathFor,
  findSecretsInProject,
  localStatePathFor,
  parseProjectLayout,
  parseSecretsText,
  secretValuesOf,
  secretsFileNameFor,
  serializeProjectLayout,
  stateFolderFor,
} from '../../shared/project-file';
import { backupPathFor, writeFileAtomic } from '../../shared/node/atomic-write';
import { FileGuard } from './file-guard';
import { ensureGitignoreLines } from './gitignore';
import { type FileProblem, WorkspaceError, readFailure } from '../base/workspace-error';

export interface ProjectLoadResult {
  path: string;
  /** Present when the shape is right; the project is valid only when `problems` is empty too. */
  project?: Project;
  /** Every file's problems, each naming its file and line. */
  problems: FileProblem[];
  /** The design file's text. */
  text: string;
  /** The design file's document. Pass it back to saveProject to keep comments, key order and style in every file. */
  document: Document;
  /** The hash of every file of the project, design and state: equal revisions, nothing changed. */
  revision: string;
  /** Disagreements between the design and its state that do not stop loading (kept, and said). */
  notices: string[];
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
  /** False when every file already held exactly this text (nothing was written). */
  changed: boolean;
  /** The design file's previous version, when the design file was written over. */
  backupPath?: string;
  /** The design file's text. */
  text: string;
  /** Every file written (state files first, then the design). */
  written: string[];
  /** Said once, on the save that moved an older design file's state out into the state files. */
  notice?: string;
}

/** The state documents loaded with each design document, so a save given the design's document keeps theirs too. */
const loadedLayouts = new WeakMap<Document, LayoutDocuments>();

export class ProjectStore {
  private readonly guard = new FileGuard('project file');
  private readonly stateGuard = new FileGuard('state file');

  async load(path: string): Promise<ProjectLoadResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw readFailure(path, 'project file', error);
    }
    const text = bytes.toString('utf8');
    const state = await readStateFiles(path);
    const knownSecrets = await secretsBeside(path);
    const layout = parseProjectLayout({ design: { path, text }, local: state.local, clouds: state.clouds }, { knownSecrets });
    const problems: FileProblem[] = layout.problems;
    const problemsOf = (file: string) => problems.filter((problem) => problem.file === file);
    this.guard.remember(path, bytes, problemsOf(path));
    this.stateGuard.remember(localStatePathFor(path), state.local?.text, state.local ? problemsOf(state.local.path) : []);
    for (const file of state.clouds) this.stateGuard.remember(file.path, file.text, problemsOf(file.path));
    loadedLayouts.set(layout.documents.design, layout.documents);
    return { path, project: layout.project, problems, text, document: layout.documents.design, revision: revisionOfFiles(path, text, state), notices: layout.notices };
  }

  async save(path: string, project: Project, options: SaveProjectOptions = {}): Promise<SaveProjectResult> {
    const knownSecrets = [...(await secretsBeside(path)), ...(options.knownSecrets ?? [])];
    const leaks = findSecretsInProject(project, knownSecrets, { secretsFileName: basename(secretsFileNameFor(path)) });
    if (leaks.length > 0) {
      const where = leaks.map((leak) => formatPath(leak.path)).join(', ');
      throw new WorkspaceError('SECRET_IN_PROJECT', path, `not saving ${path}: the project holds a secret at ${where}; ${leaks[0].message}`);
    }
    const documents = options.document ? (loadedLayouts.get(options.document) ?? { design: options.document, clouds: {} }) : undefined;
    const texts = serializeProjectLayout(project, documents);
    const files: { path: string; text: string; guard: FileGuard }[] = [];
    if (texts.local !== undefined) files.push({ path: localStatePathFor(path), text: texts.local, guard: this.stateGuard });
    for (const [key, text] of Object.entries(texts.clouds)) files.push({ path: documents?.clouds[key]?.path ?? cloudStatePathFor(path, key), text, guard: this.stateGuard });
    // The design goes last: a save interrupted while an older file is split leaves its state in both places, never in none.
    files.push({ path, text: texts.design, guard: this.guard });
    const removed = Object.entries(documents?.clouds ?? {}).filter(([key]) => !(key in texts.clouds)).map(([, file]) => file.path);

    // Every check before any write: a refused save writes nothing.
    const current = new Map<string, Buffer | undefined>();
    for (const file of files) current.set(file.path, await file.guard.checkOverwrite(file.path, options.force));
    for (const file of removed) await this.stateGuard.checkOverwrite(file, options.force);

    const written: string[] = [];
    let backupPath: string | undefined;
    for (const file of files) {
      const before = current.get(file.path);
      if (before !== undefined && before.equals(Buffer.from(file.text))) {
        file.guard.remember(file.path, before);
        continue;
      }
      try {
        await mkdir(dirname(file.path), { recursive: true });
        const result = await writeFileAtomic(file.path, file.text, { backup: true });
        if (file.path === path) backupPath = result.backupPath;
      } catch (error) {
        const already = written.length > 0 ? ` (already saved: ${written.join(', ')})` : '';
        throw new WorkspaceError('WRITE_FAILED', path, `could not save ${file.path}: ${(error as Error).message}; that file on disk is unchanged${already}`, [], { cause: error });
      }
      file.guard.remember(file.path, file.text);
      written.push(file.path);
    }
    // A profile's ids the project no longer holds (Reset demo, a renamed profile): the file is kept as its .bak.
    for (const file of removed) {
      await rename(file, backupPathFor(file));
      this.stateGuard.remember(file, undefined);
      written.push(file);
    }
    if (written.length > 0) await ensureGitignoreLines(dirname(path), projectGitignoreLines(path));
    const notice = texts.moved.deployments || texts.moved.cloud.length > 0 ? migrationNotice(path, texts.moved, files) : undefined;
    return { path, changed: written.length > 0, backupPath, text: texts.design, written, notice };
  }
}

function migrationNotice(path: string, moved: { deployments: boolean; cloud: string[] }, files: { path: string }[]): string {
  const dir = dirname(path);
  const where = (file: string) => relative(dir, file);
  const parts: string[] = [];
  if (moved.deployments) parts.push(`the local deployments to ${where(localStatePathFor(path))}`);
  if (moved.cloud.length > 0) {
    const clouds = files.filter((file) => file.path.startsWith(cloudStateFolderFor(path))).map((file) => where(file.path));
    parts.push(`the cloud ids of ${moved.cloud.join(', ')} to ${clouds.join(', ')}`);
  }
  return `${basename(path)} is now in the new layout: moved ${parts.join(' and ')}; the design file holds the design only, and its previous version is kept as ${basename(backupPathFor(path))} (docs/project-file.md, "Three kinds of data").`;
}

/**
 * What the project's folder `.gitignore` lists for this project: its secrets file, the design's
 * backup, the local state and every state file's backup. A line written negated (`!<line>`) by the team is their
 * choice to commit it, and is respected (ensureGitignoreLines).
 */
export function projectGitignoreLines(projectPath: string): string[] {
  const state = basename(stateFolderFor(projectPath));
  return [basename(secretsFileNameFor(projectPath)), basename(backupPathFor(projectPath)), `${state}/local.yaml`, `${state}/**/*.bak`, '*.tmp-*'];
}

interface StateFiles {
  local?: LayoutFile;
  clouds: LayoutFile[];
}

async function readStateFiles(projectPath: string): Promise<StateFiles> {
  const localPath = localStatePathFor(projectPath);
  const local = await readIfExists(localPath);
  const clouds: LayoutFile[] = [];
  for (const file of await yamlFilesUnder(cloudStateFolderFor(projectPath))) {
    const text = await readIfExists(file);
    if (text !== undefined) clouds.push({ path: file, text });
  }
  return { local: local === undefined ? undefined : { path: localPath, text: local }, clouds };
}

/** `*.yaml` files under `dir`, in a stable order (never a `.bak` or a temp file). */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw readFailure(dir, 'state folder', error);
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFilesUnder(full)));
    else if (entry.isFile() && entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readFailure(path, 'state file', error);
  }
}

function revisionOfFiles(projectPath: string, designText: string, state: StateFiles): string {
  const hash = createHash('sha256').update(designText);
  for (const file of [...(state.local ? [state.local] : []), ...state.clouds]) hash.update(`\u0000${relative(dirname(projectPath), file.path)}\u0000`).update(file.text);
  return hash.digest('hex');
}

/** The revision of the project on disk now: the hash of its design file and every state file. Empty when the design file is gone. */
export async function projectRevision(projectPath: string): Promise<string> {
  const text = await readIfExists(projectPath).catch(() => undefined);
  if (text === undefined) return '';
  return revisionOfFiles(projectPath, text, await readStateFiles(projectPath).catch(() => ({ clouds: [] })));
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

/** Loads a project (its design and state files); problems carry the file path and line. Throws WorkspaceError when unreadable. */
export function loadProject(path: string): Promise<ProjectLoadResult> {
  return defaultStore.load(path);
}

/** Saves a project's files atomically, keeping `<file>.bak`; refuses (WorkspaceError) as described on ProjectStore. */
export function saveProject(path: string, project: Project, options?: SaveProjectOptions): Promise<SaveProjectResult> {
  return defaultStore.save(path, project, options);
}
