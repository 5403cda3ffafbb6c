/**
 * Purchases of dedicated gateways, followed from CreateInstance to a running gateway with its
 * maintenance window set (CreateInstance takes no window: docs/alibaba-openapi.md,
 * "Dedicated instances"), and kept in `<dataDir>/gateway-purchases.json` so that closing the window
 * or restarting loses nothing: the host picks up unfinished purchases when it starts.
 *
 * Money is the point: a purchase is recorded before CreateInstance is sent, always with its
 * Token, and a token already known never buys again. CreateInstance is sent a second time for a
 * token only when the first call's outcome is unknown (no answer, or the cloud's own 5xx), with
 * the very parameters of the first call, so the cloud answers with the same instance if it did
 * buy. A refusal (a code, 4xx) is certain to have bought nothing, so the token stays free for
 * another attempt.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { PurchaseProgress } from '../../shared/ipc/instance-views';
import {
  type CreateInstanceParamValue,
  type MaintenanceWindow,
  type PurchaseRequest,
  checkPurchase,
  createInstanceParams,
  declaredCreateInstanceParams,
  hasBlockers,
  maintenanceParams,
} from '../../shared/purchase';
import { currentCallRun, holdCallRun } from '../cloud';
import { HostError } from '../base/host-error';
import type { InstanceDescriptions } from './descriptions';
import type { InstanceCloud, OpenInstanceCloud } from './instance-cloud';
import { InstanceBlocked, failureOf, outcomeUnknown, toHostError } from './instance-errors';
import { describeInstance } from './instances';
import { JsonFile } from '../base/json-file';
import { readPurchaseContext } from './purchase-context';

export const PURCHASES_FILE = 'gateway-purchases.json';
export const DEFAULT_POLL_MS = 2_000;
/** Terraform waits 25 minutes for RUNNING (docs/alibaba-openapi.md, "Dedicated instances"); a little more before giving up following. */
export const DEFAULT_PURCHASE_TIMEOUT_MS = 30 * 60_000;
/** Ended purchases kept for a rerun with the same token; unfinished ones are always kept. */
const ENDED_KEPT = 200;
/** How long an ended purchase is still listed with the gateways. */
const LISTED_AFTER_END_MS = 60 * 60_000;
/** Looks in a row that may not find a just-bought instance before it counts as gone (lists may lag behind a create). */
const MISSES_BEFORE_GONE = 5;

/** One purchase as kept on disk. */
export interface PurchaseRecord {
  token: string;
  /** The cloud and region it was bought in (InstanceCloud.key). */
  cloudKey: string;
  name: string;
  region: string;
  description?: string;
  maintenance?: MaintenanceWindow;
  /** CreateInstance's parameters as first sent: a resend must carry the same ones, or the cloud refuses the Token. */
  params: Record<string, CreateInstanceParamValue>;
  instanceId?: string;
  state: PurchaseProgress['state'];
  /** The instance's Status at the last look. */
  status?: string;
  message: string;
  startedAt: string;
  endedAt?: string;
  failure?: PurchaseProgress['failure'];
  /** CreateInstance failed without saying whether it bought: a buy with the same token sends it again. */
  outcomeUnknown?: boolean;
}

interface PurchasesFile {
  purchases: PurchaseRecord[];
}

function isPurchasesFile(value: unknown): value is PurchasesFile {
  return Array.isArray((value as Partial<PurchasesFile> | null)?.purchases);
}

export interface PurchaseTrackerOptions {
  dataDir: string;
  openCloud: OpenInstanceCloud;
  descriptions: InstanceDescriptions;
  /** Told at every step and every look at the instance. */
  onProgress?: (progress: PurchaseProgress) => void;
  /** How often the instance is looked at while it is being built (default DEFAULT_POLL_MS). */
  pollMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface BuyOutcome {
  progress: PurchaseProgress;
  /** The token was known already: this is that purchase, not a new one. */
  known: boolean;
}

const UNFINISHED: ReadonlySet<PurchaseProgress['state']> = new Set(['submitting', 'creating', 'configuring']);

export function progressOf(record: PurchaseRecord): PurchaseProgress {
  return {
    token: record.token,
    name: record.name,
    region: record.region,
    ...(record.instanceId ? { instanceId: record.instanceId } : {}),
    state: record.state,
    message: record.message,
    startedAt: record.startedAt,
    ...(record.endedAt ? { endedAt: record.endedAt } : {}),
    ...(record.failure ? { failure: record.failure } : {}),
    ...(record.state === 'failed' && standsForPurchase(record) ? { canRetry: true } : {}),
  };
}

const idOf = (cloudKey: string, token: string) => `${cloudKey}\n${token}`;

/** Whether a gateway may have been bought with the record's token: anything but a refusal of the only CreateInstance. */
function standsForPurchase(record: PurchaseRecord): boolean {
  return !(record.state === 'failed' && !record.instanceId && !record.outcomeUnknown);
}

export class PurchaseTracker {
  private readonly file: JsonFile<PurchasesFile>;
  /** Purchases being sent or followed by this process, by idOf; their newest state is here, not yet on disk. */
  private readonly live = new Map<string, PurchaseRecord>();
  private readonly sending = new Map<string, Promise<BuyOutcome>>();
  private readonly following = new Map<string, Promise<void>>();
  private readonly resuming = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: PurchaseTrackerOptions) {
    this.file = new JsonFile(join(options.dataDir, PURCHASES_FILE), () => ({ purchases: [] }), isPurchasesFile);
  }

