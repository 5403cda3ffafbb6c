/**
 * The address of every screen: an area and the thing selected in it, written in the URL's
 * fragment (`#/apis/users/get_user`). The fragment works alike in Electron's app:// protocol and
 * in browser mode, never reaches a server, and survives a reload. Browser mode's first load also
 * carries the launch token in the fragment (`#token=…`, or `#/route?token=…`): the part after `?`
 * holds parameters, which routes ignore and the transport takes (renderer/data/transport.ts).
 */
import { STAGES, type Stage } from '../../shared/model/schema';
import { AREA_IDS, type AreaId, CLOUD_VIEWS, type CloudView, type Selection } from './ui-state';

export interface Route {
  area: AreaId;
  selection?: Selection;
}

/** A fragment split into its route path (`/apis/g/a`, '' when none) and its parameters. */
export function splitFragment(hash: string): { path: string; params: URLSearchParams } {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('/')) return { path: '', params: new URLSearchParams(fragment) };
  const at = fragment.indexOf('?');
  return at < 0 ? { path: fragment, params: new URLSearchParams() } : { path: fragment.slice(0, at), params: new URLSearchParams(fragment.slice(at + 1)) };
}

/** The fragment (with its `#`) that shows `route`. */
export function hashOf(route: Route): string {
  return `#/${[route.area, ...selectionSegments(route)].map(encodeURIComponent).join('/')}`;
}

function selectionSegments({ area, selection }: Route): string[] {
  if (!selection) return [];
  switch (selection.kind) {
    case 'api':
      return area === 'apis' ? [selection.group, selection.api] : [];
    case 'group':
      // The Stages area selects a group too (its tab of groups).
      return area === 'groups' || area === 'stages' ? [selection.group] : [];
    case 'deployment':
      return area === 'stages' ? [selection.group, selection.api, selection.stage] : [];
    case 'throttlingPolicy':
    case 'plugin':
      return area === 'throttling' || area === 'plugins' ? [selection.name] : [];
    case 'app':
      return area === 'apps' ? [selection.name] : [];
    case 'authorization':
      // Two segments, so never mistaken for an app (one segment), whatever the app is called.
      return area === 'apps' ? ['authorization', String(selection.index)] : [];
    case 'instance':
      return area === 'instances' ? [selection.instanceId] : [];
    case 'purchase':
      return area === 'instances' ? ['buy'] : [];
    case 'cloudView':
      return area === 'cloud' && selection.view !== 'sync' ? [selection.view] : [];
    case 'project':
      return area === 'settings' ? ['project'] : [];
  }
}

/** The route a fragment names; undefined when it names none (no fragment, `#token=…`, an unknown area). */
export function routeOf(hash: string): Route | undefined {
  const { path } = splitFragment(hash);
  if (!path) return undefined;
  let segments: string[];
  try {
    segments = path.slice(1).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [area, ...rest] = segments;
  if (!(AREA_IDS as readonly string[]).includes(area)) return undefined;
  const selection = selectionOf(area as AreaId, rest);
  return selection ? { area: area as AreaId, selection } : { area: area as AreaId };
}

function selectionOf(area: AreaId, rest: string[]): Selection | undefined {
  const [a, b, c] = rest;
  switch (area) {
    case 'apis':
      return rest.length === 2 ? { kind: 'api', group: a, api: b } : undefined;
    case 'groups':
      return rest.length === 1 ? { kind: 'group', group: a } : undefined;
    case 'stages':
      if (rest.length === 1) return { kind: 'group', group: a };
      return rest.length === 3 && (STAGES as readonly string[]).includes(c) ? { kind: 'deployment', group: a, api: b, stage: c as Stage } : undefined;
    case 'throttling':
      return rest.length === 1 ? { kind: 'throttlingPolicy', name: a } : undefined;
    case 'plugins':
      return rest.length === 1 ? { kind: 'plugin', name: a } : undefined;
    case 'apps':
      if (rest.length === 1) return { kind: 'app', name: a };
      return rest.length === 2 && a === 'authorization' && /^\d+$/.test(b) ? { kind: 'authorization', index: Number(b) } : undefined;
    case 'instances':
      if (rest.length !== 1) return undefined;
      return a === 'buy' ? { kind: 'purchase' } : { kind: 'instance', instanceId: a };
    case 'cloud':
      return rest.length === 1 && (CLOUD_VIEWS as readonly string[]).includes(a) ? { kind: 'cloudView', view: a as CloudView } : undefined;
    case 'settings':
      return rest.length === 1 && a === 'project' ? { kind: 'project' } : undefined;
    case 'local-gateway':
      return undefined;
  }
}

/** Whether two routes show the same screen (compared by their addresses). */
export function sameRoute(a: Route, b: Route): boolean {
  return hashOf(a) === hashOf(b);
}
