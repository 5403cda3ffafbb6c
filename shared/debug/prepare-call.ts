/**
 * Builds the exact request the debugger sends: URL with the query, headers (the user's, then
 * X-Ca-Stage, then authentication), body. Pure: the host looks up the credentials and the base
 * URL and passes them in, so nothing here touches a secrets file or the network.
 */
import type { z } from 'zod';
import { GATEWAY_CHOICES } from '../gateway/cloud-behaviour';
import { callPath } from '../model/base-path';
import type { DebugRequest, PreparedCall } from '../ipc/contract';
import { signRequest } from '../signature/sign';
import { encodeUrlEncoded } from '../signature/url-encoded';
import { unsignedNonceNote } from '../signature/unsigned-nonce';

/** A debug request as the host has it after the contract's schema parsed it (defaults filled in). */
export type ParsedDebugRequest = z.output<typeof DebugRequest>;

/** The credentials the request's auth needs, looked up by the host. */
export interface CallCredentials {
  appCode?: string;
  appKey?: string;
  appSecret?: string;
}

export interface PrepareCallInput {
  request: ParsedDebugRequest;
  /** Scheme, host and port (and any path of the user's own) the call goes to. */
  baseUrl: string;
  /** The group's BasePath, put in front of the request's path as the gateway expects it (default `/`). */
  basePath?: string;
  /** A Host header to send unless the user gave one (the local gateway picks a group by it). */
  host?: string;
  credentials: CallCredentials;
}

export interface PreparedDetails {
  prepared: PreparedCall;
  /** The names in X-Ca-Signature-Headers, for signed calls. */
  signedHeaderNames?: string[];
  /** Headers signed and then removed (dropAfterSigning), with their values. */
  dropped: [string, string][];
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
/** Characters that may stand in a URL path as they are; `%` too, so a path the user encoded stays as is. */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/;

/** Throws an Error saying what to fix when the request cannot be made (a credential missing). */
export function prepareCall(input: PrepareCallInput): PreparedDetails {
  const { request, credentials } = input;
  const method = request.method.toUpperCase();
  const query: [string, string][] = request.query.map(([name, value]) => [name, value]);
  const auth = request.auth;
  if (auth.kind === 'appCode' && auth.inQuery) query.push([GATEWAY_CHOICES.appCodeQueryParameter, required(credentials.appCode, 'an AppCode')]);
  // The gateway serves the API at its group's BasePath + its path (shared/model/base-path.ts), and the signature covers that path.
  const path = encodePath(callPath(input.basePath ?? '/', request.path.startsWith('/') ? request.path : `/${request.path}`));
  const url = input.baseUrl.replace(/\/+$/, '') + path + (query.length > 0 ? '?' + encodeUrlEncoded(query) : '');

  let headers: [string, string][] = request.headers.filter(([name]) => !sameName(name, 'x-ca-stage')).map(([name, value]) => [name, value]);
  if (input.host !== undefined && !headers.some(([name]) => sameName(name, 'host'))) headers.unshift(['Host', input.host]);
  headers.push(['X-Ca-Stage', request.stage]);

  let body: string | undefined;
  const hasContentType = () => headers.some(([name]) => sameName(name, 'content-type'));
  if (request.body.kind === 'form') {
    body = encodeUrlEncoded(request.body.fields);
    if (!hasContentType()) headers.push(['Content-Type', FORM_CONTENT_TYPE]);
  } else if (request.body.kind === 'text') {
    body = request.body.text;
    if (request.body.contentType !== '' && !hasContentType()) headers.push(['Content-Type', request.body.contentType]);
  }

  let stringToSign: string | undefined;
  let signedHeaderNames: string[] | undefined;
  if (auth.kind === 'appCode' && !auth.inQuery) headers.push(['Authorization', `APPCODE ${required(credentials.appCode, 'an AppCode')}`]);
  if (auth.kind === 'signature') {
    const signed = signRequest({
      method,
      url,
      // The names are lower-cased, as the official SDK sends them; a repeated name keeps its last value.
      headers: Object.fromEntries(headers),
      body,
      appKey: required(credentials.appKey, 'an AppKey'),
      appSecret: required(credentials.appSecret, 'an AppSecret'),
      signatureMethod: auth.signatureMethod,
      extraSignedHeaders: auth.extraSignedHeaders,
      timestamp: auth.timestamp,
      nonce: auth.nonce,
      contentMd5: auth.addContentMd5,
      stage: request.stage,
    });
    headers = Object.entries(signed.headers);
    stringToSign = signed.stringToSign;
    signedHeaderNames = signed.signedHeaderNames;
  }

  const dropped = headers.filter(([name]) => request.dropAfterSigning.some((drop) => sameName(name, drop)));
  headers = headers.filter((header) => !dropped.includes(header));
  const prepared: PreparedCall = { method, url, headers };
  if (body !== undefined) prepared.body = body;
  if (stringToSign !== undefined) prepared.stringToSign = stringToSign;
  // Judged on the headers that go out (after dropAfterSigning), as the gateway will see them.
  const unsignedNonce = unsignedNonceNote(headers);
  if (unsignedNonce !== undefined) prepared.notes = [unsignedNonce];
  return { prepared, signedHeaderNames, dropped };
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`Cannot prepare the call: it needs ${what}, and none was found for the app.`);
  return value;
}

/** The path as it goes on the wire: a leading `/`, and characters a URL path cannot hold percent-encoded (UTF-8). */
function encodePath(path: string): string {
  let out = path.startsWith('/') ? '' : '/';
  for (const char of path) out += PATH_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}
