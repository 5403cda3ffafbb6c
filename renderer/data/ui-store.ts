/**
 * What the UI shows, apart from the design itself: the area, the selected thing, the open
 * dialogs, snackbars, and requests to focus a field.
 */
import { create } from 'zustand';
import type { FieldPath } from '../../shared/model/problems';
import type { Project } from '../../shared/model/schema';
import { useProjectStore } from './project-store';
import { routeOf } from './routes';
import type { AreaId, Selection } from './ui-state';

export { AREA_IDS, CLOUD_VIEWS } from './ui-state';
export type { AreaId, CloudView, Selection } from './ui-state';

export type Severity = 'success' | 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  message: string;
  severity: Severity;
}

export type DialogId = 'search' | 'open';

/** A field to focus once it has rendered; `seq` makes a repeated request for the same path new. */
export interface FocusRequest {
  path: FieldPath;
  seq: number;
}

export interface UiStoreState {
  area: AreaId;
  selection?: Selection;
  notices: Notice[];
  dialog?: DialogId;
  focusRequest?: FocusRequest;
  setArea(area: AreaId): void;
  /** Selects a thing (or nothing); the area stays. */
  select(selection: Selection | undefined): void;
  /** Goes to an area and selects a thing there in one step. */
  navigate(area: AreaId, selection?: Selection): void;
  notify(message: string, severity?: Severity): void;
  dismiss(id: number): void;
  openDialog(dialog: DialogId | undefined): void;
  /** Shows the field at `path` (area, selection) and focuses it after render. */
  focusField(path: FieldPath): void;
  /** Called by the frame once the request is carried out (or gave up). */
  focusDone(seq: number): void;
}

let noticeSeq = 0;
let focusSeq = 0;

/** Where the UI opens: the screen the address names (a reload keeps it), else the API list. */
function initialRoute(): { area: AreaId; selection?: Selection } {
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  return routeOf(hash) ?? { area: 'apis' };
}

export const useUiStore = create<UiStoreState>()((set, get) => ({
  ...initialRoute(),
  notices: [],
  setArea: (area) => set({ area, selection: undefined }),
  select: (selection) => set({ selection }),
  navigate: (area, selection) => set({ area, selection }),
  notify: (message, severity = 'info') => set({ notices: [...get().notices, { id: ++noticeSeq, message, severity }] }),
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  openDialog: (dialog) => set({ dialog }),
  focusField(path) {
    const target = locateField(useProjectStore.getState().working, path);
    set({ area: target.area, selection: target.selection, focusRequest: { path, seq: ++focusSeq } });
  },
  focusDone(seq) {
    if (get().focusRequest?.seq === seq) set({ focusRequest: undefined });
  },
}));

/** Which area and selection show the field at `path` of the project. */
export function locateField(project: Project | undefined, path: FieldPath): { area: AreaId; selection?: Selection } {
  const [collection, index] = path;
  const at = typeof index === 'number' ? index : -1;
  switch (collection) {
    case 'apis': {
      const api = project?.apis[at];
      return { area: 'apis', selection: api ? { kind: 'api', group: api.group, api: api.name } : undefined };
    }
    case 'groups': {
      const group = project?.groups[at];
      return { area: 'groups', selection: group ? { kind: 'group', group: group.name } : undefined };
    }
    case 'deployments': {
      const d = project?.deployments[at];
      return { area: 'stages', selection: d ? { kind: 'deployment', group: d.group, api: d.api, stage: d.stage } : undefined };
    }
    case 'throttlingPolicies': {
      const policy = project?.throttlingPolicies[at];
      return { area: 'throttling', selection: policy ? { kind: 'throttlingPolicy', name: policy.name } : undefined };
    }
    case 'apps': {
      const app = project?.apps[at];
      return { area: 'apps', selection: app ? { kind: 'app', name: app.name } : undefined };
    }
    case 'authorizations':
      return { area: 'apps', selection: at >= 0 ? { kind: 'authorization', index: at } : undefined };
    case 'plugins': {
      const plugin = project?.plugins[at];
      return { area: 'plugins', selection: plugin ? { kind: 'plugin', name: plugin.name } : undefined };
    }
    default:
      // The project's own fields (name, description, format) are edited in Settings.
      return { area: 'settings', selection: { kind: 'project' } };
  }
}
