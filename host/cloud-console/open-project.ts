/**
 * The open project as the cloud side of the console reads and records it: the design (refused
 * while the file fails to load), the file's revision, the recorder that writes cloud ids into it
 * as sync makes them, and the console's runs of the OpenAPI call log, which name the project.
 */
import { basename } from 'node:path';
import type { Project } from '../../shared/model/schema';
import type { CallLog } from '../cloud';
import { HostError } from '../base/host-error';
import { WorkspaceError } from '../base/workspace-error';
import type { WorkspaceService } from '../workspace';
import { ProjectStore, projectRevision } from '../workspace';
import { projectFileRecorder } from '../sync';

export class OpenProject {
  constructor(private readonly options: { workspace: WorkspaceService; calls: CallLog }) {}

  get workspace(): WorkspaceService {
    return this.options.workspace;
  }

  path(): string {
    return this.options.workspace.projectPath();
  }

  /** The design as loaded; a file that failed to load is not synced. */
  require(): Project {
    const project = this.options.workspace.project();
    if (!project) throw new HostError('NO_PROJECT', 'The open project file failed to load; fix it before syncing.');
    return project;
  }

  /** The revision of the project on disk now, design and state files (what a plan or a run saw is compared with it). */
  async revision(): Promise<string> {
    return projectRevision(this.path());
  }

  /** The project file at `path` as sync records into it; a file with problems is refused, naming them. */
  async recorder(path: string, profileKey: string) {
    try {
      return await projectFileRecorder(path, profileKey);
    } catch (error) {
      if (error instanceof WorkspaceError && error.code === 'LOAD_FAILED') {
        throw new HostError('INVALID_DESIGN', `${basename(path)} has problems to fix before syncing: ${error.message.split(': ').slice(-1)[0]}`, error.problems);
      }
      throw error;
    }
  }

  /** Changes the open project's recorded cloud ids (nothing else), refusing a file with problems. */
  async rewriteCloudIds(change: (cloud: Project['cloud']) => Project['cloud']): Promise<void> {
    await this.options.workspace.writeThrough(async (path) => {
      const store = new ProjectStore();
      const loaded = await store.load(path);
      if (!loaded.project || loaded.problems.length > 0) {
        throw new HostError('INVALID_DESIGN', `${basename(path)} has problems to fix first; its recorded cloud ids were left as they are.`, loaded.problems);
      }
      await store.save(path, { ...loaded.project, cloud: change(loaded.project.cloud) }, { document: loaded.document });
    });
  }

  /** `work` as a run of the call log, for the open project. */
  inRun<T>(title: string, kind: 'plan' | 'pull', work: () => Promise<T>): Promise<T> {
    return this.options.calls.run({ title, kind, source: 'console', project: this.path() }, work);
  }
}
