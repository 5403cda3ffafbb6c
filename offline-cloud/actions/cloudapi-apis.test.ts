import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProjectText } from '../../shared/project-file';
import { apiFromCloud, apiToParams, groupToParams } from '../../shared/sync/cloud-mapping';
import type { CloudParams } from '../../host/cloud/wire-params';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls, mockApiParams } from '../testing/gateway-calls';

let sim: CloudSim;
let cloud: GatewayCalls;
let groupId: string;
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
  groupId = await cloud.createGroup('api_tests');
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

/** An HTTP-backed API with one path, one query and one header parameter, a constant and a system parameter. */
function userApi(name: string, extra: CloudParams = {}): CloudParams {
  return {
    GroupId: groupId,
    ApiName: name,
    Visibility: 'PRIVATE',
    AuthType: 'APP',
    AppCodeAuthType: 'HEADER',
    AllowSignatureMethod: 'HmacSHA1,HmacSHA256',
    Description: 'Reads a user',
    ResultType: 'JSON',
    ResultSample: '{"id":1}',
    RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: `/${name}/[userId]`, RequestMode: 'MAPPING' },
    ServiceConfig: { ServiceProtocol: 'HTTP', ServiceAddress: 'http://backend.internal:8080', ServicePath: '/users/[uid]', ServiceHttpMethod: 'GET', ServiceTimeout: 5000, ContentTypeCatagory: 'CLIENT' },
    RequestParameters: [
      { ApiParameterName: 'userId', Location: 'PATH', ParameterType: 'Long', Required: 'REQUIRED' },
      { ApiParameterName: 'verbose', Location: 'QUERY', ParameterType: 'Boolean', Required: 'OPTIONAL', DefaultValue: 'false' },
      { ApiParameterName: 'X-Trace', Location: 'HEAD', ParameterType: 'String', Required: 'OPTIONAL', MaxLength: 64, RegularExpression: '^[a-z0-9-]+$' },
    ],
    ServiceParameters: [
      { ServiceParameterName: 'uid', Location: 'PATH', ParameterType: 'NUMBER', ParameterCatalog: 'REQUEST' },
      { ServiceParameterName: 'verbose', Location: 'QUERY', ParameterType: 'BOOLEAN', ParameterCatalog: 'REQUEST' },
    ],
    ServiceParametersMap: [
      { RequestParameterName: 'userId', ServiceParameterName: 'uid' },
      { RequestParameterName: 'verbose', ServiceParameterName: 'verbose' },
    ],
    ConstantParameters: [{ ServiceParameterName: 'X-Source', ConstantValue: 'gateway', Location: 'HEAD', Description: 'who calls' }],
    SystemParameters: [{ ParameterName: 'CaClientIp', ServiceParameterName: 'X-Client-Ip', Location: 'HEAD' }],
    ErrorCodeSamples: [{ Code: 'NotFound', Message: 'no such user', Description: 'unknown id' }],
    Tag: [{ Key: 'team', Value: 'users' }],
    ...extra,
  };
}

type Api = Record<string, unknown> & { ApiId: string; ModifiedTime: string };

