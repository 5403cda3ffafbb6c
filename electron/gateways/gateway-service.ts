/**
 * Dedicated gateways of the cloud in force, behind the contract's `agw:gateways.*` calls and the
 * CLI's `apigw-studio gateway`: list and show them, read what a purchase needs, check, buy
 * (through the PurchaseTracker), change and delete. The rules are shared/purchase's; every
 * change is checked against the region as it is now before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import type { GatewayInstanceView, GatewaysView, PurchaseCheck, PurchaseProgress } from '../../shared/ipc/gateway-views';
import {
  DEFAULT_INSTANCE_QUOTA,
  EDITIONS,
  type Finding,
  type InstanceChange,
  PUBLIC_ACCESS_PARAMS,
  type PurchaseContext,
  type PurchaseRequest,
  checkDelete,
  checkModify,
  checkPurchase,
  hasBlockers,
  maintenanceParams,
  SECURITY_GROUP_CHANGE,
  securityGroupChangeParams,
  specChangeAction,
} from '../../shared/purchase';
import type { CloudParams } from '../cloud/wire-params';
import { HostError } from '../host/host-error';
import { GatewayDescriptions } from './descriptions';
import { type GatewayCloud, type OpenGatewayCloud, withCloud } from './gateway-cloud';
import { GatewayBlocked, toHostError } from './gateway-errors';
import { type InstanceAttribute, boundGroups, countDedicated, describeInstance, describeInstances, existingInstanceOf, instanceView, isDedicated, networkInterfacesOf } from './instances';
import { readPurchaseContext } from './purchase-context';
import { PurchaseTracker } from './purchases';

export interface GatewayServiceOptions {
  /** Where purchases and descriptions are kept. */
  dataDir: string;
  openCloud: OpenGatewayCloud;
  /** Told when a purchase moves on (the host emits `agw:gateways.purchase`; the CLI prints it). */
  onPurchase?: (progress: PurchaseProgress) => void;
  /** How often a purchase looks at its instance (default 2 s). */
  pollMs?: number;
  purchaseTimeoutMs?: number;
  log?: (line: string) => void;
}

export class GatewayService {
  readonly purchases: PurchaseTracker;
  private readonly descriptions: GatewayDescriptions;

