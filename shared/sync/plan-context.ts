/**
 * Everything the planner (and pull's choice of what to read) needs to know about how the design
 * and the cloud pair up: the matches of every sync kind (kinds/), and lookups between design keys
 * and cloud ids for the objects that are this project's.
 */
import type { CloudIds, Project } from '../model/schema';
import type { AppIds } from './cloud-mapping';
import { ALL_KINDS, type AnySyncKind, type CloudOf, type DesignOf, type ObjectKind, designKey } from './kinds';
import { type Match, isOurs, matchObjects, pendingKeys } from './match';
import type { CloudSnapshot, SnapshotObject } from './snapshot';

/** Every kind's matches, by kind. */
export type ObjectMatches = { [K in ObjectKind]: Match<DesignOf<K>, CloudOf<K>>[] };

export interface PlanContext {
  design: Project;
  snapshot: CloudSnapshot;
  ids: CloudIds;
  matches: ObjectMatches;
  /** Cloud id ↔ design key, for this project's objects that the design still has. */
  lookup: Record<ObjectKind, Lookup>;
  appIds: AppIds;
}

/** Design key → cloud id and back. */
export interface Lookup {
  idOf(key: string): string | undefined;
  keyOf(id: string): string | undefined;
}

function lookupOf(matches: Match<unknown, SnapshotObject>[]): Lookup {
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const match of matches) {
    if (!match.design || !match.cloud || !isOurs(match.status)) continue;
    ids.set(match.key, match.cloud.id);
    keys.set(match.cloud.id, match.key);
  }
  return { idOf: (key) => ids.get(key), keyOf: (id) => keys.get(id) };
}

/** The key a cloud object would have in the design; an object in a parent that is not this project's cannot be the design's. */
export function cloudKeyOf(kind: AnySyncKind, cloud: SnapshotObject, lookup: Partial<Record<ObjectKind, Lookup>>): string | undefined {
  if (!kind.parent) return cloud.name;
  const parentId = kind.parent.idOf(cloud);
  const parent = parentId === undefined ? undefined : lookup[kind.parent.kind as ObjectKind]?.keyOf(parentId);
  return parent === undefined ? undefined : `${parent}/${cloud.name}`;
}

export function planContext(design: Project, snapshot: CloudSnapshot, ids: CloudIds): PlanContext {
  const matches: Partial<Record<ObjectKind, Match<unknown, SnapshotObject>[]>> = {};
  const lookup: Partial<Record<ObjectKind, Lookup>> = {};
  // In dependency order: a kind's parent is matched before it.
  for (const kind of ALL_KINDS) {
    const found = matchObjects<unknown, SnapshotObject>({
      design: kind.design(design),
      keyOf: (item) => designKey(kind, item),
      recorded: ids[kind.ids],
      cloud: snapshot[kind.snapshot],
      cloudKeyOf: (cloud) => cloudKeyOf(kind, cloud, lookup),
      pending: pendingKeys(ids, kind.kind),
    });
    matches[kind.kind] = found;
    lookup[kind.kind] = lookupOf(found);
  }

  const ourApps = lookup.app!;
  // Unmanaged apps are still named by their cloud name (in a special or an IP-control item).
  const cloudAppNames = new Map(snapshot.apps.map((app) => [app.id, app.name]));
  const appIds: AppIds = {
    idOf: (name) => ourApps.idOf(name),
    nameOf: (id) => ourApps.keyOf(id) ?? cloudAppNames.get(id),
  };
  return { design, snapshot, ids, matches: matches as ObjectMatches, lookup: lookup as Record<ObjectKind, Lookup>, appIds };
}
