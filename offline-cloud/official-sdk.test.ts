/**
 * The official TypeScript SDKs against the offline cloud, as a user would point them at it
 * (docs/offline-cloud.md "Point a client at it"): typed requests, signature V3
 * (ACS3-HMAC-SHA256) in headers, success decided by the HTTP status alone.
 */
import Client, * as $CloudAPI from '@alicloud/cloudapi20160714';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import VpcClient, * as $Vpc from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from './cloud-sim';
import { DEMO_ACCOUNT } from './sim-accounts';
import { ExchangeLog } from './testing/conformance';

let sim: CloudSim;
let log: ExchangeLog;

beforeEach(async () => {
  log = new ExchangeLog();
  sim = await startCloudSim({ onExchange: log.record });
});

afterEach(async () => {
  await sim.close();
});

/** The configuration the docs give: the bare host:port as endpoint, plain HTTP. */
function config(secret = DEMO_ACCOUNT.accessKeySecret): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({ accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: secret, endpoint: `127.0.0.1:${sim.port}`, protocol: 'http' });
}

/** What the SDK throws: ClientError / ServerError / ThrottlingError with the body's Code. */
async function thrown(work: Promise<unknown>): Promise<{ code?: string; statusCode?: number; message: string; data?: Record<string, unknown> }> {
  try {
    await work;
  } catch (error) {
    return error as { code?: string; statusCode?: number; message: string; data?: Record<string, unknown> };
  }
  throw new Error('the SDK call was expected to throw');
}

describe('the official @alicloud/cloudapi20160714 client (signature V3)', () => {
  it('creates, lists and deploys a group, an API and an app, and reads instances, every answer as its model declares it', async () => {
    const client = new Client(config());

    const group = await client.createApiGroup(new $CloudAPI.CreateApiGroupRequest({ groupName: 'sdk_shop', basePath: '/v1', description: 'made by the official SDK', tag: [{ key: 'env', value: 'dev test' }] }));
    expect(group.statusCode).toBe(200);
    const groupId = group.body?.groupId as string;
    expect(groupId).toMatch(/^[0-9a-f]{32}$/);

    const groups = await client.describeApiGroups(new $CloudAPI.DescribeApiGroupsRequest({ groupName: 'sdk_shop', pageSize: 10 }));
    expect(groups.body?.apiGroupAttributes?.apiGroupAttribute?.map((item) => [item.groupId, item.groupName, item.basePath])).toEqual([[groupId, 'sdk_shop', '/v1']]);
    expect(groups.body?.totalCount).toBe(1);

    const api = await client.createApi(
      new $CloudAPI.CreateApiRequest({
        groupId,
        apiName: 'get_item',
        visibility: 'PRIVATE',
        authType: 'APP',
        resultType: 'JSON',
        // RequestParameters and ResultSample travel in the form body (the SDK's routing), the rest in the query.
        resultSample: '{"id":1}',
        requestParameters: '[]',
        requestConfig: JSON.stringify({ RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/items', RequestMode: 'PASSTHROUGH' }),
        serviceConfig: JSON.stringify({ ServiceProtocol: 'HTTP', ServiceTimeout: 10000, Mock: 'TRUE', MockResult: '{"id":1}', MockStatusCode: 200 }),
      }),
    );
    const apiId = api.body?.apiId as string;
    expect(apiId).toMatch(/^[0-9a-f]{32}$/);
    const created = log.of('CreateApi').at(-1);
    expect(created).toMatchObject({ scheme: 'v3', status: 200, params: { ResultSample: '{"id":1}', RequestParameters: '[]', ApiName: 'get_item' } });

    const apis = await client.describeApis(new $CloudAPI.DescribeApisRequest({ groupId }));
    expect(apis.body?.apiSummarys?.apiSummary?.map((item) => [item.apiId, item.apiName, item.visibility])).toEqual([[apiId, 'get_item', 'PRIVATE']]);
    const detail = await client.describeApi(new $CloudAPI.DescribeApiRequest({ groupId, apiId }));
    expect(detail.body?.requestConfig?.requestPath).toBe('/items');

    await client.deployApi(new $CloudAPI.DeployApiRequest({ groupId, apiId, stageName: 'RELEASE', description: 'first release' }));
    const deployed = await client.describeDeployedApis(new $CloudAPI.DescribeDeployedApisRequest({ groupId, stageName: 'RELEASE' }));
    expect(deployed.body?.deployedApis?.deployedApiItem?.map((item) => [item.apiId, item.stageName])).toEqual([[apiId, 'RELEASE']]);

    const app = await client.createApp(new $CloudAPI.CreateAppRequest({ appName: 'sdk_caller', description: 'calls the shop' }));
    const appId = app.body?.appId as number;
    expect(typeof appId).toBe('number');
    await client.setApisAuthorities(new $CloudAPI.SetApisAuthoritiesRequest({ appId, groupId, apiIds: apiId, stageName: 'RELEASE' }));
    const authorized = await client.describeAuthorizedApis(new $CloudAPI.DescribeAuthorizedApisRequest({ appId }));
    expect(authorized.body?.authorizedApis?.authorizedApi?.map((item) => [item.apiId, item.stageName])).toEqual([[apiId, 'RELEASE']]);
    const apps = await client.describeAppAttributes(new $CloudAPI.DescribeAppAttributesRequest({ appId }));
    expect(apps.body?.apps?.appAttribute?.map((item) => [item.appId, item.appName])).toEqual([[appId, 'sdk_caller']]);

    const instances = await client.describeInstances(new $CloudAPI.DescribeInstancesRequest({}));
    expect(instances.body?.instances?.instanceAttribute?.length).toBeGreaterThan(0);
    expect(instances.body?.instances?.instanceAttribute?.every((item) => typeof item.instanceId === 'string')).toBe(true);

    // Every call went in signed with V3, and the answers are what the response models declare.
    expect(new Set(log.exchanges.map((exchange) => exchange.scheme))).toEqual(new Set(['v3']));
    expect(log.problems()).toEqual([]);
  });

  it('an error answer is thrown by the SDK with its code and real HTTP status', async () => {
    const client = new Client(config());
    const error = await thrown(client.describeApiGroup(new $CloudAPI.DescribeApiGroupRequest({ groupId: '0123456789abcdef0123456789abcdef' })));
    expect(error).toMatchObject({ code: 'NotFoundApiGroup', statusCode: 404 });
    const missing = await thrown(client.createApiGroup(new $CloudAPI.CreateApiGroupRequest({ description: 'no name' })));
    expect(missing).toMatchObject({ code: 'MissingGroupName', statusCode: 400 });
  });

  it('a wrong secret gets SignatureDoesNotMatch, with the server canonical request and string to sign', async () => {
    const client = new Client(config('not-the-demo-secret'));
    const error = await thrown(client.describeApiGroups(new $CloudAPI.DescribeApiGroupsRequest({ pageSize: 10 })));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    const message = String(error.data?.Message);
    expect(message).toMatch(/server canonical request is:POST\n\/\nPageSize=10\n/);
    expect(message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(sim.calls.at(-1)).toMatchObject({ action: 'DescribeApiGroups', status: 400, code: 'SignatureDoesNotMatch' });
  });

  it('the official VPC client reads the purchase wizard network the same way', async () => {
    const vpc = new VpcClient(config());
    const answer = await vpc.describeVpcs(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', pageSize: 50 }));
    expect(answer.body?.vpcs?.vpc?.map((item) => item.vpcName)).toContain('prod-vpc');
    expect(log.problems()).toEqual([]);
  });
});
