// Calls made by Alibaba's official Node SDK (docs/alibaba-data-plane.md, "The official Node SDK")
// through the gateway to a real HTTP backend: each method and body shape the SDK signs, checked at
// the backend as mapped; the Content-MD5 the SDK adds, checked against the body; and AppCode calls
// by SimpleClient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentMd5 } from '../shared/signature/content-md5';
import { sdk, sdkRefusal, startCallRecorder, type CallRecorder } from './sdk-test-support';
import {
  call,
  fixtureProject,
  fixtureSecrets,
  startBackend,
  startGateway,
  type FixtureApi,
  type RecordingBackend,
  type RunningGateway,
} from './test-support';

const KEY = 'sdkCompatKey';
const SECRET = 'sdkCompatSecret-0123456789';
const APP_CODE = 'sdkCompatAppCode0123456789abcdef';

/** An APP-auth API sent to the test's backend, RELEASE only. */
function backendApi(name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, backendPath: string, extra: Partial<FixtureApi> = {}): FixtureApi {
  return {
    name,
    request: { method, path },
    auth: { type: 'APP' },
    backend: { type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: backendPath, method },
    ...extra,
  };
}

const APIS: FixtureApi[] = [
  backendApi('listItems', 'GET', '/items', '/backend/items', {
    parameters: [
      { name: 'q', location: 'QUERY' },
      { name: 'zero', location: 'QUERY', type: 'Int' },
    ],
    systemParameters: [{ name: 'CaAppKey', serviceParameter: 'X-App-Key', location: 'HEAD' }],
  }),
  backendApi('submitForm', 'POST', '/forms', '/backend/forms', {
    request: { method: 'POST', path: '/forms', bodyFormat: 'FORM' },
    parameters: [
      { name: 'name', location: 'BODY', required: true },
      { name: 'age', location: 'BODY', type: 'Int' },
    ],
  }),
  backendApi('createJson', 'POST', '/json', '/backend/json'),
  backendApi('replaceJson', 'PUT', '/json/[id]', '/backend/json/[id]', { parameters: [{ name: 'id', location: 'PATH', required: true }] }),
  backendApi('deleteItem', 'DELETE', '/items/[id]', '/backend/items/[id]', {
    parameters: [
      { name: 'id', location: 'PATH', required: true },
      { name: 'reason', location: 'QUERY' },
      { name: 'force', location: 'QUERY' },
    ],
  }),
  backendApi('codeHeaderQuery', 'GET', '/code/header-query', '/backend/code', { auth: { type: 'APP', appCodeAuthType: 'HEADER_QUERY' } }),
  backendApi('codeDefault', 'GET', '/code/default', '/backend/code', { auth: { type: 'APP', appCodeAuthType: 'DEFAULT' } }),
];

function buildProject(backendPort: number) {
  return fixtureProject({
    groups: [{ name: 'compat', stageVariables: { RELEASE: { backendPort: String(backendPort) } } }],
    apps: [{ name: 'sdkApp' }],
    authorizations: APIS.map((api) => ({ app: 'sdkApp', group: 'compat', api: api.name, stage: 'RELEASE' as const })),
    apis: APIS,
  });
}

const secrets = fixtureSecrets({ apps: { sdkApp: { keys: [{ appKey: KEY, appSecret: SECRET }], appCodes: [APP_CODE] } } });

