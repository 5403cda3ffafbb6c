// Verify throughput of shared/signature (pure-JS HMAC from @noble/hashes) against the same work
// with node:crypto's HMAC, measured in this run. Prints ratios; no thresholds.
// Run: node --import tsx bench/signature.bench.ts
import { createHmac } from 'node:crypto';
import { buildStringToSign, constantTimeEqual, parseSignedHeaderNames, signature, signRequest, verifySignature } from '../shared/signature/index';
import type { SignableRequest } from '../shared/signature/index';

const secret = 'testSecret';
const signed = signRequest({
  method: 'GET',
  url: '/v1/items?b=2&a=hello%20world&empty=&z=last&zero=0',
  headers: { 'X-My-Sign': 'v1' },
  extraSignedHeaders: ['X-My-Sign'],
  appKey: 'testKey',
  appSecret: secret,
  stage: 'RELEASE',
});
const request: SignableRequest = {
  method: 'GET',
  path: '/v1/items',
  query: [['b', '2'], ['a', 'hello world'], ['empty', ''], ['z', 'last'], ['zero', '0']],
  headers: signed.headers,
};
const allowedMethods = ['HmacSHA256'] as const;

function opsPerSecond(name: string, run: () => boolean): number {
  const warmup = 20_000;
  for (let i = 0; i < warmup; i++) if (!run()) throw new Error(`${name}: verification failed during warm-up`);
  const iterations = 200_000;
  const started = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const perSecond = iterations / ((performance.now() - started) / 1000);
  console.log(`${name.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} /s`);
  return perSecond;
}

const ours = opsPerSecond('verifySignature (noble HMAC)', () => verifySignature({ request, secret, allowedMethods }).ok);
const nodeVerify = opsPerSecond('same steps with node:crypto createHmac', () => {
  const stringToSign = buildStringToSign(request, parseSignedHeaderNames(request.headers['x-ca-signature-headers']));
  const expected = createHmac('sha256', secret).update(stringToSign).digest('base64');
  return constantTimeEqual(request.headers['x-ca-signature'] ?? '', expected);
});
const stringToSign = signed.stringToSign;
const nobleHmac = opsPerSecond('HMAC only: signature() (noble)', () => signature(stringToSign, secret) !== '');
const nodeHmac = opsPerSecond('HMAC only: node:crypto createHmac', () => createHmac('sha256', secret).update(stringToSign).digest('base64') !== '');

console.log(`\nnode:crypto / noble, full verify: ${(nodeVerify / ours).toFixed(2)}x`);
console.log(`node:crypto / noble, HMAC only:   ${(nodeHmac / nobleHmac).toFixed(2)}x`);
