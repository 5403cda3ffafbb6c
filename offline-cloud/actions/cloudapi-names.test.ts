// Names as Alibaba Cloud enforces them (docs/project-file.md#conventions): the offline cloud refuses
// what the cloud refuses, on every Create and Modify that takes a name, through pop-core.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls, mockApiParams } from '../testing/gateway-calls';

let dataDir: string;
let sim: CloudSim;
let cloud: GatewayCalls;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cloud-sim-names-'));
  sim = await startCloudSim({ dataDir });
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

const CORS = JSON.stringify({ allowOrigins: '*', allowMethods: 'GET', allowHeaders: '*', exposeHeaders: '', allowCredentials: false, maxAge: 60 });

describe('names the cloud refuses', () => {
  it('refuses the old quickstart names with Invalid<ParamName> 400, naming the name to use', async () => {
    const group = await cloud.refusal('CreateApiGroup', { GroupName: 'demo-hello-api' });
    expect(group).toMatchObject({ code: 'InvalidGroupName', httpStatus: 400 });
    expect(group.message).toContain('The specified GroupName "demo-hello-api" is not valid: Group name `demo-hello-api`: Alibaba Cloud refuses `-` in group names; use `demo_hello_api`.');
    expect(await cloud.refusal('CreateApp', { AppName: 'demo-caller-app' })).toMatchObject({ code: 'InvalidAppName', httpStatus: 400 });
    expect(await cloud.refusal('CreateTrafficControl', { TrafficControlName: 'demo-low-qps', TrafficControlUnit: 'SECOND', ApiDefault: 2 })).toMatchObject({ code: 'InvalidTrafficControlName', httpStatus: 400 });
    expect(await cloud.refusal('CreatePlugin', { PluginName: 'web-cors', PluginType: 'cors', PluginData: CORS })).toMatchObject({ code: 'InvalidPluginName', httpStatus: 400 });
    const groupId = await cloud.createGroup('names_group');
    expect(await cloud.refusal('CreateApi', mockApiParams(groupId, 'get-user'))).toMatchObject({ code: 'InvalidApiName', httpStatus: 400 });
    // Nothing was made by the refused calls.
    const groups = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupName: string }[] } }>('DescribeApiGroups', {});
    expect(groups.ApiGroupAttributes.ApiGroupAttribute.map((g) => g.GroupName)).not.toContain('demo-hello-api');
  });

  it('refuses the same names on Modify, and takes the names the cloud accepts (Chinese where it allows them)', async () => {
    const groupId = await cloud.createGroup('用户服务');
    expect(await cloud.refusal('ModifyApiGroup', { GroupId: groupId, GroupName: 'user-service' })).toMatchObject({ code: 'InvalidGroupName' });
    expect(await cloud.call('ModifyApiGroup', { GroupId: groupId, GroupName: 'user_service' })).toMatchObject({ GroupName: 'user_service' });

    const apiId = await cloud.createApi(groupId, 'get_user');
    expect(await cloud.refusal('ModifyApi', { ApiId: apiId, ...mockApiParams(groupId, 'get-user') })).toMatchObject({ code: 'InvalidApiName' });
    expect((await cloud.refusal('CreateApi', mockApiParams(groupId, '查询用户'))).message).toContain('Alibaba Cloud refuses Chinese characters in API names');

    const { AppId } = await cloud.call<{ AppId: number }>('CreateApp', { AppName: 'caller_app' });
    expect(await cloud.refusal('ModifyApp', { AppId, AppName: 'caller-app' })).toMatchObject({ code: 'InvalidAppName' });

    const { TrafficControlId } = await cloud.call<{ TrafficControlId: string }>('CreateTrafficControl', { TrafficControlName: '2qps_limit', TrafficControlUnit: 'SECOND', ApiDefault: 2 });
    expect(await cloud.refusal('ModifyTrafficControl', { TrafficControlId, TrafficControlName: '_2qps' })).toMatchObject({ code: 'InvalidTrafficControlName' });

    const { PluginId } = await cloud.call<{ PluginId: string }>('CreatePlugin', { PluginName: '跨域插件', PluginType: 'cors', PluginData: CORS });
    expect(await cloud.refusal('ModifyPlugin', { PluginId, PluginName: 'cors plugin' })).toMatchObject({ code: 'InvalidPluginName' });
    expect(await cloud.call('ModifyPlugin', { PluginId, PluginName: 'cors_plugin' })).toBeDefined();
  });
});