  private get pollMs(): number {
    return this.options.pollMs ?? DEFAULT_POLL_MS;
  }

  /** The purchase `token` stands for; none when the cloud refused the only attempt (nothing was bought, the token is free). */
  async find(cloudKey: string, token: string): Promise<PurchaseProgress | undefined> {
    const record = await this.record(cloudKey, token);
    return record && standsForPurchase(record) ? progressOf(record) : undefined;
  }

  /** Purchases in `cloudKey` not ended, or ended within the last hour; newest first. */
  async list(cloudKey: string): Promise<PurchaseProgress[]> {
    const since = Date.now() - LISTED_AFTER_END_MS;
    return (await this.records())
      .filter((record) => record.cloudKey === cloudKey && (!record.endedAt || Date.parse(record.endedAt) >= since))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .map(progressOf);
  }

  /**
   * Buys `request` with `token`, or answers the purchase the token already stands for. Refuses
   * (InstanceBlocked) when checkPurchase finds a blocker in the region as it is now. Answers once
   * CreateInstance has answered; the purchase is then followed in the background.
   */
  /** `request` may be left out only for a purchase already known (a retry resends what was recorded). */
  buy(cloud: InstanceCloud, request: PurchaseRequest | undefined, token: string): Promise<BuyOutcome> {
    return this.exclusive(idOf(cloud.key, token), () => this.submit(cloud, request, token));
  }

  /** Looks again at a known purchase that may have bought something; refuses anything else (it would need the form again). */
  retry(cloud: InstanceCloud, token: string): Promise<BuyOutcome> {
    return this.buy(cloud, undefined, token);
  }

  /** Resolves when this process stops following the purchase (it ended, or the tracker closed); its state then. */
  async wait(cloudKey: string, token: string): Promise<PurchaseProgress | undefined> {
    const id = idOf(cloudKey, token);
    for (let running = this.sending.get(id) ?? this.following.get(id); running; running = this.sending.get(id) ?? this.following.get(id)) {
      await running.catch(() => undefined);
    }
    return this.find(cloudKey, token);
  }

  /** Picks up this cloud's unfinished purchases that nothing follows: a purchase being sent when the app stopped is sent again. */
  resume(cloud?: InstanceCloud): Promise<void> {
    const run = this.pickUp(cloud).finally(() => this.resuming.delete(run));
    this.resuming.add(run);
    return run;
  }

  private async pickUp(cloud: InstanceCloud | undefined): Promise<void> {
    const unfinished = (await this.records()).filter((record) => UNFINISHED.has(record.state) && !this.busy(idOf(record.cloudKey, record.token)));
    if (unfinished.length === 0 || this.stopping.signal.aborted) return;
    const own = cloud === undefined;
    const current = cloud ?? (await this.options.openCloud());
    try {
      for (const record of unfinished.filter((candidate) => candidate.cloudKey === current.key)) {
        if (this.stopping.signal.aborted) break;
        this.options.log?.(`gateway purchase ${record.token} (${record.name}): picking it up again, ${record.state}`);
        if (record.state === 'submitting') await this.exclusive(idOf(record.cloudKey, record.token), () => this.resend(current, record)).catch(() => undefined);
        else this.startFollowing(record);
      }
    } finally {
      if (own) current.client.close();
    }
  }

