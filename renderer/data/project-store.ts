/**
 * The open project: the file as the host has it, and the working copy the user edits, with
 * undo/redo, live validation and save. It lives outside React, so a crashing screen never takes
 * the unsaved edits with it.
 */
import { create } from 'zustand';
import type { ProjectState } from '../../shared/ipc/contract';
import type { Problem } from '../../shared/model/problems';
import type { Project } from '../../shared/model/schema';
import { validateProject } from '../../shared/model/validate';
import { host } from './host';
import { HostError, toHostError } from './host-error';

export type ProjectStatus = 'loading' | 'ready' | 'failed';

/** Edits with the same `merge` key within this time form one undo step (typing in one field). */
export const MERGE_WINDOW_MS = 1000;
/** Up to this many APIs, problems are recomputed on every edit; above, after a short pause. */
export const SYNC_VALIDATION_LIMIT = 300;
export const VALIDATION_DEBOUNCE_MS = 150;
export const UNDO_LIMIT = 100;

export interface EditOptions {
  /** Consecutive edits with this key (e.g. the field's id) within a second undo as one. */
  merge?: string;
  /**
   * What the edit also changed outside the design (an app's credentials, renamed at the host), to
   * be reverted by undo and made again by redo, so both sides stay in step. Such an edit never merges.
   */
  effect?: EditEffect;
}

/** The outside half of an edit; each runs without waiting (it reports its own failure). */
export interface EditEffect {
  undo(): void;
  redo(): void;
}

export interface ProjectStoreState {
  /** failed = the file did not load (show its problems and text). */
  status: ProjectStatus;
  /** The last ProjectState from the host. */
  file?: ProjectState;
  /** The design being edited. */
  working?: Project;
  /** Live: validateProject(working), or the file's problems when it failed to load. */
  problems: Problem[];
  dirty: boolean;
  past: Project[];
  future: Project[];
  /** Why the project could not be loaded at all (no file to show), when that is the case. */
  loadError?: HostError;
  saving: boolean;
  /** True while this window's own open or create is on its way (its echo event is then ignored). */
  opening: boolean;
  /** The last save's failure; the edits stay. Cleared by the next save or by clearSaveError. */
  saveError?: HostError;
  /** The file changed on disk while there were unsaved edits here. */
  changedOnDisk: boolean;

