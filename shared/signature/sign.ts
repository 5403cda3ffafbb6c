/**
 * Client side: the headers a signed call must carry, built like the official Node SDK
 * `aliyun-api-gateway` (docs/alibaba-data-plane.md, "The official Node SDK") so that the console's
 * debugger, `apigw-local sign` and the SDK produce the same StringToSign for the same call.
 */
import { contentMd5 as computeContentMd5 } from './content-md5';
import { signature, type HmacFunction, type SignatureMethod } from './hmac';
import { buildStringToSign, isFormContentType, type SignableRequest } from './string-to-sign';
import { encodeUrlEncoded, parseUrlEncoded, type Pairs } from './url-encoded';

/** Parameters as ordered pairs, or as an object like the SDK's `query`/`data` (numbers and booleans are stringified). */
export type ParamsInput = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string | number | boolean>>;

export interface SignRequestInput {
  method: string;
  /** Absolute URL or path, with an optional query string (kept on the wire as written). Give this or `path`. */
  url?: string;
  /** Path without query string. Give this or `url`. */
  path?: string;
  /** Query parameters appended after any in `url`, percent-encoded like the SDK. */
  query?: ParamsInput;
  /** Extra headers; names are lower-cased like the SDK does. */
  headers?: Readonly<Record<string, string>>;
  /** Raw body. With a form Content-Type a string body is parsed and its fields signed. */
  body?: string | Uint8Array;
  /** Form fields: encoded as the body, Content-Type defaults to x-www-form-urlencoded. Excludes `body`. */
  form?: ParamsInput;
  /**
   * When to add Content-MD5 (never for a form or empty body, never over a caller's own header):
   * 'like-sdk' (default) only for POST, as the Node SDK; true for any method; false never.
   */
  contentMd5?: boolean | 'like-sdk';
  appKey: string;
  appSecret: string;
  /** Default HmacSHA256. */
  signatureMethod?: SignatureMethod;
  /** Send X-Ca-Signature-Method; default only for HmacSHA1 (absent means HmacSHA256, as the SDK relies on). */
  sendSignatureMethod?: boolean;
  /** X-Ca-Stage; not sent when absent (the gateway then serves RELEASE). */
  stage?: string;
  /** X-Ca-Timestamp in ms; default now. */
  timestamp?: number | string;
  /** X-Ca-Nonce; default a random UUID. */
  nonce?: string;
  /** Header names (from `headers`) to sign besides the x-ca-* ones, like the SDK's `signHeaders`. */
  extraSignedHeaders?: readonly string[];
  /** The HMAC to use; default the pure-JS one. */
  hmac?: HmacFunction;
}

