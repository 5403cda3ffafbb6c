/**
 * The region's gateway instances as DescribeInstances reports them (reference §3.2), turned into
 * the views of shared/ipc/gateway-views, with the API groups bound to each (DescribeApiGroups'
 * InstanceId).
 */
import type { GatewayInstanceView } from '../../shared/ipc/gateway-views';
import { type ExistingInstance, PUBLIC_ACCESS_PARAMS } from '../../shared/purchase';
import type { CloudClient } from '../cloud/client';
import { listItems, pageAll } from '../cloud/paging';

/** The fields of `Instances.InstanceAttribute[]` the app reads. */
export interface InstanceAttribute {
  InstanceId: string;
  InstanceName?: string;
  InstanceSpec?: string;
  InstanceType?: string;
  InstanceChargeType?: string;
  Status?: string;
  CreatedTime?: string;
  ExpiredTime?: string;
  HttpsPolicies?: string;
  MaintainStartTime?: string;
  MaintainEndTime?: string;
  UserVpcId?: string;
  ZoneId?: string;
  NetworkInterfaceAttributes?: { NetworkInterfaceAttribute?: NetworkInterface[] };
  /** The offline cloud's public-access fields (PUBLIC_ACCESS_PARAMS); the real cloud documents none. */
  [key: string]: unknown;
}

export const DEDICATED = 'VPC_DEDICATED';

export interface BoundGroup {
  id: string;
  name: string;
}

/** Every instance of the region (the shared one included), or the one with `instanceId` ([] when there is none). */
export async function describeInstances(client: CloudClient, instanceId?: string): Promise<InstanceAttribute[]> {
  // Paged in the 2026 SDK, not yet in the metadata (reference §3.2): a cloud that ignores the paging still answers every item.
  return pageAll<InstanceAttribute>(client, 'CloudAPI', 'DescribeInstances', { InstanceId: instanceId }, 'Instances.InstanceAttribute', { pageSize: 100 });
}

export async function describeInstance(client: CloudClient, instanceId: string): Promise<InstanceAttribute | undefined> {
  return (await describeInstances(client, instanceId)).find((instance) => instance.InstanceId === instanceId);
}

export function isDedicated(instance: InstanceAttribute): boolean {
  return instance.InstanceType === DEDICATED;
}

export function countDedicated(instances: readonly InstanceAttribute[]): number {
  return instances.filter(isDedicated).length;
}

/** API groups by the instance they are on: of one instance, or of all when none is named. */
export async function boundGroups(client: CloudClient, instanceId?: string): Promise<Map<string, BoundGroup[]>> {
  const groups = await pageAll<{ GroupId: string; GroupName: string; InstanceId?: string }>(client, 'CloudAPI', 'DescribeApiGroups', { InstanceId: instanceId }, 'ApiGroupAttributes.ApiGroupAttribute', {
    pageSize: 50,
  });
  const byInstance = new Map<string, BoundGroup[]>();
  for (const group of groups) {
    if (!group.InstanceId || (instanceId !== undefined && group.InstanceId !== instanceId)) continue;
    const list = byInstance.get(group.InstanceId) ?? [];
    list.push({ id: group.GroupId, name: group.GroupName });
    byInstance.set(group.InstanceId, list);
  }
  return byInstance;
}

export interface NetworkInterface {
  ZoneId: string;
  VswitchId: string;
  SecurityGroupId?: string;
}

/** The instance's network interfaces, one per zone, each with its vSwitch and security group. */
export function networkInterfacesOf(instance: InstanceAttribute): NetworkInterface[] {
  return listItems<NetworkInterface>(instance, 'NetworkInterfaceAttributes.NetworkInterfaceAttribute');
}

/** What the change rules (checkModify) need to know about an instance. */
export function existingInstanceOf(instance: InstanceAttribute): ExistingInstance {
  const nics = networkInterfacesOf(instance);
  const eip = instance[PUBLIC_ACCESS_PARAMS.eip];
  const bandwidth = instance[PUBLIC_ACCESS_PARAMS.outboundBandwidth];
  const existing: ExistingInstance = {
    instanceId: instance.InstanceId,
    name: instance.InstanceName ?? '',
    spec: instance.InstanceSpec ?? '',
    ...(instance.Status ? { status: instance.Status } : {}),
    vpcId: instance.UserVpcId ?? '',
    subnets: Object.fromEntries(nics.map((nic) => [nic.ZoneId, nic.VswitchId])),
    securityGroupId: nics[0]?.SecurityGroupId ?? '',
  };
  // Only where the cloud reports them: absent fields say nothing, which is not "off".
  if (typeof eip === 'string') existing.publicInbound = eip ? { enabled: true, eipId: eip } : { enabled: false };
  if (bandwidth !== undefined && bandwidth !== '') {
    const mbps = Number(bandwidth);
    existing.publicOutbound = mbps > 0 ? { enabled: true, bandwidthMbps: mbps } : { enabled: false };
  }
  if (instance.MaintainStartTime && instance.MaintainEndTime) existing.maintenance = { start: instance.MaintainStartTime, end: instance.MaintainEndTime };
  return existing;
}

export function instanceView(instance: InstanceAttribute, region: string, groups: readonly BoundGroup[], description?: string): GatewayInstanceView {
  return {
    ...existingInstanceOf(instance),
    region,
    ...(description ? { description } : {}),
    instanceType: instance.InstanceType ?? '',
    ...optional('chargeType', instance.InstanceChargeType),
    ...optional('createdTime', instance.CreatedTime),
    ...optional('expiredTime', instance.ExpiredTime),
    ...optional('httpsPolicy', instance.HttpsPolicies),
    groups: [...groups],
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
