/**
 * shared/signature's HMAC through node:crypto, for the gateway's hot path: native code, faster
 * than the pure-JS default (bench/signature.bench.ts). Nothing is cached: each call keys a fresh
 * Hmac, so no secret-derived state outlives the call beyond what Node itself keeps.
 */
import { createHash, createHmac } from 'node:crypto';
import type { HmacFunction, SignatureMethod } from '../shared/signature/hmac';

const NODE_ALGORITHM: Record<SignatureMethod, string> = { HmacSHA256: 'sha256', HmacSHA1: 'sha1' };

/** Base64(HMAC(UTF-8 key, UTF-8 message)), as shared/signature's pureJsHmac computes it. */
export const nodeHmac: HmacFunction = (method, key, message) =>
  createHmac(NODE_ALGORITHM[method], key).update(message, 'utf8').digest('base64');

/** Content-MD5 of a body through node:crypto: the pure-JS one blocks the event loop about 8 times longer per megabyte. */
export const nodeContentMd5 = (body: Uint8Array): string => createHash('md5').update(body).digest('base64');
