import type RPCClient from '@alicloud/pop-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PurchaseRequest, createInstanceParams, maintenanceParams } from '../../shared/purchase';
import { type CloudParams, toWireParams } from '../../host/cloud/wire-params';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { popCore } from '../testing/sim-requests';

type Answer = Record<string, unknown>;
interface Instance {
  InstanceId: string;
  InstanceName: string;
  InstanceSpec: string;
  InstanceType: string;
  Status: string;
  [key: string]: unknown;
}
interface Refusal {
  code: string;
  message: string;
  data: { Code: string; Message: string; RequestId: string };
}

const DELAY_MS = 3_000;

let dataDir: string;
let sim: CloudSim;
let clock = Date.now();
let cloudApi: RPCClient;
let vpc: RPCClient;
let ecs: RPCClient;
/** Resource ids by their seeded names, per region. */
const ids: Record<string, string> = {};

async function startSim(): Promise<void> {
  // The offline cloud's clock, moved by the tests: transitions end when it has moved on by DELAY_MS.
  sim = await startCloudSim({ dataDir, instanceDelayMs: DELAY_MS, now: () => clock });
  cloudApi = popCore(sim, 'CloudAPI');
  vpc = popCore(sim, 'Vpc');
  ecs = popCore(sim, 'Ecs');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cloud-sim-instances-'));
  await startSim();
  for (const regionId of ['cn-hangzhou', 'cn-shanghai']) {
    const vpcs = (await vpc.request<{ Vpcs: { Vpc: { VpcId: string; VpcName: string }[] } }>('DescribeVpcs', { RegionId: regionId }, { method: 'POST' })).Vpcs.Vpc;
    const vSwitches = (await vpc.request<{ VSwitches: { VSwitch: { VSwitchId: string; VSwitchName: string }[] } }>('DescribeVSwitches', { RegionId: regionId, PageSize: 50 }, { method: 'POST' })).VSwitches.VSwitch;
    const groups = (await ecs.request<{ SecurityGroups: { SecurityGroup: { SecurityGroupId: string; SecurityGroupName: string }[] } }>('DescribeSecurityGroups', { RegionId: regionId, PageSize: 50 }, { method: 'POST' })).SecurityGroups.SecurityGroup;
    for (const item of vpcs) ids[item.VpcName] = item.VpcId;
    for (const item of vSwitches) ids[item.VSwitchName] = item.VSwitchId;
    for (const item of groups) ids[item.SecurityGroupName] = item.SecurityGroupId;
  }
});
afterAll(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** pop-core with the lists flattened the way the app's client flattens them (`Tag.1.Key`, `ZoneVSwitchSecurityGroup.1.VSwitchId`). */
const call = <T = Answer>(action: string, params: CloudParams) => cloudApi.request<T>(action, toWireParams('CloudAPI', params), { method: 'POST' });

async function refusal(action: string, params: CloudParams): Promise<Refusal> {
  try {
    await call(action, params);
  } catch (error) {
    return error as Refusal;
  }
  throw new Error(`${action} was expected to be refused but succeeded`);
}

async function freeIps(name: string, regionId = 'cn-hangzhou'): Promise<number> {
  const answer = await vpc.request<{ VSwitches: { VSwitch: { AvailableIpAddressCount: number }[] } }>('DescribeVSwitches', { RegionId: regionId, VSwitchName: name }, { method: 'POST' });
  return answer.VSwitches.VSwitch[0].AvailableIpAddressCount;
}

async function instances(params: CloudParams = {}): Promise<Instance[]> {
  return (await call<{ Instances: { InstanceAttribute: Instance[] } }>('DescribeInstances', params)).Instances.InstanceAttribute;
}

async function instance(instanceId: string, regionId = 'cn-hangzhou'): Promise<Instance | undefined> {
  return (await instances({ InstanceId: instanceId, RegionId: regionId }))[0];
}

/** A professional gateway in prod-vpc, zones j and g. */
function purchase(overrides: Partial<PurchaseRequest> = {}): PurchaseRequest {
  return {
    name: 'orders-gw',
    edition: 'professional',
    zones: ['cn-hangzhou-j', 'cn-hangzhou-g'],
    vpcId: ids['prod-vpc'],
    subnets: { 'cn-hangzhou-j': ids['prod-vsw-j'], 'cn-hangzhou-g': ids['prod-vsw-g'] },
    securityGroupId: ids['web-open'],
    billing: { kind: 'payAsYouGo' },
    ...overrides,
  };
}

function buy(request: PurchaseRequest, token: string, extra: CloudParams = {}) {
  return call<{ InstanceId: string; TagStatus: boolean }>('CreateInstance', { ...createInstanceParams(request), Token: token, ...extra });
}

let gatewayId: string;

describe('CloudAPI CreateInstance', () => {
  it('refuses a purchase into a subnet without enough free IPs, naming the vSwitch and the numbers', async () => {
    const before = await freeIps('prod-vsw-h-tiny');
    const request = purchase({ zones: ['cn-hangzhou-j', 'cn-hangzhou-h'], subnets: { 'cn-hangzhou-j': ids['prod-vsw-j'], 'cn-hangzhou-h': ids['prod-vsw-h-tiny'] } });
    const error = await refusal('CreateInstance', { ...createInstanceParams(request), Token: 'too-small-1' });
    expect(error.code).toBe('InvalidVSwitchId.IpNotEnough');
    expect(error.data.Message).toContain(`vSwitch ${ids['prod-vsw-h-tiny']} (prod-vsw-h-tiny, zone cn-hangzhou-h) has 4 free IPs; the professional edition needs 5 in each subnet`);
    expect(await freeIps('prod-vsw-h-tiny')).toBe(before);
    expect(await instances({ InstanceType: 'VPC_DEDICATED' })).toEqual([]);
  });

  // Functions: the ids are read from the offline cloud before the tests run.
  it.each<[string, () => Partial<PurchaseRequest>, string, string]>([
    ['a security group of another VPC', () => ({ securityGroupId: ids['all-open'] }), 'InvalidSecurityGroupId.VPCMismatch', 'belongs to VPC'],
    ['a vSwitch of another zone', () => ({ subnets: { 'cn-hangzhou-j': ids['prod-vsw-g'], 'cn-hangzhou-g': ids['prod-vsw-g'] } }), 'InvalidVSwitchId.ZoneMismatch', 'is not in zone cn-hangzhou-j'],
    ['a bad name', () => ({ name: 'orders gw' }), 'InvalidParameter', 'InstanceName'],
    ['a 10-month subscription', () => ({ billing: { kind: 'subscription', duration: 10, cycle: 'month' } }), 'InvalidParameter', '1 to 9 months'],
  ])('refuses %s with the shared rule’s words', async (name, overrides, code, says) => {
    const error = await refusal('CreateInstance', { ...createInstanceParams(purchase(overrides())), Token: `refused ${name}` });
    expect(error.code).toBe(code);
    expect(error.data.Message).toContain(says);
  });

  it('sells VPC-integration gateways only, and needs a Token', async () => {
    const params = createInstanceParams(purchase());
    expect((await refusal('CreateInstance', { ...params, InstanceType: 'normal', Token: 'normal-1' })).data.Message).toContain('InstanceType=vpc_connect');
    expect((await refusal('CreateInstance', params)).code).toBe('MissingToken');
  });

  it('buys once per Token: a retry answers the same InstanceId and takes the IPs once', async () => {
    const [freeJ, freeG] = [await freeIps('prod-vsw-j'), await freeIps('prod-vsw-g')];
    const request = purchase();
    const first = await buy(request, 'buy-orders-1', { Tag: [{ Key: 'team', Value: 'orders' }] });
    const again = await buy(request, 'buy-orders-1', { Tag: [{ Key: 'team', Value: 'orders' }] });
    expect(again.InstanceId).toBe(first.InstanceId);
    expect(first).toMatchObject({ TagStatus: true });
    expect(first.InstanceId).toMatch(/^apigateway-cn-[a-z0-9]{12}$/);
    gatewayId = first.InstanceId;
    expect((await instances({ InstanceType: 'VPC_DEDICATED' })).map((item) => item.InstanceId)).toEqual([gatewayId]);
    expect(await freeIps('prod-vsw-j')).toBe(freeJ - 5);
    expect(await freeIps('prod-vsw-g')).toBe(freeG - 5);

    const mismatch = await refusal('CreateInstance', { ...createInstanceParams({ ...request, name: 'other-gw' }), Token: 'buy-orders-1', Tag: [{ Key: 'team', Value: 'orders' }] });
    expect(mismatch.code).toBe('IdempotentParameterMismatch');
  });

  it('goes from CREATING to RUNNING once the delay has passed, described in the shape of the DescribeInstances model', async () => {
    const creating = await instance(gatewayId);
    expect(creating?.Status).toBe('CREATING');
    expect((await refusal('ModifyInstanceAttribute', { InstanceId: gatewayId, InstanceName: 'too-early' })).code).toBe('IncorrectInstanceStatus');

    clock += DELAY_MS;
    const running = await instance(gatewayId);
    expect(running).toMatchObject({
      InstanceName: 'orders-gw',
      InstanceSpec: 'api.s1.medium',
      InstanceType: 'VPC_DEDICATED',
      DedicatedInstanceType: 'vpc_connect',
      InstanceChargeType: 'PayAsYouGo',
      Status: 'RUNNING',
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-MAZ2(j,g)',
      InstanceRpsLimit: 5000,
      HttpsPolicies: 'HTTPS2_TLS1_0',
      MaintainStartTime: '22:00Z',
      MaintainEndTime: '01:00Z',
      UserVpcId: ids['prod-vpc'],
      InstanceCidrBlock: '192.168.0.0/16',
      ConnectVpcId: ids['prod-vpc'],
      ConnectCidrBlocks: '["172.16.0.0/24","172.16.1.0/24"]',
      Tags: { TagInfo: [{ Key: 'team', Value: 'orders' }] },
    });
    expect(running?.CreatedTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.0$/);
    // Every gateway calls out from a public address; no EIP or bandwidth field is reported (none is declared).
    expect(running?.InternetEgressAddress).toMatch(/^47\.\d+\.\d+\.\d+$/);
    expect(Object.keys(running ?? {})).not.toEqual(expect.arrayContaining(['AllocationId']));
    expect(Object.keys(running ?? {})).not.toEqual(expect.arrayContaining(['InternetMaxBandwidthOut']));
    expect((running?.InstanceSpecAttributes as { SpecAttribute: { LocalName: string; Value: string }[] }).SpecAttribute).toContainEqual({ LocalName: 'SLA', Value: '99.95%' });
    expect((running?.NetworkInterfaceAttributes as { NetworkInterfaceAttribute: unknown[] }).NetworkInterfaceAttribute).toEqual([
      { ZoneId: 'cn-hangzhou-j', VswitchId: ids['prod-vsw-j'], SecurityGroupId: ids['web-open'], CidrBlock: '172.16.0.0/24' },
      { ZoneId: 'cn-hangzhou-g', VswitchId: ids['prod-vsw-g'], SecurityGroupId: ids['web-open'], CidrBlock: '172.16.1.0/24' },
    ]);
    const english = await instances({ InstanceId: gatewayId, Language: 'en' });
    expect((english[0].InstanceSpecAttributes as { SpecAttribute: { LocalName: string; Value: string }[] }).SpecAttribute).toContainEqual({ LocalName: 'Maximum requests per second', Value: '5000' });
  });
});

describe('CloudAPI DescribeInstances', () => {
  it('lists the shared instance next to the dedicated ones in one answer (the request has no paging), and an unknown id as an empty list', async () => {
    const all = await instances();
    expect(all.map((item) => [item.InstanceId, item.InstanceType])).toEqual([
      ['api-shared-vpc-001', 'VPC_SHARED'],
      [gatewayId, 'VPC_DEDICATED'],
    ]);
    expect((await call('DescribeInstances', {})) as Answer).toMatchObject({ PageNumber: 1, PageSize: 2, TotalCount: 2 });
    expect(await instances({ InstanceId: 'apigateway-cn-nothere' })).toEqual([]);
    expect(await instances({ Tag: [{ Key: 'team', Value: 'orders' }] })).toHaveLength(1);
  });
});

describe('CloudAPI ModifyInstanceAttribute', () => {
  it('renames and sets the maintenance window, checked by the shared rules', async () => {
    await call('ModifyInstanceAttribute', { InstanceId: gatewayId, InstanceName: 'orders-gateway', ...maintenanceParams({ start: '18:00Z', end: '20:00Z' }) });
    expect(await instance(gatewayId)).toMatchObject({ InstanceName: 'orders-gateway', MaintainStartTime: '18:00Z', MaintainEndTime: '20:00Z', Status: 'RUNNING' });

    const bad = await refusal('ModifyInstanceAttribute', { InstanceId: gatewayId, MaintainStartTime: '20:00Z' });
    expect(bad.code).toBe('InvalidParameter');
    expect(bad.data.Message).toContain('starts and ends at 20:00Z');
    expect((await refusal('ModifyInstanceAttribute', { InstanceId: 'apigateway-cn-nothere', InstanceName: 'x' })).code).toBe('NotFoundInstance');
  });

  it('connects another VPC block with ToConnectVpcIpBlock, keys as the model spells them, and deletes it again', async () => {
    const blocks = async () => JSON.parse(String((await instance(gatewayId))?.ConnectCidrBlocks)) as string[];
    await call('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { VswitchId: ids['prod-vsw-i-small'], ZoneId: 'cn-hangzhou-i', Customized: false } });
    expect(await blocks()).toEqual(['172.16.0.0/24', '172.16.1.0/24', '172.16.2.0/28']);
    await call('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { CidrBlock: '10.8.0.0/16', Customized: true }, Token: 'connect-1' });
    expect(await blocks()).toContain('10.8.0.0/16');
    await call('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { CidrBlock: '10.8.0.0/16', Customized: true }, DeleteVpcIpBlock: 'true' });
    await call('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { VswitchId: ids['prod-vsw-i-small'] }, DeleteVpcIpBlock: 'true' });
    expect(await blocks()).toEqual(['172.16.0.0/24', '172.16.1.0/24']);

    const capitalS = await refusal('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { VSwitchId: ids['prod-vsw-j'] } });
    expect(capitalS.code).toBe('InvalidParameter');
    expect(capitalS.data.Message).toContain('the key is VswitchId, with a lower-case s');
    const otherVpc = await refusal('ModifyInstanceAttribute', { InstanceId: gatewayId, ToConnectVpcIpBlock: { VswitchId: ids['default-vsw-b'] } });
    expect(otherVpc.data.Message).toContain(`is not a vSwitch of the instance's VPC ${ids['prod-vpc']}`);
    expect((await refusal('ModifyInstanceAttribute', { InstanceId: gatewayId, DeleteVpcIpBlock: 'true' })).data.Message).toContain('name the block to remove');
  });
});

describe('CloudAPI ModifyInstanceSpec', () => {
  let smallId: string;

  it('upgrades when each subnet has the extra IPs, refuses when one has not', async () => {
    // Zone i's vSwitch has 6 free IPs: the professional edition takes 5, leaving 1.
    const request = purchase({
      name: 'small-gw',
      zones: ['cn-hangzhou-i', 'cn-hangzhou-j'],
      subnets: { 'cn-hangzhou-i': ids['prod-vsw-i-small'], 'cn-hangzhou-j': ids['prod-vsw-j'] },
    });
    smallId = (await buy(request, 'buy-small-1')).InstanceId;
    expect(await freeIps('prod-vsw-i-small')).toBe(1);
    clock += DELAY_MS;

    const platinum = await refusal('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s2.large.x2', Token: 'spec-1' });
    expect(platinum.code).toBe('InvalidVSwitchId.IpNotEnough');
    expect(platinum.data.Message).toContain('has 1 free IP; moving from the professional to the platinum edition needs 2 more in each subnet (7 instead of 5)');

    const freeJ = await freeIps('prod-vsw-j');
    await call('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s2.large', Token: 'spec-2' });
    await call('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s2.large', Token: 'spec-2' });
    expect(await instance(smallId)).toMatchObject({ Status: 'MODIFYING', InstanceSpec: 'api.s2.large' });
    expect(await freeIps('prod-vsw-i-small')).toBe(0);
    expect(await freeIps('prod-vsw-j')).toBe(freeJ - 1);
    clock += DELAY_MS;
    expect(await instance(smallId)).toMatchObject({ Status: 'RUNNING', InstanceSpec: 'api.s2.large', InstanceRpsLimit: 10_000 });
  });

  it('downgrades only when told DOWNGRADE, giving the IPs back', async () => {
    const wrongWay = await refusal('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s1.small', Token: 'spec-3' });
    expect(wrongWay.data.Message).toContain('send ModifyAction=DOWNGRADE');
    await call('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s1.small', ModifyAction: 'DOWNGRADE', Token: 'spec-4' });
    expect(await freeIps('prod-vsw-i-small')).toBe(3);
    clock += DELAY_MS;
    expect(await instance(smallId)).toMatchObject({ Status: 'RUNNING', InstanceSpec: 'api.s1.small' });
  });

  it('refuses a spec the cloud does not sell', async () => {
    expect((await refusal('ModifyInstanceSpec', { InstanceId: smallId, InstanceSpec: 'api.s1.large', Token: 'spec-5' })).data.Message).toContain('"api.s1.large" is not a dedicated instance spec');
  });
});

describe('API groups on a dedicated instance, and DeleteInstance', () => {
  it('puts a group on a RUNNING instance and reports it', async () => {
    const created = await call<{ GroupId: string; InstanceId: string; InstanceType: string }>('CreateApiGroup', { GroupName: 'orders_api', InstanceId: gatewayId });
    expect(created).toMatchObject({ InstanceId: gatewayId, InstanceType: 'VPC_DEDICATED' });
    expect(await call('DescribeApiGroup', { GroupId: created.GroupId })).toMatchObject({ InstanceId: gatewayId, InstanceType: 'VPC_DEDICATED', DedicatedInstanceType: 'vpc_connect' });
    const listed = await call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupId: string; InstanceId: string }[] } }>('DescribeApiGroups', { InstanceId: gatewayId });
    expect(listed.ApiGroupAttributes.ApiGroupAttribute).toEqual([expect.objectContaining({ GroupId: created.GroupId, InstanceId: gatewayId })]);
    expect((await refusal('CreateApiGroup', { GroupName: 'nowhere_api', InstanceId: 'apigateway-cn-nothere' })).code).toBe('NotFoundInstance');
  });

  it('refuses to delete an instance that hosts groups, then deletes it and gives its IPs back', async () => {
    const refused = await refusal('DeleteInstance', { InstanceId: gatewayId });
    expect(refused.code).toBe('InstanceHasApiGroups');
    expect(refused.data.Message).toContain('"orders_api"');

    const group = (await call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupId: string }[] } }>('DescribeApiGroups', { InstanceId: gatewayId })).ApiGroupAttributes.ApiGroupAttribute[0];
    await call('DeleteApiGroup', { GroupId: group.GroupId });
    const [freeJ, freeG] = [await freeIps('prod-vsw-j'), await freeIps('prod-vsw-g')];
    await call('DeleteInstance', { InstanceId: gatewayId });
    await call('DeleteInstance', { InstanceId: gatewayId });
    expect(await instance(gatewayId)).toMatchObject({ Status: 'DELETING' });
    expect((await refusal('CreateApiGroup', { GroupName: 'late_api', InstanceId: gatewayId })).code).toBe('IncorrectInstanceStatus');

    clock += DELAY_MS;
    expect(await instance(gatewayId)).toBeUndefined();
    expect(await freeIps('prod-vsw-j')).toBe(freeJ + 5);
    expect(await freeIps('prod-vsw-g')).toBe(freeG + 5);
    expect((await refusal('DeleteInstance', { InstanceId: 'api-shared-vpc-001' })).data.Message).toContain('shared instance');
  });
});

