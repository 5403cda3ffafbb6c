/**
 * Where apply writes what it learns (cloud ids, fingerprints, relations, deployed versions) as
 * each step succeeds, so an interruption loses nothing. The project-file recorder saves the
 * project atomically; changes that arrive while a save runs go into the next one, so a burst of
 * steps costs a few saves, and each step waits until its change is on disk.
 */
import type { CloudIds, Project } from '../../shared/model/schema';
import { emptyCloudIds } from '../../shared/sync/plan';
import { ProjectStore } from '../workspace/project-store';
import { WorkspaceError, formatFileProblem } from '../workspace/workspace-error';

export interface SyncRecorder {
  /** The record as it is now (live: changed by update). */
  readonly ids: CloudIds;
  /** The project as it is now. */
  readonly project: Project;
  /** Changes the record and keeps it; resolves once it is kept. */
  update(change: (ids: CloudIds) => void): Promise<void>;
  /** Changes the design itself (a rollback record) and keeps it. */
  updateProject(change: (project: Project) => Project): Promise<void>;
}

/** Keeps the record in memory only (tests, a plan preview). */
export function memoryRecorder(project: Project, profileKey: string): SyncRecorder {
  const holder = { project: withIds(project, profileKey) };
  return {
    get ids() {
      return holder.project.cloud[profileKey];
    },
    get project() {
      return holder.project;
    },
    async update(change) {
      change(holder.project.cloud[profileKey]);
    },
    async updateProject(change) {
      holder.project = withIds(change(holder.project), profileKey);
    },
  };
}

function withIds(project: Project, profileKey: string): Project {
  if (project.cloud[profileKey]) return project;
  return { ...project, cloud: { ...project.cloud, [profileKey]: emptyCloudIds() } };
}

/** Loads a project file (refusing one with problems) and records into it. */
export async function projectFileRecorder(path: string, profileKey: string, store = new ProjectStore()): Promise<SyncRecorder> {
  const loaded = await store.load(path);
  if (!loaded.project || loaded.problems.length > 0) {
    const first = loaded.problems[0] ? `: ${formatFileProblem(loaded.problems[0])}` : '';
    throw new WorkspaceError('LOAD_FAILED', path, `cannot sync ${path}: it has ${loaded.problems.length} problem(s)${first}; run apigw-studio validate and fix them first`, loaded.problems);
  }
  let project = withIds(loaded.project, profileKey);
  const document = loaded.document;
  let saving: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  const persist = (): Promise<void> => {
    if (queued) return queued;
    const next = saving.catch(() => undefined).then(async () => {
      queued = undefined;
      await store.save(path, project, { document });
    });
    queued = next;
    saving = next;
    return next;
  };

  return {
    get ids() {
      return project.cloud[profileKey];
    },
    get project() {
      return project;
    },
    update(change) {
      change(project.cloud[profileKey]);
      return persist();
    },
    updateProject(change) {
      project = withIds(change(project), profileKey);
      return persist();
    },
  };
}
