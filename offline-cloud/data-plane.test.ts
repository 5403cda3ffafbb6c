import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from './cloud-sim';
import { type CloudDataPlane, startDataPlane } from './data-plane';
import { type GatewayCalls, gatewayCalls, mockApiParams } from './testing/gateway-calls';

let sim: CloudSim;
let plane: CloudDataPlane;
let cloud: GatewayCalls;
const logged: string[] = [];
beforeAll(async () => {
  sim = await startCloudSim();
  plane = await startDataPlane(sim, { log: (line) => logged.push(line) });
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await plane.close();
  await sim.close();
});

/** A call to the data plane for `<host>.localhost`, as a browser or SDK would send it. */
function callGateway(host: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: plane.port, path, headers: { host: `${host}.localhost:${plane.port}`, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const mockResult = (groupId: string, name: string, result: string) => mockApiParams(groupId, name, { ServiceConfig: { ServiceProtocol: 'HTTP', ServiceTimeout: 1000, Mock: 'TRUE', MockResult: result } });

describe('the offline cloud data plane', () => {
  it('serves an API once it is deployed, per stage, and follows SwitchApi rollbacks', async () => {
    const groupId = await cloud.createGroup('Demo_Shop');
    const apiId = await cloud.call<{ ApiId: string }>('CreateApi', mockResult(groupId, 'hello', '{"v":1}')).then((answer) => answer.ApiId);
    expect((await callGateway('demo-shop', '/hello')).status).toBe(404);

    await cloud.call('DeployApi', { ApiId: apiId, StageName: 'RELEASE', Description: 'v1' });
    expect(await callGateway('demo-shop', '/hello')).toMatchObject({ status: 200, body: '{"v":1}' });
    expect((await callGateway('demo-shop', '/hello', { 'x-ca-stage': 'TEST' })).status).toBe(404);

    await cloud.call('ModifyApi', { ApiId: apiId, ...mockResult(groupId, 'hello', '{"v":2}') });
    await cloud.call('DeployApi', { ApiId: apiId, StageName: 'RELEASE', Description: 'v2' });
    expect((await callGateway('demo-shop', '/hello')).body).toBe('{"v":2}');

    const history = await cloud.call<{ ApiHisItems: { ApiHisItem: { HistoryVersion: string; Description: string }[] } }>('DescribeHistoryApis', { GroupId: groupId, ApiId: apiId });
    const v1 = history.ApiHisItems.ApiHisItem.find((item) => item.Description === 'v1') as { HistoryVersion: string };
    await cloud.call('SwitchApi', { ApiId: apiId, StageName: 'RELEASE', HistoryVersion: v1.HistoryVersion, Description: 'back to v1' });
    expect((await callGateway('demo-shop', '/hello')).body).toBe('{"v":1}');

    await cloud.call('AbolishApi', { ApiId: apiId, StageName: 'RELEASE' });
    expect((await callGateway('demo-shop', '/hello')).status).toBe(404);
  });

  it('serves a group with BasePath /v1 at /v1/hello, and /hello not at all (I404NF)', async () => {
    const groupId = await cloud.createGroup('Versioned', { BasePath: '/v1' });
    const apiId = await cloud.createApi(groupId, 'hello');
    await cloud.call('DeployApi', { ApiId: apiId, StageName: 'RELEASE', Description: 'under /v1' });
    expect(await callGateway('versioned', '/v1/hello')).toMatchObject({ status: 200, body: '{"api":"hello"}' });
    const outside = await callGateway('versioned', '/hello');
    expect(outside.status).toBe(404);
    expect(outside.headers['x-ca-error-code']).toBe('I404NF');

    await cloud.call('ModifyApiGroup', { GroupId: groupId, BasePath: '/v2/' });
    expect((await callGateway('versioned', '/v2/hello')).status).toBe(200);
    expect((await callGateway('versioned', '/v1/hello')).status).toBe(404);
  });

  it('lets an authorized app in with its AppCode and keeps others out', async () => {
    const groupId = await cloud.createGroup('secured');
    const apiId = await cloud.createApi(groupId, 'private_data', { AuthType: 'APP', AppCodeAuthType: 'HEADER' });
    await cloud.call('DeployApi', { ApiId: apiId, StageName: 'RELEASE', Description: 'secured' });
    const allowed = await cloud.call<{ AppId: number }>('CreateApp', { AppName: 'allowed_app' });
    const other = await cloud.call<{ AppId: number }>('CreateApp', { AppName: 'other_app' });
    await cloud.call('SetApisAuthorities', { AppId: allowed.AppId, ApiIds: apiId, StageName: 'RELEASE' });
    const code = async (appId: number) => (await cloud.call<{ AppCode: string }>('DescribeAppSecurity', { AppId: appId })).AppCode;

    const ok = await callGateway('secured', '/private_data', { authorization: `APPCODE ${await code(allowed.AppId)}` });
    expect(ok).toMatchObject({ status: 200, body: '{"api":"private_data"}' });
    const refused = await callGateway('secured', '/private_data', { authorization: `APPCODE ${await code(other.AppId)}` });
    expect(refused.status).toBe(403);
    expect(refused.headers['x-ca-error-code']).toBe('I403AA');
    // An AppCode no app has: the code and message of Alibaba's table, as the local gateway answers.
    const unknown = await callGateway('secured', '/private_data', { authorization: 'APPCODE notAnAppCode' });
    expect(unknown).toMatchObject({ status: 400, headers: { 'x-ca-error-code': 'A400AC', 'x-ca-error-message': 'Invalid AppCode `not found`' } });
    expect(logged).toEqual([]);
  });
});
