/** The signature itself: Base64(HMAC(key = UTF-8 AppSecret, message = UTF-8 StringToSign)). */
import { hmac } from '@noble/hashes/hmac.js';
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

type PreparedHmac = ReturnType<typeof hmac.create>;

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
    keyed = hmac.create(method === 'HmacSHA1' ? sha1 : sha256, utf8.encode(secret));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(secret, keyed);
  }
  return keyed;
}

/** Signs a StringToSign; returns the Base64 text that goes in X-Ca-Signature. */
export function signature(stringToSign: string, secret: string, method: SignatureMethod = DEFAULT_SIGNATURE_METHOD): string {
  const keyed = preparedHmac(secret, method);
  const mac = keyed._cloneInto(scratch[method]) as PreparedHmac;
  scratch[method] = mac;
  mac.update(utf8.encode(stringToSign));
  const digest = digestBuffer.subarray(0, mac.outputLen);
  mac.digestInto(digest);
  return bytesToBase64(digest);
}