  constructor(private readonly options: GatewayServiceOptions) {
    this.descriptions = new GatewayDescriptions(options.dataDir);
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
  list(): Promise<GatewaysView> {
    return this.withCloud(async (cloud) => {
      await this.purchases.resume(cloud);
      const [instances, groups, descriptions, purchases] = await Promise.all([describeInstances(cloud.client), boundGroups(cloud.client), this.descriptions.all(), this.purchases.list(cloud.key)]);
      return {
        region: cloud.region,
        instances: instances.map((instance) => instanceView(instance, cloud.region, groups.get(instance.InstanceId) ?? [], descriptions[instance.InstanceId])),
        quota: { used: countDedicated(instances), limit: DEFAULT_INSTANCE_QUOTA },
        purchases,
      };
    });
  }

  show(instanceId: string): Promise<GatewayInstanceView> {
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
    return (await this.withCloud((cloud) => this.purchases.buy(cloud, request.request, request.token))).progress;
  }

  retryPurchase(request: { token: string }): Promise<PurchaseProgress> {
    return this.withCloud(async (cloud) => (await this.purchases.retry(cloud, request.token)).progress);
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
   * Changes what may change, refusing on a blocker: name, maintenance window, HTTPS policy, EIP
   * and outbound bandwidth with ModifyInstanceAttribute; the security group with
   * SECURITY_GROUP_CHANGE's call; the spec with ModifyInstanceSpec (with a Token: a retry never
   * changes twice); the description here. The EIP and security group calls are the offline
   * cloud's choices (docs/offline-cloud.md): a cloud that does not take them refuses, or is
   * caught leaving the group as it was.
   */
  modify(request: { instanceId: string; change: InstanceChange; token?: string }): Promise<GatewayInstanceView> {
    return this.withCloud(async (cloud) => {
      const { instanceId, change } = request;
      const instance = await this.changeable(cloud, instanceId);
      const existing = existingInstanceOf(instance);
      const findings = checkModify(existing, change, await readPurchaseContext(cloud.client));
      if (hasBlockers(findings)) throw new GatewayBlocked(findings, `Not changing gateway ${instanceId}:`);

      const attributes: CloudParams = {};
      if (change.name !== undefined && change.name !== existing.name) attributes.InstanceName = change.name;
      if (change.maintenance) Object.assign(attributes, maintenanceParams(change.maintenance));
      if (change.httpsPolicy !== undefined) attributes.HttpsPolicy = change.httpsPolicy;
      if (change.publicInbound?.enabled && change.publicInbound.eipId && change.publicInbound.eipId !== existing.publicInbound?.eipId) attributes[PUBLIC_ACCESS_PARAMS.eip] = change.publicInbound.eipId;
      if (change.publicOutbound) attributes[PUBLIC_ACCESS_PARAMS.outboundBandwidth] = change.publicOutbound.enabled ? (change.publicOutbound.bandwidthMbps ?? 0) : 0;
      // Attributes and the group first: a spec change leaves the instance MODIFYING, and they need it RUNNING.
      if (Object.keys(attributes).length > 0) await cloud.client.call('CloudAPI', 'ModifyInstanceAttribute', { InstanceId: instanceId, ...attributes }, { idempotent: true });
      if (change.securityGroupId !== undefined && change.securityGroupId !== existing.securityGroupId) await moveToSecurityGroup(cloud, instanceId, change.securityGroupId);

      const spec = change.spec || (change.edition ? EDITIONS[change.edition].specs[0] : undefined);
      if (spec && spec !== existing.spec) {
        const direction = specChangeAction(existing.spec, spec);
        await cloud.client.call('CloudAPI', 'ModifyInstanceSpec', { InstanceId: instanceId, InstanceSpec: spec, ModifyAction: direction }, { token: request.token ?? randomUUID() });
      }
      if (change.description !== undefined) await this.descriptions.set(instanceId, change.description);
      return this.view(cloud, instanceId);
    });
  }

  /** Deletes a gateway; `confirmation` must be its name. Refused while API groups are on it. */
  delete(request: { instanceId: string; confirmation: string }): Promise<GatewayInstanceView> {
    return this.withCloud(async (cloud) => {
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
    });
  }

  /** Picks up unfinished purchases of the cloud in force (the host calls it when it starts). */
  async resume(): Promise<void> {
    await this.purchases.resume();
  }

  async close(): Promise<void> {
    await this.purchases.close();
  }

  private async view(cloud: GatewayCloud, instanceId: string): Promise<GatewayInstanceView> {
    const instance = await this.find(cloud, instanceId);
    const [groups, description] = await Promise.all([boundGroups(cloud.client, instanceId), this.descriptions.get(instanceId)]);
    return instanceView(instance, cloud.region, groups.get(instanceId) ?? [], description);
  }

  private async find(cloud: GatewayCloud, instanceId: string): Promise<InstanceAttribute> {
    const instance = await describeInstance(cloud.client, instanceId);
    if (!instance) throw new HostError('NOT_FOUND', `There is no gateway ${instanceId} in ${cloud.region} (DescribeInstances lists none); check the id in the gateway list.`);
    return instance;
  }

  private async changeable(cloud: GatewayCloud, instanceId: string): Promise<InstanceAttribute> {
    const instance = await this.find(cloud, instanceId);
    if (!isDedicated(instance)) refuseShared(instance.InstanceType ?? '', instanceId);
    return instance;
  }

  private async withCloud<T>(work: (cloud: GatewayCloud) => Promise<T>): Promise<T> {
    try {
      return await withCloud(this.options.openCloud, work);
    } catch (error) {
      throw toHostError(error);
    }
  }
}

/** Why `view` cannot be deleted now, if it cannot: API groups still on it, or a transition under way. */
export function deleteRefusal(view: GatewayInstanceView): HostError | undefined {
  const findings = checkDelete(view);
  return hasBlockers(findings) ? new GatewayBlocked(findings, `Not deleting gateway ${view.name} (${view.instanceId}):`) : undefined;
}

function refuseShared(instanceType: string, instanceId: string): void {
  if (instanceType && instanceType !== 'VPC_DEDICATED') {
    throw new HostError('BLOCKED', `${instanceId} is the region's shared instance (${instanceType}): it is listed, but only dedicated gateways can be changed or deleted.`);
  }
}

/**
 * Puts every network interface of the gateway in `securityGroupId`. A setting, so a retry is
 * harmless. Read back: a cloud that takes the call but not its parameter (the real cloud does not
 * document it) must not look as if it had moved the gateway.
 */
async function moveToSecurityGroup(cloud: GatewayCloud, instanceId: string, securityGroupId: string): Promise<void> {
  await cloud.client.call('CloudAPI', SECURITY_GROUP_CHANGE.action, securityGroupChangeParams(instanceId, securityGroupId), { idempotent: true });
  const after = await describeInstance(cloud.client, instanceId);
  const nics = after ? networkInterfacesOf(after) : [];
  const left = nics.filter((nic) => nic.SecurityGroupId !== securityGroupId);
  if (nics.length > 0 && left.length === 0) return;
  const where = nics.length === 0 ? 'no network interface of it' : left.map((nic) => `its interface in ${nic.ZoneId} in ${nic.SecurityGroupId || 'no group'}`).join(', ');
  throw new HostError(
    'UNSUPPORTED',
    `The cloud took ${SECURITY_GROUP_CHANGE.action} for gateway ${instanceId}, but DescribeInstances shows ${where}, not in ${securityGroupId}: this cloud does not move a gateway's security group that way (the call is the offline cloud's choice). Change the rules of the gateway's group instead, or buy a new gateway in ${securityGroupId}.`,
  );
}

/**
 * What checkModify lets through but no call can do: giving up public inbound access. No
 * documented call unbinds a gateway's EIP, and the offline cloud reads an empty AllocationId as
 * not sent (as the RPC API reads every empty parameter), so it cannot be told "none".
 */
