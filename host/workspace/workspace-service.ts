/**
 * The open project, as the UI sees it: open, create, save, recent projects, and a notice when the
 * file changes on disk. Saves name the revision (sha256 of the file's text) the UI loaded, so a
 * change made by another program is never overwritten silently.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Document } from 'yaml';
import type { ProjectState, RecentProject } from '../../shared/ipc/contract';
import { PROJECT_FORMAT, Project } from '../../shared/model/schema';
import { localStatePathFor, serializeProject } from '../../shared/project-file';
import { newProjectPath, resolveUserPath } from '../base/file-access';
import { HostError } from '../base/host-error';
import type { HostEvents } from '../base/host-events';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { contentHash } from './file-guard';
import { type ProjectLoadResult, ProjectStore, projectRevision } from './project-store';
import { type FileProblem, WorkspaceError, formatFileProblem, readFailure } from '../base/workspace-error';
import { type FileWatch, watchFile } from './file-watcher';
import { copyQuickstart, quickstartCopyPath } from './first-start';
import { SerialQueue } from '../base/serial-queue';
import { SettingsStore, withRecent } from '../settings';

export type FilePurpose = 'open' | 'save' | 'import';
/** A file dialog: the Electron main passes a native one; browser mode has none. */
export type ChooseFile = (request: { purpose: FilePurpose }) => Promise<{ supported: boolean; path?: string }>;

export interface WorkspaceServiceOptions {
  /** Holds settings.json and, on first start, projects/quickstart.*. */
  dataDir: string;
  /** The app's folder, holding examples/. */
  appRoot: string;
  events: HostEvents;
  chooseFile?: ChooseFile;
  /** Quiet time before a change on disk is reported. */
  watchDebounceMs?: number;
}

export interface SaveRequest {
  project: Project;
  revision: string;
  force?: boolean;
}

interface OpenProject {
  state: ProjectState;
  /** The parsed file, passed back on save to keep the user's comments and key order. */
  document: Document;
  problems: FileProblem[];
}

/** The revision of a file's content, as ProjectState.revision and the save check use it. */
export function revisionOf(text: string): string {
  return contentHash(text);
}