describe('CloudAPI CreateApi and DescribeApi', () => {
  it('stores the JSON-string fields pop-core sends and answers them in DescribeApi’s shape', async () => {
    const { ApiId } = await cloud.call<{ ApiId: string }>('CreateApi', userApi('get_user'));
    expect(ApiId).toMatch(/^[0-9a-f]{32}$/);
    const api = await cloud.call<Api>('DescribeApi', { ApiId, GroupId: groupId });
    expect(api).toMatchObject({
      ApiId,
      ApiName: 'get_user',
      GroupId: groupId,
      GroupName: 'api_tests',
      RegionId: 'cn-hangzhou',
      Visibility: 'PRIVATE',
      AuthType: 'APP',
      AppCodeAuthType: 'HEADER',
      AllowSignatureMethod: 'HmacSHA1,HmacSHA256',
      Mock: 'CLOSED',
      ResultSample: '{"id":1}',
      RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/get_user/[userId]', RequestMode: 'MAPPING' },
      ServiceConfig: { ServiceProtocol: 'HTTP', ServiceAddress: 'http://backend.internal:8080', ServicePath: '/users/[uid]', ServiceTimeout: 5000, Mock: 'FALSE', MockHeaders: { MockHeader: [] } },
      ServiceParametersMap: { ServiceParameterMap: [{ RequestParameterName: 'userId', ServiceParameterName: 'uid' }, { RequestParameterName: 'verbose', ServiceParameterName: 'verbose' }] },
      ConstantParameters: { ConstantParameter: [{ ServiceParameterName: 'X-Source', ConstantValue: 'gateway', Location: 'HEAD' }] },
      SystemParameters: { SystemParameter: [{ ParameterName: 'CaClientIp', ServiceParameterName: 'X-Client-Ip', Location: 'HEAD' }] },
      ErrorCodeSamples: { ErrorCodeSample: [{ Code: 'NotFound', Message: 'no such user' }] },
      CustomSystemParameters: { CustomSystemParameter: [] },
      TagList: { Tag: [{ TagKey: 'team', TagValue: 'users' }] },
      DeployedInfos: {
        DeployedInfo: [
          { StageName: 'RELEASE', DeployedStatus: 'NONDEPLOYED', EffectiveVersion: '' },
          { StageName: 'PRE', DeployedStatus: 'NONDEPLOYED', EffectiveVersion: '' },
          { StageName: 'TEST', DeployedStatus: 'NONDEPLOYED', EffectiveVersion: '' },
        ],
      },
    });
    const parameters = (api.RequestParameters as { RequestParameter: Record<string, unknown>[] }).RequestParameter;
    expect(parameters[2]).toMatchObject({ ApiParameterName: 'X-Trace', Location: 'HEAD', MaxLength: 64, RegularExpression: '^[a-z0-9-]+$' });
    expect(api.CreatedTime).toBe(api.ModifiedTime);
  });

  it('takes lowerCamelCase keys (as terraform sends) and a mock backend with headers', async () => {
    const ApiId = await cloud.createApi(groupId, 'camel_case', {
      RequestConfig: { requestProtocol: 'HTTPS', requestHttpMethod: 'post', requestPath: '/camel', requestMode: 'PASSTHROUGH' },
      ServiceConfig: { serviceProtocol: 'HTTP', serviceTimeout: '3000', mock: 'TRUE', mockResult: 'hello', mockStatusCode: 201, mockHeaders: [{ headerName: 'X-Mock', headerValue: '1' }] },
    });
    const api = await cloud.call<Api>('DescribeApi', { ApiId });
    expect(api).toMatchObject({
      Mock: 'OPEN',
      MockResult: 'hello',
      RequestConfig: { RequestProtocol: 'HTTPS', RequestHttpMethod: 'POST', RequestPath: '/camel', RequestMode: 'PASSTHROUGH' },
      ServiceConfig: { ServiceTimeout: 3000, Mock: 'TRUE', MockStatusCode: 201, MockHeaders: { MockHeader: [{ HeaderName: 'X-Mock', HeaderValue: '1' }] } },
    });
  });

  it('refuses definitions the design refuses, naming the field', async () => {
    const cases: [CloudParams, string][] = [
      [{ RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: 'users', RequestMode: 'MAPPING' } }, 'must start with `/`'],
      [{ RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/a/[id]', RequestMode: 'MAPPING' } }, 'no RequestParameters item "id"'],
      [{ RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'FETCH', RequestPath: '/a', RequestMode: 'MAPPING' } }, 'RequestHttpMethod must be one of GET, POST, DELETE, PUT, HEADER, TRACE, PATCH, CONNECT, OPTIONS'],
      [{ RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'HEAD', RequestPath: '/a', RequestMode: 'MAPPING' } }, 'RequestHttpMethod takes HEADER for HEAD requests'],
      [{ RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'ANY', RequestPath: '/a', RequestMode: 'MAPPING' } }, 'RequestHttpMethod takes one method (GET, POST, DELETE, PUT, HEADER, TRACE, PATCH, CONNECT, OPTIONS); ANY is not one of them'],
      [{ ServiceConfig: { ServiceProtocol: 'HTTP', Mock: 'TRUE' } }, 'ServiceTimeout is required'],
      [{ ServiceConfig: { ServiceProtocol: 'HTTP', ServiceTimeout: 100, ServiceAddress: 'http://a.com/path', ServicePath: '/x', ServiceHttpMethod: 'GET' } }, 'scheme, host and port only'],
      [{ RequestConfig: 'not json' }, 'expected JSON text'],
      [{ Visibility: 'SECRET' }, 'expected one of PUBLIC, PRIVATE'],
      [{ RequestParameters: [{ ApiParameterName: 'q', Location: 'QUERY' }, { ApiParameterName: 'q', Location: 'QUERY' }] }, 'declared twice'],
      [{ ServiceParametersMap: [{ RequestParameterName: 'ghost', ServiceParameterName: 'x' }] }, 'RequestParameterName "ghost"'],
    ];
    for (const [extra, message] of cases) {
      const refused = await cloud.refusal('CreateApi', mockApiParams(groupId, 'refused_api', extra));
      expect(refused.code, JSON.stringify(extra)).toBe('InvalidParameter');
      expect(refused.message, JSON.stringify(extra)).toContain(message);
    }
    const badName = await cloud.refusal('CreateApi', mockApiParams(groupId, 'refused_api', { ApiName: 'no' }));
    expect(badName).toMatchObject({ code: 'InvalidApiName', message: expect.stringContaining('too short') });
    expect((await cloud.refusal('CreateApi', { ...mockApiParams(groupId, 'refused_api'), RequestConfig: undefined })).code).toBe('MissingRequestConfig');
    expect((await cloud.refusal('CreateApi', mockApiParams('0'.repeat(32), 'nowhere'))).code).toBe('NotFoundApiGroup');
  });

  it('takes the methods the SDK models list: HEADER for the request, HEAD and ANY for the backend too', async () => {
    const head = await cloud.createApi(groupId, 'head_check', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'HEADER', RequestPath: '/head_check', RequestMode: 'MAPPING' } });
    expect((await cloud.call<Api>('DescribeApi', { ApiId: head })).RequestConfig).toMatchObject({ RequestHttpMethod: 'HEADER' });
    for (const [name, method] of [['backend_head', 'HEAD'], ['backend_any', 'ANY']]) {
      const ApiId = await cloud.createApi(groupId, name, {
        RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: `/${name}`, RequestMode: 'MAPPING' },
        ServiceConfig: { ServiceProtocol: 'HTTP', ServiceAddress: 'http://127.0.0.1:8080', ServicePath: '/x', ServiceHttpMethod: method, ServiceTimeout: 1000 },
      });
      expect((await cloud.call<Api>('DescribeApi', { ApiId })).ServiceConfig).toMatchObject({ ServiceHttpMethod: method });
    }
  });

  it('refuses a duplicate name and a route another API of the group already answers', async () => {
    await cloud.createApi(groupId, 'orders', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/orders/[id]', RequestMode: 'MAPPING' }, RequestParameters: [{ ApiParameterName: 'id', Location: 'PATH' }] });
    expect((await cloud.refusal('CreateApi', mockApiParams(groupId, 'orders', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/other', RequestMode: 'MAPPING' } }))).code).toBe('DuplicateApiName');
    const sameRoute = await cloud.refusal('CreateApi', mockApiParams(groupId, 'orders_again', { RequestConfig: { RequestProtocol: 'HTTP', RequestHttpMethod: 'GET', RequestPath: '/orders/[orderId]', RequestMode: 'MAPPING' }, RequestParameters: [{ ApiParameterName: 'orderId', Location: 'PATH' }] }));
    expect(sameRoute.code).toBe('DuplicateApiPath');
    expect(sameRoute.message).toContain('"orders"');
  });

  it('has no Token (CreateApi declares none): the same create sent again is refused for the name taken in the group', async () => {
    const first = await cloud.call<{ ApiId: string }>('CreateApi', mockApiParams(groupId, 'token_api'));
    const again = await cloud.refusal('CreateApi', mockApiParams(groupId, 'token_api'));
    expect(again).toMatchObject({ code: 'DuplicateApiName', httpStatus: 400 });
    const listed = await cloud.call<{ ApiSummarys: { ApiSummary: { ApiId: string }[] } }>('DescribeApis', { GroupId: groupId, ApiName: 'token_api' });
    expect(listed.ApiSummarys.ApiSummary.map((api) => api.ApiId)).toEqual([first.ApiId]);
  });
});

describe('CloudAPI ModifyApi, DescribeApis, DeleteApi', () => {
  it('replaces the definition and moves ModifiedTime only when something changed, even within one second', async () => {
    const ApiId = await cloud.createApi(groupId, 'changing');
    const before = await cloud.call<Api>('DescribeApi', { ApiId });
    await cloud.call('ModifyApi', { ApiId, ...mockApiParams(groupId, 'changing') });
    expect((await cloud.call<Api>('DescribeApi', { ApiId })).ModifiedTime).toBe(before.ModifiedTime);

    await cloud.call('ModifyApi', { ApiId, ...mockApiParams(groupId, 'changing', { Description: 'now described' }) });
    const after = await cloud.call<Api>('DescribeApi', { ApiId });
    expect(after.Description).toBe('now described');
    expect(after.ModifiedTime > before.ModifiedTime).toBe(true);
    expect((await cloud.refusal('ModifyApi', { ApiId: 'f'.repeat(32), ...mockApiParams(groupId, 'changing') })).code).toBe('NotFoundApi');
    expect((await cloud.refusal('ModifyApi', { ApiId, ...mockApiParams(groupId, 'orders') })).code).toBe('DuplicateApiName');
  });

  it('lists API summaries with paging and filters by GroupId, ApiName and ApiId', async () => {
    const otherGroup = await cloud.createGroup('listing_group');
    const ids: string[] = [];
    for (const name of ['list_one', 'list_two', 'list_three']) ids.push(await cloud.createApi(otherGroup, name));
    const page = await cloud.call<{ ApiSummarys: { ApiSummary: Record<string, unknown>[] } }>('DescribeApis', { GroupId: otherGroup, PageSize: 2 });
    expect(page).toMatchObject({ PageNumber: 1, PageSize: 2, TotalCount: 3 });
    expect(page.ApiSummarys.ApiSummary.map((api) => api.ApiName)).toEqual(['list_one', 'list_two']);
    expect(page.ApiSummarys.ApiSummary[0]).toMatchObject({ ApiPath: '/list_one', ApiMethod: 'GET', GroupName: 'listing_group', Visibility: 'PUBLIC', TagList: { Tag: [] } });
    expect(page.ApiSummarys.ApiSummary[0]).toHaveProperty('DeployedInfos.DeployedInfo');
    const byName = await cloud.call<{ ApiSummarys: { ApiSummary: { ApiId: string }[] } }>('DescribeApis', { ApiName: 'TWO' });
    expect(byName.ApiSummarys.ApiSummary.map((api) => api.ApiId)).toEqual([ids[1]]);
    const byId = await cloud.call<{ TotalCount: number }>('DescribeApis', { ApiId: ids[2] });
    expect(byId.TotalCount).toBe(1);
  });

  it('deletes an API that is not deployed and answers NotFoundApi afterwards', async () => {
    const ApiId = await cloud.createApi(groupId, 'short_lived');
    await cloud.call('DeleteApi', { ApiId, GroupId: groupId });
    expect((await cloud.refusal('DescribeApi', { ApiId })).code).toBe('NotFoundApi');
    expect((await cloud.refusal('DeleteApi', { ApiId })).code).toBe('NotFoundApi');
  });
});

describe('the sync mapping against the offline cloud', () => {
  it('takes every API of the example projects as sync sends it and answers it back unchanged', async () => {
    let count = 0;
    for (const file of ['quickstart', 'petstore']) {
      const url = new URL(`../../examples/${file}.apigw.yaml`, import.meta.url);
      const { project, problems } = parseProjectText(await readFile(url, 'utf8'), `${file}.apigw.yaml`);
      expect(problems).toEqual([]);
      const groupIds = new Map<string, string>();
      for (const group of project?.groups ?? []) groupIds.set(group.name, await cloud.createGroup(group.name, groupToParams(group) as CloudParams));
      for (const api of project?.apis ?? []) {
        const ApiId = await cloud.createApi(groupIds.get(api.group) as string, api.name, apiToParams(api) as CloudParams);
        const back = apiFromCloud(await cloud.call('DescribeApi', { ApiId }), { group: api.group });
        expect(back.unsupported, api.name).toEqual([]);
        expect(back.api, api.name).toEqual(api);
        count++;
      }
    }
    expect(count).toBeGreaterThan(10);
  });
});