describe('the official SDK through the gateway', () => {
  let backend: RecordingBackend;
  let gw: RunningGateway;
  let base: string;
  const client = new sdk.Client(KEY, SECRET);
  const lastAtBackend = () => backend.requests.at(-1)!;

  beforeAll(async () => {
    backend = await startBackend();
    gw = await startGateway(buildProject(backend.port), secrets);
    base = `http://127.0.0.1:${gw.port}`;
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });

  it('GET with a query holding a space and 0', async () => {
    const answer = await client.get(`${base}/items`, { query: { q: 'hello world', zero: 0 } });
    expect(answer).toEqual({ method: 'GET', url: '/backend/items?q=hello%20world&zero=0' });
    expect(lastAtBackend().headers['x-app-key']).toBe(KEY);
    expect(lastAtBackend().headers['x-ca-signature']).toBeUndefined();
  });

  it('POST form: the fields are signed, checked and re-encoded for the backend', async () => {
    const answer = await client.post(`${base}/forms`, { headers: { 'content-type': sdk.CONTENT_TYPE_FORM }, data: { name: 'Zhang San', age: 0 } });
    expect(answer).toEqual({ method: 'POST', url: '/backend/forms' });
    expect(lastAtBackend().body).toBe('name=Zhang%20San&age=0');
    expect(lastAtBackend().headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
  });

  it('POST JSON with the Content-MD5 the SDK adds', async () => {
    const answer = await client.post(`${base}/json`, { data: { hello: 'world', zero: 0 } });
    expect(answer).toEqual({ method: 'POST', url: '/backend/json' });
    expect(lastAtBackend().body).toBe('{"hello":"world","zero":0}');
    expect(lastAtBackend().headers['content-type']).toBe('application/json');
  });

  it('PUT JSON (no Content-MD5) with a path parameter', async () => {
    const answer = await client.put(`${base}/json/42`, { data: { name: '张三' } });
    expect(answer).toEqual({ method: 'PUT', url: '/backend/json/42' });
    expect(lastAtBackend().body).toBe('{"name":"张三"}');
  });

  it('DELETE with a query', async () => {
    const answer = await client.delete(`${base}/items/7`, { query: { reason: 'no longer needed', force: 0 } });
    expect(answer).toEqual({ method: 'DELETE', url: '/backend/items/7?reason=no%20longer%20needed&force=0' });
  });

  it('refuses a JSON body changed after signing (Content-MD5 kept) with I400CM, and takes the original after', async () => {
    let recorder: CallRecorder | undefined;
    try {
      // The SDK's call is captured before the gateway, so its nonce is still unused there.
      recorder = await startCallRecorder();
      await client.post(`http://127.0.0.1:${recorder.port}/json`, { data: { hello: 'world' } });
      const sent = recorder.calls[0];
      expect(sent.headers['content-md5']).toBe(contentMd5(sent.body));
      const { host: _host, 'content-length': _length, connection: _connection, ...headers } = sent.headers;

      const tampered = await call(gw.port, '/json', { method: 'POST', headers, body: sent.body.toString('utf8').replace('world', 'WORLD') });
      expect(tampered.status).toBe(400);
      expect(tampered.headers['x-ca-error-code']).toBe('I400CM');
      expect(tampered.headers['x-ca-error-message']).toBe('Invalid Content-MD5');

      const reached = backend.requests.length;
      const original = await call(gw.port, '/json', { method: 'POST', headers, body: sent.body });
      expect(original.status).toBe(200);
      expect(backend.requests).toHaveLength(reached + 1);
      expect(lastAtBackend().body).toBe('{"hello":"world"}');
    } finally {
      await recorder?.close();
    }
  });

  it('takes an AppCode on a HEADER_QUERY API, and keeps it from the backend', async () => {
    // SimpleClient always sends `Authorization: APPCODE`, so the query form alone goes by node:http.
    const simple = new sdk.SimpleClient(APP_CODE);
    await expect(simple.get(`${base}/code/header-query?AppCode=${APP_CODE}`)).resolves.toEqual({ method: 'GET', url: '/backend/code' });
    const queryOnly = await call(gw.port, `/code/header-query?AppCode=${APP_CODE}`);
    expect(queryOnly.status).toBe(200);
    expect(JSON.parse(queryOnly.body)).toEqual({ method: 'GET', url: '/backend/code' });
    expect(lastAtBackend().headers['authorization']).toBeUndefined();
  });

  it('refuses SimpleClient on an API whose appCodeAuthType is DEFAULT with A403AC (our choice, not confirmed)', async () => {
    const error = await sdkRefusal(new sdk.SimpleClient(APP_CODE).get(`${base}/code/default`));
    expect(error.code).toBe(403);
    expect(error.data.headers['x-ca-error-code']).toBe('A403AC');
  });

  it('refuses SimpleClient with an unknown AppCode with A400AC, as Alibaba documents', async () => {
    const error = await sdkRefusal(new sdk.SimpleClient('notAnAppCode').get(`${base}/code/header-query`));
    expect(error.code).toBe(400);
    expect(error.data.headers['x-ca-error-code']).toBe('A400AC');
    expect(error.data.headers['x-ca-error-message']).toBe('Invalid AppCode `not found`');
  });
});
