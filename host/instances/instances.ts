/**
 * The region's gateway instances as DescribeInstances reports them (docs/alibaba-openapi.md,
 * "Dedicated instances"), turned into the views of shared/ipc/instance-views, with the API groups
 * bound to each (DescribeApiGroups' InstanceId).
 */
import type { InstanceView } from '../../shared/ipc/instance-views';
import type { ExistingInstance } from '../../shared/purchase';
import type { CloudClient, CloudResponse } from '../cloud';
import { listItems, pageAll } from '../cloud';

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
  /** The public address the gateway's outbound calls come from. */
  InternetEgressAddress?: string;
}

export const DEDICATED = 'VPC_DEDICATED';

export interface BoundGroup {
  id: string;
  name: string;
}

/**
 * Every instance of the region (the shared one included), or the one with `instanceId` ([] when
 * there is none). One call: the request model declares no PageNumber/PageSize (docs/gateways.md),
 * so the cloud answers every instance at once.
 */
export async function describeInstances(client: CloudClient, instanceId?: string): Promise<InstanceAttribute[]> {
  const answer = await client.call<CloudResponse>('CloudAPI', 'DescribeInstances', { InstanceId: instanceId });
  return listItems<InstanceAttribute>(answer, 'Instances.InstanceAttribute');
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
  const existing: ExistingInstance = {
    instanceId: instance.InstanceId,
    name: instance.InstanceName ?? '',
    spec: instance.InstanceSpec ?? '',
    ...(instance.Status ? { status: instance.Status } : {}),
    vpcId: instance.UserVpcId ?? '',
    subnets: Object.fromEntries(nics.map((nic) => [nic.ZoneId, nic.VswitchId])),
    securityGroupId: nics[0]?.SecurityGroupId ?? '',
  };
  if (instance.MaintainStartTime && instance.MaintainEndTime) existing.maintenance = { start: instance.MaintainStartTime, end: instance.MaintainEndTime };
  return existing;
}

export function instanceView(instance: InstanceAttribute, region: string, groups: readonly BoundGroup[], description?: string): InstanceView {
  return {
    ...existingInstanceOf(instance),
    region,
    ...(description ? { description } : {}),
    instanceType: instance.InstanceType ?? '',
    ...optional('chargeType', instance.InstanceChargeType),
    ...optional('createdTime', instance.CreatedTime),
    ...optional('expiredTime', instance.ExpiredTime),
    ...optional('httpsPolicy', instance.HttpsPolicies),
    ...optional('internetEgressAddress', instance.InternetEgressAddress),
    groups: [...groups],
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
