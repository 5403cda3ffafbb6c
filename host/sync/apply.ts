/**
 * apply: run a plan's lines against the cloud in order. Phases run one after another; within a
 * phase, independent steps run a few at a time. Each step records what it learnt (ids,
 * fingerprints, relations, deployed versions) as soon as it succeeds. The first step that fails
 * (after the client's own retries on Throttling) stops the run: the result says what failed,
 * what was done and what is left, and a rerun of plan + apply picks up from there.
 */
import type { Stage } from '../../shared/model/schema';
import { apiKey } from '../../shared/model/stages';
import { type PlanLine, type SyncPlan, isChange, planConflicts } from '../../shared/sync/plan-types';
import { isObjectKind, syncKind } from '../../shared/sync/kinds';
import { READ_LISTS_ONLY } from '../../shared/sync/pull-reads';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import type { CloudClient } from '../cloud';
import { runBounded } from './bounded';
import { applyGroupNetwork } from './apply-group-network';
import { ApplySteps, SyncStepError } from './apply-steps';
import { pull } from './pull';
import type { PullCache } from './pull-cache';
import type { SyncRecorder } from './recorder';

export interface ApplyOptions {
  client: CloudClient;
  plan: SyncPlan;
  /** What the plan was made from. */
  snapshot: CloudSnapshot;
  recorder: SyncRecorder;
  cache?: PullCache;
  /** Steps in flight at once within a phase (default 4). */
  concurrency?: number;
  onProgress?: (event: ApplyProgress) => void;
  /** After a complete run, read the lists once more to learn the versions the cloud gave new deployments (default true). */
  refresh?: boolean;
  now?: () => Date;
  /** Cancels between steps: the steps running finish (and are recorded), no new one starts. */
  signal?: AbortSignal;
}

export interface ApplyProgress {
  line: PlanLine;
  state: 'start' | 'done' | 'failed';
  /** Lines finished so far, of `total`. */
  done: number;
  total: number;
}

export interface ApplyResult {
  ok: boolean;
  done: PlanLine[];
  /** Lines not run (the failed ones included). */
  left: PlanLine[];
  failed?: { lines: PlanLine[]; error: unknown };
  /** Stopped by the signal before every step ran. */
  cancelled?: boolean;
}

/** At most this many ApiIds go in one comma list (docs/alibaba-openapi.md, "Throttling policies", "Apps and authorizations", "Plug-ins"). */
const BATCH = 100;

export async function apply(options: ApplyOptions): Promise<ApplyResult> {
  const lines = options.plan.lines.filter(isChange);
  const conflicts = planConflicts(options.plan);
  if (conflicts.length > 0) {
    const error = new Error(`the plan has ${conflicts.length} conflict(s) that apply does not settle: ${conflicts.map((line) => `${line.name}: ${line.reason}`).join('; ')}`);
    return { ok: false, done: [], left: lines, failed: { lines: conflicts, error } };
  }
  const steps = new ApplySteps({ client: options.client, recorder: options.recorder, snapshot: options.snapshot, cache: options.cache, now: options.now });
  const done: PlanLine[] = [];
  const total = lines.length;
  const report = (line: PlanLine, state: ApplyProgress['state']) => options.onProgress?.({ line, state, done: done.length, total });

  const phases = [...new Set(lines.map((line) => line.phase))].sort((a, b) => a - b);
  for (const [index, phase] of phases.entries()) {
    const phaseLines = lines.filter((line) => line.phase === phase);
    await steps.markPendingCreates(phaseLines);
    const units = unitsOf(phaseLines);
    const completed = new Set<number>();
    const run = await runBounded(
      units,
      options.concurrency ?? 4,
      async (unit, unitIndex) => {
        for (const line of unit) report(line, 'start');
        await runUnit(steps, unit, options);
        completed.add(unitIndex);
        done.push(...unit);
        for (const line of unit) report(line, 'done');
      },
      options.signal,
    );
    if (run.failure) {
      const failedUnit = units[run.failure.index];
      for (const line of failedUnit) report(line, 'failed');
      const unfinished = units.filter((_, i) => !completed.has(i)).flat();
      const later = lines.filter((line) => phases.slice(index + 1).includes(line.phase));
      await options.recorder.flush().catch(() => undefined);
      await options.cache?.save();
      return { ok: false, done, left: [...unfinished, ...later], failed: { lines: failedUnit, error: run.failure.error } };
    }
    if (options.signal?.aborted && done.length < total) {
      await options.recorder.flush().catch(() => undefined);
      await options.cache?.save();
      const finished = new Set(done);
      return { ok: false, done, left: lines.filter((line) => !finished.has(line)), cancelled: true };
    }
  }

  if (options.plan.scope === 'full') await recordCompleteSync(options);
  if (options.refresh !== false && done.some((line) => line.kind === 'api' || line.kind === 'deployment')) await refresh(options, done);
  await options.recorder.flush();
  await options.cache?.save();
  return { ok: true, done, left: [] };
}

