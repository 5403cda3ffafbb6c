/**
 * CloudAPI dedicated instances (reference §3): CreateInstance, DescribeInstances,
 * ModifyInstanceAttribute, ModifyInstanceVpcAttributeForConsole (a new security group),
 * ModifyInstanceSpec, DeleteInstance, for VPC-integration gateways (`InstanceType=vpc_connect`).
 * Every purchase and change runs shared/purchase's rules, so no client gets past what the wizard
 * refuses; a purchase takes its edition's private IPs in each vSwitch (DescribeVSwitches shows
 * it) and gives them back when the instance is gone.
 *
 * Emulator choices (docs/offline-cloud.md): public access travels in PUBLIC_ACCESS_PARAMS
 * (`AllocationId`, `InternetMaxBandwidthOut`), a security group change in SECURITY_GROUP_CHANGE;
 * only vpc_connect instances are sold; an instance stays CREATING / MODIFYING / DELETING for
 * `delayMs`; changes need it RUNNING.
 */
import { randomIdTail } from '../sim-ids';
import { createHash } from 'node:crypto';
import {
  DEFAULT_HTTPS_POLICY,
  DEFAULT_MAINTENANCE_WINDOW,
  EDITIONS,
  INSTANCE_SPECS,
  type InstanceChange,
  PUBLIC_ACCESS_PARAMS,
  type PublicInbound,
  SECURITY_GROUP_CHANGE,
  type PublicOutbound,
  type PurchaseRequest,
  VPC_CONNECT,
  checkDelete,
  specChangeAction,
  checkModify,
  checkPurchase,
  defaultInstanceCidr,
  isSpecId,
  singleZonesOf,
} from '../../shared/purchase';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { simErrors } from '../sim-errors';
import type { RegionInfo } from '../sim-regions';
import {
  type InstanceRecord,
  type NetworkInterfaceRecord,
  bindEip,
  findInstance,
  instancesOf,
  moveFreeIps,
  releaseEip,
  settleInstances,
} from './cloudapi-instances-state';
import { existingInstanceOf, purchaseContextOf, refuseBlockers } from './cloudapi-instances-rules';
import { instanceView, sharedInstanceView } from './cloudapi-instances-view';
import { type JsonObject, gatewayState } from './gateway-state';
import { hasTags, readTags } from './gateway-values';
import { oncePerToken } from './idempotency';

/** How long an instance stays CREATING, MODIFYING or DELETING unless told otherwise. */
export const DEFAULT_INSTANCE_DELAY_MS = 3_000;

export interface InstanceActionOptions {
  /** How long an instance stays CREATING, MODIFYING or DELETING (default DEFAULT_INSTANCE_DELAY_MS). */
  delayMs?: number;
}

/** Chosen: pay-as-you-go instances do not expire; the cloud's value for them is not documented. */
const NEVER_EXPIRES = String(Date.UTC(2100, 0, 1));

// --- reading CreateInstance's parameters ---

function readBilling(params: ActionParams): PurchaseRequest['billing'] {
  const charge = params.required('ChargeType');
  params.bool('AutoPay');
  // The docs say PostPaid / PrePaid; terraform sends PREPAY and PayAsYouGo (reference §3.1).
  if (/^(PostPaid|PayAsYouGo)$/i.test(charge)) return { kind: 'payAsYouGo' };
  if (!/^(PrePaid|PREPAY)$/i.test(charge)) throw simErrors.invalidParameter('ChargeType', `expected PostPaid (pay-as-you-go) or PrePaid (subscription), got "${charge}"`);
  params.required('Duration');
  const duration = params.int('Duration') as number;
  params.required('PricingCycle');
  return { kind: 'subscription', duration, cycle: params.oneOf('PricingCycle', ['month', 'year'] as const, 'month') };
}

function readInbound(params: ActionParams): PublicInbound {
  const eipId = params.string(PUBLIC_ACCESS_PARAMS.eip);
  return eipId === undefined ? { enabled: false } : { enabled: true, eipId };
}

