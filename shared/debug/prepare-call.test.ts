import { describe, expect, it } from 'vitest';
import { DebugRequest, type DebugRequest as DebugRequestInput } from '../ipc/contract';
import { prepareCall } from './prepare-call';

const BASE = 'http://127.0.0.1:8080/';

function prepare(request: Partial<DebugRequestInput>, credentials = {}, host?: string, basePath?: string) {
  const parsed = DebugRequest.parse({ target: { kind: 'local' }, stage: 'TEST', method: 'get', path: '/p', auth: { kind: 'anonymous' }, ...request });
  return prepareCall({ request: parsed, baseUrl: BASE, credentials, host, basePath });
}

describe('prepareCall', () => {
  it('builds the URL from the path and query, encoding what a URL cannot hold', () => {
    const { prepared } = prepare({ path: 'users/张 3', query: [['q', 'a b&c'], ['empty', '']] });
    expect(prepared).toEqual({ method: 'GET', url: 'http://127.0.0.1:8080/users/%E5%BC%A0%203?q=a%20b%26c&empty=', headers: [['X-Ca-Stage', 'TEST']] });
  });

  it('puts the user\'s headers first, replaces their X-Ca-Stage, and adds a Host and a body Content-Type', () => {
    const { prepared } = prepare(
      { headers: [['X-Trace', '1'], ['x-ca-stage', 'RELEASE']], body: { kind: 'form', fields: [['a', '1 2']] } },
      {},
      'demo.localhost:8080',
    );
    expect(prepared.headers).toEqual([['Host', 'demo.localhost:8080'], ['X-Trace', '1'], ['X-Ca-Stage', 'TEST'], ['Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8']]);
    expect(prepared.body).toBe('a=1%202');
  });

  it('sends an AppCode in the header or, when asked, in the AppCode query parameter', () => {
    expect(prepare({ auth: { kind: 'appCode', app: 'a' } }, { appCode: 'code1' }).prepared.headers).toContainEqual(['Authorization', 'APPCODE code1']);
    const inQuery = prepare({ auth: { kind: 'appCode', app: 'a', inQuery: true } }, { appCode: 'code1' }).prepared;
    expect(inQuery.url).toBe('http://127.0.0.1:8080/p?AppCode=code1');
    expect(inQuery.headers).toEqual([['X-Ca-Stage', 'TEST']]);
  });

  it('notes a nonce that the signature does not cover, as the gateway will receive the call', () => {
    const auth = { kind: 'signature' as const, app: 'a', timestamp: 1700000000000, nonce: 'n' };
    const credentials = { appKey: 'k', appSecret: 's' };
    expect(prepare({ auth }, credentials).prepared.notes).toBeUndefined();
    // A proxy that drops X-Ca-Signature-Headers leaves the nonce outside the signature.
    const dropped = prepare({ auth, dropAfterSigning: ['X-Ca-Signature-Headers'] }, credentials).prepared;
    expect(dropped.notes).toEqual([expect.stringMatching(/^X-Ca-Nonce is not among the signed headers \(the request sends no X-Ca-Signature-Headers\)/)]);
    // So does a signed call typed in by hand (from another client) that lists only some headers.
    const typed = prepare({ headers: [['X-Ca-Key', 'k'], ['X-Ca-Nonce', 'n'], ['X-Ca-Signature-Headers', 'x-ca-key'], ['X-Ca-Signature', 'c2ln']] }).prepared;
    expect(typed.notes).toEqual([expect.stringContaining('X-Ca-Signature-Headers is `x-ca-key`')]);
  });

  it('signs like the SDK and removes the headers to drop only after signing', () => {
    const details = prepare(
      {
        headers: [['X-Foo', 'bar']],
        dropAfterSigning: ['X-FOO'],
        auth: { kind: 'signature', app: 'a', extraSignedHeaders: ['x-foo'], timestamp: 1700000000000, nonce: 'n' },
      },
      { appKey: 'k', appSecret: 's' },
    );
    expect(details.prepared.stringToSign).toBe('GET\napplication/json\n\n\n\nx-ca-key:k\nx-ca-nonce:n\nx-ca-stage:TEST\nx-ca-timestamp:1700000000000\nx-foo:bar\n/p');
    expect(details.signedHeaderNames).toEqual(['x-ca-key', 'x-ca-nonce', 'x-ca-stage', 'x-ca-timestamp', 'x-foo']);
    expect(details.dropped).toEqual([['x-foo', 'bar']]);
    expect(details.prepared.headers.map(([name]) => name)).toEqual(['x-ca-stage', 'x-ca-key', 'x-ca-timestamp', 'x-ca-nonce', 'accept', 'x-ca-signature-headers', 'x-ca-signature']);
  });

  it('calls the API at its group\'s BasePath + path, and signs that path', () => {
    expect(prepare({ path: '/hello' }, {}, undefined, '/v1').prepared.url).toBe('http://127.0.0.1:8080/v1/hello');
    expect(prepare({ path: 'hello' }, {}, undefined, '/v2/').prepared.url).toBe('http://127.0.0.1:8080/v2/hello');
    expect(prepare({ path: '/hello' }, {}, undefined, '/').prepared.url).toBe('http://127.0.0.1:8080/hello');
    const signed = prepare({ path: '/hello', auth: { kind: 'signature', app: 'a', timestamp: 1700000000000, nonce: 'n' } }, { appKey: 'k', appSecret: 's' }, undefined, '/v1');
    expect(signed.prepared.stringToSign?.split('\n').at(-1)).toBe('/v1/hello');
  });

  it('says which credential is missing', () => {
    expect(() => prepare({ auth: { kind: 'signature', app: 'a' } })).toThrow('Cannot prepare the call: it needs an AppKey, and none was found for the app.');
  });
});
