// A group's BasePath in front of every API path (docs/local-gateway.md, "Base path"): served at
// BasePath + path only, the rest answered I404NF; signed calls sign the path as called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { parseServerStringToSign } from '../shared/signature/mismatch-message';
import { sdk, startCallRecorder, stringToSignOf } from './sdk-test-support';
import { call, fixtureProject, fixtureSecrets, mockApi, startBackend, startGateway, type RecordingBackend, type RunningGateway } from './test-support';

const KEY = 'basePathKey';
const SECRET = 'basePathSecret-0123456789';

describe('a group with BasePath /v1', () => {
  let gw: RunningGateway;
  let backend: RecordingBackend;
  beforeAll(async () => {
    backend = await startBackend();
    const project = fixtureProject({
      groups: [{ name: 'versioned', basePath: '/v1', stageVariables: { RELEASE: { backendPort: String(backend.port) } } }],
      apps: [{ name: 'caller' }],
      authorizations: [{ app: 'caller', group: 'versioned', api: 'signedHello', stage: 'RELEASE' }],
      apis: [
        mockApi('hello', 'GET', '/hello'),
        mockApi('user', 'GET', '/users/[id]'),
        { name: 'files', request: { method: 'GET', path: '/files/*' }, backend: { type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: '/store', method: 'GET' } },
        { ...mockApi('signedHello', 'GET', '/secure/hello'), auth: { type: 'APP' } },
      ],
    });
    gw = await startGateway(project, fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }], appCodes: [] } } }));
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });

  it('serves /v1/hello, on the group host and on the gateway address', async () => {
    expect(await call(gw.port, '/v1/hello')).toMatchObject({ status: 200, body: 'hello answered' });
    expect(await call(gw.port, '/v1/hello', { host: `versioned.localhost:${gw.port}` })).toMatchObject({ status: 200, body: 'hello answered' });
  });

  it('answers /hello (the path without the BasePath) with I404NF', async () => {
    const answer = await call(gw.port, '/hello');
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404NF');
    expect(answer.headers['x-ca-error-message']).toBe('API not found with `GET /hello`');
    expect((await call(gw.port, '/v10/hello')).headers['x-ca-error-code']).toBe('I404NF');
    expect((await call(gw.port, '/v1')).headers['x-ca-error-code']).toBe('I404NF');
  });

  it('reads path parameters and the rest of a /* path after the BasePath', async () => {
    expect((await call(gw.port, '/v1/users/42')).body).toBe('user answered');
    const answer = await call(gw.port, '/v1/files/a/b.txt');
    expect(answer.status).toBe(200);
    expect(backend.requests.at(-1)?.url).toBe('/store/a/b.txt');
  });

  it('passes a call signed by the official SDK to /v1/hello: the signed path includes the BasePath', async () => {
    const recorder = await startCallRecorder(gw.port);
    try {
      const client = new sdk.Client(KEY, SECRET);
      await expect(client.get(`http://127.0.0.1:${recorder.port}/v1/secure/hello`)).resolves.toBeDefined();
      expect(stringToSignOf(recorder.calls[0]).split('\n').at(-1)).toBe('/v1/secure/hello');
    } finally {
      await recorder.close();
    }
  });

  it('refuses a call signed over the path without the BasePath, showing the path it signed', async () => {
    const signed = signRequest({ method: 'GET', path: '/secure/hello', appKey: KEY, appSecret: SECRET, stage: 'RELEASE' });
    const answer = await call(gw.port, '/v1/secure/hello', { headers: signed.headers });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(parseServerStringToSign(answer.headers['x-ca-error-message'] as string)?.split('\n').at(-1)).toBe('/v1/secure/hello');
  });
});

describe('a group with BasePath / (the default)', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(fixtureProject({ groups: [{ name: 'plain', basePath: '/' }], apis: [mockApi('hello', 'GET', '/hello')] }));
  });
  afterAll(() => gw?.close());

  it('serves the API path as it is', async () => {
    expect(await call(gw.port, '/hello')).toMatchObject({ status: 200, body: 'hello answered' });
  });
});

describe('a BasePath with a trailing slash (/v2/, as in the cloud\'s example)', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(fixtureProject({ groups: [{ name: 'slashed', basePath: '/v2/' }], apis: [mockApi('pets', 'GET', '/pets')] }));
  });
  afterAll(() => gw?.close());

  it('serves /v2/pets', async () => {
    expect(await call(gw.port, '/v2/pets')).toMatchObject({ status: 200, body: 'pets answered' });
    expect((await call(gw.port, '/v2//pets')).headers['x-ca-error-code']).toBe('I404NF');
  });

  it('follows a BasePath changed by a reload', async () => {
    const moved = fixtureProject({ groups: [{ name: 'slashed', basePath: '/v3' }], apis: [mockApi('pets', 'GET', '/pets')] });
    expect(gw.gateway.reload(moved, fixtureSecrets()).ok).toBe(true);
    expect((await call(gw.port, '/v3/pets')).status).toBe(200);
    expect((await call(gw.port, '/v2/pets')).headers['x-ca-error-code']).toBe('I404NF');
  });
});
