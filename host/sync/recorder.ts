/**
 * Where apply writes what it learns (cloud ids, fingerprints, relations, deployed versions) as
 * each step succeeds, so an interruption loses nothing. The project-file recorder saves the
 * project atomically; changes that arrive while a save runs go into the next one, so a burst of
 * steps costs a few saves, and each step waits until its change is on disk.
 */
import type { CloudIds, Project } from '../../shared/model/schema';
import { emptyCloudIds } from '../../shared/sync/plan';
import { ProjectStore } from '../workspace';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';

export interface SyncRecorder {
  /** The record as it is now (live: changed by update). */
  readonly ids: CloudIds;
  /** The project as it is now. */
  readonly project: Project;
  /**
   * Changes the record and keeps it. With `durable`, resolves once the change is on disk; without,
   * the change goes into the next save (a burst of steps costs a few saves) and a failed save is
   * thrown by the next update or flush.
   */
  update(change: (ids: CloudIds) => void, options?: { durable?: boolean }): Promise<void>;
  /** Changes the design itself (a rollback record) and keeps it, durably. */
  updateProject(change: (project: Project) => Project): Promise<void>;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
}

function withIds(project: Project, profileKey: string): Project {
  if (project.cloud[profileKey]) return project;
  return { ...project, cloud: { ...project.cloud, [profileKey]: emptyCloudIds() } };
}

/**
 * Loads a project (refusing one with problems) and records into it: the ids go to the cloud-state
 * file of `profileKey`, a rollback record to the local state (docs/project-file.md, "Three kinds of
 * data"). `onNotice` hears what the files say without stopping (design and state disagreeing, an
 * older file split on its first save).
 */
export async function projectFileRecorder(path: string, profileKey: string, store = new ProjectStore(), onNotice: (text: string) => void = () => undefined): Promise<SyncRecorder> {
  const loaded = await store.load(path);
  loaded.notices.forEach(onNotice);
  if (!loaded.project || loaded.problems.length > 0) {
    const first = loaded.problems[0] ? `: ${formatFileProblem(loaded.problems[0])}` : '';
    throw new WorkspaceError('LOAD_FAILED', path, `cannot sync ${path}: it has ${loaded.problems.length} problem(s)${first}; run apigw-studio validate and fix them first`, loaded.problems);
  }
  let project = withIds(loaded.project, profileKey);
  const document = loaded.document;
  let saving: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let urgent = false;
  /** Ends the quiet wait of a queued save early. */
  let wake: (() => void) | undefined;
  const hurry = () => {
    urgent = true;
    wake?.();
  };
  let failure: unknown;
  /** Saving a large project takes a while and blocks the process: a save that is not urgent waits 4 times as long as the last one took. */
  let quietUntil = 0;

  /** The next save: one that starts after every change made so far. Saves run one at a time. */
  const persist = (durable: boolean): Promise<void> => {
    if (durable) hurry();
    if (queued) return queued;
    const next = saving.catch(() => undefined).then(async () => {
      const wait = quietUntil - Date.now();
      if (!urgent && wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      wake = undefined;
      queued = undefined;
      urgent = false;
      const started = Date.now();
      const saved = await store.save(path, project, { document });
      if (saved.notice) onNotice(saved.notice);
      quietUntil = Date.now() + 4 * (Date.now() - started);
    });
    queued = next;
    saving = next;
    next.catch((error: unknown) => {
      failure ??= error;
    });
    return next;
  };
  const failed = () => {
    if (failure !== undefined) throw failure;
  };

  return {
    get ids() {
      return project.cloud[profileKey];
    },
    get project() {
      return project;
    },
    async update(change, options = {}) {
      failed();
      change(project.cloud[profileKey]);
      const saved = persist(options.durable === true);
      if (options.durable) await saved;
    },
    async updateProject(change) {
      failed();
      project = withIds(change(project), profileKey);
      await persist(true);
    },
    async flush() {
      failed();
      if (queued) {
        hurry();
        await queued;
      }
      await saving;
      failed();
    },
  };
}