export interface SignedRequest {
  method: string;
  /** Absolute URL to call, when `url` was absolute. */
  url?: string;
  /** Path plus query string as it goes on the wire. */
  pathWithQuery: string;
  /** Every header to send, lower-case names, signature included. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  stringToSign: string;
  signature: string;
  signedHeaderNames: string[];
}

const FORM_DEFAULT_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
const JSON_CONTENT_TYPE = 'application/json';
/** Methods for which the SDK sets a JSON Content-Type when none is given. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Headers the SDK never lists in X-Ca-Signature-Headers: the signature itself, and those with a fixed line. */
const NEVER_LISTED = new Set(['x-ca-signature', 'x-ca-signature-headers', 'accept', 'content-md5', 'content-type', 'date']);

/** Signs a call. Throws an Error saying what to fix when the input cannot describe one request. */
export function signRequest(input: SignRequestInput): SignedRequest {
  const method = input.method.toUpperCase();
  const target = splitTarget(input);

  const query = parseOrThrow(target.rawQuery, 'the query string of ' + target.described);
  let wireQuery = target.rawQuery;
  if (input.query !== undefined) {
    const extra = toPairs(input.query);
    query.push(...extra);
    if (extra.length > 0) wireQuery += (wireQuery === '' ? '' : '&') + encodeUrlEncoded(extra);
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  delete headers['x-ca-signature'];
  delete headers['x-ca-signature-headers'];
  headers['x-ca-key'] = input.appKey;
  headers['x-ca-timestamp'] = input.timestamp !== undefined ? String(input.timestamp) : headers['x-ca-timestamp'] ?? String(Date.now());
  headers['x-ca-nonce'] = input.nonce ?? headers['x-ca-nonce'] ?? crypto.randomUUID();
  if (input.stage !== undefined) headers['x-ca-stage'] = input.stage;
  headers['accept'] ??= JSON_CONTENT_TYPE;
  const signatureMethod = input.signatureMethod ?? 'HmacSHA256';
  if (input.sendSignatureMethod ?? signatureMethod === 'HmacSHA1') headers['x-ca-signature-method'] = signatureMethod;

  const { body, form } = prepareBody(input, method, headers, target.described);
  const md5Mode = input.contentMd5 ?? 'like-sdk';
  const wantsMd5 = md5Mode === true || (md5Mode === 'like-sdk' && method === 'POST');
  if (wantsMd5 && headers['content-md5'] === undefined && body !== undefined && body.length > 0 && !isFormContentType(headers['content-type'])) {
    headers['content-md5'] = computeContentMd5(body);
  }

  const signedHeaderNames = listSignedHeaders(headers, input.extraSignedHeaders ?? []);
  headers['x-ca-signature-headers'] = signedHeaderNames.join(',');
  const request: SignableRequest = { method, path: target.path, query, form, headers };
  const stringToSign = buildStringToSign(request, signedHeaderNames);
  const signed = signature(stringToSign, input.appSecret, signatureMethod, input.hmac);
  headers['x-ca-signature'] = signed;

  const pathWithQuery = wireQuery === '' ? target.path : target.path + '?' + wireQuery;
  return {
    method,
    url: target.origin === undefined ? undefined : target.origin + pathWithQuery,
    pathWithQuery,
    headers,
    body,
    stringToSign,
    signature: signed,
    signedHeaderNames,
  };
}

interface Target {
  origin?: string;
  path: string;
  rawQuery: string;
  /** How to name the request in an error message. */
  described: string;
}

const ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

function splitTarget(input: SignRequestInput): Target {
  if ((input.url === undefined) === (input.path === undefined)) {
    throw new Error('Cannot sign the request: give exactly one of `url` (path with optional query) and `path`.');
  }
  if (input.path !== undefined) {
    if (!input.path.startsWith('/')) throw new Error(`Cannot sign the request: path "${input.path}" must start with "/".`);
    return { path: input.path, rawQuery: '', described: `"${input.path}"` };
  }
  const url = input.url as string;
  const hash = url.indexOf('#');
  let rest = hash === -1 ? url : url.slice(0, hash);
  const origin = ORIGIN.exec(rest)?.[0];
  if (origin !== undefined) rest = rest.slice(origin.length);
  const question = rest.indexOf('?');
  const path = (question === -1 ? rest : rest.slice(0, question)) || '/';
  if (!path.startsWith('/')) {
    throw new Error(`Cannot sign the request: "${url}" is neither an absolute URL nor a path starting with "/".`);
  }
  return { origin, path, rawQuery: question === -1 ? '' : rest.slice(question + 1), described: `"${url}"` };
}

function prepareBody(input: SignRequestInput, method: string, headers: Record<string, string>, described: string): { body?: string | Uint8Array; form?: Pairs } {
  if (input.form !== undefined) {
    if (input.body !== undefined) throw new Error(`Cannot sign ${described}: give either \`body\` or \`form\`, not both.`);
    headers['content-type'] ??= FORM_DEFAULT_CONTENT_TYPE;
    if (!isFormContentType(headers['content-type'])) {
      throw new Error(`Cannot sign ${described}: form fields need Content-Type application/x-www-form-urlencoded, not "${headers['content-type']}".`);
    }
    const form = toPairs(input.form);
    return { body: encodeUrlEncoded(form), form };
  }
  if (BODY_METHODS.has(method)) headers['content-type'] ??= JSON_CONTENT_TYPE;
  const body = input.body;
  if (body === undefined || !isFormContentType(headers['content-type'])) return { body };
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  return { body, form: parseOrThrow(text, 'the form body of ' + described) };
}

function listSignedHeaders(headers: Record<string, string>, extra: readonly string[]): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(headers)) if (name.startsWith('x-ca-') && !NEVER_LISTED.has(name)) names.add(name);
  for (const name of extra) {
    const lower = name.toLowerCase();
    if (lower !== '' && !NEVER_LISTED.has(lower)) names.add(lower);
  }
  return Array.from(names).sort();
}

function toPairs(params: ParamsInput): Pairs {
  if (Array.isArray(params)) return params.map(([name, value]) => [name, value] as [string, string]);
  return Object.entries(params).map(([name, value]) => [name, String(value)] as [string, string]);
}

function parseOrThrow(text: string, where: string): Pairs {
  const parsed = parseUrlEncoded(text);
  if (!parsed.ok) throw new Error(`Cannot sign: ${where} is not valid URL encoding. ${parsed.error.message}`);
  return parsed.pairs;
}
