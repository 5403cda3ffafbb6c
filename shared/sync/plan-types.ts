/**
 * A sync plan: the lines a person reviews before apply, in the order apply runs them. Each line
 * names the design object it acts on (by design names, so the plan reads like the project file)
 * and, where the cloud already has it, its cloud id.
 */
import type { FieldChange } from './canonical';
import { type ObjectKind, RELATION_PHASE, settingPhase } from './kinds';

export type { ObjectKind };

export type PlanOp =
  | 'create'
  | 'update'
  | 'delete'
  /** Record the id of an object an interrupted apply created (and update it if it differs). */
  | 'adopt'
  | 'deploy'
  | 'abolish'
  | 'bind'
  | 'unbind'
  | 'authorize'
  | 'unauthorize'
  /** Information only: in the cloud, not made by this project; never touched. */
  | 'unmanaged'
  /** Information only: dropped from the design since the last sync; deleted only with prune. */
  | 'orphan'
  /** Blocks apply: the design and the cloud disagree in a way sync will not settle by itself. */
  | 'conflict';

/** What a line acts on: an object of a sync kind (kinds/), or a relation or setting between them. */
export type PlanKind = ObjectKind | 'stageVariable' | 'throttlingBinding' | 'pluginBinding' | 'authorization' | 'deployment';

import type { PlanRef } from './plan-ref';

export type { PlanRef };

export interface PlanLine {
  op: PlanOp;
  kind: PlanKind;
  /** How a person names it: `demo_hello_api/hello`, `demo_low_qps → demo_hello_api/limited @RELEASE`. */
  name: string;
  /** What changes, cloud value (from) → design value (to). */
  fields?: FieldChange[];
  /** Why this line is here, in a sentence. */
  reason: string;
  /** The cloud changed since the last sync. */
  drift?: boolean;
  /** Dependency order: apply runs phases one after another, lines of one phase concurrently. */
  phase: number;
  ref: PlanRef;
  /** The cloud id acted on, when the cloud has it. */
  id?: string;
  /** Objects: the fingerprint key and the design's fingerprint, recorded when the line succeeds. */
  fingerprint?: { key: string; value: string };
  /** Relations: the scope (CloudIds.relations key) and the member the line adds or removes. */
  relation?: { scope: string; add?: string; remove?: string };
}

export interface SyncPlan {
  region: string;
  /** 'deployments': only the deploy lines of a stage or of some APIs (what `deploy` runs). */
  scope: 'full' | 'deployments';
  lines: PlanLine[];
  /** Every object's fingerprint once the plan is applied in full (recorded at the end of a complete apply). */
  fingerprints: Record<string, string>;
  /** Every relation scope's members once the plan is applied in full. */
  relations: Record<string, string[]>;
  /** Ids of objects in sync whose record is missing (taken over after an interrupted apply), keyed `<kind>:<key>`. */
  adoptedIds: Record<string, string>;
  /** Deployed versions found equal to the design's, to record: `<group>/<api>/<stage>` → design version → HistoryVersion. */
  deployed: Record<string, Record<string, string>>;
  /** `<kind>:<key>` records of objects gone from both the design and the cloud: dropped at the end of a complete apply. */
  forget: string[];
}

/**
 * Phases in the order apply runs them: what a thing needs exists before it, deletions last. The
 * numbers come from the order of kinds/index.ts: an object kind's phases are `createPhase(kind)`
 * and `deletePhase(kind)`; these are the others.
 */
export const PHASE = {
  info: 0,
  /** A group's stage variables and network policy: need the group (its `settings`). */
  stageVariable: settingPhase('stageVariable'),
  groupNetwork: settingPhase('network'),
  ...RELATION_PHASE,
} as const;

const INFORMATION: ReadonlySet<PlanOp> = new Set(['unmanaged', 'orphan']);

/** Lines that change the cloud (or block apply): what `plan --detailed-exitcode` counts. */
export function isChange(line: PlanLine): boolean {
  return !INFORMATION.has(line.op);
}

export function planChanges(plan: SyncPlan): PlanLine[] {
  return plan.lines.filter(isChange);
}

export function planConflicts(plan: SyncPlan): PlanLine[] {
  return plan.lines.filter((line) => line.op === 'conflict');
}

/** `<kind>:<key>`: how fingerprints and pending creates are keyed. */
export function objectKey(kind: ObjectKind, key: string): string {
  return `${kind}:${key}`;
}
