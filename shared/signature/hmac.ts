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

const utf8 = new TextEncoder();

/**
 * The default HmacFunction: @noble/hashes, no native code, so it runs in every process. Hosts
 * that verify many calls pass node:crypto's instead; this one keeps no secret after it returns.
 */
export const pureJsHmac: HmacFunction = (method, key, message) =>
  bytesToBase64(nobleHmac(method === 'HmacSHA1' ? sha1 : sha256, utf8.encode(key), utf8.encode(message)));

/** Signs a StringToSign; returns the Base64 text that goes in X-Ca-Signature. */
export function signature(
  stringToSign: string,
  secret: string,
  method: SignatureMethod = DEFAULT_SIGNATURE_METHOD,
  hmac: HmacFunction = pureJsHmac,
): string {
  return hmac(method, secret, stringToSign);
}
