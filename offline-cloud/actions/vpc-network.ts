/**
 * VPC 2016-04-28 reads a purchase wizard needs (docs/alibaba-openapi.md, "VPC and ECS reads"):
 * DescribeVpcs, DescribeVSwitches, DescribeZones, DescribeEipAddresses. Answers carry the response
 * models' full item shapes, with empty values where the offline cloud has nothing to say (IPv6,
 * CEN, tags).
 */
import { type ActionContext, type ActionModule, read } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { simErrors } from '../sim-errors';
import { localName } from '../sim-regions';
import type { EipRecord, RegionState, VSwitchRecord, VpcRecord } from '../sim-records';

const EIP_STATUSES = ['Associating', 'Unassociating', 'InUse', 'Available', 'Releasing'] as const;

function refuseDryRun(params: ActionParams): void {
  if (params.bool('DryRun')) throw simErrors.dryRun();
}

function ownerId(context: ActionContext): number {
  return Number(context.account.accountId);
}

function vpcView(vpc: VpcRecord, region: RegionState, regionId: string, owner: number) {
  return {
    VpcId: vpc.VpcId,
    VpcName: vpc.VpcName,
    RegionId: regionId,
    Status: vpc.Status,
    CidrBlock: vpc.CidrBlock,
    Ipv6CidrBlock: '',
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    UserCidrs: { UserCidr: [] },
    VSwitchIds: { VSwitchId: region.network.vSwitches.filter((vSwitch) => vSwitch.VpcId === vpc.VpcId).map((vSwitch) => vSwitch.VSwitchId) },
    RouterTableIds: { RouterTableIds: [vpc.RouteTableId] },
    NatGatewayIds: { NatGatewayIds: [] },
    VRouterId: vpc.VRouterId,
    IsDefault: vpc.IsDefault,
    EnabledIpv6: false,
    Description: vpc.Description,
    CreationTime: vpc.CreationTime,
    OwnerId: owner,
    ResourceGroupId: vpc.ResourceGroupId,
    CenStatus: '',
    DhcpOptionsSetId: '',
    DhcpOptionsSetStatus: '',
    DnsHostnameStatus: 'DISABLED',
    Tags: { Tag: [] },
  };
}

function vSwitchView(vSwitch: VSwitchRecord, vpc: VpcRecord | undefined, owner: number) {
  return {
    VSwitchId: vSwitch.VSwitchId,
    VSwitchName: vSwitch.VSwitchName,
    VpcId: vSwitch.VpcId,
    ZoneId: vSwitch.ZoneId,
    CidrBlock: vSwitch.CidrBlock,
    Ipv6CidrBlock: '',
    EnabledIpv6: false,
    AvailableIpAddressCount: vSwitch.AvailableIpAddressCount,
    Status: vSwitch.Status,
    IsDefault: vSwitch.IsDefault,
    Description: vSwitch.Description,
    CreationTime: vSwitch.CreationTime,
    OwnerId: owner,
    ResourceGroupId: vpc?.ResourceGroupId ?? '',
    NetworkAclId: '',
    ShareType: '',
    RouteTable: { RouteTableId: vpc?.RouteTableId ?? '', RouteTableType: 'System' },
    Tags: { Tag: [] },
  };
}

function eipView(eip: EipRecord, regionId: string) {
  const bound = eip.InstanceId !== '';
  return {
    AllocationId: eip.AllocationId,
    IpAddress: eip.IpAddress,
    Name: eip.Name,
    Description: eip.Description,
    Status: eip.Status,
    RegionId: regionId,
    Bandwidth: eip.Bandwidth,
    EipBandwidth: eip.Bandwidth,
    InternetChargeType: eip.InternetChargeType,
    ChargeType: eip.ChargeType,
    ISP: eip.ISP,
    InstanceId: eip.InstanceId,
    InstanceType: eip.InstanceType,
    InstanceRegionId: bound ? regionId : '',
    PrivateIpAddress: eip.PrivateIpAddress,
    Mode: 'NAT',
    Netmode: 'public',
    AllocationTime: eip.AllocationTime,
    ExpiredTime: eip.ChargeType === 'PrePaid' ? '2030-03-01T16:00Z' : '',
    BandwidthPackageId: '',
    BandwidthPackageBandwidth: '',
    BandwidthPackageType: '',
    BusinessStatus: 'Normal',
    OperationLocks: { LockReason: [] },
    DeletionProtection: false,
    HDMonitorStatus: 'OFF',
    HasReservationData: 'false',
    ResourceGroupId: '',
    SecondLimited: false,
    SecurityProtectionTypes: { SecurityProtectionType: [] },
    SegmentInstanceId: '',
    PublicIpAddressPoolId: '',
    ServiceManaged: 0,
    VpcId: '',
    Zone: '',
    BizType: '',
    Tags: { Tag: [] },
  };
}

