import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

interface Imported {
  Success: { ApiImportSwaggerSuccess: { ApiUid: string; ApiOperation: string; HttpMethod: string; Path: string }[] };
  Failed: { ApiImportSwaggerFailed: { HttpMethod: string; Path: string; ErrorMsg: string }[] };
  ModelSuccess: { ApiImportModelSuccess: unknown[] };
}

const PETSTORE = {
  swagger: '2.0',
  info: { title: 'Pets', version: '1.0' },
  basePath: '/v1',
  schemes: ['https'],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        summary: 'List pets',
        parameters: [{ name: 'limit', in: 'query', type: 'integer', format: 'int32', maximum: 100 }],
        responses: { '200': { description: 'ok', examples: { 'application/json': [{ id: 1 }] } } },
      },
      post: {
        operationId: 'createPet',
        'x-aliyun-apigateway-backend': { type: 'HTTP', address: 'http://pets.internal:8080', path: '/pets', method: 'POST', timeout: 3000 },
        parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Pet' } }],
        responses: { '201': { description: 'created' } },
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, type: 'string' }],
      get: { operationId: 'getPet', responses: { '200': { description: 'ok' } } },
    },
    '/broken': {
      get: { operationId: 'broken', 'x-aliyun-apigateway-backend': { type: 'HTTP', address: 'not a url', path: '/x' }, responses: { '200': { description: 'ok' } } },
    },
  },
  definitions: { Pet: { type: 'object', properties: { id: { type: 'integer' } } } },
};

let sim: CloudSim;
let cloud: GatewayCalls;
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

const importSwagger = (groupId: string, extra: Record<string, string | boolean>) =>
  cloud.call<Imported>('ImportSwagger', { GroupId: groupId, Data: JSON.stringify(PETSTORE), DataFormat: 'json', Overwrite: false, ...extra });

