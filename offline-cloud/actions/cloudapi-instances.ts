/**
 * CloudAPI dedicated instances (docs/offline-cloud.md "Dedicated instances"): CreateInstance,
 * DescribeInstances, ModifyInstanceAttribute, ModifyInstanceSpec, DeleteInstance, for
 * VPC-integration gateways (`InstanceType=vpc_connect`), reading exactly the fields the SDK models
 * declare (shared/purchase CREATE_INSTANCE_FIELDS and its siblings). Every purchase and change
 * runs shared/purchase's rules, so no client gets past what the wizard refuses; a purchase takes
 * its edition's private IPs in each vSwitch (DescribeVSwitches shows it) and gives them back when
 * the instance is gone.
 *
 * Emulator choices (docs/offline-cloud.md): only vpc_connect instances are sold; an instance stays
 * CREATING / MODIFYING / DELETING for `delayMs`; changes need it RUNNING; what ToConnectVpcIpBlock
 * and DeleteVpcIpBlock do. There is no EIP or bandwidth anywhere: Internet access is per API
 * group (cloudapi-group-network.ts).
 */
import { randomIdTail } from '../sim-ids';
import { createHash } from 'node:crypto';
import {
  DEFAULT_HTTPS_POLICY,
  DEFAULT_MAINTENANCE_WINDOW,
  EDITIONS,
  INSTANCE_SPECS,
  type InstanceChange,
  type PurchaseRequest,
  TO_CONNECT_VPC_IP_BLOCK_FIELDS,
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
import type { ActionParams } from '../action-params';
import { simErrors } from '../sim-errors';
import type { RegionInfo } from '../sim-regions';
import { type ConnectedBlockRecord, type InstanceRecord, type NetworkInterfaceRecord, findInstance, instancesOf, moveFreeIps, settleInstances } from './cloudapi-instances-state';
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
  // The docs say PostPaid / PrePaid; terraform sends PREPAY and PayAsYouGo
  // (docs/alibaba-openapi.md, "Dedicated instances").
  if (/^(PostPaid|PayAsYouGo)$/i.test(charge)) return { kind: 'payAsYouGo' };
  if (!/^(PrePaid|PREPAY)$/i.test(charge)) throw simErrors.invalidParameter('ChargeType', `expected PostPaid (pay-as-you-go) or PrePaid (subscription), got "${charge}"`);
  params.required('Duration');
  const duration = params.int('Duration') as number;
  params.required('PricingCycle');
  return { kind: 'subscription', duration, cycle: params.oneOf('PricingCycle', ['month', 'year'] as const, 'month') };
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

/** `apigateway-cn-` + 12 lower-case letters and digits, like the examples of docs/alibaba-openapi.md, "Conventions of the answers". */
function newInstanceId(regionId: string): string {
  return `apigateway-${regionId.split('-')[0]}-${randomIdTail(12)}`;
}

/** `2021-10-22 15:36:53.0` (UTC), the instances' time format (docs/alibaba-openapi.md, "Conventions of the answers"). */
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
      InternetEgressAddress: egress.internet,
      VpcEgressAddress: egress.vpc,
      EgressIpv6Enable: false,
      SupportIpv6: false,
      VpcSlbIntranetEnable: false,
      IntranetSegments: JSON.stringify(vpc ? [vpc.CidrBlock] : []),
      Tags: tags,
    };
    startTransition(instance, 'CREATING', context.now, delayMs);
    moveFreeIps(region, instance, -instance.IpsPerSubnet);
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
  // The request model has no PageNumber/PageSize: every match in one answer, as one page.
  return { PageNumber: 1, PageSize: matches.length, TotalCount: matches.length, Instances: { InstanceAttribute: matches } };
}

function readIntranetSegments(params: ActionParams): string | undefined {
  const segments = params.json('IntranetSegments');
  if (segments === undefined) return undefined;
  if (!Array.isArray(segments) || !segments.every((item) => typeof item === 'string')) {
    throw simErrors.invalidParameter('IntranetSegments', 'expected a JSON array of CIDR blocks, e.g. ["172.16.0.0/12"]');
  }
  return JSON.stringify(segments);
}

/**
 * ToConnectVpcIpBlock: one JSON object with the SDK model's keys (CidrBlock, Customized, VswitchId
 * with a lower-case s, ZoneId). EMULATOR CHOICE (docs/offline-cloud.md): a block that is not
 * Customized is a vSwitch of the instance's VPC and takes its CIDR block; a Customized one is a
 * range of the caller's own, given as CidrBlock.
 */
