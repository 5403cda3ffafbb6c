// The gateway signs and verifies with node:crypto (node-hmac.ts); the console and CLI with
// shared/'s pure-JS HMAC. Both must give the same Base64 for every input, or a call signed by one
// would fail at the other.
import { describe, expect, it } from 'vitest';
import { pureJsHmac, signature } from '../shared/signature/hmac';
import { verifySignature } from '../shared/signature/verify';
import type { SignatureMethod } from '../shared/signature/hmac';
import { nodeContentMd5, nodeHmac } from './node-hmac';

const NONCE = '11111111-2222-3333-4444-555555555555';
const SDK_HEADER_LINES = `x-ca-key:testKey\nx-ca-nonce:${NONCE}\nx-ca-stage:RELEASE\nx-ca-timestamp:1700000000000\n`;

// docs/alibaba-data-plane.md, "Test vectors": StringToSign and signature of the official Node SDK,
// secret `testSecret`.
const SDK_VECTORS: Array<{ name: string; stringToSign: string; signature: string }> = [
  {
    name: '1. GET with query and an extra signed header',
    stringToSign: `GET\napplication/json\n\n\n\n${SDK_HEADER_LINES}x-my-sign:v1\n/v1/items?a=hello world&b=2&empty&z=last&zero=0`,
    signature: 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=',
  },
  {
    name: '2. POST form with query',
    stringToSign: `POST\napplication/json\n\napplication/x-www-form-urlencoded; charset=UTF-8\n\n${SDK_HEADER_LINES}/v1/form?age&name=Zhang San&q=1`,
    signature: 'QbsOVsXDgTdPyAuB1OFmAd6JcRruJMo6HKzptK4Zyc0=',
  },
  {
    name: '3. POST JSON with Content-MD5',
    stringToSign: `POST\napplication/json\n+8JLzHoXlHWPwTJ/z+va9g==\napplication/json\n\n${SDK_HEADER_LINES}/v1/json`,
    signature: 'VkC73uRZ+RSOBRhhmhBLJi5DHJZ/aVY0Mt0MUwbyMWs=',
  },
  {
    name: '4. PUT JSON',
    stringToSign: `PUT\napplication/json\n\napplication/json\n\n${SDK_HEADER_LINES}/v1/json`,
    signature: 'EmeNqapfGjnnjygqf0rOqcumk+tkJGfD1qoRumyrjmI=',
  },
];

describe('nodeHmac and pureJsHmac on the SDK vectors (docs/alibaba-data-plane.md, "Test vectors")', () => {
  for (const vector of SDK_VECTORS) {
    it(vector.name, () => {
      expect(nodeHmac('HmacSHA256', 'testSecret', vector.stringToSign)).toBe(vector.signature);
      expect(pureJsHmac('HmacSHA256', 'testSecret', vector.stringToSign)).toBe(vector.signature);
      expect(signature(vector.stringToSign, 'testSecret', 'HmacSHA256', nodeHmac)).toBe(vector.signature);
    });
  }

  it('lets verifySignature accept the SDK’s GET vector with nodeHmac', () => {
    const request = {
      method: 'GET',
      path: '/v1/items',
      query: [['b', '2'], ['a', 'hello world'], ['empty', ''], ['z', 'last'], ['zero', '0']] as Array<[string, string]>,
      headers: {
        accept: 'application/json', 'x-ca-key': 'testKey', 'x-ca-nonce': NONCE, 'x-ca-stage': 'RELEASE', 'x-ca-timestamp': '1700000000000',
        'x-my-sign': 'v1', 'x-ca-signature-headers': 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp,x-my-sign', 'x-ca-signature': SDK_VECTORS[0].signature,
      },
    };
    expect(verifySignature({ request, secret: 'testSecret', allowedMethods: ['HmacSHA256'], hmac: nodeHmac })).toMatchObject({ ok: true, stringToSign: SDK_VECTORS[0].stringToSign });
  });
});

describe('nodeHmac and pureJsHmac agree beyond the vectors', () => {
  const cases: Array<[SignatureMethod, string, string]> = [
    ['HmacSHA1', 'testSecret', SDK_VECTORS[0].stringToSign],
    ['HmacSHA256', '密钥-secret', 'GET\n\n\n\n\n/路径?名=值'],
    ['HmacSHA1', '密钥-secret', 'GET\n\n\n\n\n/路径?名=值'],
    // Keys longer than a hash block (64 bytes) are hashed first; both must do it on the UTF-8 bytes.
    ['HmacSHA256', 's'.repeat(63) + '密', 'm'],
    ['HmacSHA1', 'k'.repeat(200), 'm'],
    ['HmacSHA256', '', ''],
  ];
  for (const [method, key, message] of cases) {
    it(`${method}, a ${key.length}-character key, a ${message.length}-character message`, () => {
      expect(nodeHmac(method, key, message)).toBe(pureJsHmac(method, key, message));
    });
  }
});

describe('nodeContentMd5', () => {
  it('gives the Content-MD5 the pure-JS one gives', async () => {
    const { contentMd5 } = await import('../shared/signature/content-md5');
    for (const body of ['{"a":1}', 'é'.repeat(1000), '']) {
      const bytes = new TextEncoder().encode(body);
      expect(nodeContentMd5(bytes)).toBe(contentMd5(bytes));
    }
  });
});
