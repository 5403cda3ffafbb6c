import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  fixtureProject,
  mockApi,
  startBackend,
  startGateway,
  type FixtureApi,
  type RecordingBackend,
  type RunningGateway,
} from './test-support';

function httpApi(name: string, method: string, path: string, backendPath: string, extra: Partial<FixtureApi> = {}): FixtureApi {
  return {
    name,
    request: { method: method as 'GET', path, ...(extra.request ?? {}) },
    backend: { type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: backendPath, method: 'ANY', timeout: 5_000 },
    ...extra,
  } as FixtureApi;
}

describe('mapping to a real backend', () => {
  let backend: RecordingBackend;
  let gw: RunningGateway;
  const last = () => backend.requests.at(-1)!;

  beforeAll(async () => {
    backend = await startBackend();
    const project = fixtureProject({
      groups: [{ name: 'demo', stageVariables: { RELEASE: { backendPort: String(backend.port), prefix: 'v2' }, TEST: { backendPort: String(backend.port), prefix: 'test' } } }],
      apis: [
        httpApi('getUser', 'GET', '/users/[id]', '/#prefix#/accounts/[userId]', {
          stages: ['RELEASE', 'TEST'],
          parameters: [
            { name: 'id', location: 'PATH', type: 'Int', required: true },
            { name: 'q', location: 'QUERY' },
            { name: 'limit', location: 'QUERY', type: 'Int', default: 10 },
            { name: 'X-Trace', location: 'HEAD' },
          ],
          serviceParameters: [
            { requestParameter: 'id', name: 'userId', location: 'PATH' },
            { requestParameter: 'q', name: 'search', location: 'QUERY' },
            { requestParameter: 'X-Trace', name: 'trace', location: 'HEAD' },
          ],
          constantParameters: [
            { name: 'source', value: 'gw', location: 'QUERY' },
            { name: 'X-Const', value: 'c', location: 'HEAD' },
          ],
          systemParameters: [
            { name: 'CaClientIp', serviceParameter: 'X-Client-Ip', location: 'HEAD' },
            { name: 'CaRequestId', serviceParameter: 'X-Req-Id', location: 'HEAD' },
            { name: 'CaProxy', serviceParameter: 'proxy', location: 'QUERY' },
            { name: 'CaStage', serviceParameter: 'X-Stage', location: 'HEAD' },
            { name: 'CaApiName', serviceParameter: 'api', location: 'QUERY' },
            { name: 'CaHttpSchema', serviceParameter: 'X-Schema', location: 'HEAD' },
            { name: 'CaDomain', serviceParameter: 'X-Domain', location: 'HEAD' },
            { name: 'CaClientUa', serviceParameter: 'X-Ua', location: 'HEAD' },
            { name: 'CaRequestHandleTime', serviceParameter: 'X-Time', location: 'HEAD' },
            { name: 'CaAppId', serviceParameter: 'X-App-Id', location: 'HEAD' },
          ],
        }),
        httpApi('fileByName', 'GET', '/files/[name]', '/store/[name]', { parameters: [{ name: 'name', location: 'PATH', required: true }] }),
        httpApi('mixed', 'GET', '/mixed', '/mixed', {
          request: { method: 'GET', path: '/mixed', mode: 'MAPPING_PASSTHROUGH' },
          parameters: [
            { name: 'a', location: 'QUERY' },
            { name: 'X-A', location: 'HEAD' },
          ],
          serviceParameters: [
            { requestParameter: 'a', name: 'b', location: 'QUERY' },
            { requestParameter: 'X-A', name: 'X-B', location: 'HEAD' },
          ],
        }),
        httpApi('passthrough', 'ANY', '/raw/[kind]/*', '/backend/[kind]', {
          request: { method: 'ANY', path: '/raw/[kind]/*', mode: 'PASSTHROUGH' },
          parameters: [{ name: 'kind', location: 'PATH', type: 'Int', required: true }],
        }),
        httpApi('formBody', 'POST', '/forms', '/forms', {
          request: { method: 'POST', path: '/forms', bodyFormat: 'FORM' },
          parameters: [
            { name: 'name', location: 'BODY', required: true },
            { name: 'age', location: 'BODY', type: 'Int' },
          ],
          constantParameters: [{ name: 'origin', value: 'gateway', location: 'BODY' }],
        }),
        httpApi('stream', 'POST', '/stream', '/stream'),
        httpApi('unicodePath', 'GET', '/unicode/[name]', '/用户 列表/[name]', { parameters: [{ name: 'name', location: 'PATH', required: true }] }),
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });

  it('maps path, query and header parameters, constants, system parameters and stage variables', async () => {
    const answer = await call(gw.port, '/users/42?q=hello%20world&extra=1', {
      headers: { 'X-Trace': 'abc', 'X-Other': 'dropped', 'User-Agent': 'tester/1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-backend']).toBe('yes');
    const got = last();
    expect(got.url).toBe('/v2/accounts/42?search=hello%20world&limit=10&source=gw&proxy=AliCloudApiGateway&api=getUser');
    expect(got.headers['trace']).toBe('abc');
    expect(got.headers['x-trace']).toBeUndefined();
    expect(got.headers['x-other']).toBeUndefined();
    expect(got.headers['x-const']).toBe('c');
    expect(got.headers['x-client-ip']).toBe('127.0.0.1');
    expect(got.headers['x-req-id']).toBe(answer.headers['x-ca-request-id']);
    expect(got.headers['x-stage']).toBe('RELEASE');
    expect(got.headers['x-schema']).toBe('http');
    expect(got.headers['x-domain']).toBe('127.0.0.1');
    expect(got.headers['x-ua']).toBe('tester/1');
    expect(got.headers['user-agent']).toBe('tester/1');
    expect(new Date(got.headers['x-time'] as string).toISOString()).toBe(got.headers['x-time']);
    expect(got.headers['x-app-id']).toBe('');
    expect(got.headers['host']).toBe(`127.0.0.1:${backend.port}`);
    expect(got.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('uses the stage variables of the called stage', async () => {
    await call(gw.port, '/users/7', { headers: { 'X-Ca-Stage': 'TEST' } });
    expect(last().url).toMatch(/^\/test\/accounts\/7\?/);
    expect(last().headers['x-stage']).toBe('TEST');
  });

  it('URL-encodes path parameter values into the backend path', async () => {
    await call(gw.port, '/files/a%20b%3F%2Fc');
    expect(last().url).toBe('/store/a%20b%3F%2Fc');
  });

  it('percent-encodes non-ASCII text written in the backend path', async () => {
    expect((await call(gw.port, '/unicode/%C3%A9')).status).toBe(200);
    expect(last().url).toBe('/%E7%94%A8%E6%88%B7%20%E5%88%97%E8%A1%A8/%C3%A9');
  });

  it('appends to X-Forwarded-For', async () => {
    await call(gw.port, '/files/x', { headers: { 'X-Forwarded-For': '10.0.0.1' } });
    expect(last().headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
  });

  it('MAPPING_PASSTHROUGH maps declared parameters and passes undeclared ones', async () => {
    await call(gw.port, '/mixed?a=1&z=2&z=3', { headers: { 'X-A': 'x', 'X-Z': 'z' } });
    const got = last();
    expect(got.url).toBe('/mixed?b=1&z=2&z=3');
    expect(got.headers['x-b']).toBe('x');
    expect(got.headers['x-a']).toBeUndefined();
    expect(got.headers['x-z']).toBe('z');
  });

  it('PASSTHROUGH passes everything, checks only path parameters, and maps the /* remainder', async () => {
    const answer = await call(gw.port, '/raw/5/deep/er?x=%41&y', {
      method: 'PUT',
      headers: { 'X-Anything': 'kept', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(answer.status).toBe(200);
    const got = last();
    expect(got.method).toBe('PUT');
    expect(got.url).toBe('/backend/5/deep/er?x=%41&y');
    expect(got.headers['x-anything']).toBe('kept');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body).toBe('{"a":1}');
    const bad = await call(gw.port, '/raw/five/x');
    expect(bad.headers['x-ca-error-code']).toBe('I400IP');
    expect(bad.headers['x-ca-error-message']).toBe('Invalid Parameter `kind` must be an Int');
  });

  it('re-encodes a form body with mapped fields and BODY constants', async () => {
    const answer = await call(gw.port, '/forms', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: 'name=Zhang+San&age=3&junk=1',
    });
    expect(answer.status).toBe(200);
    const got = last();
    expect(got.body).toBe('name=Zhang%20San&age=3&origin=gateway');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(got.headers['content-length']).toBe(String(got.body.length));
  });

  it('decodes a form body in the charset of its Content-Type', async () => {
    await call(gw.port, '/forms', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' },
      body: 'name=Andr%E9',
    });
    expect(last().body).toBe('name=Andr%C3%A9&origin=gateway');
  });

  it('refuses a form body it cannot decode', async () => {
    const charset = await call(gw.port, '/forms', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=x-klingon' }, body: 'name=a' });
    expect(charset.headers['x-ca-error-code']).toBe('I400CT');
    expect(charset.headers['x-ca-error-message']).toBe('Invalid Content-Type: `application/x-www-form-urlencoded; charset=x-klingon`');
    const encoding = await call(gw.port, '/forms', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=%E4%B8' });
    expect(encoding.headers['x-ca-error-code']).toBe('I400BD');
  });

  it('passes a non-form body on as sent', async () => {
    const body = Buffer.from([0, 1, 2, 250, 255]).toString('latin1');
    await call(gw.port, '/stream', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from(body, 'latin1') });
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect(last().headers['content-length']).toBe('5');
  });
});

describe('parameter validation', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    const project = fixtureProject({
      apis: [
        mockApi('check', 'GET', '/check', {
          parameters: [
            { name: 'name', location: 'QUERY', required: true, minLength: 2, maxLength: 10 },
            { name: 'age', location: 'QUERY', type: 'Int', min: 0, max: 150 },
            { name: 'big', location: 'QUERY', type: 'Long' },
            { name: 'ratio', location: 'QUERY', type: 'Float' },
            { name: 'precise', location: 'QUERY', type: 'Double', min: 0.5 },
            { name: 'flag', location: 'QUERY', type: 'Boolean' },
            { name: 'code', location: 'QUERY', regex: '[a-z]+' },
            { name: 'color', location: 'QUERY', enum: ['red', 'green'] },
            { name: 'X-Token', location: 'HEAD', required: true },
          ],
        }),
        mockApi('chinese', 'GET', '/chinese', { parameters: [{ name: '名字', location: 'QUERY', required: true }] }),
        mockApi('itemById', 'GET', '/items/[id]', { parameters: [{ name: 'id', location: 'PATH', type: 'Long', required: true }] }),
        mockApi('bodyForm', 'POST', '/body', { parameters: [{ name: 'title', location: 'BODY', required: true }], request: { method: 'POST', path: '/body', bodyFormat: 'FORM' } }),
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(() => gw?.close());

  const ok = { 'X-Token': 't' };
  async function expectInvalid(query: string, code: string, message: string, headers: Record<string, string> = ok) {
    const answer = await call(gw.port, `/check?${query}`, { headers });
    expect({ status: answer.status, code: answer.headers['x-ca-error-code'], message: answer.headers['x-ca-error-message'], body: answer.body }).toEqual({
      status: 400,
      code,
      message,
      body: '',
    });
  }

  it('accepts valid values', async () => {
    const answer = await call(gw.port, '/check?name=bob&age=30&big=9007199254740993&ratio=1.5&precise=2e3&flag=TRUE&code=abc&color=green', { headers: ok });
    expect(answer.status).toBe(200);
  });

  it('refuses a missing required parameter with I400MP', async () => {
    await expectInvalid('age=1', 'I400MP', 'Invalid Parameter Required `name`');
    await expectInvalid('name=', 'I400MP', 'Invalid Parameter Required `name`');
    await expectInvalid('name=bob', 'I400MP', 'Invalid Parameter Required `X-Token`', {});
  });

  it('refuses wrong types, lengths, ranges, patterns and enums with I400IP', async () => {
    await expectInvalid('name=b', 'I400IP', 'Invalid Parameter `name` is shorter than 2 characters');
    await expectInvalid('name=abcdefghijk', 'I400IP', 'Invalid Parameter `name` is longer than 10 characters');
    await expectInvalid('name=bob&age=x', 'I400IP', 'Invalid Parameter `age` must be an Int');
    await expectInvalid('name=bob&age=3000000000', 'I400IP', 'Invalid Parameter `age` must be an Int');
    await expectInvalid('name=bob&age=151', 'I400IP', 'Invalid Parameter `age` must be at most 150');
    await expectInvalid('name=bob&age=-1', 'I400IP', 'Invalid Parameter `age` must be at least 0');
    await expectInvalid('name=bob&big=1.5', 'I400IP', 'Invalid Parameter `big` must be a Long');
    await expectInvalid('name=bob&big=99999999999999999999', 'I400IP', 'Invalid Parameter `big` must be a Long');
    await expectInvalid('name=bob&ratio=abc', 'I400IP', 'Invalid Parameter `ratio` must be a Float');
    await expectInvalid('name=bob&precise=0.1', 'I400IP', 'Invalid Parameter `precise` must be at least 0.5');
    await expectInvalid('name=bob&precise=NaN', 'I400IP', 'Invalid Parameter `precise` must be a Double');
    await expectInvalid('name=bob&flag=yes', 'I400IP', 'Invalid Parameter `flag` must be a Boolean (true or false)');
    await expectInvalid('name=bob&code=abc1', 'I400IP', 'Invalid Parameter `code` does not match the pattern [a-z]+');
    await expectInvalid('name=bob&color=blue', 'I400IP', 'Invalid Parameter `color` must be one of red, green');
  });

  it('uses the first value of a repeated query parameter', async () => {
    expect((await call(gw.port, '/check?name=bob&age=1&age=x', { headers: ok })).status).toBe(200);
  });

  it('validates path and form parameters', async () => {
    const path = await call(gw.port, '/items/abc');
    expect(path.headers['x-ca-error-message']).toBe('Invalid Parameter `id` must be a Long');
    const form = await call(gw.port, '/body', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'other=1' });
    expect(form.headers['x-ca-error-message']).toBe('Invalid Parameter Required `title`');
    const good = await call(gw.port, '/body', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'title=x' });
    expect(good.status).toBe(200);
  });

  it('sends a message naming a non-ASCII parameter as UTF-8 bytes', async () => {
    const answer = await call(gw.port, '/chinese');
    expect(Buffer.from(answer.headers['x-ca-error-message'] as string, 'latin1').toString('utf8')).toBe('Invalid Parameter Required `名字`');
    expect((await call(gw.port, '/chinese?%E5%90%8D%E5%AD%97=x')).status).toBe(200);
  });

  it('refuses bad percent-encoding in the query with I400PA, naming the piece', async () => {
    const answer = await call(gw.port, '/check?name=%ZZ', { headers: ok });
    expect(answer.headers['x-ca-error-code']).toBe('I400PA');
    expect(answer.headers['x-ca-error-message']).toBe('Invalid Request Path `?name=%ZZ`');
  });
});