function readConnectBlock(params: ActionParams, context: ActionContext, instance: InstanceRecord): ConnectedBlockRecord | undefined {
  const value = params.json('ToConnectVpcIpBlock');
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw simErrors.invalidParameter('ToConnectVpcIpBlock', 'expected a JSON object with CidrBlock, Customized, VswitchId and ZoneId');
  }
  const block = value as Record<string, unknown>;
  const known: readonly string[] = TO_CONNECT_VPC_IP_BLOCK_FIELDS;
  const stray = Object.keys(block).find((key) => !known.includes(key));
  if (stray) {
    const hint = stray.toLowerCase() === 'vswitchid' ? ' (the key is VswitchId, with a lower-case s)' : '';
    throw simErrors.invalidParameter('ToConnectVpcIpBlock', `"${stray}" is not one of its keys ${known.join(', ')}${hint}`);
  }
  const text = (key: string) => (typeof block[key] === 'string' && block[key] !== '' ? (block[key] as string) : undefined);
  const customized = block.Customized === true || block.Customized === 'true';
  const cidr = text('CidrBlock');
  const zoneId = text('ZoneId');
  if (customized) {
    if (!cidr) throw simErrors.invalidParameter('ToConnectVpcIpBlock', 'a Customized block needs its CidrBlock');
    return { CidrBlock: cidr, Customized: true, ...(zoneId ? { ZoneId: zoneId } : {}) };
  }
  const vSwitchId = text('VswitchId');
  if (!vSwitchId) throw simErrors.invalidParameter('ToConnectVpcIpBlock', "a block that is not Customized names a vSwitch of the instance's VPC as VswitchId");
  const vSwitch = context.region().network.vSwitches.find((candidate) => candidate.VSwitchId === vSwitchId);
  if (!vSwitch || vSwitch.VpcId !== instance.UserVpcId) {
    throw simErrors.invalidParameter('ToConnectVpcIpBlock', `vSwitch ${vSwitchId} is not a vSwitch of the instance's VPC ${instance.UserVpcId}`);
  }
  if (zoneId && zoneId !== vSwitch.ZoneId) throw simErrors.invalidParameter('ToConnectVpcIpBlock', `vSwitch ${vSwitchId} is in zone ${vSwitch.ZoneId}, not ${zoneId}`);
  if (cidr && cidr !== vSwitch.CidrBlock) throw simErrors.invalidParameter('ToConnectVpcIpBlock', `vSwitch ${vSwitchId} has the CIDR block ${vSwitch.CidrBlock}, not ${cidr}`);
  return { CidrBlock: vSwitch.CidrBlock, Customized: false, VswitchId: vSwitchId, ZoneId: vSwitch.ZoneId };
}

/** A setting: sending it again changes nothing more, so its optional Token needs no memory. */
function modifyInstanceAttribute(context: ActionContext): JsonObject {
  const { params } = context;
  const instance = findInstance(context.region(), params.required('InstanceId'));
  params.string('Token');
  const change: InstanceChange = {};
  const name = params.string('InstanceName');
  if (name !== undefined) change.name = name;
  const httpsPolicy = params.string('HttpsPolicy');
  if (httpsPolicy !== undefined) change.httpsPolicy = httpsPolicy;
  const start = params.string('MaintainStartTime');
  const end = params.string('MaintainEndTime');
  if (start !== undefined || end !== undefined) change.maintenance = { start: start ?? instance.MaintainStartTime, end: end ?? instance.MaintainEndTime };
  const egressIpv6 = params.bool('EgressIpv6Enable');
  const ipv6 = params.bool('IPV6Enabled');
  const slb = params.bool('VpcSlbIntranetEnable');
  const segments = readIntranetSegments(params);
  const block = readConnectBlock(params, context, instance);
  const deleteBlock = params.bool('DeleteVpcIpBlock') === true;
  if (deleteBlock && !block) throw simErrors.invalidParameter('DeleteVpcIpBlock', 'name the block to remove in ToConnectVpcIpBlock');

  refuseBlockers(checkModify(existingInstanceOf(instance), change, purchaseContextOf(context)));
  if (change.name !== undefined) instance.InstanceName = change.name;
  if (change.httpsPolicy !== undefined) instance.HttpsPolicy = change.httpsPolicy;
  if (change.maintenance) Object.assign(instance, { MaintainStartTime: change.maintenance.start, MaintainEndTime: change.maintenance.end });
  if (egressIpv6 !== undefined) instance.EgressIpv6Enable = egressIpv6;
  if (ipv6 !== undefined) instance.SupportIpv6 = ipv6;
  if (slb !== undefined) instance.VpcSlbIntranetEnable = slb;
  if (segments !== undefined) instance.IntranetSegments = segments;
  if (block) {
    const others = (instance.ConnectedBlocks ?? []).filter((candidate) => candidate.CidrBlock !== block.CidrBlock);
    instance.ConnectedBlocks = deleteBlock ? others : [...others, block];
  }
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
      ModifyInstanceSpec: write((context) => modifyInstanceSpec(context, delayMs)),
      DeleteInstance: write((context) => deleteInstance(context, delayMs)),
    },
  };
}