  load(): Promise<void>;
  /** Opens a file. Rejects with a HostError (state untouched) when the host cannot read it. */
  open(path: string): Promise<void>;
  /** Creates an empty project file and opens it. Rejects with a HostError when refused. */
  create(path: string, name: string): Promise<void>;
  /** Reads the open file from disk again, dropping unsaved edits. */
  reload(): Promise<void>;
  /** Takes a ProjectState the host sent (an event) as the open file. */
  adopt(state: ProjectState): void;
  edit(label: string, recipe: (p: Project) => Project, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  /** Sends working + file.revision; true when saved. On failure the edits stay and saveError says why. */
  save(opts?: { force?: boolean }): Promise<boolean>;
  clearSaveError(): void;
  /** Recomputes the problems now instead of after the debounce. */
  checkNow(): void;
  /** The label of the edit the next undo reverts, for tooltips. */
  undoLabel?: string;
  redoLabel?: string;
  /**
   * The merge key (a field's id) of the edit the next undo reverts, when that edit was typing in
   * one field: Ctrl+Z in that field then undoes it (app/shortcuts.ts).
   */
  undoKey?: string;
  redoKey?: string;
}

// Bookkeeping that no component renders.
let baseline: Project | undefined;
let lastMerge: { key: string; at: number } | undefined;
let validationTimer: ReturnType<typeof setTimeout> | undefined;
let pastLabels: string[] = [];
let futureLabels: string[] = [];
// The merge keys of the steps in `past` and `future`, index for index (undefined: not typing in a field).
let pastKeys: (string | undefined)[] = [];
let futureKeys: (string | undefined)[] = [];
// The effects of the steps in `past` and `future`, index for index (undefined: the design only).
let pastEffects: (EditEffect | undefined)[] = [];
let futureEffects: (EditEffect | undefined)[] = [];

function problemsOf(project: Project): Problem[] {
  return validateProject(project).problems;
}

export const useProjectStore = create<ProjectStoreState>()((set, get) => {
  function scheduleValidation(project: Project): void {
    if (validationTimer !== undefined) clearTimeout(validationTimer);
    validationTimer = undefined;
    if (project.apis.length <= SYNC_VALIDATION_LIMIT) {
      set({ problems: problemsOf(project) });
      return;
    }
    validationTimer = setTimeout(() => {
      validationTimer = undefined;
      const working = get().working;
      if (working) set({ problems: problemsOf(working) });
    }, VALIDATION_DEBOUNCE_MS);
  }

  function adopt(state: ProjectState): void {
    if (validationTimer !== undefined) clearTimeout(validationTimer);
    validationTimer = undefined;
    lastMerge = undefined;
    pastLabels = [];
    futureLabels = [];
    pastKeys = [];
    futureKeys = [];
    pastEffects = [];
    futureEffects = [];
    baseline = state.project;
    const common = { file: state, dirty: false, past: [], future: [], loadError: undefined, saveError: undefined, changedOnDisk: false, undoLabel: undefined, redoLabel: undefined, undoKey: undefined, redoKey: undefined };
    if (state.project) set({ ...common, status: 'ready', working: state.project, problems: problemsOf(state.project) });
    else set({ ...common, status: 'failed', working: undefined, problems: state.problems });
  }

  function moveTo(working: Project, past: Project[], future: Project[]): void {
    lastMerge = undefined;
    set({ working, past, future, dirty: working !== baseline, undoLabel: pastLabels.at(-1), redoLabel: futureLabels.at(-1), undoKey: pastKeys.at(-1), redoKey: futureKeys.at(-1) });
    scheduleValidation(working);
  }

  return {
    status: 'loading',
    problems: [],
    dirty: false,
    past: [],
    future: [],
    saving: false,
    opening: false,
    changedOnDisk: false,

    async load() {
      set({ status: 'loading' });
      try {
        adopt(await host().project.current());
      } catch (error) {
        const failure = toHostError(error);
        baseline = undefined;
        set({
          status: 'failed',
          file: undefined,
          working: undefined,
          loadError: failure,
          problems: failure.problems.length > 0 ? failure.problems : [{ path: [], message: failure.message }],
          dirty: false,
          past: [],
          future: [],
        });
      }
    },

    async open(path) {
      set({ opening: true });
      try {
        adopt(await host().project.open(path));
      } catch (error) {
        throw toHostError(error);
      } finally {
        set({ opening: false });
      }
    },

    async create(path, name) {
      set({ opening: true });
      try {
        adopt(await host().project.create({ path, name }));
      } catch (error) {
        throw toHostError(error);
      } finally {
        set({ opening: false });
      }
    },

    async reload() {
      const path = get().file?.path;
      if (path) await get().open(path);
      else await get().load();
    },

    adopt,

    edit(label, recipe, options = {}) {
      const { working, past } = get();
      if (!working) return;
      const next = recipe(working);
      if (next === working) return;
      const now = Date.now();
      const merging = options.effect === undefined && options.merge !== undefined && lastMerge?.key === options.merge && now - lastMerge.at < MERGE_WINDOW_MS && past.length > 0;
      lastMerge = options.merge !== undefined && options.effect === undefined ? { key: options.merge, at: now } : undefined;
      if (!merging) {
        pastLabels = [...pastLabels, label].slice(-UNDO_LIMIT);
        pastKeys = [...pastKeys, options.effect === undefined ? options.merge : undefined].slice(-UNDO_LIMIT);
        pastEffects = [...pastEffects, options.effect].slice(-UNDO_LIMIT);
        futureLabels = [];
        futureKeys = [];
        futureEffects = [];
      }
      set({
        working: next,
        past: merging ? past : [...past, working].slice(-UNDO_LIMIT),
        future: [],
        dirty: next !== baseline,
        undoLabel: pastLabels.at(-1),
        redoLabel: undefined,
        undoKey: pastKeys.at(-1),
        redoKey: undefined,
      });
      scheduleValidation(next);
    },

    undo() {
      const { working, past, future } = get();
      if (!working || past.length === 0) return;
      futureLabels = [...futureLabels, pastLabels.at(-1) ?? 'edit'];
      pastLabels = pastLabels.slice(0, -1);
      futureKeys = [...futureKeys, pastKeys.at(-1)];
      pastKeys = pastKeys.slice(0, -1);
      const effect = pastEffects.at(-1);
      futureEffects = [...futureEffects, effect];
      pastEffects = pastEffects.slice(0, -1);
      moveTo(past[past.length - 1], past.slice(0, -1), [...future, working]);
      effect?.undo();
    },

    redo() {
      const { working, past, future } = get();
      if (!working || future.length === 0) return;
      pastLabels = [...pastLabels, futureLabels.at(-1) ?? 'edit'];
      futureLabels = futureLabels.slice(0, -1);
      pastKeys = [...pastKeys, futureKeys.at(-1)];
      futureKeys = futureKeys.slice(0, -1);
      const effect = futureEffects.at(-1);
      pastEffects = [...pastEffects, effect];
      futureEffects = futureEffects.slice(0, -1);
      moveTo(future[future.length - 1], [...past, working], future.slice(0, -1));
      effect?.redo();
    },

    async save(opts = {}) {
      const { working, file, saving } = get();
      if (!working || !file || saving) return false;
      set({ saving: true, saveError: undefined });
      try {
        const state = await host().project.save({ project: working, revision: file.revision, force: opts.force });
        // The working copy stays the user's object (undo history keeps pointing at it); edits made
        // while the save was on its way keep the project dirty.
        baseline = working;
        lastMerge = undefined;
        set({ file: state, saving: false, dirty: get().working !== working, changedOnDisk: false });
        return true;
      } catch (error) {
        set({ saving: false, saveError: toHostError(error) });
        return false;
      }
    },

    clearSaveError() {
      set({ saveError: undefined });
    },

    checkNow() {
      const working = get().working;
      if (validationTimer !== undefined) clearTimeout(validationTimer);
      validationTimer = undefined;
      if (working) set({ problems: problemsOf(working) });
    },
  };
});

/** Marks that the file changed on disk under unsaved edits (the frame offers reload or overwrite). */
export function markChangedOnDisk(): void {
  useProjectStore.setState({ changedOnDisk: true });
}

export { HostError };
