import { describe, expect, it } from 'vitest';
import { PROJECT_FORMAT, Project } from '../shared/model/schema';
import type { Call } from './call';
import { createCors } from './cors';

const REF = { group: 'shop', api: 'items', stage: 'RELEASE' } as const;

function cors(config: Record<string, unknown>, bindings = [REF]) {
  return createCors(
    Project.parse({ format: PROJECT_FORMAT, name: 'cors-test', plugins: [{ name: 'browser', type: 'cors', cors: config, bindings }] }),
  );
}

function call(headers: Record<string, string>, method = 'OPTIONS'): Call {
  return {
    requestId: 'REQ',
    method,
    wirePath: '/v1/items',
    path: '/v1/items',
    query: [],
    headers,
    body: new Uint8Array(),
    clientIp: '127.0.0.1',
    protocol: 'HTTP',
    stage: 'RELEASE',
    host: 'localhost',
    receivedAt: 0,
  };
}

const preflight = (origin: string, extra: Record<string, string> = {}) =>
  call({ origin, 'access-control-request-method': 'PUT', ...extra });

describe('preflight', () => {
  it('answers 200 from the plugin, echoing a matching origin', () => {
    const plugin = cors({
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET', 'PUT'],
      allowHeaders: ['X-Ca-Key', 'X-Ca-Signature'],
      allowCredentials: true,
      maxAge: 600,
    });
    expect(plugin.preflight(REF, preflight('https://app.example.com'))).toEqual({
      status: 200,
      headers: {
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET,PUT',
        'access-control-allow-headers': 'X-Ca-Key,X-Ca-Signature',
        'access-control-max-age': '600',
        vary: 'Origin',
      },
    });
  });

  it('answers `*` when any origin is allowed and no credentials are involved', () => {
    const result = cors({}).preflight(REF, preflight('http://localhost:5173'));
    expect(result).toMatchObject({ status: 200, headers: { 'access-control-allow-origin': '*', 'access-control-max-age': '172800' } });
    expect('headers' in result && result.headers['access-control-allow-credentials']).toBe(undefined);
  });

  it('echoes the origin instead of `*` when credentials are allowed', () => {
    const result = cors({ allowCredentials: true }).preflight(REF, preflight('http://localhost:5173'));
    expect(result).toMatchObject({ headers: { 'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-credentials': 'true' } });
  });

  it('echoes the requested headers when allowHeaders is empty', () => {
    const result = cors({}).preflight(REF, preflight('http://a.test', { 'access-control-request-headers': 'x-ca-key,content-type' }));
    expect(result).toMatchObject({
      headers: { 'access-control-allow-headers': 'x-ca-key,content-type', vary: 'Origin, Access-Control-Request-Headers' },
    });
  });

  it('matches wildcard origins with and without a scheme', () => {
    const plugin = cors({ allowOrigins: ['https://*.foo.com', '*.bar.com', 'http://localhost:5173'] });
    for (const origin of ['https://a.foo.com', 'https://a.b.foo.com', 'http://x.bar.com', 'https://X.BAR.com', 'http://localhost:5173']) {
      expect(plugin.preflight(REF, preflight(origin)), origin).toMatchObject({ status: 200, headers: { 'access-control-allow-origin': origin } });
    }
    for (const origin of ['http://a.foo.com', 'https://foo.com', 'https://a.foo.com:8443', 'https://a.foo.com.evil.net', 'https://evilfoo.com', 'http://localhost:5174']) {
      expect(plugin.preflight(REF, preflight(origin)), origin).toMatchObject({ code: 'A403CO' });
    }
  });

  it('A403CO: an origin the plugin does not allow', () => {
    const result = cors({ allowOrigins: ['https://app.example.com'] }).preflight(REF, preflight('https://evil.example'));
    expect(result).toEqual({
      code: 'A403CO',
      status: 403,
      message: 'CORS preflight refused: origin https://evil.example is not in allowOrigins of CORS plugin "browser"',
    });
  });

  it('A403CO: a preflight without Origin', () => {
    expect(cors({}).preflight(REF, call({ 'access-control-request-method': 'GET' }))).toMatchObject({
      code: 'A403CO',
      message: 'CORS preflight refused: the preflight carries no Origin header',
    });
  });

  it('A403CO: no CORS plugin bound to the API', () => {
    expect(cors({}).preflight({ ...REF, stage: 'TEST' }, preflight('http://a.test'))).toEqual({
      code: 'A403CO',
      status: 403,
      message: 'CORS preflight refused: no CORS plugin is bound to API shop/items in stage TEST; bind one to allow browser calls',
    });
  });

  it('A403CO: no API matches the path', () => {
    expect(cors({}).preflight(undefined, preflight('http://a.test'))).toEqual({
      code: 'A403CO',
      status: 403,
      message: 'CORS preflight refused: no API matches PUT /v1/items in stage RELEASE, so no CORS plugin applies',
    });
  });
});

describe('actual calls', () => {
  const plugin = cors({ allowOrigins: ['https://*.foo.com'], exposeHeaders: ['X-Ca-Request-Id', 'X-Ca-Error-Message'], allowCredentials: true });

  it('carry Allow-Origin, Expose-Headers and Allow-Credentials for an allowed origin', () => {
    expect(plugin.responseHeaders(REF, call({ origin: 'https://app.foo.com' }, 'GET'))).toEqual({
      'access-control-allow-origin': 'https://app.foo.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Ca-Request-Id,X-Ca-Error-Message',
      vary: 'Origin',
    });
  });

  it('carry nothing for another origin, no origin, or an API without the plugin', () => {
    expect(plugin.responseHeaders(REF, call({ origin: 'https://app.bar.com' }, 'GET'))).toEqual({});
    expect(plugin.responseHeaders(REF, call({}, 'GET'))).toEqual({});
    expect(plugin.responseHeaders({ ...REF, api: 'other' }, call({ origin: 'https://app.foo.com' }, 'GET'))).toEqual({});
  });
});
