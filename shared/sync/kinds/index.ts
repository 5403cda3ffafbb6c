/**
 * The sync kinds, in dependency order: each kind's calls carry ids only of kinds before it (its
 * `needs`). This list is the one place the order is written: creates run in it, deletions in its
 * reverse, and the plan's phases (PHASE in plan-types.ts) are numbered from it
 * (docs/sync.md "Adding a sync kind").
 */
import { apiKind } from './api';
import { appKind } from './app';
import { groupKind } from './group';
import type { CloudIds } from '../../model/schema';
import type { SyncKind } from './kind';
import { pluginKind } from './plugin';
import { throttlingPolicyKind } from './throttling-policy';

export const SYNC_KINDS = [groupKind, appKind, throttlingPolicyKind, pluginKind, apiKind] as const;

type Descriptor = (typeof SYNC_KINDS)[number];
export type ObjectKind = Descriptor['kind'];
/** The design object of a kind (Group for 'group'). */
export type DesignOf<K extends ObjectKind> = Extract<Descriptor, { kind: K }> extends SyncKind<K, infer D, infer _C> ? D : never;
/** What pull keeps of one of the cloud's objects of a kind (SnapshotApi for 'api'). */
export type CloudOf<K extends ObjectKind> = Extract<Descriptor, { kind: K }> extends SyncKind<K, infer _D, infer C> ? C : never;
/** Any kind, as the loops over all of them see it. */
export type AnySyncKind = SyncKind<ObjectKind>;

/** Every kind, for loops that treat them alike. */
export const ALL_KINDS: readonly AnySyncKind[] = SYNC_KINDS;

const BY_NAME = new Map<string, AnySyncKind>(ALL_KINDS.map((kind) => [kind.kind, kind]));

export function isObjectKind(name: string): name is ObjectKind {
  return BY_NAME.has(name);
}

/** The descriptor of a kind. */
export function syncKind(name: ObjectKind): AnySyncKind {
  return BY_NAME.get(name)!;
}

/** `<parent key>/<name>` for an object inside another (an API: `<group>/<api>`), else its name. */
export function designKey(kind: AnySyncKind, item: unknown): string {
  return kind.parent ? `${kind.parent.key(item)}/${kind.name(item)}` : kind.name(item);
}

/** No ids recorded: an empty record per kind. */
export function emptyCloudIds(): CloudIds {
  return Object.fromEntries(ALL_KINDS.map((kind) => [kind.ids, {}])) as CloudIds;
}

/** Any kind's not-found code: a delete (or a call before it) answered with one has nothing left to do. */
export const NOT_FOUND_CODES: readonly string[] = ALL_KINDS.flatMap((kind) => kind.cloud.notFound);

/** What runs once every object exists and before any is deleted, in this order: relations, then what stages serve. */
export const RELATION_STEPS = ['unbind', 'bind', 'authorize', 'deployment'] as const;

/** Where `kinds` breaks the rule of this list: a kind before something it needs (or its parent), or needing a kind that is not there. */
export function orderProblems(kinds: readonly SyncKind[]): string[] {
  const names = kinds.map((kind) => kind.kind as string);
  return kinds.flatMap((kind, index) =>
    [...new Set([...kind.needs, ...(kind.parent ? [kind.parent.kind] : [])])]
      .filter((need) => !names.slice(0, index).includes(need))
      .map((need) => `${kind.kind} needs ${need}, which ${names.includes(need) ? 'comes after it' : 'is not a sync kind'}`),
  );
}

export interface Phases {
  create: Record<string, number>;
  settings: Record<string, number>;
  relation: Record<(typeof RELATION_STEPS)[number], number>;
  remove: Record<string, number>;
}

/**
 * The phases, numbered from the order: 0 for lines that change nothing; then each kind's creates
 * and updates, followed by a phase for its settings if it has any; then the relation steps; then
 * each kind's deletions in reverse order.
 */
export function numberPhases(kinds: readonly SyncKind[]): Phases {
  let next = 1;
  const create: Record<string, number> = {};
  const settings: Record<string, number> = {};
  for (const kind of kinds) {
    create[kind.kind] = next++;
    if (kind.settings?.length) {
      for (const setting of kind.settings) settings[setting] = next;
      next++;
    }
  }
  const relation = Object.fromEntries(RELATION_STEPS.map((step) => [step, next++])) as Phases['relation'];
  const remove: Record<string, number> = {};
  for (const kind of [...kinds].reverse()) remove[kind.kind] = next++;
  return { create, settings, relation, remove };
}

const PHASES = numberPhases(ALL_KINDS);

/** The phase of a kind's creates, updates, adoptions and conflicts. */
export function createPhase(kind: ObjectKind): number {
  return PHASES.create[kind];
}

/** The phase of a kind's deletions (reverse dependency order, after everything else). */
export function deletePhase(kind: ObjectKind): number {
  return PHASES.remove[kind];
}

/** The phase of a setting a kind declares (`settings`). */
export function settingPhase(setting: string): number {
  const phase = PHASES.settings[setting];
  if (phase === undefined) throw new Error(`no sync kind declares the setting ${setting}`);
  return phase;
}

export const RELATION_PHASE = PHASES.relation;
