import { describe, expect, it } from 'vitest';
import { Api, PROJECT_FORMAT, Project, SecretsFile, type ProjectInput } from '../shared/model/schema';
import { parseUrlEncoded, signRequest, type SignRequestInput } from '../shared/signature';
import { createAuthenticator, type AuthResult } from './auth';
import type { Call } from './call';

const NOW = 1_700_000_000_000;
const NONCE = '11111111-2222-3333-4444-555555555555';
const REF = { group: 'shop', api: 'items' };

function project(extra: Partial<ProjectInput> = {}): Project {
  return Project.parse({
    format: PROJECT_FORMAT,
    name: 'auth-test',
    groups: [{ name: 'shop' }],
    apps: [{ name: 'web' }, { name: 'mobile' }],
    authorizations: [{ app: 'web', group: 'shop', api: 'items', stage: 'RELEASE' }],
    ...extra,
  });
}

const SECRETS = SecretsFile.parse({
  apps: {
    web: { keys: [{ appKey: 'testKey', appSecret: 'testSecret' }], appCodes: ['code-web'] },
    mobile: { keys: [{ appKey: 'mobileKey', appSecret: 'mobileSecret' }], appCodes: ['code-mobile'] },
    ghost: { keys: [{ appKey: 'ghostKey', appSecret: 'ghostSecret' }] },
  },
});

function appApi(auth: Record<string, unknown> = {}): Api {
  return Api.parse({
    name: 'items',
    group: 'shop',
    request: { method: 'ANY', path: '/v1/*' },
    backend: { type: 'MOCK' },
    auth: { type: 'APP', ...auth },
  });
}

function call(parts: Partial<Call> & { url?: string } = {}): Call {
  const url = parts.url ?? parts.wirePath ?? '/v1/items';
  const question = url.indexOf('?');
  const path = question === -1 ? url : url.slice(0, question);
  const parsed = parseUrlEncoded(question === -1 ? '' : url.slice(question + 1));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return {
    requestId: 'REQ',
    method: 'GET',
    wirePath: path,
    path: decodeURIComponent(path),
    query: parsed.pairs,
    headers: {},
    body: new Uint8Array(),
    clientIp: '127.0.0.1',
    protocol: 'HTTP',
    stage: 'RELEASE',
    host: 'localhost',
    receivedAt: NOW,
    ...parts,
  };
}

const utf8 = new TextEncoder();

/** A call signed by shared/signature's client side, as the console's debugger sends it. */
function signed(input: Partial<SignRequestInput> = {}, override: Partial<Call> = {}): Call {
  const request = signRequest({ method: 'GET', url: '/v1/items', appKey: 'testKey', appSecret: 'testSecret', timestamp: NOW, nonce: NONCE, ...input });
  const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') && typeof request.body === 'string'
    ? (parseUrlEncoded(request.body) as { pairs: Array<[string, string]> }).pairs
    : undefined;
  const body = request.body === undefined ? new Uint8Array() : typeof request.body === 'string' ? utf8.encode(request.body) : request.body;
  return call({ url: request.pathWithQuery, method: request.method, headers: request.headers, body, form, ...override });
}

function authenticator(opts: { project?: Project; secrets?: SecretsFile; now?: number } = {}) {
  return createAuthenticator({ project: opts.project ?? project(), secrets: opts.secrets ?? SECRETS, now: () => opts.now ?? NOW });
}

function expectRefusal(result: AuthResult, code: string, status: number, message: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toEqual({ code, status, message });
}

