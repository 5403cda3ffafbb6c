/** Content-MD5: Base64 of the binary (16-byte) MD5 of the raw body bytes (docs/alibaba-data-plane.md, "Content-MD5"). */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToBase64 } from './base64';

const utf8 = new TextEncoder();

/** Content-MD5 of a body; a string body is hashed as its UTF-8 bytes, as the SDKs send it. */
export function contentMd5(body: Uint8Array | string): string {
  return bytesToBase64(md5(typeof body === 'string' ? utf8.encode(body) : body));
}

/**
 * The gateway's check of a Content-MD5 header that is present: the body must be non-empty and
 * hash to exactly that value. `digest` lets a host pass a native MD5 (bodies reach 32 MB).
 */
export function contentMd5Matches(headerValue: string, body: Uint8Array, digest: (body: Uint8Array) => string = contentMd5): boolean {
  return body.length > 0 && digest(body) === headerValue;
}
