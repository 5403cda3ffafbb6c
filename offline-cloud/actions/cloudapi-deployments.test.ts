import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls, mockApiParams } from '../testing/gateway-calls';

interface HisItem {
  ApiId: string;
  HistoryVersion: string;
  Status: string;
  StageName: string;
  StageAlias?: string;
  Description: string;
}
type History = { ApiHisItems: { ApiHisItem: HisItem[] }; TotalCount: number };
type Deployed = Record<string, unknown> & { ServiceConfig: { MockResult: string }; DeployedTime: string };

let sim: CloudSim;
let cloud: GatewayCalls;
let groupId: string;
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
  groupId = await cloud.createGroup('deploy_tests');
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

const withResult = (name: string, result: string) => mockApiParams(groupId, name, { ServiceConfig: { ServiceProtocol: 'HTTP', ServiceTimeout: 1000, Mock: 'TRUE', MockResult: result } });

describe('CloudAPI DeployApi, history and SwitchApi', () => {
  it('deploys snapshots as versions, lists them, and rolls back with SwitchApi', async () => {
    const ApiId = await cloud.call<{ ApiId: string }>('CreateApi', withResult('versioned', 'v1')).then((answer) => answer.ApiId);
    await cloud.call('DeployApi', { ApiId, GroupId: groupId, StageName: 'RELEASE', Description: 'first' });
    await cloud.call('ModifyApi', { ApiId, ...withResult('versioned', 'v2') });
    // The draft changed; the stage still serves the snapshot.
    expect((await cloud.call<Deployed>('DescribeDeployedApi', { ApiId, StageName: 'RELEASE' })).ServiceConfig.MockResult).toBe('v1');
    await cloud.call('DeployApi', { ApiId, StageName: 'RELEASE', Description: 'second' });

    const history = await cloud.call<History>('DescribeHistoryApis', { GroupId: groupId, ApiId, StageName: 'RELEASE' });
    expect(history.TotalCount).toBe(2);
    const [latest, first] = history.ApiHisItems.ApiHisItem;
    expect(latest).toMatchObject({ Status: 'ONLINE', Description: 'second', StageName: 'RELEASE', StageAlias: '线上' });
    expect(first).toMatchObject({ Status: 'OFFLINE', Description: 'first' });
    expect(first.HistoryVersion).toMatch(/^\d{17}$/);
    expect(latest.HistoryVersion > first.HistoryVersion).toBe(true);

    const api = await cloud.call<{ DeployedInfos: { DeployedInfo: { StageName: string; DeployedStatus: string; EffectiveVersion: string }[] } }>('DescribeApi', { ApiId });
    expect(api.DeployedInfos.DeployedInfo[0]).toEqual({ StageName: 'RELEASE', DeployedStatus: 'DEPLOYED', EffectiveVersion: latest.HistoryVersion });

    const old = await cloud.call<Deployed>('DescribeApiHistory', { ApiId, StageName: 'RELEASE', HistoryVersion: first.HistoryVersion });
    expect(old).toMatchObject({ HistoryVersion: first.HistoryVersion, ApiName: 'versioned', ServiceConfig: { MockResult: 'v1', VpcId: '' } });

    await cloud.call('SwitchApi', { ApiId, GroupId: groupId, StageName: 'RELEASE', HistoryVersion: first.HistoryVersion, Description: 'roll back' });
    const served = await cloud.call<Deployed>('DescribeDeployedApi', { ApiId, StageName: 'RELEASE' });
    expect(served.ServiceConfig.MockResult).toBe('v1');
    expect(served).not.toHaveProperty('DeployedInfos');
    const after = await cloud.call<History>('DescribeApiHistories', { GroupId: groupId, ApiId });
    expect(after.ApiHisItems.ApiHisItem.map((item) => item.Status)).toEqual(['OFFLINE', 'ONLINE']);
    expect(after.ApiHisItems.ApiHisItem[0]).not.toHaveProperty('StageAlias');

    const unknown = await cloud.refusal('SwitchApi', { ApiId, StageName: 'RELEASE', HistoryVersion: '20000101000000000', Description: 'nope' });
    expect(unknown.code).toBe('NotFoundHistoryVersion');
    expect((await cloud.refusal('DeployApi', { ApiId, StageName: 'RELEASE' })).code).toBe('MissingDescription');
    expect((await cloud.refusal('DeployApi', { ApiId, StageName: 'PROD', Description: 'x' })).code).toBe('NotFoundStage');
  });

  it('lists what stages serve, abolishes, and refuses DeleteApi while deployed', async () => {
    const ApiId = await cloud.createApi(groupId, 'staged');
    await cloud.call('DeployApi', { ApiId, StageName: 'TEST', Description: 'try' });
    await cloud.call('DeployApi', { ApiId, StageName: 'PRE', Description: 'try' });
    const deployed = await cloud.call<{ DeployedApis: { DeployedApiItem: Record<string, unknown>[] }; TotalCount: number }>('DescribeDeployedApis', { GroupId: groupId, ApiName: 'staged' });
    expect(deployed.TotalCount).toBe(2);
    expect(deployed.DeployedApis.DeployedApiItem[0]).toMatchObject({ ApiId, ApiName: 'staged', ApiPath: '/staged', ApiMethod: 'GET', GroupName: 'deploy_tests', StageName: 'TEST', Visibility: 'PUBLIC' });
    const testOnly = await cloud.call<{ TotalCount: number }>('DescribeDeployedApis', { GroupId: groupId, StageName: 'TEST', ApiId });
    expect(testOnly.TotalCount).toBe(1);

    const refused = await cloud.refusal('DeleteApi', { ApiId });
    expect(refused.code).toBe('ApiIsDeployed');
    expect(refused.message).toContain('TEST, PRE');

    for (const StageName of ['TEST', 'PRE', 'RELEASE']) await cloud.call('AbolishApi', { ApiId, StageName });
    expect((await cloud.refusal('DescribeDeployedApi', { ApiId, StageName: 'TEST' })).code).toBe('NotFoundDeployedApi');
    const history = await cloud.call<History>('DescribeHistoryApis', { GroupId: groupId, ApiId });
    expect(history.ApiHisItems.ApiHisItem.every((item) => item.Status === 'OFFLINE')).toBe(true);
    await cloud.call('DeleteApi', { ApiId });
  });

  it('refuses to serve two APIs on one route in a stage', async () => {
    const first = await cloud.createApi(groupId, 'route_owner');
    await cloud.call('DeployApi', { ApiId: first, StageName: 'TEST', Description: 'owner' });
    // Move the first API's draft away, give its old route to a second API, and deploy that.
    await cloud.call('ModifyApi', { ApiId: first, ...mockApiParams(groupId, 'route_owner', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/moved', RequestMode: 'PASSTHROUGH' } }) });
    const second = await cloud.createApi(groupId, 'route_taker', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/route_owner', RequestMode: 'PASSTHROUGH' } });
    const refused = await cloud.refusal('DeployApi', { ApiId: second, StageName: 'TEST', Description: 'clash' });
    expect(refused.code).toBe('DuplicateApiPath');
    await cloud.call('DeployApi', { ApiId: second, StageName: 'PRE', Description: 'no clash there' });
  });
});