/** As in ECS, 0 Mbit/s means no public outbound access. */
function readOutbound(params: ActionParams): PublicOutbound | undefined {
  const name = PUBLIC_ACCESS_PARAMS.outboundBandwidth;
  const text = params.string(name);
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text)) throw simErrors.invalidParameter(name, `expected the outbound bandwidth in Mbit/s, got "${text}"`);
  const value = Number(text);
  return value === 0 ? { enabled: false } : { enabled: true, bandwidthMbps: value };
}

interface ZoneEntry {
  ZoneId: string;
  VSwitchId: string;
  SecurityGroupId: string;
  CidrBlock: string;
}

function readZoneEntries(params: ActionParams): ZoneEntry[] {
  const entries = params.repeatList('ZoneVSwitchSecurityGroup').map((item, index) => {
    const entry = typeof item === 'object' && !Array.isArray(item) ? item : {};
    const field = (key: keyof ZoneEntry, required: boolean) => {
      const value = entry[key];
      if (typeof value === 'string' && value !== '') return value;
      if (required) throw simErrors.missing(`ZoneVSwitchSecurityGroup.${index + 1}.${key}`);
      return '';
    };
    return { ZoneId: field('ZoneId', true), VSwitchId: field('VSwitchId', true), SecurityGroupId: field('SecurityGroupId', true), CidrBlock: field('CidrBlock', false) };
  });
  const zones = entries.map((entry) => entry.ZoneId);
  const repeated = zones.find((zone, index) => zones.indexOf(zone) !== index);
  if (repeated) throw simErrors.invalidParameter('ZoneVSwitchSecurityGroup', `zone ${repeated} is named twice; give one vSwitch per zone`);
  if (new Set(entries.map((entry) => entry.SecurityGroupId)).size > 1) {
    throw simErrors.invalidParameter('ZoneVSwitchSecurityGroup', 'every zone must name the same SecurityGroupId: the offline cloud puts all of a gateway\'s network interfaces in one security group');
  }
  return entries;
}

/** The CloudAPI zone the instance is reported in: the one given, else the multi-zone made of exactly its zones, else its first zone. */
function instanceZone(params: ActionParams, zones: string[], region: RegionInfo): string {
  const given = params.string('ZoneId');
  if (given !== undefined) {
    const known = [...region.gatewayZones, ...region.zones].some((zone) => zone.zoneId === given);
    if (!known) throw simErrors.invalidParameter('ZoneId', `${given} is not a zone of ${region.regionId}; see DescribeZones`);
    return given;
  }
  const wanted = [...zones].sort().join();
  const multi = region.gatewayZones.find((zone) => singleZonesOf(zone.zoneId).sort().join() === wanted);
  return multi?.zoneId ?? zones[0] ?? '';
}

// --- values shaped like the cloud's ---

/** `apigateway-cn-` + 12 lower-case letters and digits, like the reference's examples. */
function newInstanceId(regionId: string): string {
  return `apigateway-${regionId.split('-')[0]}-${randomIdTail(12)}`;
}

