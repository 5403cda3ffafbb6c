/**
 * Signature V3 (`ACS3-HMAC-SHA256`) as the official SDKs send it and the server recomputes it
 * (docs/offline-cloud.md "Signature V3"): the canonical request is the method, `/`, the query
 * sorted by name with RFC 3986-encoded values, the signed headers as `name:value` lines, their
 * names `;`-joined, and the x-acs-content-sha256 of the body; StringToSign is
 * `ACS3-HMAC-SHA256\n` + hex SHA-256 of that; the signature is hex HMAC-SHA256 with the raw secret.
 */
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './rpc-signature';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** The hex SHA-256 of an empty body, as the SDK sends it in x-acs-content-sha256. */
export const EMPTY_BODY_SHA256 = sha256Hex('');

export interface V3Request {
  method: string;
  /** The decoded query parameters, in any order. */
  query: readonly (readonly [string, string])[];
  /** Header names lower-case; a repeated header's values in the order received. */
  headers: Readonly<Record<string, readonly string[]>>;
  /** The lower-case names the client says it signed (SignedHeaders), in its order. */
  signedHeaders: readonly string[];
  /** The x-acs-content-sha256 the client sent: the hashed payload of the canonical request. */
  contentSha256: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Names as sent (the SDK does not encode them), values RFC 3986-encoded, sorted by name in code-unit order. */
export function v3CanonicalQuery(query: V3Request['query']): string {
  return [...query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${percentEncode(value)}`)
    .join('&');
}

/** `name:value\n` per signed header, sorted by name; a repeated header's values sorted and comma-joined. */
export function v3CanonicalHeaders(request: Pick<V3Request, 'headers' | 'signedHeaders'>): string {
  return [...request.signedHeaders]
    .sort()
    .map((name) => `${name}:${[...(request.headers[name] ?? [])].map((value) => value.trim()).sort().join(',')}\n`)
    .join('');
}

export function v3CanonicalRequest(request: V3Request): string {
  const signed = [...request.signedHeaders].sort();
  return [request.method.toUpperCase(), '/', v3CanonicalQuery(request.query), v3CanonicalHeaders(request), signed.join(';'), request.contentSha256].join('\n');
}

export function v3StringToSign(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function v3Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`, or undefined when it is not of that form. */
export function parseV3Authorization(value: string): V3Authorization | undefined {
  const match = /^(ACS3-[A-Z0-9-]+) (.*)$/.exec(value.trim());
  if (!match) return undefined;
  const parts = new Map<string, string>();
  for (const part of match[2].split(',')) {
    const equals = part.indexOf('=');
    if (equals <= 0) return undefined;
    parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const accessKeyId = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { algorithm: match[1], accessKeyId, signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()), signature };
}