  /** Stops following (each purchase stays where it was on disk, to be picked up again at the next start). */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.resuming, ...this.sending.values(), ...this.following.values()]);
  }

  // --- buying ---

  /** One send per purchase at a time: a second press of Buy while the first is on its way is the same purchase. */
  private exclusive(id: string, send: () => Promise<BuyOutcome>): Promise<BuyOutcome> {
    const pending = this.sending.get(id);
    if (pending) return pending.then((outcome) => ({ ...outcome, known: true }));
    const run = send().finally(() => this.sending.delete(id));
    this.sending.set(id, run);
    return run;
  }

  private busy(id: string): boolean {
    return this.sending.has(id) || this.following.has(id);
  }

  private async submit(cloud: InstanceCloud, request: PurchaseRequest | undefined, token: string): Promise<BuyOutcome> {
    const known = await this.record(cloud.key, token);
    if (known && standsForPurchase(known)) {
      if (known.state === 'submitting' || (known.state === 'failed' && !known.instanceId)) return this.resend(cloud, known);
      if (known.state !== 'running' && !this.following.has(idOf(cloud.key, token))) {
        // Failed or stopped after the instance existed: look at it again (no second CreateInstance).
        if (known.state === 'failed') Object.assign(known, { state: 'creating', failure: undefined, endedAt: undefined, message: `Looking at ${known.instanceId} again` });
        this.startFollowing(known);
      }
      return { progress: progressOf(this.live.get(idOf(cloud.key, token)) ?? known), known: true };
    }
    if (this.stopping.signal.aborted) throw new HostError('BUSY', 'API Gateway Studio is closing; buy again after it has started.');
    if (!request) throw new HostError('NOT_FOUND', 'There is nothing to look at again for that purchase: the cloud refused it, so nothing was bought. Buy again from the wizard.');

    const context = await readPurchaseContext(cloud.client);
    const findings = checkPurchase(request, context);
    if (hasBlockers(findings)) throw new InstanceBlocked(findings, `Not buying gateway "${request.name}":`);
    const record: PurchaseRecord = {
      token,
      cloudKey: cloud.key,
      name: request.name,
      region: cloud.region,
      ...(request.description ? { description: request.description } : {}),
      ...(request.maintenance ? { maintenance: request.maintenance } : {}),
      params: createInstanceParams(request, context.vSwitches),
      state: 'submitting',
      message: `Sending the purchase of ${request.name} (CreateInstance)`,
      startedAt: new Date().toISOString(),
    };
    await this.save(record);
    this.report(record);
    return { progress: await this.send(cloud, record), known: false };
  }

  private async resend(cloud: InstanceCloud, record: PurchaseRecord): Promise<BuyOutcome> {
    Object.assign(record, { state: 'submitting', failure: undefined, endedAt: undefined, message: `Sending the purchase of ${record.name} again with the same token (CreateInstance): the first answer was lost` });
    await this.save(record);
    this.report(record);
    return { progress: await this.send(cloud, record), known: true };
  }

  private async send(cloud: InstanceCloud, record: PurchaseRecord): Promise<PurchaseProgress> {
    let instanceId: string;
    try {
      // Declared fields only, also for a record an older version made (docs/gateways.md "What is sent").
      const params = declaredCreateInstanceParams(record.params);
      const answer = await cloud.client.call<{ InstanceId?: string; RequestId?: string }>('CloudAPI', 'CreateInstance', params, { token: record.token });
      if (!answer.InstanceId) throw new Error(`CloudAPI CreateInstance answered without an InstanceId (RequestId ${answer.RequestId ?? 'none'})`);
      instanceId = answer.InstanceId;
    } catch (error) {
      const unknown = outcomeUnknown(error);
      Object.assign(record, {
        state: 'failed',
        outcomeUnknown: unknown,
        failure: failureOf(error),
        endedAt: new Date().toISOString(),
        message: unknown
          ? `Whether ${record.name} was bought is not known: CreateInstance got no clear answer. Buy again with the same token (${record.token}); the cloud answers with the same gateway if it bought one.`
          : `The cloud refused to buy ${record.name}; nothing was bought.`,
      });
      await this.save(record);
      this.report(record);
      const host = toHostError(error);
      if (unknown && host instanceof HostError) throw new HostError(host.code, `${host.message} ${record.message}`, [], { cause: error });
      throw host;
    }
    Object.assign(record, { instanceId, state: 'creating', outcomeUnknown: undefined, message: `Bought ${instanceId}; waiting for it to start` });
    await this.save(record);
    if (record.description) await this.options.descriptions.set(instanceId, record.description);
    this.report(record);
    this.startFollowing(record);
    return progressOf(record);
  }

  // --- following ---

  private startFollowing(record: PurchaseRecord): void {
    const id = idOf(record.cloudKey, record.token);
    if (this.following.has(id) || this.stopping.signal.aborted) return;
    this.live.set(id, record);
    // The run of the call log that bought it (or picked it up) stays open while it is followed.
    const release = holdCallRun();
    const run = this.follow(record)
      .catch((error: unknown) => this.options.log?.(`gateway purchase ${record.token}: following it failed: ${(error as Error).message}`))
      .finally(() => {
        this.following.delete(id);
        this.live.delete(id);
        release();
      });
    this.following.set(id, run);
  }

  private async follow(record: PurchaseRecord): Promise<void> {
    let cloud = await this.options.openCloud();
    // From when this process began to look, not from the purchase: an app closed for a day has not waited a day.
    const lookingSince = Date.now();
    try {
      let misses = 0;
      while (!this.stopping.signal.aborted) {
        // Another cloud is in force (the person switched profiles): the purchase waits until its own cloud is back.
        if (cloud.key !== record.cloudKey) return;
        if (record.state === 'configuring') return await this.configure(cloud, record);
        if (record.state !== 'creating' || !record.instanceId) return;
        const instance = await describeInstance(cloud.client, record.instanceId).catch(async (error: unknown) => {
          if (!outcomeUnknown(error)) throw error;
          // No answer: ask again later, on a fresh connection (demo mode's offline cloud may have restarted on another port).
          record.message = `Waiting for ${record.instanceId}: the cloud did not answer DescribeInstances; asking again`;
          cloud.client.close();
          cloud = await this.options.openCloud();
          return null;
        });
        if (instance === undefined && ++misses >= MISSES_BEFORE_GONE) {
          return await this.fail(record, new HostError('NOT_FOUND', `Gateway ${record.instanceId} is no longer listed by DescribeInstances in ${record.region}: it was deleted, or the cloud was reset.`));
        }
        if (instance) {
          misses = 0;
          const status = instance.Status ?? 'CREATING';
          const changed = status !== record.status;
          record.status = status;
          if (status === 'RUNNING') {
            Object.assign(record, { state: 'configuring', message: record.maintenance ? `${record.instanceId} is running; setting its maintenance window` : `${record.instanceId} is running` });
            await this.save(record);
            this.report(record);
            continue;
          }
          record.message = `Waiting for ${record.instanceId} to start: ${status} (${secondsSince(record.startedAt)} s)`;
          if (changed) await this.save(record);
        }
        const timeout = this.options.timeoutMs ?? DEFAULT_PURCHASE_TIMEOUT_MS;
        if (Date.now() - lookingSince > timeout) {
          return await this.fail(
            record,
            new HostError('CLOUD_FAILED', `Gateway ${record.instanceId} was still ${record.status ?? 'not RUNNING'} after ${Math.round(timeout / 60_000)} minutes of waiting; it may yet start: look at the gateway list, and ask Alibaba Cloud support if it stays so.`),
          );
        }
        this.report(record);
        await sleep(this.pollMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    } catch (error) {
      await this.fail(record, error);
    } finally {
      cloud.client.close();
    }
  }

  private async configure(cloud: InstanceCloud, record: PurchaseRecord): Promise<void> {
    const window = record.maintenance;
    if (window) {
      try {
        await cloud.client.call('CloudAPI', 'ModifyInstanceAttribute', { InstanceId: record.instanceId, ...maintenanceParams(window) }, { idempotent: true });
      } catch (error) {
        return this.fail(record, error, `Gateway ${record.instanceId} is running, but setting its maintenance window ${window.start}-${window.end} (UTC) failed; buy again with the same token to retry, or set it with modify.`);
      }
    }
    Object.assign(record, {
      state: 'running',
      endedAt: new Date().toISOString(),
      message: `Gateway ${record.name} (${record.instanceId}) is running${window ? `, maintenance window ${window.start}-${window.end} (UTC)` : ''}.`,
    });
    await this.save(record);
    this.report(record);
  }

  private async fail(record: PurchaseRecord, error: unknown, message?: string): Promise<void> {
    const failure = failureOf(error);
    currentCallRun()?.markFailed(failure);
    Object.assign(record, { state: 'failed', failure, endedAt: new Date().toISOString(), message: message ?? `Following ${record.name} stopped: ${failure.message}` });
    await this.save(record).catch((saveError: unknown) => this.options.log?.(`gateway purchases: could not write ${this.file.path}: ${(saveError as Error).message}`));
    this.report(record);
  }

  // --- the file ---

  private async records(): Promise<PurchaseRecord[]> {
    const stored = (await this.file.read()).purchases;
    return stored.map((record) => this.live.get(idOf(record.cloudKey, record.token)) ?? record);
  }

  private async record(cloudKey: string, token: string): Promise<PurchaseRecord | undefined> {
    return (await this.records()).find((record) => record.cloudKey === cloudKey && record.token === token);
  }

  private async save(record: PurchaseRecord): Promise<void> {
    const copy = structuredClone(record);
    await this.file.update((value) => {
      const others = value.purchases.filter((candidate) => !(candidate.cloudKey === record.cloudKey && candidate.token === record.token));
      const ended = others.filter((candidate) => !UNFINISHED.has(candidate.state)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      const dropped = new Set(ended.slice(ENDED_KEPT - 1));
      value.purchases = [...others.filter((candidate) => !dropped.has(candidate)), copy];
    });
  }

  private report(record: PurchaseRecord): void {
    try {
      this.options.onProgress?.(progressOf(record));
    } catch (error) {
      this.options.log?.(`gateway purchase ${record.token}: reporting progress failed: ${(error as Error).message}`);
    }
  }
}

function secondsSince(iso: string): number {
  return Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
}
