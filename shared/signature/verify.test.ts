import { describe, expect, it } from 'vitest';
import { signature } from './hmac';
import { parseServerStringToSign } from './mismatch-message';
import type { SignableRequest } from './string-to-sign';
import { verifySignature } from './verify';

const NONCE = '11111111-2222-3333-4444-555555555555';
const sdkHeaders = {
  accept: 'application/json',
  'x-ca-key': 'testKey',
  'x-ca-nonce': NONCE,
  'x-ca-stage': 'RELEASE',
  'x-ca-timestamp': '1700000000000',
  'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp',
};
const sdkHeaderLines = `x-ca-key:testKey\nx-ca-nonce:${NONCE}\nx-ca-stage:RELEASE\nx-ca-timestamp:1700000000000\n`;
const HMAC_SHA256 = ['HmacSHA256'] as const;

// docs/alibaba-data-plane.md, "Test vectors": the requests the official Node SDK sends, as the
// gateway receives them.
const sdkVectors: Array<{ name: string; request: SignableRequest; stringToSign: string; signature: string }> = [
  {
    name: '1. GET with query, empty and 0 values, an extra signed header',
    request: {
      method: 'GET',
      path: '/v1/items',
      query: [['b', '2'], ['a', 'hello world'], ['empty', ''], ['z', 'last'], ['zero', '0']],
      headers: {
        ...sdkHeaders,
        'x-custom': 'abc',
        'x-my-sign': 'v1',
        'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp,x-my-sign',
        'x-ca-signature': 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=',
      },
    },
    stringToSign: `GET\napplication/json\n\n\n\n${sdkHeaderLines}x-my-sign:v1\n/v1/items?a=hello world&b=2&empty&z=last&zero=0`,
    signature: 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=',
  },
  {
    name: '2. POST form with query',
    request: {
      method: 'POST',
      path: '/v1/form',
      query: [['q', '1']],
      form: [['name', 'Zhang San'], ['age', '']],
      headers: { ...sdkHeaders, 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-ca-signature': 'QbsOVsXDgTdPyAuB1OFmAd6JcRruJMo6HKzptK4Zyc0=' },
    },
    stringToSign: `POST\napplication/json\n\napplication/x-www-form-urlencoded; charset=UTF-8\n\n${sdkHeaderLines}/v1/form?age&name=Zhang San&q=1`,
    signature: 'QbsOVsXDgTdPyAuB1OFmAd6JcRruJMo6HKzptK4Zyc0=',
  },
  {
    name: '3. POST JSON with Content-MD5',
    request: {
      method: 'POST',
      path: '/v1/json',
      query: [],
      headers: { ...sdkHeaders, 'content-type': 'application/json', 'content-md5': '+8JLzHoXlHWPwTJ/z+va9g==', 'x-ca-signature': 'VkC73uRZ+RSOBRhhmhBLJi5DHJZ/aVY0Mt0MUwbyMWs=' },
    },
    stringToSign: `POST\napplication/json\n+8JLzHoXlHWPwTJ/z+va9g==\napplication/json\n\n${sdkHeaderLines}/v1/json`,
    signature: 'VkC73uRZ+RSOBRhhmhBLJi5DHJZ/aVY0Mt0MUwbyMWs=',
  },
  {
    name: '4. PUT JSON without Content-MD5',
    request: {
      method: 'PUT',
      path: '/v1/json',
      query: [],
      headers: { ...sdkHeaders, 'content-type': 'application/json', 'x-ca-signature': 'EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=' },
    },
    stringToSign: `PUT\napplication/json\n\napplication/json\n\n${sdkHeaderLines}/v1/json`,
    signature: 'EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=',
  },
];

describe('verifySignature with the SDK vectors (docs/alibaba-data-plane.md, "Test vectors")', () => {
  for (const vector of sdkVectors) {
    it(vector.name, () => {
      const result = verifySignature({ request: vector.request, secret: 'testSecret', allowedMethods: HMAC_SHA256 });
      expect(result).toMatchObject({ ok: true, signatureMethod: 'HmacSHA256', stringToSign: vector.stringToSign, expectedSignature: vector.signature });
    });
  }
});

describe('verifySignature with an injected HMAC', () => {
  it('computes the expected signature with it, and compares against that', () => {
    const vector = sdkVectors[0];
    const calls: string[] = [];
    const recording = (method: 'HmacSHA256' | 'HmacSHA1', key: string, message: string) => {
      calls.push(`${method} ${key} ${message === vector.stringToSign}`);
      return signature(message, key, method);
    };
    expect(verifySignature({ request: vector.request, secret: 'testSecret', allowedMethods: HMAC_SHA256, hmac: recording })).toMatchObject({ ok: true });
    expect(calls).toEqual(['HmacSHA256 testSecret true']);
    const constant = verifySignature({ request: vector.request, secret: 'testSecret', allowedMethods: HMAC_SHA256, hmac: () => 'not-it' });
    expect(constant).toMatchObject({ ok: false, reason: 'mismatch', expectedSignature: 'not-it' });
  });
});

describe('verifySignature with independent vectors (docs/alibaba-data-plane.md, "Test vectors")', () => {
  const listed = 'x-ca-key,x-ca-nonce,x-ca-timestamp';
  it('GET with Accept and Content-Type', () => {
    const request: SignableRequest = {
      method: 'GET',
      path: '/Third/Tools/checkSign',
      query: [],
      headers: {
        accept: 'application/json', 'content-type': 'application/json', 'x-ca-key': 'appKey',
        'x-ca-nonce': '787dd0c2-7bd8-41cd-9c19-62c05ea524a2', 'x-ca-timestamp': '1646365291734',
        'x-ca-signature-headers': listed, 'x-ca-signature': 'EdJSFAMOWyXZOpXhevZnjuS0ZafnwnCqaSk5hz+tXo8=',
      },
    };
    expect(verifySignature({ request, secret: 'appSecret', allowedMethods: HMAC_SHA256 }).ok).toBe(true);
  });

  it('POST form signs the fields sorted', () => {
    const request: SignableRequest = {
      method: 'POST',
      path: '/Third/User/getNyAccessToken',
      query: [],
      form: [['nickname', 'nickname'], ['room_id', '6893'], ['uuid', 'uuid'], ['photo', 'photo']],
      headers: {
        accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-ca-key': 'appKey',
        'x-ca-nonce': 'ca5a6753-b76c-4fff-a9d9-e5bb643e8cdf', 'x-ca-timestamp': '1646646682418',
        'x-ca-signature-headers': listed, 'x-ca-signature': 'gmf9xq0hc95Hmt+7G+OocS009ka3v1v0rvfshKzYc3w=',
      },
    };
    const result = verifySignature({ request, secret: 'appSecret', allowedMethods: HMAC_SHA256 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.stringToSign.endsWith('\n/Third/User/getNyAccessToken?nickname=nickname&photo=photo&room_id=6893&uuid=uuid')).toBe(true);
  });
});

describe('verifySignature failures', () => {
  const base = sdkVectors[3].request;

  it('reports a mismatch with the cloud’s message carrying the server StringToSign', () => {
    const result = verifySignature({ request: base, secret: 'wrongSecret', allowedMethods: HMAC_SHA256 });
    expect(result).toMatchObject({ ok: false, reason: 'mismatch', stringToSign: sdkVectors[3].stringToSign });
    if (!result.ok && result.reason === 'mismatch') {
      expect(result.message).toBe('Invalid Signature, Server StringToSign:`' + sdkVectors[3].stringToSign.replaceAll('\n', '#') + '`');
      expect(parseServerStringToSign(result.message)).toBe(result.stringToSign);
      expect(result.expectedSignature).toBe(signature(result.stringToSign, 'wrongSecret'));
    }
  });

  it('reports a mismatch for a truncated or tampered signature', () => {
    for (const given of ['EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI', 'FmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=']) {
      const request = { ...base, headers: { ...base.headers, 'x-ca-signature': given } };
      expect(verifySignature({ request, secret: 'testSecret', allowedMethods: HMAC_SHA256 })).toMatchObject({ ok: false, reason: 'mismatch' });
    }
  });

  it('reports a missing or empty signature as Empty Signature', () => {
    for (const given of [undefined, '']) {
      const request = { ...base, headers: { ...base.headers, 'x-ca-signature': given } };
      expect(verifySignature({ request, secret: 'testSecret', allowedMethods: HMAC_SHA256 }))
        .toEqual({ ok: false, reason: 'missing-signature', message: 'Empty Signature', signatureMethod: 'HmacSHA256' });
    }
  });

  it('refuses HmacSHA1 unless the API allows it, and unknown methods always', () => {
    const stringToSign = 'GET\n\n\n\n\nx-ca-signature-method:HmacSHA1\n/p';
    const request: SignableRequest = {
      method: 'GET',
      path: '/p',
      query: [],
      headers: { 'x-ca-signature-method': 'HmacSHA1', 'x-ca-signature-headers': 'x-ca-signature-method', 'x-ca-signature': signature(stringToSign, 's', 'HmacSHA1') },
    };
    expect(verifySignature({ request, secret: 's', allowedMethods: HMAC_SHA256 })).toMatchObject({ ok: false, reason: 'method-not-allowed', signatureMethod: 'HmacSHA1' });
    expect(verifySignature({ request, secret: 's', allowedMethods: ['HmacSHA1', 'HmacSHA256'] })).toMatchObject({ ok: true, signatureMethod: 'HmacSHA1', stringToSign });
    const md5 = { ...request, headers: { ...request.headers, 'x-ca-signature-method': 'HmacMD5' } };
    expect(verifySignature({ request: md5, secret: 's', allowedMethods: ['HmacSHA1', 'HmacSHA256'] })).toMatchObject({ ok: false, reason: 'method-not-allowed', signatureMethod: 'HmacMD5' });
  });

  it('accepts names listed in the client’s case (Java demo style)', () => {
    const stringToSign = 'GET\n\n\n\n\nX-Ca-Key:k\nX-Ca-Timestamp:1\n/p';
    const request: SignableRequest = {
      method: 'GET',
      path: '/p',
      query: [],
      headers: { 'x-ca-key': 'k', 'x-ca-timestamp': '1', 'x-ca-signature-headers': 'X-Ca-Timestamp,X-Ca-Key', 'x-ca-signature': signature(stringToSign, 's') },
    };
    expect(verifySignature({ request, secret: 's', allowedMethods: HMAC_SHA256 })).toMatchObject({ ok: true, stringToSign });
  });
});