/** Steps: lines run together. Relations of one owner, group and stage go in one call; deploys of one API run in order. */
function unitsOf(lines: PlanLine[]): PlanLine[][] {
  const units: PlanLine[][] = [];
  const batches = new Map<string, PlanLine[]>();
  for (const line of lines) {
    let key: string | undefined;
    if (line.kind === 'throttlingBinding' || line.kind === 'pluginBinding' || line.kind === 'authorization') {
      const { group, stage, policy, plugin, app } = line.ref;
      key = [line.kind, line.op, policy ?? plugin ?? app, group, stage].join('\u0000');
    } else if (line.kind === 'deployment') {
      key = `deployment\u0000${apiKey({ group: line.ref.group!, api: line.ref.api! })}`;
    }
    if (key === undefined) {
      units.push([line]);
      continue;
    }
    let batch = batches.get(key);
    if (!batch || (line.kind !== 'deployment' && batch.length >= BATCH)) {
      batch = [];
      batches.set(key, batch);
      units.push(batch);
    }
    batch.push(line);
  }
  return units;
}

function runUnit(steps: ApplySteps, unit: PlanLine[], options: ApplyOptions): Promise<void> {
  const first = unit[0];
  switch (first.kind) {
    case 'group':
      // A group's network policy is a line of its own with its own call; the group itself is an object.
      return first.ref.setting === 'network' ? applyGroupNetwork(options, first) : steps.object(first);
    case 'stageVariable':
      return steps.stageVariable(first);
    case 'throttlingBinding':
    case 'pluginBinding':
    case 'authorization':
      return steps.relationBatch(unit);
    case 'deployment':
      return steps.deployments(unit);
    default:
      return steps.object(first);
  }
}

/** A complete run of a complete plan: everything now matches the design, so record all of it. */
function recordCompleteSync(options: ApplyOptions): Promise<void> {
  const { plan } = options;
  return options.recorder.update((ids) => {
    ids.fingerprints = { ...plan.fingerprints };
    ids.relations = Object.fromEntries(Object.entries(plan.relations).filter(([, members]) => members.length > 0));
    for (const [key, id] of Object.entries(plan.adoptedIds)) setId(ids, key, id);
    for (const [key, versions] of Object.entries(plan.deployed)) Object.assign(((ids.deployed ??= {})[key] ??= {}), versions);
    for (const key of plan.forget) setId(ids, key, undefined);
    delete ids.pending;
    ids.syncedAt = (options.now?.() ?? new Date()).toISOString();
  });
}

/** Sets (or, with undefined, drops) the id recorded under a `<kind>:<key>` record key. */
function setId(ids: SyncRecorder['ids'], key: string, id: string | undefined): void {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  if (!isObjectKind(kind)) return;
  const record = ids[syncKind(kind).ids];
  if (id === undefined) delete record[key.slice(colon + 1)];
  else record[key.slice(colon + 1)] = id;
}

/**
 * The cloud names a deployment's HistoryVersion only in its lists: read them once (a few calls),
 * record the versions of what was just deployed, and let the cache learn the ModifiedTimes of
 * what was just written, so the next plan reads nothing again.
 */
async function refresh(options: ApplyOptions, done: PlanLine[]): Promise<void> {
  const written = new Set(done.filter((line) => line.kind === 'api' || line.kind === 'deployment').map((line) => options.recorder.ids.apis[apiKey({ group: line.ref.group!, api: line.ref.api! })]));
  const listing = await pull(options.client, { cache: options.cache, reads: () => ({ ...READ_LISTS_ONLY, apis: [...written].filter(Boolean) }) });
  const byId = new Map(listing.apis.map((api) => [api.id, api]));
  await options.recorder.update((ids) => {
    for (const [key, versions] of Object.entries(ids.deployed ?? {})) {
      const unknown = Object.keys(versions).filter((version) => versions[version] === '');
      if (unknown.length === 0) continue;
      const slash = key.lastIndexOf('/');
      const api = byId.get(ids.apis[key.slice(0, slash)] ?? '');
      const served = api?.deployed[key.slice(slash + 1) as Stage]?.version;
      // Only the newest deploy of a stage can be what it serves now.
      const newest = unknown.sort((a, b) => Number(b) - Number(a))[0];
      for (const version of unknown) delete versions[version];
      if (served) versions[newest] = served;
    }
  });
}

export { SyncStepError };
