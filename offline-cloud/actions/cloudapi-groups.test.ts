import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

interface Group {
  GroupId: string;
  GroupName: string;
  SubDomain: string;
  StageItems: { StageInfo: { StageId: string; StageName: string }[] };
  [key: string]: unknown;
}

let dataDir: string;
let sim: CloudSim;
let cloud: GatewayCalls;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cloud-sim-groups-'));
  sim = await startCloudSim({ dataDir });
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('CloudAPI API groups', () => {
  it('creates a group on the shared instance and describes it in the shape of the DescribeApiGroup model', async () => {
    const created = await cloud.call('CreateApiGroup', { GroupName: 'shop_orders', Description: 'Orders', BasePath: '/v1', Tag: [{ Key: 'env', Value: 'dev' }] });
    expect(created).toMatchObject({ GroupName: 'shop_orders', Description: 'Orders', BasePath: '/v1', InstanceId: 'api-shared-vpc-001', InstanceType: 'VPC_SHARED', TagStatus: true });
    expect(created.GroupId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.SubDomain).toBe(`${created.GroupId}-cn-hangzhou.alicloudapi.com`);

    const group = await cloud.call<Group>('DescribeApiGroup', { GroupId: created.GroupId as string });
    expect(group).toMatchObject({ GroupName: 'shop_orders', RegionId: 'cn-hangzhou', Status: 'NORMAL', TrafficLimit: 500, CustomDomains: { DomainItem: [] } });
    expect(group.StageItems.StageInfo.map((stage) => stage.StageName)).toEqual(['RELEASE', 'PRE', 'TEST']);
    expect(group.StageItems.StageInfo[0].StageId).toMatch(/^[0-9a-f]{32}$/);
    expect(group.CreatedTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    // Saved before the answer: the state file already holds it.
    const saved = await readFile(join(dataDir, 'offline-cloud-state.json'), 'utf8');
    expect(saved).toContain(created.GroupId as string);
  });

  it('lists groups with paging, name keyword and tag filters', async () => {
    for (const name of ['list_alpha', 'list_beta', 'list_gamma']) await cloud.createGroup(name);
    const page = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: Group[] } }>('DescribeApiGroups', { GroupName: 'list_', PageSize: 2, PageNumber: 2, Sort: 'asc' });
    expect(page).toMatchObject({ PageNumber: 2, PageSize: 2, TotalCount: 3 });
    expect(page.ApiGroupAttributes.ApiGroupAttribute.map((group) => group.GroupName)).toEqual(['list_gamma']);
    expect(page.ApiGroupAttributes.ApiGroupAttribute[0]).toMatchObject({ RegionId: 'cn-hangzhou', Tags: { TagInfo: [] } });
    const tagged = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: Group[] } }>('DescribeApiGroups', { Tag: [{ Key: 'env', Value: 'dev' }] });
    expect(tagged.ApiGroupAttributes.ApiGroupAttribute.map((group) => group.GroupName)).toEqual(['shop_orders']);
    expect((await cloud.refusal('DescribeApiGroups', { PageSize: 51 })).code).toBe('InvalidParameter');
  });

  it('modifies a group, and refuses duplicate or invalid names and unknown ids', async () => {
    const groupId = await cloud.createGroup('modify_me');
    const answer = await cloud.call('ModifyApiGroup', { GroupId: groupId, GroupName: 'modified_name', BasePath: '/v2', CustomAppCodeConfig: { location: 'HEADER', name: 'X-Code' } });
    expect(answer).toMatchObject({ GroupName: 'modified_name', BasePath: '/v2' });
    expect(await cloud.call('DescribeApiGroup', { GroupId: groupId })).toMatchObject({ CustomAppCodeConfig: '{"location":"HEADER","name":"X-Code"}' });

    expect((await cloud.refusal('CreateApiGroup', { GroupName: 'modified_name' })).code).toBe('DuplicateGroupName');
    const invalid = await cloud.refusal('CreateApiGroup', { GroupName: '1abc' });
    expect(invalid.code).toBe('InvalidGroupName');
    expect(invalid.message).toContain('start with a letter or a Chinese character; use `group_1abc`');
    expect((await cloud.refusal('CreateApiGroup', { GroupName: 'abc' })).message).toContain('too short');
    expect((await cloud.refusal('CreateApiGroup', {})).code).toBe('MissingGroupName');
    expect((await cloud.refusal('CreateApiGroup', { GroupName: 'bad_base', BasePath: 'v1' })).code).toBe('InvalidParameter');
    expect((await cloud.refusal('CreateApiGroup', { GroupName: 'bad_base', BasePath: '/v1/[x]' })).message).toContain('the base path "/v1/[x]" holds `[`');
    const missing = await cloud.refusal('DescribeApiGroup', { GroupId: '0'.repeat(32) });
    expect(missing).toMatchObject({ code: 'NotFoundApiGroup', httpStatus: 404 });
  });

  it('refuses to delete a group that still has APIs, then deletes it once they are gone', async () => {
    const groupId = await cloud.createGroup('delete_me');
    const apiId = await cloud.createApi(groupId, 'lonely');
    const refused = await cloud.refusal('DeleteApiGroup', { GroupId: groupId });
    expect(refused.code).toBe('ApiGroupHasApis');
    expect(refused.message).toContain('lonely');
    await cloud.call('DeleteApi', { ApiId: apiId });
    await cloud.call('DeleteApiGroup', { GroupId: groupId });
    expect((await cloud.refusal('DescribeApiGroup', { GroupId: groupId })).code).toBe('NotFoundApiGroup');
  });

  it('has no Token (CreateApiGroup declares none): the same create sent again is a new call, refused for the taken name', async () => {
    const first = await cloud.call<{ GroupId: string }>('CreateApiGroup', { GroupName: 'resent_group' });
    const again = await cloud.refusal('CreateApiGroup', { GroupName: 'resent_group' });
    expect(again).toMatchObject({ code: 'DuplicateGroupName', httpStatus: 400 });
    const all = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupId: string }[] } }>('DescribeApiGroups', { GroupName: 'resent_group' });
    expect(all.ApiGroupAttributes.ApiGroupAttribute.map((group) => group.GroupId)).toEqual([first.GroupId]);
  });

  it('is fault-injectable: a throttled create is sent again by the client (nothing was done) and makes one group', async () => {
    sim.faults.add({ product: 'CloudAPI', action: 'CreateApiGroup', nth: 1, times: 1, error: { code: 'Throttling.User' } });
    const created = await cloud.call('CreateApiGroup', { GroupName: 'retried_group' });
    const listed = await cloud.call<{ TotalCount: number }>('DescribeApiGroups', { GroupName: 'retried_group' });
    expect(listed.TotalCount).toBe(1);
    expect(sim.calls.filter((entry) => entry.action === 'CreateApiGroup' && entry.code === 'Throttling.User')).toHaveLength(1);
    expect(created.GroupId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('CloudAPI stage variables', () => {
  it('creates, describes and deletes variables of a stage', async () => {
    const groupId = await cloud.createGroup('stage_vars');
    const group = await cloud.call<Group>('DescribeApiGroup', { GroupId: groupId });
    const test = group.StageItems.StageInfo.find((stage) => stage.StageName === 'TEST') as { StageId: string };
    await cloud.call('CreateApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'backendHost', VariableValue: 'test.internal' });
    const routeModel = { ParameterCatalog: 'REQUEST', ServiceParameterName: 'userId', Location: 'QUERY', ParameterType: 'NUMBER', RouteMatchSymbol: 'Range', RouteRules: [{ MinValue: 1, MaxValue: 10, ResultValue: 'a.internal' }] };
    await cloud.call('CreateApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'routed', SupportRoute: true, StageRouteModel: routeModel });

    const stage = await cloud.call<{ Variables: { VariableItem: Record<string, unknown>[] } }>('DescribeApiStage', { GroupId: groupId, StageId: test.StageId });
    expect(stage).toMatchObject({ GroupId: groupId, StageId: test.StageId, StageName: 'TEST' });
    expect(stage.Variables.VariableItem[0]).toEqual({ VariableName: 'backendHost', VariableValue: 'test.internal', SupportRoute: false });
    expect(stage.Variables.VariableItem[1]).toMatchObject({ SupportRoute: true, StageRouteModel: { RouteMatchSymbol: 'Range', RouteRules: { RouteRuleItem: [{ ResultValue: 'a.internal' }] } } });

    expect((await cloud.refusal('CreateApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'backendHost' })).code).toBe('DuplicateVariableName');
    expect((await cloud.refusal('CreateApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'bad-name' })).code).toBe('InvalidParameter');
    expect((await cloud.refusal('DescribeApiStage', { GroupId: groupId, StageId: 'f'.repeat(32) })).code).toBe('NotFoundStage');

    await cloud.call('DeleteApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'backendHost' });
    const after = await cloud.call<{ Variables: { VariableItem: { VariableName: string }[] } }>('DescribeApiStage', { GroupId: groupId, StageId: test.StageId });
    expect(after.Variables.VariableItem.map((item) => item.VariableName)).toEqual(['routed']);
    expect((await cloud.refusal('DeleteApiStageVariable', { GroupId: groupId, StageId: test.StageId, VariableName: 'backendHost' })).code).toBe('NotFoundStageVariable');
  });
});