describe('CloudAPI ImportSwagger', () => {
  it('answers a dry run with what would be created and the failures, creating nothing', async () => {
    const groupId = await cloud.createGroup('swagger_dry');
    const answer = await importSwagger(groupId, { DryRun: true });
    expect(answer.Success.ApiImportSwaggerSuccess).toEqual([
      { ApiUid: '', ApiOperation: 'CREATE', HttpMethod: 'GET', Path: '/v1/pets' },
      { ApiUid: '', ApiOperation: 'CREATE', HttpMethod: 'POST', Path: '/v1/pets' },
      { ApiUid: '', ApiOperation: 'CREATE', HttpMethod: 'GET', Path: '/v1/pets/[petId]' },
    ]);
    expect(answer.Failed.ApiImportSwaggerFailed).toHaveLength(1);
    expect(answer.Failed.ApiImportSwaggerFailed[0]).toMatchObject({ HttpMethod: 'GET', Path: '/v1/broken' });
    expect(answer.Failed.ApiImportSwaggerFailed[0].ErrorMsg).toContain('ServiceAddress');
    expect(answer.ModelSuccess.ApiImportModelSuccess).toEqual([]);
    expect((await cloud.call<{ TotalCount: number }>('DescribeApis', { GroupId: groupId })).TotalCount).toBe(0);
  });

  it('creates the APIs, reports existing ones without Overwrite, and modifies them with it', async () => {
    const groupId = await cloud.createGroup('swagger_real');
    const created = await importSwagger(groupId, { DryRun: false });
    const [list, create, get] = created.Success.ApiImportSwaggerSuccess;
    expect(list.ApiUid).toMatch(/^[0-9a-f]{32}$/);

    const listPets = await cloud.call<Record<string, unknown>>('DescribeApi', { ApiId: list.ApiUid });
    expect(listPets).toMatchObject({
      ApiName: 'listPets',
      Description: 'List pets',
      AuthType: 'APP',
      Mock: 'OPEN',
      MockResult: '[{"id":1}]',
      RequestConfig: { RequestProtocol: 'HTTPS', RequestHttpMethod: 'GET', RequestPath: '/v1/pets', RequestMode: 'MAPPING' },
      RequestParameters: { RequestParameter: [{ ApiParameterName: 'limit', Location: 'QUERY', ParameterType: 'Int', MaxValue: 100 }] },
    });
    expect(await cloud.call('DescribeApi', { ApiId: create.ApiUid })).toMatchObject({
      ServiceConfig: { ServiceProtocol: 'HTTP', ServiceAddress: 'http://pets.internal:8080', ServicePath: '/pets', ServiceHttpMethod: 'POST', ServiceTimeout: 3000, Mock: 'FALSE' },
      RequestConfig: { BodyFormat: 'STREAM' },
    });
    expect(await cloud.call('DescribeApi', { ApiId: get.ApiUid })).toMatchObject({ RequestParameters: { RequestParameter: [{ ApiParameterName: 'petId', Location: 'PATH', Required: 'REQUIRED' }] } });

    const again = await importSwagger(groupId, {});
    expect(again.Success.ApiImportSwaggerSuccess).toEqual([]);
    expect(again.Failed.ApiImportSwaggerFailed.map((failure) => failure.ErrorMsg)).toContain(`api already exists : apiUid ===> ${list.ApiUid}`);

    const yaml = await cloud.call<Imported>('ImportSwagger', { GroupId: groupId, Data: toYaml(PETSTORE), DataFormat: 'yaml', Overwrite: true });
    expect(yaml.Success.ApiImportSwaggerSuccess.map((success) => [success.ApiOperation, success.ApiUid])).toEqual([
      ['MODIFY', list.ApiUid],
      ['MODIFY', create.ApiUid],
      ['MODIFY', get.ApiUid],
    ]);
    expect((await cloud.call<{ TotalCount: number }>('DescribeApis', { GroupId: groupId })).TotalCount).toBe(3);
  });

  it('takes "the same API" as the same method and backend path, as the SDK\'s Overwrite says, not the same request path', async () => {
    const groupId = await cloud.createGroup('swagger_same');
    const backend = (path: string) => ({ type: 'HTTP', address: 'http://pets.internal:8080', path, method: 'GET' });
    const document = (paths: Record<string, string>) => ({
      swagger: '2.0',
      info: { title: 'Pets', version: '1.0' },
      paths: Object.fromEntries(
        Object.entries(paths).map(([path, servicePath]) => [path, { get: { operationId: `get${servicePath.replace(/\W/g, '_')}`, 'x-aliyun-apigateway-backend': backend(servicePath), responses: { '200': { description: 'ok' } } } }]),
      ),
    });
    const send = (paths: Record<string, string>, Overwrite: boolean) =>
      cloud.call<Imported>('ImportSwagger', { GroupId: groupId, Data: JSON.stringify(document(paths)), DataFormat: 'json', Overwrite });

    const first = await send({ '/pets': '/backend/pets' }, false);
    const [created] = first.Success.ApiImportSwaggerSuccess;
    // A new request path over the same backend path is the same API: reported without Overwrite, moved with it.
    const kept = await send({ '/animals': '/backend/pets' }, false);
    expect(kept.Failed.ApiImportSwaggerFailed).toEqual([{ HttpMethod: 'GET', Path: '/animals', ErrorMsg: `api already exists : apiUid ===> ${created.ApiUid}` }]);
    const moved = await send({ '/animals': '/backend/pets' }, true);
    expect(moved.Success.ApiImportSwaggerSuccess).toEqual([{ ApiUid: created.ApiUid, ApiOperation: 'MODIFY', HttpMethod: 'GET', Path: '/animals' }]);
    expect(await cloud.call('DescribeApi', { ApiId: created.ApiUid })).toMatchObject({ RequestConfig: { RequestPath: '/animals' } });

    // The same request path over another backend path is another API, which cannot take the route.
    const other = await send({ '/animals': '/backend/v2/pets' }, true);
    expect(other.Success.ApiImportSwaggerSuccess).toEqual([]);
    expect(other.Failed.ApiImportSwaggerFailed[0].ErrorMsg).toBe(`api path already exists : GET /animals of apiUid ===> ${created.ApiUid} answers the same calls (path parameter names do not matter to routing)`);
    expect((await cloud.call<{ TotalCount: number }>('DescribeApis', { GroupId: groupId })).TotalCount).toBe(1);
  });

  it('sends a head operation as HEADER, the cloud\'s spelling', async () => {
    const groupId = await cloud.createGroup('swagger_head');
    const data = JSON.stringify({ swagger: '2.0', info: { title: 'x', version: '1' }, paths: { '/ping': { head: { operationId: 'pingPets', responses: { '200': { description: 'ok' } } } } } });
    const answer = await cloud.call<Imported>('ImportSwagger', { GroupId: groupId, Data: data, DataFormat: 'json', Overwrite: false });
    const [success] = answer.Success.ApiImportSwaggerSuccess;
    expect(await cloud.call('DescribeApi', { ApiId: success.ApiUid })).toMatchObject({ RequestConfig: { RequestHttpMethod: 'HEADER', RequestPath: '/ping' } });
  });

  it('refuses documents that are not Swagger 2.0 or not what DataFormat says, and never follows external refs', async () => {
    const groupId = await cloud.createGroup('swagger_bad');
    const openapi3 = await cloud.refusal('ImportSwagger', { GroupId: groupId, Data: '{"openapi":"3.0.0"}', DataFormat: 'json', Overwrite: false });
    expect(openapi3).toMatchObject({ code: 'InvalidParameter' });
    expect(openapi3.message).toContain('Swagger 2.0');
    expect((await cloud.refusal('ImportSwagger', { GroupId: groupId, Data: 'swagger: "2.0"', DataFormat: 'json', Overwrite: false })).message).toContain('not JSON');
    const invalid = await cloud.refusal('ImportSwagger', { GroupId: groupId, Data: JSON.stringify({ swagger: '2.0', paths: {} }), DataFormat: 'json', Overwrite: false });
    expect(invalid.message).toContain('not a valid Swagger 2.0 document');
    // An external $ref is left as it is, never fetched (nothing listens on port 1).
    const external = { ...PETSTORE, paths: { '/x': { get: { responses: { '200': { description: 'ok', schema: { $ref: 'http://127.0.0.1:1/x.json' } } } } } } };
    const imported = await importSwagger(groupId, { Data: JSON.stringify(external) });
    expect(imported.Success.ApiImportSwaggerSuccess.map((success) => success.Path)).toEqual(['/v1/x']);
    expect((await cloud.refusal('ImportSwagger', { GroupId: groupId, Data: '{}', DataFormat: 'json' })).code).toBe('MissingOverwrite');
  });

  it('DryRunSwagger answers like a dry run, with each operation and the GlobalCondition', async () => {
    const groupId = await cloud.createGroup('swagger_dryrun_action');
    const answer = await cloud.call<{ Success: { ApiDryRunSwaggerSuccess: { ApiSwagger: string }[] }; GlobalCondition: string }>('DryRunSwagger', {
      GroupId: groupId,
      Data: JSON.stringify(PETSTORE),
      DataFormat: 'json',
      Overwrite: true,
      GlobalCondition: { RequestMode: 'MAPPING' },
    });
    expect(answer.Success.ApiDryRunSwaggerSuccess).toHaveLength(3);
    expect(JSON.parse(answer.Success.ApiDryRunSwaggerSuccess[0].ApiSwagger)).toMatchObject({ operationId: 'listPets' });
    expect(answer.GlobalCondition).toBe('{"RequestMode":"MAPPING"}');
  });
});