describe('official Node SDK vectors (docs/alibaba-data-plane.md, "Test vectors")', () => {
  const sdkHeaders = {
    accept: 'application/json',
    'x-ca-key': 'testKey',
    'x-ca-nonce': NONCE,
    'x-ca-stage': 'RELEASE',
    'x-ca-timestamp': String(NOW),
    'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp',
    'user-agent': 'aliyun-api-gateway/1.1.6 Node.js/v20.19.0',
  };
  const vector1 = () =>
    call({
      url: '/v1/items?b=2&a=hello%20world&empty=&z=last&zero=0',
      headers: {
        ...sdkHeaders,
        'x-custom': 'abc',
        'x-my-sign': 'v1',
        'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp,x-my-sign',
        'x-ca-signature': 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=',
      },
    });

  it('1: GET with query, an empty value and an extra signed header', () => {
    const result = authenticator().authenticate(vector1(), appApi(), REF);
    expect(result).toEqual({ ok: true, app: { name: 'web', appKey: 'testKey', appId: expect.stringMatching(/^\d{10}$/) } });
  });

  it('2: POST form fields are signed with the query', () => {
    const body = 'name=Zhang%20San&age=';
    const result = authenticator().authenticate(
      call({
        method: 'POST',
        url: '/v1/form?q=1',
        headers: {
          ...sdkHeaders,
          'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
          'x-ca-signature': 'QbsOVsXDgTdPyAuB1OFmAd6JcRruJMo6HKzptK4Zyc0=',
        },
        body: utf8.encode(body),
        form: [['name', 'Zhang San'], ['age', '']],
      }),
      appApi(),
      REF,
    );
    expect(result.ok).toBe(true);
  });

  it('3: POST JSON with Content-MD5', () => {
    const result = authenticator().authenticate(
      call({
        method: 'POST',
        url: '/v1/json',
        headers: {
          ...sdkHeaders,
          'content-type': 'application/json',
          'content-md5': '+8JLzHoXlHWPwTJ/z+va9g==',
          'x-ca-signature': 'VkC73uRZ+RSOBRhhmhBLJi5DHJZ/aVY0Mt0MUwbyMWs=',
        },
        body: utf8.encode('{"hello":"world"}'),
      }),
      appApi(),
      REF,
    );
    expect(result.ok).toBe(true);
  });

  it('4: PUT JSON without Content-MD5', () => {
    const result = authenticator().authenticate(
      call({
        method: 'PUT',
        url: '/v1/json',
        headers: { ...sdkHeaders, 'content-type': 'application/json', 'x-ca-signature': 'EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=' },
        body: utf8.encode('{"hello":"world"}'),
      }),
      appApi(),
      REF,
    );
    expect(result.ok).toBe(true);
  });

  it('a wrong secret answers A403IS with the server StringToSign, byte-exact (a wrong secret only makes the signatures differ)', () => {
    const secrets = SecretsFile.parse({ apps: { web: { keys: [{ appKey: 'testKey', appSecret: 'notTheSecret' }] } } });
    const result = authenticator({ secrets }).authenticate(vector1(), appApi(), REF);
    expectRefusal(
      result,
      'A403IS',
      403,
      'Invalid Signature, Server StringToSign:`GET#application/json####x-ca-key:testKey#x-ca-nonce:11111111-2222-3333-4444-555555555555#x-ca-stage:RELEASE#x-ca-timestamp:1700000000000#x-my-sign:v1#/v1/items?a=hello world&b=2&empty&z=last&zero=0`',
    );
  });
});