describe('the quota', () => {
  it('stops the 6th dedicated instance in a region, saying the count and the limit', async () => {
    const request = (n: number) =>
      purchase({
        name: `sh-gw-${n}`,
        edition: 'basic',
        zones: ['cn-shanghai-e'],
        vpcId: ids['sh-prod-vpc'],
        subnets: { 'cn-shanghai-e': ids['sh-vsw-e'] },
        securityGroupId: ids['sh-web-open'],
      });
    for (let n = 1; n <= 5; n++) await buy(request(n), `sh-${n}`, { RegionId: 'cn-shanghai' });
    expect(await freeIps('sh-vsw-e', 'cn-shanghai')).toBe(250 - 5 * 3);
    const sixth = await refusal('CreateInstance', { ...createInstanceParams(request(6)), Token: 'sh-6', RegionId: 'cn-shanghai' });
    expect(sixth.code).toBe('QuotaExceeded.Instance');
    expect(sixth.data.Message).toContain('already has 5 dedicated gateways in cn-shanghai; the quota is 5 per region');
    expect(await freeIps('sh-vsw-e', 'cn-shanghai')).toBe(235);
  });
});

describe('persistence', () => {
  it('keeps instances, their transitions and the taken IPs across a restart', async () => {
    const before = await instances({ RegionId: 'cn-shanghai', InstanceType: 'VPC_DEDICATED' });
    expect(before.map((item) => item.Status)).toEqual(['CREATING', 'CREATING', 'CREATING', 'CREATING', 'CREATING']);
    await sim.close();
    clock += DELAY_MS;
    await startSim();
    const after = await instances({ RegionId: 'cn-shanghai', InstanceType: 'VPC_DEDICATED' });
    expect(after.map((item) => [item.InstanceId, item.Status])).toEqual(before.map((item) => [item.InstanceId, 'RUNNING']));
    expect(await freeIps('sh-vsw-e', 'cn-shanghai')).toBe(235);
  });
});