export const vpcNetworkActions: ActionModule = {
  product: 'Vpc',
  actions: {
    DescribeVpcs: read((context) => {
      const { params } = context;
      const regionId = params.required('RegionId');
      const region = context.region(regionId);
      refuseDryRun(params);
      const ids = params.commaList('VpcId', 20);
      const name = params.string('VpcName');
      const isDefault = params.bool('IsDefault');
      const resourceGroup = params.string('ResourceGroupId');
      const matches = region.network.vpcs.filter(
        (vpc) =>
          (!ids || ids.includes(vpc.VpcId)) &&
          (name === undefined || vpc.VpcName === name) &&
          (isDefault === undefined || vpc.IsDefault === isDefault) &&
          (resourceGroup === undefined || vpc.ResourceGroupId === resourceGroup),
      );
      const { items, ...page } = pageOf(matches, params, 50);
      return { ...page, Vpcs: { Vpc: items.map((vpc) => vpcView(vpc, region, regionId, ownerId(context))) } };
    }),

    DescribeVSwitches: read((context) => {
      const { params } = context;
      const regionId = params.string('RegionId');
      const vpcId = params.string('VpcId');
      if (!regionId && !vpcId) throw simErrors.missing('RegionId');
      // With a VpcId alone, look in every region: the VPC says where it is.
      const regionIds = regionId ? [regionId] : Object.keys(context.accountState.regions);
      const regions = regionIds.map((id) => context.region(id));
      refuseDryRun(params);
      const zoneId = params.string('ZoneId');
      const ids = params.commaList('VSwitchId');
      const name = params.string('VSwitchName');
      const isDefault = params.bool('IsDefault');
      const routeTable = params.string('RouteTableId');
      const matches = regions.flatMap((region) =>
        region.network.vSwitches
          .filter(
            (vSwitch) =>
              (vpcId === undefined || vSwitch.VpcId === vpcId) &&
              (zoneId === undefined || vSwitch.ZoneId === zoneId) &&
              (!ids || ids.includes(vSwitch.VSwitchId)) &&
              (name === undefined || vSwitch.VSwitchName === name) &&
              (isDefault === undefined || vSwitch.IsDefault === isDefault),
          )
          .map((vSwitch) => ({ vSwitch, vpc: region.network.vpcs.find((vpc) => vpc.VpcId === vSwitch.VpcId) }))
          .filter(({ vpc }) => routeTable === undefined || vpc?.RouteTableId === routeTable),
      );
      const { items, ...page } = pageOf(matches, params, 50);
      return { ...page, VSwitches: { VSwitch: items.map(({ vSwitch, vpc }) => vSwitchView(vSwitch, vpc, ownerId(context))) } };
    }),

    /** VPC's zones are the single zones where vSwitches can be created. */
    DescribeZones: read((context) => {
      const { params } = context;
      const info = context.regionInfo(params.required('RegionId'));
      const zoneType = params.string('ZoneType') ?? 'AvailabilityZone';
      const zones = zoneType === 'AvailabilityZone' ? info.zones : [];
      return { Zones: { Zone: zones.map((zone) => ({ ZoneId: zone.zoneId, LocalName: localName(zone.names, params.string('AcceptLanguage')), ZoneType: 'AvailabilityZone' })) } };
    }),

    DescribeEipAddresses: read((context) => {
      const { params } = context;
      const regionId = params.required('RegionId');
      const region = context.region(regionId);
      refuseDryRun(params);
      const allocationIds = params.commaList('AllocationId', 50);
      const addresses = params.commaList('EipAddress', 50);
      const name = params.string('EipName');
      const status = params.string('Status') === undefined ? undefined : params.oneOf('Status', EIP_STATUSES, 'Available');
      const instanceId = params.string('AssociatedInstanceId');
      const instanceType = params.string('AssociatedInstanceType');
      const chargeType = params.string('ChargeType');
      const isp = params.string('ISP');
      const matches = region.network.eips.filter(
        (eip) =>
          (!allocationIds || allocationIds.includes(eip.AllocationId)) &&
          (!addresses || addresses.includes(eip.IpAddress)) &&
          (name === undefined || eip.Name === name) &&
          (status === undefined || eip.Status === status) &&
          (instanceId === undefined || eip.InstanceId === instanceId) &&
          (instanceType === undefined || eip.InstanceType === instanceType) &&
          (chargeType === undefined || eip.ChargeType === chargeType) &&
          (isp === undefined || eip.ISP === isp),
      );
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, EipAddresses: { EipAddress: items.map((eip) => eipView(eip, regionId)) } };
    }),
  },
};
