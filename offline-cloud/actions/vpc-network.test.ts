import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { popCore } from '../testing/sim-requests';

type Answer = Record<string, unknown> & { PageNumber: number; PageSize: number; TotalCount: number; RequestId: string };
interface VSwitch {
  VSwitchId: string;
  VSwitchName: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock: string;
  AvailableIpAddressCount: number;
}

let sim: CloudSim;
let vpc: ReturnType<typeof popCore>;
beforeAll(async () => {
  sim = await startCloudSim();
  vpc = popCore(sim, 'Vpc');
});
afterAll(() => sim.close());

const describeAll = (action: string, params: Record<string, string | number>) => vpc.request<Answer>(action, params, { method: 'POST' });

describe('Vpc DescribeVpcs', () => {
  it('lists the seeded VPCs in the shape of the DescribeVpcs model', async () => {
    const answer = await describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    expect(answer).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 3 });
    const list = (answer.Vpcs as { Vpc: Record<string, unknown>[] }).Vpc;
    expect(list.map((item) => item.VpcName)).toEqual(['prod-vpc', 'default-vpc', 'staging-vpc']);
    const prod = list[0];
    expect(prod).toMatchObject({ RegionId: 'cn-hangzhou', Status: 'Available', CidrBlock: '172.16.0.0/12', IsDefault: false, EnabledIpv6: false, Tags: { Tag: [] } });
    expect(prod.VpcId).toMatch(/^vpc-bp1[a-z0-9]{18}$/);
    expect((prod.VSwitchIds as { VSwitchId: string[] }).VSwitchId).toHaveLength(4);
    expect((prod.RouterTableIds as { RouterTableIds: string[] }).RouterTableIds[0]).toMatch(/^vtb-/);
    for (const key of ['Ipv6CidrBlocks', 'SecondaryCidrBlocks', 'UserCidrs', 'NatGatewayIds', 'VRouterId', 'OwnerId', 'CreationTime', 'ResourceGroupId', 'CenStatus', 'DhcpOptionsSetId']) {
      expect(prod).toHaveProperty(key);
    }
  });

  it('filters by VpcId list, name and IsDefault, and pages', async () => {
    const all = ((await describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou' })).Vpcs as { Vpc: { VpcId: string; VpcName: string }[] }).Vpc;
    const byIds = await describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou', VpcId: `${all[0].VpcId},${all[2].VpcId}` });
    expect((byIds.Vpcs as { Vpc: { VpcName: string }[] }).Vpc.map((item) => item.VpcName)).toEqual(['prod-vpc', 'staging-vpc']);
    const byDefault = await describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou', IsDefault: 'true' });
    expect((byDefault.Vpcs as { Vpc: { VpcName: string }[] }).Vpc.map((item) => item.VpcName)).toEqual(['default-vpc']);
    const page2 = await describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou', PageNumber: 2, PageSize: 2 });
    expect(page2).toMatchObject({ PageNumber: 2, PageSize: 2, TotalCount: 3 });
    expect((page2.Vpcs as { Vpc: { VpcName: string }[] }).Vpc.map((item) => item.VpcName)).toEqual(['staging-vpc']);
  });

  it('refuses a PageSize above 50 and answers DryRun with DryRunOperation', async () => {
    await expect(describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou', PageSize: 51 })).rejects.toMatchObject({ code: 'InvalidParameter' });
    await expect(describeAll('DescribeVpcs', { RegionId: 'cn-hangzhou', DryRun: 'true' })).rejects.toMatchObject({ code: 'DryRunOperation' });
  });
});

describe('Vpc DescribeVSwitches', () => {
  it('lists vSwitches of very different sizes, one too small for 7 addresses', async () => {
    const answer = await describeAll('DescribeVSwitches', { RegionId: 'cn-hangzhou', PageSize: 50 });
    expect(answer.TotalCount).toBe(9);
    const list = (answer.VSwitches as { VSwitch: VSwitch[] }).VSwitch;
    const free = Object.fromEntries(list.map((item) => [item.VSwitchName, item.AvailableIpAddressCount]));
    expect(free).toMatchObject({ 'prod-vsw-h-tiny': 4, 'prod-vsw-i-small': 6, 'staging-vsw-g-full': 0, 'prod-vsw-j': 240 });
    expect(list.find((item) => item.VSwitchName === 'prod-vsw-h-tiny')).toMatchObject({ ZoneId: 'cn-hangzhou-h', CidrBlock: '172.16.3.0/29' });
    expect(list[0]).toMatchObject({ Status: 'Available', ShareType: '', RouteTable: { RouteTableType: 'System' }, Tags: { Tag: [] } });
  });

  it('pages with PageNumber and PageSize', async () => {
    const names: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const answer = await describeAll('DescribeVSwitches', { RegionId: 'cn-hangzhou', PageNumber: page, PageSize: 2 });
      expect(answer).toMatchObject({ PageNumber: page, PageSize: 2, TotalCount: 9 });
      names.push(...(answer.VSwitches as { VSwitch: VSwitch[] }).VSwitch.map((item) => item.VSwitchName));
    }
    expect(new Set(names).size).toBe(9);
  });

  it('filters by VpcId (without RegionId too) and ZoneId; needs one of RegionId or VpcId', async () => {
    const vpcs = ((await describeAll('DescribeVpcs', { RegionId: 'cn-shanghai' })).Vpcs as { Vpc: { VpcId: string }[] }).Vpc;
    const byVpc = await describeAll('DescribeVSwitches', { VpcId: vpcs[0].VpcId });
    expect((byVpc.VSwitches as { VSwitch: VSwitch[] }).VSwitch.map((item) => item.VSwitchName)).toEqual(['sh-vsw-e', 'sh-vsw-f-tiny']);
    const byZone = await describeAll('DescribeVSwitches', { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-g' });
    expect((byZone.VSwitches as { VSwitch: VSwitch[] }).VSwitch.map((item) => item.VSwitchName)).toEqual(['prod-vsw-g', 'staging-vsw-g-full']);
    await expect(describeAll('DescribeVSwitches', {})).rejects.toMatchObject({ code: 'MissingRegionId' });
  });
});

describe('Vpc DescribeZones', () => {
  it("lists the region's single zones, in Chinese by default and in English on request", async () => {
    const chinese = await describeAll('DescribeZones', { RegionId: 'cn-hangzhou' });
    const zones = (chinese.Zones as { Zone: { ZoneId: string; LocalName: string; ZoneType: string }[] }).Zone;
    expect(zones.map((zone) => zone.ZoneId)).toEqual(['cn-hangzhou-b', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
    expect(zones[0]).toEqual({ ZoneId: 'cn-hangzhou-b', LocalName: '杭州 可用区B', ZoneType: 'AvailabilityZone' });
    const english = await describeAll('DescribeZones', { RegionId: 'cn-shanghai', AcceptLanguage: 'en-us' });
    expect((english.Zones as { Zone: { LocalName: string }[] }).Zone[0].LocalName).toBe('Shanghai Zone B');
  });
});

describe('Vpc DescribeEipAddresses', () => {
  it('lists EIPs free and in use, and filters by Status', async () => {
    const answer = await describeAll('DescribeEipAddresses', { RegionId: 'cn-hangzhou' });
    expect(answer).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 3 });
    const list = (answer.EipAddresses as { EipAddress: Record<string, unknown>[] }).EipAddress;
    expect(list.map((eip) => [eip.Name, eip.Status])).toEqual([
      ['gateway-eip', 'Available'],
      ['web-eip', 'InUse'],
      ['spare-eip', 'Available'],
    ]);
    expect(list[1]).toMatchObject({ InstanceType: 'EcsInstance', InstanceRegionId: 'cn-hangzhou', Bandwidth: '10', InternetChargeType: 'PayByBandwidth', OperationLocks: { LockReason: [] } });
    expect(list[0].AllocationId).toMatch(/^eip-bp1/);
    const free = await describeAll('DescribeEipAddresses', { RegionId: 'cn-hangzhou', Status: 'Available', PageSize: 1, PageNumber: 2 });
    expect(free).toMatchObject({ TotalCount: 2, PageSize: 1, PageNumber: 2 });
    expect((free.EipAddresses as { EipAddress: { Name: string }[] }).EipAddress.map((eip) => eip.Name)).toEqual(['spare-eip']);
    await expect(describeAll('DescribeEipAddresses', { RegionId: 'cn-hangzhou', Status: 'Lost' })).rejects.toMatchObject({ code: 'InvalidParameter' });
  });
});
