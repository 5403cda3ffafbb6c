/**
 * A prepared call taken apart for code that signs it again: the wire path, the decoded query and
 * form parameters, and the headers it sends before the per-call ones (AppKey, timestamp, nonce,
 * Content-MD5, signature) are added.
 */
import type { PreparedCall } from '../ipc/contract';
import { isFormContentType } from '../signature/string-to-sign';
import { parseUrlEncoded, type Pairs } from '../signature/url-encoded';
import type { WireParameters } from '../signature/sdk-differences';

export interface CallShape {
  /** Scheme, host and port. */
  origin: string;
  /** The path as on the wire, without the query. */
  path: string;
  query: Pairs;
  /** Form fields, when the body is a form (they are signed then). */
  form?: Pairs;
}

/** Headers each signed call computes for itself. */
export const PER_CALL_HEADERS = new Set(['x-ca-key', 'x-ca-timestamp', 'x-ca-nonce', 'x-ca-signature', 'x-ca-signature-headers']);

const ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

export function shapeOf(prepared: PreparedCall): CallShape {
  const origin = ORIGIN.exec(prepared.url)?.[0] ?? '';
  const rest = prepared.url.slice(origin.length);
  const question = rest.indexOf('?');
  const path = (question === -1 ? rest : rest.slice(0, question)) || '/';
  const query = question === -1 ? [] : decoded(rest.slice(question + 1));
  const contentType = headerValue(prepared.headers, 'content-type');
  const form = prepared.body !== undefined && isFormContentType(contentType) ? decoded(prepared.body) : undefined;
  return { origin, path, query, form };
}

/** The query and form of a prepared call as they go on the wire, for the signature comparison. */
export function wireParametersOf(prepared: PreparedCall): WireParameters {
  const question = prepared.url.indexOf('?');
  const wire: WireParameters = { query: question === -1 ? '' : prepared.url.slice(question + 1) };
  if (prepared.body !== undefined && isFormContentType(headerValue(prepared.headers, 'content-type'))) wire.form = prepared.body;
  return wire;
}

export function headerValue(headers: readonly [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

function decoded(text: string): Pairs {
  const parsed = parseUrlEncoded(text);
  return parsed.ok ? parsed.pairs : [];
}
