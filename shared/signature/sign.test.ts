import { describe, expect, it } from 'vitest';
import { contentMd5 } from './content-md5';
import { signRequest, type SignRequestInput } from './sign';
import { parseUrlEncoded } from './url-encoded';
import { verifySignature } from './verify';

const NONCE = '11111111-2222-3333-4444-555555555555';
// The SDK's fixed inputs (docs/alibaba-data-plane.md, "Test vectors"; its constructor stage
// defaults to RELEASE).
const sdk = { appKey: 'testKey', appSecret: 'testSecret', stage: 'RELEASE', timestamp: 1700000000000, nonce: NONCE } as const;
const sdkHeaders = {
  'x-ca-key': 'testKey',
  'x-ca-nonce': NONCE,
  'x-ca-stage': 'RELEASE',
  'x-ca-timestamp': '1700000000000',
  accept: 'application/json',
};
const sdkHeaderLines = `x-ca-key:testKey\nx-ca-nonce:${NONCE}\nx-ca-stage:RELEASE\nx-ca-timestamp:1700000000000\n`;
const fourNames = 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp';

describe('signRequest reproduces the SDK vectors (docs/alibaba-data-plane.md, "Test vectors") byte for byte', () => {
  it('1. GET with query from url and options, an extra signed header', () => {
    const signed = signRequest({
      ...sdk,
      method: 'get',
      url: 'http://api.example.com/v1/items?b=2&a=hello%20world&empty=',
      query: { z: 'last', zero: 0 },
      headers: { 'X-Custom': 'abc', 'X-My-Sign': 'v1' },
      extraSignedHeaders: ['X-My-Sign'],
    });
    expect(signed.method).toBe('GET');
    expect(signed.pathWithQuery).toBe('/v1/items?b=2&a=hello%20world&empty=&z=last&zero=0');
    expect(signed.url).toBe('http://api.example.com/v1/items?b=2&a=hello%20world&empty=&z=last&zero=0');
    expect(signed.stringToSign).toBe(`GET\napplication/json\n\n\n\n${sdkHeaderLines}x-my-sign:v1\n/v1/items?a=hello world&b=2&empty&z=last&zero=0`);
    expect(signed.headers).toEqual({
      ...sdkHeaders,
      'x-custom': 'abc',
      'x-my-sign': 'v1',
      'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp,x-my-sign',
      'x-ca-signature': 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=',
    });
    expect(signed.body).toBeUndefined();
  });

  it('2. POST form: fields signed with the query, no Content-MD5', () => {
    const signed = signRequest({
      ...sdk,
      method: 'POST',
      url: 'http://api.example.com/v1/form?q=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      form: { name: 'Zhang San', age: '' },
    });
    expect(signed.body).toBe('name=Zhang%20San&age=');
    expect(signed.stringToSign).toBe(`POST\napplication/json\n\napplication/x-www-form-urlencoded; charset=UTF-8\n\n${sdkHeaderLines}/v1/form?age&name=Zhang San&q=1`);
    expect(signed.headers).toEqual({
      ...sdkHeaders,
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      'x-ca-signature-headers': fourNames,
      'x-ca-signature': 'QbsOVsXDgTdPyAuB1OFmAd6JcRruJMo6HKzptK4Zyc0=',
    });
  });

  it('3. POST JSON: Content-Type defaults to JSON and Content-MD5 is added', () => {
    const signed = signRequest({ ...sdk, method: 'POST', url: 'http://api.example.com/v1/json', body: '{"hello":"world"}' });
    expect(signed.stringToSign).toBe(`POST\napplication/json\n+8JLzHoXlHWPwTJ/z+va9g==\napplication/json\n\n${sdkHeaderLines}/v1/json`);
    expect(signed.headers).toEqual({
      ...sdkHeaders,
      'content-type': 'application/json',
      'content-md5': '+8JLzHoXlHWPwTJ/z+va9g==',
      'x-ca-signature-headers': fourNames,
      'x-ca-signature': 'VkC73uRZ+RSOBRhhmhBLJi5DHJZ/aVY0Mt0MUwbyMWs=',
    });
  });

  it('4. PUT JSON: no Content-MD5, like the SDK', () => {
    const signed = signRequest({ ...sdk, method: 'PUT', url: 'http://api.example.com/v1/json', body: new TextEncoder().encode('{"hello":"world"}') });
    expect(signed.stringToSign).toBe(`PUT\napplication/json\n\napplication/json\n\n${sdkHeaderLines}/v1/json`);
    expect(signed.signature).toBe('EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=');
    expect(signed.headers['content-md5']).toBeUndefined();
  });
});