/** `2021-10-22 15:36:53.0` (UTC), the instances' time format (reference §2.0). */
function instanceTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}.0`;
}

function expiredTime(now: Date, billing: PurchaseRequest['billing']): string {
  if (billing.kind === 'payAsYouGo') return NEVER_EXPIRES;
  const end = new Date(now.getTime());
  end.setUTCMonth(end.getUTCMonth() + billing.duration * (billing.cycle === 'year' ? 12 : 1));
  return String(end.getTime());
}

/** Stable per instance: the public address its outbound calls come from, and its VPC egress block. */
function egressAddresses(instanceId: string): { internet: string; vpc: string } {
  const hash = createHash('sha256').update(instanceId).digest();
  return { internet: `47.${96 + (hash[0] % 4)}.${hash[1]}.${1 + (hash[2] % 254)}`, vpc: `100.104.${hash[3]}.${(hash[4] % 4) * 64}/26` };
}

function startTransition(instance: InstanceRecord, status: InstanceRecord['Status'], now: Date, delayMs: number): void {
  instance.Status = status;
  instance.TransitionEndsAt = now.getTime() + delayMs;
}

// --- the actions ---

function createInstance(context: ActionContext, delayMs: number): JsonObject {
  const { params } = context;
  const region = context.region();
  const info = context.regionInfo();
  const name = params.required('InstanceName');
  const spec = params.required('InstanceSpec');
  const billing = readBilling(params);
  params.required('Token');
  const type = params.string('InstanceType');
  if (type?.toLowerCase() !== VPC_CONNECT) {
    throw simErrors.invalidParameter('InstanceType', `the offline cloud sells VPC-integration gateways only: send InstanceType=${VPC_CONNECT} with UserVpcId and ZoneVSwitchSecurityGroup.N.*, got "${type ?? ''}"`);
  }
  const vpcId = params.required('UserVpcId');
  const entries = readZoneEntries(params);
  const zones = entries.map((entry) => entry.ZoneId);
  const zoneId = instanceZone(params, zones, info);
  const tags = readTags(params);
  const request: PurchaseRequest = {
    name,
    spec,
    zones,
    vpcId,
    subnets: Object.fromEntries(entries.map((entry) => [entry.ZoneId, entry.VSwitchId])),
    securityGroupId: entries[0]?.SecurityGroupId ?? '',
    publicInbound: readInbound(params),
    publicOutbound: readOutbound(params) ?? { enabled: false },
    billing,
    httpsPolicy: params.string('HttpsPolicy'),
    instanceCidr: params.string('InstanceCidr'),
  };

  return oncePerToken(context, gatewayState(context), () => {
    refuseBlockers(checkPurchase(request, purchaseContextOf(context)));
    // The rules passed: every spec, vSwitch and VPC named exists.
    const edition = EDITIONS[INSTANCE_SPECS[spec as keyof typeof INSTANCE_SPECS].edition];
    const vpc = region.network.vpcs.find((candidate) => candidate.VpcId === vpcId);
    const nics: NetworkInterfaceRecord[] = entries.map((entry) => {
      const vSwitch = region.network.vSwitches.find((candidate) => candidate.VSwitchId === entry.VSwitchId);
      const cidr = vSwitch?.CidrBlock ?? '';
      if (entry.CidrBlock && entry.CidrBlock !== cidr) {
        throw simErrors.invalidParameter('ZoneVSwitchSecurityGroup.N.CidrBlock', `vSwitch ${entry.VSwitchId} has the CIDR block ${cidr}, not ${entry.CidrBlock}; send its own block or none`);
      }
      return { ZoneId: entry.ZoneId, VswitchId: entry.VSwitchId, SecurityGroupId: entry.SecurityGroupId, CidrBlock: cidr };
    });
    const instanceId = newInstanceId(context.regionId);
    const egress = egressAddresses(instanceId);
    const outbound = request.publicOutbound;
    const instance: InstanceRecord = {
      InstanceId: instanceId,
      InstanceName: name,
      InstanceSpec: spec,
      InstanceChargeType: billing.kind === 'payAsYouGo' ? 'PayAsYouGo' : 'PrePaid',
      Status: 'CREATING',
      ZoneId: zoneId,
      CreatedTime: instanceTime(context.now),
      ExpiredTime: expiredTime(context.now, billing),
      HttpsPolicy: request.httpsPolicy ?? DEFAULT_HTTPS_POLICY,
      MaintainStartTime: DEFAULT_MAINTENANCE_WINDOW.start,
      MaintainEndTime: DEFAULT_MAINTENANCE_WINDOW.end,
      UserVpcId: vpcId,
      InstanceCidrBlock: request.instanceCidr ?? defaultInstanceCidr(vpc?.CidrBlock),
      NetworkInterfaces: nics,
      IpsPerSubnet: edition.ipsPerSubnet,
      AllocationId: request.publicInbound.eipId ?? '',
      InternetMaxBandwidthOut: outbound.enabled ? (outbound.bandwidthMbps ?? 0) : 0,
      InternetEgressAddress: outbound.enabled ? egress.internet : '',
      VpcEgressAddress: egress.vpc,
      EgressIpv6Enable: false,
      SupportIpv6: false,
      VpcSlbIntranetEnable: false,
      IntranetSegments: JSON.stringify(vpc ? [vpc.CidrBlock] : []),
      Tags: tags,
    };
    startTransition(instance, 'CREATING', context.now, delayMs);
    moveFreeIps(region, instance, -instance.IpsPerSubnet);
    if (instance.AllocationId) bindEip(region, instance.AllocationId, instanceId);
    instancesOf(region).instances.push(instance);
    return { InstanceId: instanceId, TagStatus: tags.length > 0 };
  });
}

function describeInstances(context: ActionContext): JsonObject {
  const { params } = context;
  const instanceId = params.string('InstanceId');
  const type = params.string('InstanceType')?.toUpperCase();
  params.bool('EnableTagAuthorization');
  const tags = readTags(params);
  const shared = { view: sharedInstanceView(context), tags: [] };
  const dedicated = instancesOf(context.region()).instances.map((instance) => ({ view: instanceView(instance, context), tags: instance.Tags }));
  const matches = [shared, ...dedicated]
    .filter(({ view, tags: own }) => (instanceId === undefined || view.InstanceId === instanceId) && (type === undefined || view.InstanceType === type) && hasTags(own, tags))
    .map(({ view }) => view);
  const { items, ...page } = pageOf(matches, params, 100);
  return { ...page, Instances: { InstanceAttribute: items } };
}

function readIntranetSegments(params: ActionParams): string | undefined {
  const segments = params.json('IntranetSegments');
  if (segments === undefined) return undefined;
  if (!Array.isArray(segments) || !segments.every((item) => typeof item === 'string')) {
    throw simErrors.invalidParameter('IntranetSegments', 'expected a JSON array of CIDR blocks, e.g. ["172.16.0.0/12"]');
  }
  return JSON.stringify(segments);
}

function modifyInstanceAttribute(context: ActionContext): JsonObject {
  const { params } = context;
  const region = context.region();
  const instance = findInstance(region, params.required('InstanceId'));
  for (const unserved of ['ToConnectVpcIpBlock', 'DeleteVpcIpBlock']) {
    if (params.string(unserved) !== undefined) throw simErrors.invalidParameter(unserved, 'the offline cloud does not change a gateway\'s connected VPC blocks');
  }
  const change: InstanceChange = {};
  const name = params.string('InstanceName');
  if (name !== undefined) change.name = name;
  const httpsPolicy = params.string('HttpsPolicy');
  if (httpsPolicy !== undefined) change.httpsPolicy = httpsPolicy;
  const start = params.string('MaintainStartTime');
  const end = params.string('MaintainEndTime');
  if (start !== undefined || end !== undefined) change.maintenance = { start: start ?? instance.MaintainStartTime, end: end ?? instance.MaintainEndTime };
  if (params.string(PUBLIC_ACCESS_PARAMS.eip) !== undefined) change.publicInbound = readInbound(params);
  const outbound = readOutbound(params);
  if (outbound) change.publicOutbound = outbound;
  const egressIpv6 = params.bool('EgressIpv6Enable');
  const ipv6 = params.bool('IPV6Enabled');
  const slb = params.bool('VpcSlbIntranetEnable');
  const segments = readIntranetSegments(params);

  refuseBlockers(checkModify(existingInstanceOf(instance), change, purchaseContextOf(context)));
  if (change.name !== undefined) instance.InstanceName = change.name;
  if (change.httpsPolicy !== undefined) instance.HttpsPolicy = change.httpsPolicy;
  if (change.maintenance) Object.assign(instance, { MaintainStartTime: change.maintenance.start, MaintainEndTime: change.maintenance.end });
  const eipId = change.publicInbound?.eipId;
  if (eipId && eipId !== instance.AllocationId) {
    if (instance.AllocationId) releaseEip(region, instance.AllocationId);
    bindEip(region, eipId, instance.InstanceId);
    instance.AllocationId = eipId;
  }
  if (change.publicOutbound) {
    const on = change.publicOutbound.enabled;
    instance.InternetMaxBandwidthOut = on ? (change.publicOutbound.bandwidthMbps ?? 0) : 0;
    instance.InternetEgressAddress = on ? egressAddresses(instance.InstanceId).internet : '';
  }
  if (egressIpv6 !== undefined) instance.EgressIpv6Enable = egressIpv6;
  if (ipv6 !== undefined) instance.SupportIpv6 = ipv6;
  if (slb !== undefined) instance.VpcSlbIntranetEnable = slb;
  if (segments !== undefined) instance.IntranetSegments = segments;
  return {};
}

/** One security group for all of a gateway's network interfaces, as CreateInstance requires; applied at once, like ModifyInstanceAttribute. */
function modifyInstanceSecurityGroup(context: ActionContext): JsonObject {
  const { params } = context;
  const instance = findInstance(context.region(), params.required(SECURITY_GROUP_CHANGE.instanceId));
  const securityGroupId = params.required(SECURITY_GROUP_CHANGE.securityGroupId);
  refuseBlockers(checkModify(existingInstanceOf(instance), { securityGroupId }, purchaseContextOf(context)));
  for (const nic of instance.NetworkInterfaces) nic.SecurityGroupId = securityGroupId;
  return {};
}

function modifyInstanceSpec(context: ActionContext, delayMs: number): JsonObject {
  const { params } = context;
  const region = context.region();
  const instance = findInstance(region, params.required('InstanceId'));
  const spec = params.required('InstanceSpec');
  params.required('Token');
  const direction = params.oneOf('ModifyAction', ['UPGRADE', 'DOWNGRADE'] as const, 'UPGRADE');
  params.bool('AutoPay');
  params.bool('SkipWaitSwitch');

  return oncePerToken(context, gatewayState(context), () => {
    refuseBlockers(checkModify(existingInstanceOf(instance), { spec }, purchaseContextOf(context)));
    if (spec === instance.InstanceSpec || !isSpecId(spec)) return {};
    const actual = specChangeAction(instance.InstanceSpec, spec);
    if (actual !== direction) {
      throw simErrors.invalidParameter('ModifyAction', `${instance.InstanceSpec} → ${spec} is a${actual === 'UPGRADE' ? 'n upgrade' : ' downgrade'}: send ModifyAction=${actual}`);
    }
    const need = EDITIONS[INSTANCE_SPECS[spec].edition].ipsPerSubnet;
    moveFreeIps(region, instance, instance.IpsPerSubnet - need);
    instance.IpsPerSubnet = need;
    instance.InstanceSpec = spec;
    if (instance.InternetMaxBandwidthOut > 0) instance.InternetEgressAddress = egressAddresses(instance.InstanceId).internet;
    startTransition(instance, 'MODIFYING', context.now, delayMs);
    return {};
  });
}

/** By shared/purchase's checkDelete; deleting an instance that is already DELETING succeeds, so a retried delete is harmless. */
function deleteInstance(context: ActionContext, delayMs: number): JsonObject {
  const { params } = context;
  const region = context.region();
  const instance = findInstance(region, params.required('InstanceId'));
  readTags(params);
  if (instance.Status === 'DELETING') return {};
  const groups = gatewayState(context).groups.filter((group) => group.InstanceId === instance.InstanceId);
  refuseBlockers(checkDelete({ instanceId: instance.InstanceId, status: instance.Status, groups: groups.map((group) => ({ id: group.GroupId, name: group.GroupName })) }));
  startTransition(instance, 'DELETING', context.now, delayMs);
  return {};
}

export function cloudApiInstanceActions(options: InstanceActionOptions = {}): ActionModule {
  const delayMs = options.delayMs ?? DEFAULT_INSTANCE_DELAY_MS;
  return {
    product: 'CloudAPI',
    settle: settleInstances,
    actions: {
      CreateInstance: write((context) => createInstance(context, delayMs)),
      DescribeInstances: read(describeInstances),
      ModifyInstanceAttribute: write(modifyInstanceAttribute),
      [SECURITY_GROUP_CHANGE.action]: write(modifyInstanceSecurityGroup),
      ModifyInstanceSpec: write((context) => modifyInstanceSpec(context, delayMs)),
      DeleteInstance: write((context) => deleteInstance(context, delayMs)),
    },
  };
}
