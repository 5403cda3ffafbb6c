/**
 * The StringToSign of Alibaba API Gateway app signatures (docs/alibaba-data-plane.md,
 * "String to sign"), built the same way by the client (sign.ts) and the server (verify.ts) so the
 * two can never disagree.
 */
import type { Pairs } from './url-encoded';

/** A request as the signature sees it, independent of any HTTP library. */
export interface SignableRequest {
  /** HTTP method in any case; the StringToSign upper-cases it. */
  method: string;
  /** The path as sent on the wire, without the query string. */
  path: string;
  /** Decoded query pairs in wire order (repeats allowed). */
  query: Pairs;
  /** Decoded form fields; only signed when Content-Type is x-www-form-urlencoded. */
  form?: Pairs;
  /** Lower-case header names to their (first) raw value. */
  headers: Readonly<Record<string, string | undefined>>;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Headers that have a fixed line of their own (or are the signature itself): never in the Headers block. */
const NOT_IN_HEADERS_BLOCK = new Set(['accept', 'content-md5', 'content-type', 'date', 'x-ca-signature', 'x-ca-signature-headers']);

/**
 * True when form fields take part in the signature: Content-Type starts with
 * application/x-www-form-urlencoded (a charset suffix is fine). Compared case-insensitively,
 * as media types are; the SDKs always send it in lower case.
 */
export function isFormContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.length < FORM_CONTENT_TYPE.length) return false;
  return contentType.slice(0, FORM_CONTENT_TYPE.length).toLowerCase() === FORM_CONTENT_TYPE;
}

/**
 * Splits an X-Ca-Signature-Headers value into names as the client wrote them. Spaces around a
 * name are trimmed and empty entries dropped (no SDK sends either; being lenient here only
 * forgives `a, b`).
 */
export function parseSignedHeaderNames(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  const names: string[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name !== '') names.push(name);
  }
  return names;
}

/**
 * Builds the StringToSign. `signedHeaderNames` are the names as the client listed them in
 * X-Ca-Signature-Headers: written in that case, values looked up case-insensitively.
 */
export function buildStringToSign(request: SignableRequest, signedHeaderNames: readonly string[]): string {
  const headers = request.headers;
  return (
    request.method.toUpperCase() + '\n' +
    (headers['accept'] ?? '') + '\n' +
    (headers['content-md5'] ?? '') + '\n' +
    (headers['content-type'] ?? '') + '\n' +
    (headers['date'] ?? '') + '\n' +
    headersBlock(headers, signedHeaderNames) +
    pathAndParameters(request)
  );
}

function headersBlock(headers: SignableRequest['headers'], signedHeaderNames: readonly string[]): string {
  if (signedHeaderNames.length === 0) return '';
  const names = signedHeaderNames.filter((name) => name !== '' && !NOT_IN_HEADERS_BLOCK.has(name.toLowerCase()));
  // Default sort is UTF-16 code-unit order, which is what every official SDK produces.
  names.sort();
  let block = '';
  for (let i = 0; i < names.length; i++) {
    // A name listed twice is signed once, as the Java demo's TreeMap does.
    if (i > 0 && names[i] === names[i - 1]) continue;
    block += names[i] + ':' + (headers[names[i].toLowerCase()] ?? '') + '\n';
  }
  return block;
}

function pathAndParameters(request: SignableRequest): string {
  const form = request.form !== undefined && request.form.length > 0 && isFormContentType(request.headers['content-type'])
    ? request.form
    : undefined;
  if (request.query.length === 0 && form === undefined) return request.path;

  const params = new Map<string, string>();
  for (const [name, value] of request.query) {
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  if (form !== undefined) {
    // Walking backwards makes the first form value of a repeated name win, and any form value
    // override the query's.
    for (let i = form.length - 1; i >= 0; i--) {
      if (form[i][0] !== '') params.set(form[i][0], form[i][1]);
    }
  }
  if (params.size === 0) return request.path;

  const names = Array.from(params.keys()).sort();
  let out = request.path + '?';
  for (let i = 0; i < names.length; i++) {
    if (i > 0) out += '&';
    const value = params.get(names[i]) as string;
    out += value === '' ? names[i] : names[i] + '=' + value;
  }
  return out;
}
