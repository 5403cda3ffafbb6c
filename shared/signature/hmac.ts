/**
 * The signature itself: Base64(HMAC(key = UTF-8 AppSecret, message = UTF-8 StringToSign)).
 * The HMAC is pluggable: shared/ ships a pure-JS one that runs in every process, and a host with
 * native crypto may pass its own (the local gateway passes node:crypto's, local-gateway/node-hmac.ts).
 */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { SignatureMethod } from '../model/schema';
import { bytesToBase64 } from './base64';

export type { SignatureMethod };

/** The value of X-Ca-Signature-Method when the header is absent. */
export const DEFAULT_SIGNATURE_METHOD: SignatureMethod = 'HmacSHA256';

/** Narrows an X-Ca-Signature-Method value (exact spelling, as all SDKs send it). */
export function isSignatureMethod(value: string): value is SignatureMethod {
  return value === 'HmacSHA256' || value === 'HmacSHA1';
}

/**
 * Computes Base64(HMAC(key, message)) for a signature method, with key and message encoded as
 * UTF-8. Any implementation must give the same text for the same input (the tests compare them).
 */
export type HmacFunction = (method: SignatureMethod, key: string, message: string) => string;

type PreparedHmac = ReturnType<typeof nobleHmac.create>;

// The gateway verifies every call with a handful of secrets: keeping the keyed HMAC state per
// secret skips re-hashing the padded key each time. Bounded so rotating secrets cannot grow it.
const CACHE_LIMIT = 64;
const prepared: Record<SignatureMethod, Map<string, PreparedHmac>> = { HmacSHA256: new Map(), HmacSHA1: new Map() };
// One working copy and output buffer per algorithm, reused by every (synchronous) call: this
// nearly doubles throughput over clone() + digest(), which allocate on each call.
const scratch: Partial<Record<SignatureMethod, PreparedHmac>> = {};
const digestBuffer = new Uint8Array(32);
const utf8 = new TextEncoder();

function preparedHmac(secret: string, method: SignatureMethod): PreparedHmac {
  const cache = prepared[method];
  let keyed = cache.get(secret);
  if (keyed === undefined) {
    keyed = nobleHmac.create(method === 'HmacSHA1' ? sha1 : sha256, utf8.encode(secret));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(secret, keyed);
  }
  return keyed;
}

/** The default HmacFunction: @noble/hashes, no native code, so it runs in every process. */
export const pureJsHmac: HmacFunction = (method, key, message) => {
  const keyed = preparedHmac(key, method);
  const mac = keyed._cloneInto(scratch[method]) as PreparedHmac;
  scratch[method] = mac;
  mac.update(utf8.encode(message));
  const digest = digestBuffer.subarray(0, mac.outputLen);
  mac.digestInto(digest);
  return bytesToBase64(digest);
};

/** Signs a StringToSign; returns the Base64 text that goes in X-Ca-Signature. */
export function signature(
  stringToSign: string,
  secret: string,
  method: SignatureMethod = DEFAULT_SIGNATURE_METHOD,
  hmac: HmacFunction = pureJsHmac,
): string {
  return hmac(method, secret, stringToSign);
}