export class WorkspaceService {
  private opened?: OpenProject;
  private watch?: FileWatch;
  /** The disk revision last reported, so one change is reported once. */
  private notified?: string;
  private readonly queue = new SerialQueue();
  private readonly store = new ProjectStore();
  private readonly settings: SettingsStore;
  /** Runs writing the project file themselves (a sync recording cloud ids), going on now. */
  private writers = 0;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.settings = new SettingsStore(options.dataDir);
  }

  /**
   * Opens the first project: `projectPath` when given; else the most recent one that still reads;
   * else (first start) a copy of the quickstart in the data dir, in demo mode.
   */
  async start(projectPath?: string): Promise<ProjectState> {
    if (projectPath !== undefined) return this.open(projectPath);
    for (const entry of await this.recent()) {
      try {
        return await this.open(entry.path);
      } catch (error) {
        if (!(error instanceof WorkspaceError && error.code === 'READ_FAILED')) throw error;
      }
    }
    return this.open(await copyQuickstart(this.options.appRoot, this.options.dataDir));
  }

  async current(): Promise<ProjectState> {
    return this.requireOpen().state;
  }

  /** The project as loaded, or undefined when the open file failed to load. */
  project(): Project | undefined {
    return this.opened?.state.project;
  }

  /** The open project file's path. */
  projectPath(): string {
    return this.requireOpen().state.path;
  }

  open(path: string): Promise<ProjectState> {
    return this.queue.run(async () => {
      const state = await this.load(resolveUserPath(path));
      await this.remember(state);
      this.options.events.emit('agw:project.opened', state);
      return state;
    });
  }

  /** Writes a new project with nothing in it, then opens it. `.apigw.yaml` is added to a path without a YAML extension. */
  async create(request: { path: string; name: string }): Promise<ProjectState> {
    const path = newProjectPath(request.path);
    await this.queue.run(async () => {
      if (await exists(path)) {
        throw new HostError('ALREADY_EXISTS', `Not creating ${path}: a file is already there. Open it, or choose another name.`);
      }
      const project = Project.parse({ format: PROJECT_FORMAT, name: request.name });
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, serializeProject(project));
      } catch (error) {
        throw new WorkspaceError('WRITE_FAILED', path, `could not create ${path}: ${(error as Error).message}`, [], { cause: error });
      }
    });
    return this.open(path);
  }

  /**
   * Saves the design over the open file. Refused (WorkspaceError) unless `force` when the file on
   * disk is no longer `revision` (CHANGED_ON_DISK) or failed to load (LOAD_FAILED); a project
   * holding a secret is refused always (SECRET_IN_PROJECT). The previous file is kept as `.bak`.
   */
  save(request: SaveRequest): Promise<ProjectState> {
    return this.queue.run(async () => {
      if (this.writers > 0) {
        throw new HostError('BUSY', 'Not saving now: a sync is recording cloud ids in this file. Save again once it has ended (the Cloud screen shows it); your edits are kept.');
      }
      const opened = this.requireOpen();
      const { path } = opened.state;
      if (!request.force) await this.checkSavable(opened, request.revision);
      // The checks above replace the store's own (it would also refuse a file with rule problems, which the UI is there to fix).
      const saved = await this.store.save(path, request.project, { document: opened.state.project ? opened.document : undefined, force: true });
      const state = await this.load(path);
      await this.remember(state);
      // What opening said was shown then; a save tells only what it did (an older file split once).
      return { ...state, notices: saved.notice ? [saved.notice] : [] };
    });
  }

  /**
   * Runs `work`, which writes the open project file itself (a sync recording cloud ids as it goes):
   * its writes are not reported as another program's, and the file is read again afterwards. The
   * UI reloads it when the work's own answer or event says it ended.
   */
  async writeThrough<T>(work: (path: string) => Promise<T>): Promise<T> {
    const path = this.projectPath();
    this.writers += 1;
    try {
      return await work(path);
    } finally {
      this.writers -= 1;
      await this.queue.run(async () => {
        if (this.opened?.state.path === path) await this.load(path);
      });
    }
  }

  async recent(): Promise<RecentProject[]> {
    return (await this.settings.read()).recentProjects;
  }

  /** The file's text as it is on disk now. */
  text(): Promise<{ text: string }> {
    return this.queue.run(async () => {
      const { path } = this.requireOpen().state;
      try {
        return { text: await readFile(path, 'utf8') };
      } catch (error) {
        throw readFailure(path, 'project file', error);
      }
    });
  }

  async chooseFile(request: { purpose: FilePurpose }): Promise<{ supported: boolean; path?: string }> {
    return this.options.chooseFile ? this.options.chooseFile(request) : { supported: false };
  }

  async close(): Promise<void> {
    this.watch?.close();
    this.watch = undefined;
    await this.queue.run(async () => undefined);
  }

  private async checkSavable(opened: OpenProject, revision: string): Promise<void> {
    const { path, project } = opened.state;
    const disk = await projectRevision(path);
    if (disk === '') {
      throw new WorkspaceError('CHANGED_ON_DISK', path, `not saving ${path}: it was deleted or moved since it was opened; save with force to write it again`);
    }
    const overwrite = `save with force to overwrite it (the current file is then kept as ${path}.bak)`;
    if (disk !== revision) {
      throw new WorkspaceError('CHANGED_ON_DISK', path, `not saving over ${path}: it changed on disk since it was opened (another program?); reopen it to see the changes, or ${overwrite}`);
    }
    if (!project) {
      const { problems } = opened;
      const first = problems.length > 0 ? ` — ${formatFileProblem(problems[0])}` : '';
      throw new WorkspaceError('LOAD_FAILED', path, `not saving over ${path}: it failed to load, so saving could lose what it holds${first}; fix the file and reopen it, or ${overwrite}`, problems);
    }
  }

  /** Loads `path` and makes it the open project, watching it for changes. */
  private async load(path: string): Promise<ProjectState> {
    const result = await this.store.load(path);
    const state = stateOf(result, path === quickstartCopyPath(this.options.dataDir));
    if (this.opened?.state.path !== path) {
      this.watch?.close();
      // The design and the local state: a deploy or rollback from the command line changes only the latter.
      const watches = [path, localStatePathFor(path)].map((file) => watchFile(file, () => this.checkDisk(path), this.options.watchDebounceMs));
      this.watch = { close: () => watches.forEach((watch) => watch.close()) };
    }
    this.opened = { state, document: result.document, problems: result.problems };
    this.notified = undefined;
    return state;
  }

  private async remember(state: ProjectState): Promise<void> {
    const entry = { path: state.path, name: state.project?.name ?? state.fileName, openedAt: new Date().toISOString() };
    await this.settings.update((settings) => ({ ...settings, recentProjects: withRecent(settings.recentProjects, entry) }));
  }

  /** Runs after pending saves, so the app's own writes are never reported as someone else's. */
  private checkDisk(path: string): void {
    void this.queue.run(async () => {
      if (this.opened?.state.path !== path || this.writers > 0) return;
      // A deleted file is reported with an empty revision.
      const revision = await projectRevision(path);
      if (revision === this.opened.state.revision || revision === this.notified) return;
      this.notified = revision;
      this.options.events.emit('agw:project.changedOnDisk', { path, revision });
    });
  }

  private requireOpen(): OpenProject {
    if (!this.opened) throw new HostError('NO_PROJECT', 'No project is open yet. Open or create one.');
    return this.opened;
  }
}

function stateOf(result: ProjectLoadResult, demo: boolean): ProjectState {
  return {
    path: result.path,
    fileName: basename(result.path),
    project: result.project,
    problems: result.problems,
    revision: result.revision,
    demo,
    notices: result.notices,
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