describe('signRequest options', () => {
  const base: SignRequestInput = { method: 'GET', path: '/p', appKey: 'k', appSecret: 's', timestamp: 1, nonce: 'n' };

  it('sends X-Ca-Signature-Method for HmacSHA1, and for HmacSHA256 only when asked; it is signed', () => {
    const sha1 = signRequest({ ...base, signatureMethod: 'HmacSHA1' });
    expect(sha1.headers['x-ca-signature-method']).toBe('HmacSHA1');
    expect(sha1.signedHeaderNames).toEqual(['x-ca-key', 'x-ca-nonce', 'x-ca-signature-method', 'x-ca-timestamp']);
    expect(sha1.signature).toHaveLength(28);
    expect(signRequest(base).headers['x-ca-signature-method']).toBeUndefined();
    expect(signRequest({ ...base, sendSignatureMethod: true }).headers['x-ca-signature-method']).toBe('HmacSHA256');
  });

  it('signs with an injected HMAC when given one', () => {
    const signed = signRequest({ ...base, signatureMethod: 'HmacSHA1', hmac: (method, key, message) => `${method}|${key}|${message.length}` });
    expect(signed.signature).toBe(`HmacSHA1|s|${signed.stringToSign.length}`);
    expect(signed.headers['x-ca-signature']).toBe(signed.signature);
  });

  it('sends no X-Ca-Stage unless given, and a random UUID nonce and current timestamp by default', () => {
    const signed = signRequest({ method: 'GET', path: '/p', appKey: 'k', appSecret: 's' });
    expect(signed.headers['x-ca-stage']).toBeUndefined();
    expect(signed.headers['x-ca-nonce']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signed.headers['x-ca-timestamp']).toMatch(/^\d{13}$/);
    expect(signRequest({ method: 'GET', path: '/p', appKey: 'k', appSecret: 's' }).headers['x-ca-nonce']).not.toBe(signed.headers['x-ca-nonce']);
  });

  it('adds Content-MD5 per the contentMd5 option, never for a form or empty body, never over the caller’s', () => {
    const put = { ...base, method: 'PUT', body: '{"a":1}' };
    expect(signRequest({ ...put, contentMd5: true }).headers['content-md5']).toBe(contentMd5('{"a":1}'));
    expect(signRequest({ ...put, method: 'POST', contentMd5: false }).headers['content-md5']).toBeUndefined();
    expect(signRequest({ ...put, method: 'POST', body: '' }).headers['content-md5']).toBeUndefined();
    expect(signRequest({ ...put, method: 'POST', form: { a: '1' }, body: undefined, contentMd5: true }).headers['content-md5']).toBeUndefined();
    const own = signRequest({ ...put, headers: { 'Content-MD5': 'mine' }, contentMd5: true });
    expect(own.headers['content-md5']).toBe('mine');
    expect(own.stringToSign.split('\n')[2]).toBe('mine');
  });

  it('signs a raw form body given as text', () => {
    const signed = signRequest({ ...base, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'b=x+y&a=%E4%B8%AD' });
    expect(signed.stringToSign.endsWith('\n/p?a=中&b=x y')).toBe(true);
  });

  it('does not list fixed headers asked as extra signed headers, and lists absent ones with an empty value', () => {
    const signed = signRequest({ ...base, extraSignedHeaders: ['Accept', 'Date', 'X-Absent'] });
    expect(signed.signedHeaderNames).toEqual(['x-absent', 'x-ca-key', 'x-ca-nonce', 'x-ca-timestamp']);
    expect(signed.stringToSign).toContain('\nx-absent:\n');
  });

  it('lets explicit fields win over caller headers and replaces a stale signature', () => {
    const signed = signRequest({ ...base, headers: { 'X-Ca-Key': 'other', 'X-Ca-Nonce': 'old', 'X-Ca-Signature': 'stale', Accept: 'text/plain' } });
    expect(signed.headers['x-ca-key']).toBe('k');
    expect(signed.headers['x-ca-nonce']).toBe('n');
    expect(signed.headers.accept).toBe('text/plain');
    expect(signed.headers['x-ca-signature']).toBe(signed.signature);
  });

  it('takes a path with query, an origin-only URL, and drops a fragment', () => {
    expect(signRequest({ ...base, path: undefined, url: '/a?x=1#frag' }).pathWithQuery).toBe('/a?x=1');
    const bare = signRequest({ ...base, path: undefined, url: 'https://h.example.com', query: [['k', 'v w']] });
    expect(bare.pathWithQuery).toBe('/?k=v%20w');
    expect(bare.url).toBe('https://h.example.com/?k=v%20w');
  });

  it('throws errors that say what to fix', () => {
    expect(() => signRequest({ ...base, url: '/p' })).toThrow('give exactly one of `url`');
    expect(() => signRequest({ ...base, path: 'p' })).toThrow('must start with "/"');
    expect(() => signRequest({ ...base, path: undefined, url: '/p?a=%zz' })).toThrow('Malformed percent-encoding in "a=%zz"');
    expect(() => signRequest({ ...base, method: 'POST', body: 'x', form: { a: '1' } })).toThrow('either `body` or `form`');
    expect(() => signRequest({ ...base, method: 'POST', headers: { 'content-type': 'application/json' }, form: { a: '1' } })).toThrow('form fields need Content-Type');
  });
});

describe('signRequest then verifySignature', () => {
  it('agrees for query, form and headers in many shapes', () => {
    const signed = signRequest({
      method: 'PUT',
      url: 'http://h/v1/things?b=2&a=&a=second&zero=0&flag=false',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Trace': 't#1', Date: 'Tue, 14 Nov 2023 22:13:20 GMT' },
      form: [['b', 'form wins'], ['name', '中 文'], ['name', 'ignored']],
      extraSignedHeaders: ['X-Trace'],
      signatureMethod: 'HmacSHA1',
      appKey: 'k',
      appSecret: 'secret',
      stage: 'TEST',
    });
    const query = parseUrlEncoded(signed.pathWithQuery.split('?')[1]);
    const form = parseUrlEncoded(signed.body as string);
    if (!query.ok || !form.ok) throw new Error('signRequest produced unparseable encoding');
    const request = { method: 'PUT', path: '/v1/things', query: query.pairs, form: form.pairs, headers: signed.headers };
    const result = verifySignature({ request, secret: 'secret', allowedMethods: ['HmacSHA1', 'HmacSHA256'] });
    expect(result).toMatchObject({ ok: true, stringToSign: signed.stringToSign });
    expect(signed.stringToSign.endsWith('\nx-trace:t#1\n/v1/things?a&b=form wins&flag=false&name=中 文&zero=0')).toBe(true);
  });
});
