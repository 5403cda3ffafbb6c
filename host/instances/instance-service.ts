/**
 * Dedicated gateways of the cloud in force, behind the contract's `agw:instances.*` calls and the
 * CLI's `apigw-studio gateway`: list and show them, read what a purchase needs, check, buy
 * (through the PurchaseTracker), change and delete. The rules are shared/purchase's; every
 * change is checked against the region as it is now before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import type { InstanceView, InstancesView, PurchaseCheck, PurchaseProgress } from '../../shared/ipc/instance-views';
import {
  DEFAULT_INSTANCE_QUOTA,
  EDITIONS,
  type Finding,
  type InstanceChange,
  type PurchaseContext,
  type PurchaseRequest,
  checkDelete,
  checkModify,
  checkPurchase,
  hasBlockers,
  instanceAttributeParams,
  specChangeAction,
} from '../../shared/purchase';
import type { CallLog } from '../cloud';
import { HostError } from '../base/host-error';
import { InstanceDescriptions } from './descriptions';
import { type InstanceCloud, type OpenInstanceCloud, withCloud } from './instance-cloud';
import { InstanceBlocked, toHostError } from './instance-errors';
import { type InstanceAttribute, boundGroups, countDedicated, describeInstance, describeInstances, existingInstanceOf, instanceView, isDedicated } from './instances';
import { readPurchaseContext } from './purchase-context';
import { PurchaseTracker } from './purchases';

export interface InstanceServiceOptions {
  /** Where purchases and descriptions are kept. */
  dataDir: string;
  openCloud: OpenInstanceCloud;
  /** Told when a purchase moves on (the host emits `agw:instances.purchase`; the CLI prints it). */
  onPurchase?: (progress: PurchaseProgress) => void;
  /** How often a purchase looks at its instance (default 2 s). */
  pollMs?: number;
  purchaseTimeoutMs?: number;
  /** Where purchases, changes and deletes are recorded as runs of the OpenAPI call log (the console's); the CLI's command is a run already. */
  calls?: CallLog;
  log?: (line: string) => void;
}

export class InstanceService {
  readonly purchases: PurchaseTracker;
  private readonly descriptions: InstanceDescriptions;

  constructor(private readonly options: InstanceServiceOptions) {
    this.descriptions = new InstanceDescriptions(options.dataDir);
    this.purchases = new PurchaseTracker({
      dataDir: options.dataDir,
      openCloud: options.openCloud,
      descriptions: this.descriptions,
      onProgress: options.onPurchase,
      pollMs: options.pollMs,
      timeoutMs: options.purchaseTimeoutMs,
      log: options.log,
    });
  }

  /** The region's instances (the shared one too), the quota, and this cloud's purchases; unfinished purchases nothing follows are picked up. */
  list(): Promise<InstancesView> {
    return this.withCloud(async (cloud) => {
      await this.inRun('Pick up unfinished gateway purchases', 'purchase', () => this.purchases.resume(cloud), cloud.key);
      const [instances, groups, descriptions, purchases] = await Promise.all([describeInstances(cloud.client), boundGroups(cloud.client), this.descriptions.all(), this.purchases.list(cloud.key)]);
      return {
        region: cloud.region,
        instances: instances.map((instance) => instanceView(instance, cloud.region, groups.get(instance.InstanceId) ?? [], descriptions[instance.InstanceId])),
        quota: { used: countDedicated(instances), limit: DEFAULT_INSTANCE_QUOTA },
        purchases,
      };
    });
  }

  show(instanceId: string): Promise<InstanceView> {
    return this.withCloud((cloud) => this.view(cloud, instanceId));
  }

  context(): Promise<PurchaseContext> {
    return this.withCloud((cloud) => readPurchaseContext(cloud.client));
  }

  /** Every finding of `request` against the region as it is now; buys nothing. */
  check(request: PurchaseRequest): Promise<PurchaseCheck> {
    return this.withCloud(async (cloud) => {
      const context = await readPurchaseContext(cloud.client);
      return { findings: checkPurchase(request, context), context };
    });
  }

  /** Buys (see PurchaseTracker.buy); answers once CreateInstance has answered, or the purchase `token` already stands for. */
  async buy(request: { request: PurchaseRequest; token: string }): Promise<PurchaseProgress> {
    return (await this.inRun(`Buy gateway ${request.request.name}`, 'purchase', () => this.withCloud((cloud) => this.purchases.buy(cloud, request.request, request.token)))).progress;
  }

  retryPurchase(request: { token: string }): Promise<PurchaseProgress> {
    return this.inRun(`Look again at gateway purchase ${request.token}`, 'purchase', () => this.withCloud(async (cloud) => (await this.purchases.retry(cloud, request.token)).progress));
  }

  /** The purchase `token` stands for in the cloud in force, if this app knows it. */
  purchase(token: string): Promise<PurchaseProgress | undefined> {
    return this.withCloud((cloud) => this.purchases.find(cloud.key, token));
  }

  /** Resolves when the purchase has ended (running or failed), or this service closed. */
  waitForPurchase(token: string): Promise<PurchaseProgress | undefined> {
    return this.withCloud((cloud) => this.purchases.wait(cloud.key, token));
  }

  /** What the change rules say about `change`; changes nothing. */
  checkChange(request: { instanceId: string; change: InstanceChange }): Promise<Finding[]> {
    return this.withCloud(async (cloud) => {
      const instance = await this.changeable(cloud, request.instanceId);
      return checkModify(existingInstanceOf(instance), request.change, await readPurchaseContext(cloud.client));
    });
  }

