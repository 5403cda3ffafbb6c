/**
 * RPC signature v1.0 (HMAC-SHA1, docs/alibaba-openapi.md, "Signature v1.0 (pop-core)") as the
 * server computes it: every parameter but Signature, sorted by name in code-unit order, each name
 * and value percent-encoded per RFC 3986, joined with `&`; StringToSign = METHOD & %2F &
 * encode(that); key = secret + "&".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes (space → %20, * → %2A). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function signString(text: string, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(text, 'utf8').digest('base64');
}

export function signRpc(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return signString(stringToSign(method, params), accessKeySecret);
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
