// The whole pipeline over real HTTP: calls signed by the official Node SDK, the app reaching the
// backend as system parameters, policies answering through the gateway, and reloads.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { localAppId } from './app-id';
import {
  call,
  fixtureProject,
  fixtureSecrets,
  mockApi,
  startBackend,
  startGateway,
  type RecordingBackend,
  type RunningGateway,
} from './test-support';

interface SdkOptions { query?: object; data?: unknown; headers?: Record<string, string> }
interface SdkClient {
  get(url: string, opts?: SdkOptions): Promise<unknown>;
  post(url: string, opts?: SdkOptions): Promise<unknown>;
}
interface SdkError extends Error { code: number; data: { headers: Record<string, string> } }
const sdk = createRequire(import.meta.url)('aliyun-api-gateway') as {
  Client: new (key: string, secret: string, stage?: string) => SdkClient;
  CONTENT_TYPE_FORM: string;
};

const KEY = 'pipelineKey';
const SECRET = 'pipelineSecret-abcdef';

function buildProject(backendPort: number, mockBody = 'v1') {
  return fixtureProject({
    groups: [{ name: 'demo', stageVariables: { RELEASE: { port: String(backendPort) } } }],
    apps: [{ name: 'caller' }],
    authorizations: [
      { app: 'caller', group: 'demo', api: 'signedEcho', stage: 'RELEASE' },
      { app: 'caller', group: 'demo', api: 'signedForm', stage: 'RELEASE' },
      { app: 'caller', group: 'demo', api: 'limited', stage: 'RELEASE' },
    ],
    throttlingPolicies: [{ name: 'twoPerMinute', unit: 'MINUTE', apiDefault: 2, bindings: [{ group: 'demo', api: 'limited', stage: 'RELEASE' }] }],
    plugins: [
      { name: 'corsForOpen', type: 'cors', cors: { allowOrigins: ['https://app.example.com'] }, bindings: [{ group: 'demo', api: 'openMock', stage: 'RELEASE' }] },
      { name: 'denyLocal', type: 'ipControl', ipControl: { type: 'REFUSE', items: [{ blocks: ['127.0.0.0/8'] }] }, bindings: [{ group: 'demo', api: 'fenced', stage: 'RELEASE' }] },
    ],
    apis: [
      {
        name: 'signedEcho',
        request: { method: 'GET', path: '/signed/echo' },
        parameters: [{ name: 'q', location: 'QUERY' }],
        auth: { type: 'APP' },
        backend: { type: 'HTTP', address: 'http://127.0.0.1:#port#', path: '/echo', method: 'GET' },
        systemParameters: [
          { name: 'CaAppId', serviceParameter: 'X-App-Id', location: 'HEAD' },
          { name: 'CaAppKey', serviceParameter: 'X-App-Key', location: 'HEAD' },
        ],
      },
      mockApi('signedForm', 'POST', '/signed/form', {
        auth: { type: 'APP' },
        request: { method: 'POST', path: '/signed/form', bodyFormat: 'FORM' },
        parameters: [{ name: 'name', location: 'BODY', required: true }],
      }),
      mockApi('limited', 'GET', '/limited', { auth: { type: 'APP' } }),
      mockApi('openMock', 'GET', '/open', { backend: { type: 'MOCK', statusCode: 200, body: mockBody, headers: [] } }),
      mockApi('fenced', 'GET', '/fenced'),
    ],
  });
}

const secrets = fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }] } } });

describe('the pipeline', () => {
  let backend: RecordingBackend;
  let gw: RunningGateway;
  let base: string;

  beforeAll(async () => {
    backend = await startBackend();
    gw = await startGateway(buildProject(backend.port), secrets);
    base = `http://127.0.0.1:${gw.port}`;
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });

  it('accepts GET and form POST calls signed by the official SDK', async () => {
    const client = new sdk.Client(KEY, SECRET);
    const got = (await client.get(`${base}/signed/echo`, { query: { q: 'hello world', zero: 0 } })) as { url: string };
    expect(got.url).toBe('/echo?q=hello%20world');
    const last = backend.requests.at(-1)!;
    expect(last.headers['x-app-id']).toBe(localAppId('caller'));
    expect(last.headers['x-app-key']).toBe(KEY);
    expect(last.headers['x-ca-signature']).toBeUndefined();

    const posted = await client.post(`${base}/signed/form`, { data: { name: 'Zhang San' }, headers: { 'content-type': sdk.CONTENT_TYPE_FORM } });
    expect(posted).toBe('signedForm answered');
  });

  it('answers a wrong secret with the server StringToSign', async () => {
    const client = new sdk.Client(KEY, 'wrong-secret');
    const error = (await client.get(`${base}/signed/echo?q=1`).catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe(403);
    expect(error.data.headers['x-ca-error-code']).toBe('A403IS');
    expect(error.data.headers['x-ca-error-message']).toMatch(/^Invalid Signature, Server StringToSign:`GET#application\/json###.*#\/signed\/echo\?q=1`$/);
  });

  it('throttles through the gateway', async () => {
    const signedCall = () => {
      const signed = signRequest({ method: 'GET', url: '/limited', appKey: KEY, appSecret: SECRET });
      return call(gw.port, '/limited', { headers: signed.headers });
    };
    expect((await signedCall()).status).toBe(200);
    expect((await signedCall()).status).toBe(200);
    const third = await signedCall();
    expect(third.status).toBe(429);
    expect(third.headers['x-ca-error-code']).toBe('T429IN');
  });

  it('refuses a caller the IP control plugin lists', async () => {
    const answer = await call(gw.port, '/fenced');
    expect(answer.status).toBe(403);
    expect(answer.headers['x-ca-error-code']).toBe('A403IP');
  });

  it('answers CORS preflights from the bound plugin and adds CORS headers to calls', async () => {
    const preflight = await call(gw.port, '/open', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(preflight.headers['x-ca-request-id']).toBeDefined();
    const actual = await call(gw.port, '/open', { headers: { Origin: 'https://app.example.com' } });
    expect(actual.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const refused = await call(gw.port, '/fenced', { method: 'OPTIONS', headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'GET' } });
    expect(refused.headers['x-ca-error-code']).toBe('A403CO');
  });

  it('swaps the project on reload and keeps used nonces used', async () => {
    const signed = signRequest({ method: 'GET', url: '/signed/echo', appKey: KEY, appSecret: SECRET });
    expect((await call(gw.port, '/signed/echo', { headers: signed.headers })).status).toBe(200);
    const result = gw.gateway.reload(buildProject(backend.port, 'v2'), secrets);
    expect(result.ok).toBe(true);
    expect((await call(gw.port, '/open')).body).toBe('v2');
    const replay = await call(gw.port, '/signed/echo', { headers: signed.headers });
    expect(replay.headers['x-ca-error-code']).toBe('I400NC');
  });
});