  /**
   * Changes what may change, refusing on a blocker: name, maintenance window and HTTPS policy with
   * ModifyInstanceAttribute; the spec with ModifyInstanceSpec (with a Token: a retry never changes
   * twice); the description here. Exactly the fields those calls declare (docs/gateways.md): a
   * gateway has no EIP or bandwidth to change, and no call moves it to another security group.
   */
  modify(request: { instanceId: string; change: InstanceChange; token?: string }): Promise<InstanceView> {
    return this.inRun(`Change gateway ${request.instanceId}`, 'gateway', () => this.withCloud(async (cloud) => {
      const { instanceId, change } = request;
      const instance = await this.changeable(cloud, instanceId);
      const existing = existingInstanceOf(instance);
      const findings = checkModify(existing, change, await readPurchaseContext(cloud.client));
      if (hasBlockers(findings)) throw new InstanceBlocked(findings, `Not changing gateway ${instanceId}:`);

      const attributes = instanceAttributeParams(change, existing.name);
      // Attributes first: a spec change leaves the instance MODIFYING, and they need it RUNNING.
      if (Object.keys(attributes).length > 0) await cloud.client.call('CloudAPI', 'ModifyInstanceAttribute', { InstanceId: instanceId, ...attributes }, { idempotent: true });

      const spec = change.spec || (change.edition ? EDITIONS[change.edition].specs[0] : undefined);
      if (spec && spec !== existing.spec) {
        const direction = specChangeAction(existing.spec, spec);
        await cloud.client.call('CloudAPI', 'ModifyInstanceSpec', { InstanceId: instanceId, InstanceSpec: spec, ModifyAction: direction }, { token: request.token ?? randomUUID() });
      }
      if (change.description !== undefined) await this.descriptions.set(instanceId, change.description);
      return this.view(cloud, instanceId);
    }));
  }

  /** Deletes a gateway; `confirmation` must be its name. Refused while API groups are on it. */
  delete(request: { instanceId: string; confirmation: string }): Promise<InstanceView> {
    return this.inRun(`Delete gateway ${request.instanceId}`, 'gateway', () => this.withCloud(async (cloud) => {
      const { instanceId } = request;
      const view = await this.view(cloud, instanceId);
      refuseShared(view.instanceType, instanceId);
      if (request.confirmation.trim() !== view.name) {
        throw new HostError('CONFIRMATION_REQUIRED', `Deleting gateway ${instanceId} cannot be undone; type its name (${view.name}) to confirm.`);
      }
      const refused = deleteRefusal(view);
      if (refused) throw refused;
      // A retried delete is harmless: an instance already DELETING stays so.
      await cloud.client.call('CloudAPI', 'DeleteInstance', { InstanceId: instanceId }, { idempotent: true });
      await this.descriptions.set(instanceId, undefined);
      const after = await describeInstance(cloud.client, instanceId);
      return after ? instanceView(after, cloud.region, [], view.description) : { ...view, status: 'DELETING' };
    }));
  }

  /** Picks up unfinished purchases of the cloud in force (the host calls it when it starts). */
  async resume(): Promise<void> {
    await this.inRun('Pick up unfinished gateway purchases', 'purchase', () => this.purchases.resume());
  }

  async close(): Promise<void> {
    await this.purchases.close();
  }

  private async view(cloud: InstanceCloud, instanceId: string): Promise<InstanceView> {
    const instance = await this.find(cloud, instanceId);
    const [groups, description] = await Promise.all([boundGroups(cloud.client, instanceId), this.descriptions.get(instanceId)]);
    return instanceView(instance, cloud.region, groups.get(instanceId) ?? [], description);
  }

  private async find(cloud: InstanceCloud, instanceId: string): Promise<InstanceAttribute> {
    const instance = await describeInstance(cloud.client, instanceId);
    if (!instance) throw new HostError('NOT_FOUND', `There is no gateway ${instanceId} in ${cloud.region} (DescribeInstances lists none); check the id in the gateway list.`);
    return instance;
  }

  private async changeable(cloud: InstanceCloud, instanceId: string): Promise<InstanceAttribute> {
    const instance = await this.find(cloud, instanceId);
    if (!isDedicated(instance)) refuseShared(instance.InstanceType ?? '', instanceId);
    return instance;
  }

  /** `work` as a run of the call log; inside a run already (a CLI command), part of that one. */
  private inRun<T>(title: string, kind: 'purchase' | 'gateway', work: () => Promise<T>, profileKey?: string): Promise<T> {
    return this.options.calls ? this.options.calls.run({ title, kind, source: 'console', ...(profileKey ? { profileKey } : {}) }, work) : work();
  }

  private async withCloud<T>(work: (cloud: InstanceCloud) => Promise<T>): Promise<T> {
    try {
      return await withCloud(this.options.openCloud, work);
    } catch (error) {
      throw toHostError(error);
    }
  }
}

/** Why `view` cannot be deleted now, if it cannot: API groups still on it, or a transition under way. */
export function deleteRefusal(view: InstanceView): HostError | undefined {
  const findings = checkDelete(view);
  return hasBlockers(findings) ? new InstanceBlocked(findings, `Not deleting gateway ${view.name} (${view.instanceId}):`) : undefined;
}

function refuseShared(instanceType: string, instanceId: string): void {
  if (instanceType && instanceType !== 'VPC_DEDICATED') {
    throw new HostError('BLOCKED', `${instanceId} is the region's shared instance (${instanceType}): it is listed, but only dedicated gateways can be changed or deleted.`);
  }
}
