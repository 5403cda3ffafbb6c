/**
 * DescribeInstances' item (`Instances.InstanceAttribute[]`, docs/alibaba-openapi.md,
 * "Dedicated instances") for a dedicated instance and for the region's shared instance, with every
 * field its response model lists. InstanceSpecAttributes come from shared/purchase's spec table.
 */
import { INSTANCE_SPECS, type InstanceSpec, isSpecId } from '../../shared/purchase';
import type { ActionContext } from '../action-registry';
import { type LocalNames, type RegionInfo, localName } from '../sim-regions';
import { DEFAULT_SHARED_INSTANCE, type InstanceRecord } from './cloudapi-instances-state';
import { tagInfos } from './gateway-values';

const SPEC_ATTRIBUTES: [LocalNames, (spec: InstanceSpec) => string][] = [
  [{ en: 'Maximum requests per second', zh: '最大每秒请求数' }, (spec) => String(spec.maxRps)],
  [{ en: 'Maximum connections', zh: '最大连接数' }, (spec) => String(spec.maxConnections)],
  [{ en: 'Maximum new connections per second', zh: '每秒新建连接数' }, (spec) => String(spec.maxNewConnectionsPerSecond)],
  [{ en: 'Outbound connection pool', zh: '出方向连接池' }, (spec) => String(spec.outboundConnectionPool)],
  [{ en: 'Maximum inbound Internet bandwidth', zh: '最大公网入带宽' }, (spec) => `${spec.maxInboundBandwidthMbps} Mbit/s`],
  [{ en: 'Maximum outbound Internet bandwidth', zh: '最大公网出带宽' }, (spec) => `${spec.maxOutboundBandwidthMbps} Mbit/s`],
  [{ en: 'SLA', zh: 'SLA' }, (spec) => spec.sla],
];

/** The RPS limit of the shared instance, as the cloud reports a group's default TrafficLimit (docs/alibaba-openapi.md, "API groups"). */
const SHARED_RPS_LIMIT = 500;

function specAttributes(specId: string, language: string | undefined) {
  if (!isSpecId(specId)) return [];
  const spec = INSTANCE_SPECS[specId];
  return SPEC_ATTRIBUTES.map(([names, value]) => ({ LocalName: localName(names, language), Value: value(spec) }));
}

function zoneLocalName(zoneId: string, region: RegionInfo, language: string | undefined): string {
  const zone = [...region.gatewayZones, ...region.zones].find((candidate) => candidate.zoneId === zoneId);
  return zone ? localName(zone.names, language) : zoneId;
}

export function instanceView(instance: InstanceRecord, context: ActionContext) {
  const language = context.params.string('Language');
  const spec = isSpecId(instance.InstanceSpec) ? INSTANCE_SPECS[instance.InstanceSpec] : undefined;
  return {
    InstanceId: instance.InstanceId,
    InstanceName: instance.InstanceName,
    InstanceSpec: instance.InstanceSpec,
    InstanceSpecAttributes: { SpecAttribute: specAttributes(instance.InstanceSpec, language) },
    InstanceType: 'VPC_DEDICATED',
    DedicatedInstanceType: 'vpc_connect',
    InstanceChargeType: instance.InstanceChargeType,
    Status: instance.Status,
    RegionId: context.regionId,
    ZoneId: instance.ZoneId,
    ZoneLocalName: zoneLocalName(instance.ZoneId, context.regionInfo(), language),
    CreatedTime: instance.CreatedTime,
    ExpiredTime: instance.ExpiredTime,
    InstanceRpsLimit: spec?.maxRps ?? 0,
    HttpsPolicies: instance.HttpsPolicy,
    MaintainStartTime: instance.MaintainStartTime,
    MaintainEndTime: instance.MaintainEndTime,
    InternetEgressAddress: instance.InternetEgressAddress,
    VpcEgressAddress: instance.VpcEgressAddress,
    NewVpcEgressAddress: instance.VpcEgressAddress,
    ClassicEgressAddress: '',
    EgressIpv6Enable: instance.EgressIpv6Enable,
    SupportIpv6: instance.SupportIpv6,
    VpcIntranetEnable: true,
    VpcSlbIntranetEnable: instance.VpcSlbIntranetEnable,
    VpcOwnerId: Number(context.account.accountId),
    UserVpcId: instance.UserVpcId,
    UserVswitchId: instance.NetworkInterfaces[0]?.VswitchId ?? '',
    IntranetSegments: instance.IntranetSegments,
    ConnectVpcId: instance.UserVpcId,
    ConnectCidrBlocks: JSON.stringify([...instance.NetworkInterfaces.map((nic) => nic.CidrBlock), ...(instance.ConnectedBlocks ?? []).map((block) => block.CidrBlock)]),
    InstanceCidrBlock: instance.InstanceCidrBlock,
    InstanceClusterId: '',
    NetworkInterfaceAttributes: { NetworkInterfaceAttribute: instance.NetworkInterfaces.map((nic) => ({ ...nic })) },
    PrivateDnsList: { PrivateDns: [] },
    ...noAcl(),
    Tags: tagInfos(instance.Tags),
  };
}

function noAcl() {
  return { AclId: '', AclName: '', AclStatus: 'off', AclType: '', IPV6AclId: '', IPV6AclName: '', IPV6AclStatus: 'off', IPV6AclType: '' };
}

/** The region's shared instance, listed so that groups without an InstanceId have somewhere to live (docs/alibaba-openapi.md, "API groups"). */
export function sharedInstanceView(context: ActionContext) {
  const language = context.params.string('Language');
  return {
    InstanceId: DEFAULT_SHARED_INSTANCE,
    InstanceName: DEFAULT_SHARED_INSTANCE,
    InstanceSpec: '',
    InstanceSpecAttributes: { SpecAttribute: [] },
    InstanceType: 'VPC_SHARED',
    DedicatedInstanceType: '',
    InstanceChargeType: 'PayAsYouGo',
    Status: 'RUNNING',
    RegionId: context.regionId,
    ZoneId: '',
    ZoneLocalName: localName(context.regionInfo().names, language),
    CreatedTime: '2024-03-01 08:00:00.0',
    ExpiredTime: '',
    InstanceRpsLimit: SHARED_RPS_LIMIT,
    HttpsPolicies: 'HTTPS2_TLS1_0',
    MaintainStartTime: '',
    MaintainEndTime: '',
    InternetEgressAddress: '',
    VpcEgressAddress: '',
    NewVpcEgressAddress: '',
    ClassicEgressAddress: '',
    EgressIpv6Enable: false,
    SupportIpv6: false,
    VpcIntranetEnable: true,
    VpcSlbIntranetEnable: false,
    VpcOwnerId: Number(context.account.accountId),
    UserVpcId: '',
    UserVswitchId: '',
    IntranetSegments: '',
    ConnectVpcId: '',
    ConnectCidrBlocks: '',
    InstanceCidrBlock: '',
    InstanceClusterId: '',
    NetworkInterfaceAttributes: { NetworkInterfaceAttribute: [] },
    PrivateDnsList: { PrivateDns: [] },
    ...noAcl(),
    Tags: { TagInfo: [] },
  };
}