describe('app signature: one refusal per error code, in the documented order', () => {
  it('A400MA: neither X-Ca-Key nor an AppCode', () => {
    expectRefusal(authenticator().authenticate(call(), appApi(), REF), 'A400MA', 400, 'Need authorization');
  });

  it('A400IK: an AppKey the secrets file does not know (or of an app not in the project)', () => {
    expectRefusal(authenticator().authenticate(signed({ appKey: 'nobody' }), appApi(), REF), 'A400IK', 400, 'Invalid AppKey');
    expectRefusal(authenticator().authenticate(signed({ appKey: 'ghostKey', appSecret: 'ghostSecret' }), appApi(), REF), 'A400IK', 400, 'Invalid AppKey');
  });

  it('A401ES: no X-Ca-Signature', () => {
    const unsigned = signed();
    delete unsigned.headers['x-ca-signature'];
    expectRefusal(authenticator().authenticate(unsigned, appApi(), REF), 'A401ES', 401, 'Empty Signature');
  });

  it('A400SM: a method the API does not allow, or no method at all', () => {
    const sha1 = signed({ signatureMethod: 'HmacSHA1' });
    expectRefusal(authenticator().authenticate(sha1, appApi(), REF), 'A400SM', 400, 'Invalid Signature Method `HmacSHA1`');
    const unknown = signed({ headers: { 'x-ca-signature-method': 'HmacMD5' } });
    expectRefusal(authenticator().authenticate(unknown, appApi(), REF), 'A400SM', 400, 'Invalid Signature Method `HmacMD5`');
    // Allowed when the API lists it.
    expect(authenticator().authenticate(sha1, appApi({ signatureMethods: ['HmacSHA1', 'HmacSHA256'] }), REF).ok).toBe(true);
  });

  it('A400IT: X-Ca-Timestamp that is not milliseconds in decimal', () => {
    expectRefusal(authenticator().authenticate(signed({ timestamp: '2023-11-14T22:13:20Z' }), appApi(), REF), 'A400IT', 400, 'Invalid Timestamp');
  });

  it('A400TE: X-Ca-Timestamp outside ±15 minutes; the edges are accepted', () => {
    const window = 15 * 60_000;
    expectRefusal(authenticator().authenticate(signed({ timestamp: NOW - window - 1 }), appApi(), REF), 'A400TE', 400, 'Timestamp Expired');
    expectRefusal(authenticator().authenticate(signed({ timestamp: NOW + window + 1 }), appApi(), REF), 'A400TE', 400, 'Timestamp Expired');
    expect(authenticator().authenticate(signed({ timestamp: NOW - window }), appApi(), REF).ok).toBe(true);
    expect(authenticator().authenticate(signed({ timestamp: NOW + window, nonce: 'other' }), appApi(), REF).ok).toBe(true);
  });

  it('I400MH: forceNonceCheck and no X-Ca-Nonce', () => {
    const noNonce = signed({ nonce: '' });
    expectRefusal(authenticator().authenticate(noNonce, appApi({ forceNonceCheck: true }), REF), 'I400MH', 400, 'Header `X-Ca-Nonce` is Required');
    expect(authenticator().authenticate(noNonce, appApi(), REF).ok).toBe(true);
  });

  it('I400CM: a wrong Content-MD5, or one with an empty body', () => {
    const wrong = signed({ method: 'POST', url: '/v1/json', body: '{"a":1}', headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' } });
    expectRefusal(authenticator().authenticate(wrong, appApi(), REF), 'I400CM', 400, 'Invalid Content-MD5');
    const empty = signed({ method: 'POST', url: '/v1/json', headers: { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' } });
    expectRefusal(authenticator().authenticate(empty, appApi(), REF), 'I400CM', 400, 'Invalid Content-MD5');
  });

  it('A403IS: a tampered call names the server StringToSign', () => {
    const tampered = signed({ url: '/v1/items?a=1' });
    tampered.query = [['a', '2']];
    expectRefusal(
      authenticator().authenticate(tampered, appApi(), REF),
      'A403IS',
      403,
      `Invalid Signature, Server StringToSign:\`GET#application/json####x-ca-key:testKey#x-ca-nonce:${NONCE}#x-ca-timestamp:${NOW}#/v1/items?a=2\``,
    );
  });

  it('I400NC: a nonce is accepted once', () => {
    const auth = authenticator();
    expect(auth.authenticate(signed(), appApi(), REF).ok).toBe(true);
    expectRefusal(auth.authenticate(signed(), appApi(), REF), 'I400NC', 400, 'Nonce Used');
  });

  it('a forged call does not burn the nonce of the real one', () => {
    const auth = authenticator();
    const forged = signed({ appSecret: 'guessed' });
    expect(auth.authenticate(forged, appApi(), REF)).toMatchObject({ ok: false, error: { code: 'A403IS' } });
    expect(auth.authenticate(signed(), appApi(), REF).ok).toBe(true);
  });

  it('nonces of one app do not block another app', () => {
    const project2 = project({ authorizations: [{ app: 'web', ...REF, stage: 'RELEASE' }, { app: 'mobile', ...REF, stage: 'RELEASE' }] });
    const auth = authenticator({ project: project2 });
    expect(auth.authenticate(signed(), appApi(), REF).ok).toBe(true);
    expect(auth.authenticate(signed({ appKey: 'mobileKey', appSecret: 'mobileSecret' }), appApi(), REF).ok).toBe(true);
  });

  it('I403AA: the app has no authorization for this API in this stage', () => {
    const inTest = signed({ stage: 'TEST' }, { stage: 'TEST' });
    expectRefusal(authenticator().authenticate(inTest, appApi(), REF), 'I403AA', 403, 'Unauthorized');
    const mobile = signed({ appKey: 'mobileKey', appSecret: 'mobileSecret' });
    expectRefusal(authenticator().authenticate(mobile, appApi(), REF), 'I403AA', 403, 'Unauthorized');
  });

  it('A403EP: the authorization has expired', () => {
    const expired = project({ authorizations: [{ app: 'web', ...REF, stage: 'RELEASE', expiresAt: new Date(NOW - 1).toISOString() }] });
    expectRefusal(authenticator({ project: expired }).authenticate(signed(), appApi(), REF), 'A403EP', 403, 'Expiry of Authorization');
    const later = project({ authorizations: [{ app: 'web', ...REF, stage: 'RELEASE', expiresAt: new Date(NOW + 60_000).toISOString() }] });
    expect(authenticator({ project: later }).authenticate(signed(), appApi(), REF).ok).toBe(true);
  });
});

describe('AppCode', () => {
  const withCode = (code: string, extra: Partial<Call> = {}) => call({ headers: { authorization: `APPCODE ${code}` }, ...extra });

  it('is accepted in the Authorization header when the API allows HEADER', () => {
    const result = authenticator().authenticate(withCode('code-web'), appApi({ appCodeAuthType: 'HEADER' }), REF);
    expect(result).toEqual({ ok: true, app: { name: 'web', appId: expect.stringMatching(/^\d{10}$/) } });
  });

  it('is taken from ?AppCode= only for HEADER_QUERY', () => {
    const inQuery = call({ url: '/v1/items?AppCode=code-web' });
    expect(authenticator().authenticate(inQuery, appApi({ appCodeAuthType: 'HEADER_QUERY' }), REF).ok).toBe(true);
    expectRefusal(authenticator().authenticate(inQuery, appApi({ appCodeAuthType: 'HEADER' }), REF), 'A400MA', 400, 'Need authorization');
  });

  it('A403AC (our choice): the API does not take AppCodes (DEFAULT or DISABLE)', () => {
    const message = 'AppCode authentication is not enabled for this API';
    expectRefusal(authenticator().authenticate(withCode('code-web'), appApi(), REF), 'A403AC', 403, message);
    expectRefusal(authenticator().authenticate(withCode('code-web'), appApi({ appCodeAuthType: 'DISABLE' }), REF), 'A403AC', 403, message);
  });

  it('A400AC: an unknown AppCode', () => {
    expectRefusal(authenticator().authenticate(withCode('nope'), appApi({ appCodeAuthType: 'HEADER' }), REF), 'A400AC', 400, 'Invalid AppCode `not found`');
  });

  it('still needs the app to be authorized', () => {
    const result = authenticator().authenticate(withCode('code-mobile'), appApi({ appCodeAuthType: 'HEADER' }), REF);
    expectRefusal(result, 'I403AA', 403, 'Unauthorized');
  });
});

describe('other behaviour', () => {
  it('ANONYMOUS APIs pass without an app', () => {
    const anonymous = Api.parse({ name: 'items', group: 'shop', request: { method: 'GET', path: '/v1/items' }, backend: { type: 'MOCK' } });
    expect(authenticator().authenticate(call(), anonymous, REF)).toEqual({ ok: true });
  });

  it('gives each app a stable 10-digit AppId', () => {
    const first = authenticator().authenticate(signed(), appApi(), REF);
    const second = authenticator().authenticate(signed(), appApi(), REF);
    expect(first.ok && second.ok && first.app?.appId === second.app?.appId).toBe(true);
  });

  it('a nonce stays used as long as its request would be accepted: its X-Ca-Timestamp + 15 minutes', () => {
    const minute = 60_000;
    let now = NOW;
    const auth = createAuthenticator({ project: project(), secrets: SECRETS, now: () => now });
    // Signed by a client whose clock runs 10 minutes ahead: acceptable until NOW + 25 minutes.
    const ahead = signed({ timestamp: NOW + 10 * minute, nonce: 'ahead' });
    expect(auth.authenticate(ahead, appApi(), REF).ok).toBe(true);
    now = NOW + 25 * minute;
    expectRefusal(auth.authenticate(ahead, appApi(), REF), 'I400NC', 400, 'Nonce Used');
    // From then on the timestamp itself is too old.
    now += 1;
    expectRefusal(auth.authenticate(ahead, appApi(), REF), 'A400TE', 400, 'Timestamp Expired');
  });
});
