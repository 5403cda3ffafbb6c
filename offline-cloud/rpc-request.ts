/**
 * An RPC request as the offline cloud reads it, in either of the two ways Alibaba Cloud's
 * clients send one (docs/offline-cloud.md "Signature V3"):
 * - signature v1.0 (pop-core): Action, Version and the signature's fields are parameters, in the
 *   query string or a form body;
 * - signature V3 (the official SDKs): `Authorization: ACS3-…`, the action and version in the
 *   `x-acs-action` / `x-acs-version` headers, only the action's own parameters in the query and
 *   (for a few fields) a form body, possibly sent chunked.
 * Either way the parameters are the query merged with the form body (the body wins a tie).
 */
import type { IncomingMessage } from 'node:http';
import { simErrors } from './sim-errors';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The parameters of signature v1.0 itself; the rest are the action's (sdk-models.ts checks those). */
export const V1_PROTOCOL_PARAMS: ReadonlySet<string> = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature',
  // pop-core sends STS credentials' token as this parameter (the V3 clients as x-acs-security-token).
  'SecurityToken',
]);

export interface RpcRequest {
  method: string;
  scheme: 'v1' | 'v3';
  /** From the Action parameter (v1) or the x-acs-action header (V3). */
  action?: string;
  version?: string;
  format?: string;
  /** Query and form body merged; null-prototype, so a parameter named `__proto__` is only data. */
  params: Record<string, string>;
  /** The action's own parameters: `params` without the protocol's (V3 has none in them). */
  businessParams: Record<string, string>;
  query: [string, string][];
  body: Buffer;
  /** Lower-case names; every value of a repeated header. */
  headers: Record<string, string[]>;
}

export async function readBodyBytes(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw simErrors.tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(request, limit)).toString('utf8');
}

/** A null-prototype record, so a parameter named `__proto__` is only data. */
export function rpcParams(query: URLSearchParams, body: string): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  for (const [name, value] of query) params[name] = value;
  if (body) for (const [name, value] of new URLSearchParams(body)) params[name] = value;
  return params;
}

export function isV3(headers: IncomingMessage['headers']): boolean {
  return /^ACS3-/i.test(headers.authorization ?? '');
}

export async function readRpcRequest(request: IncomingMessage, url: URL): Promise<RpcRequest> {
  const method = request.method ?? 'GET';
  const body = method === 'POST' ? await readBodyBytes(request) : Buffer.alloc(0);
  const params = rpcParams(url.searchParams, body.toString('utf8'));
  const headers: Record<string, string[]> = Object.create(null);
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index].toLowerCase();
    (headers[name] ??= []).push(request.rawHeaders[index + 1]);
  }
  const query = [...url.searchParams];
  if (isV3(request.headers)) {
    const header = (name: string) => headers[name]?.[0];
    return { method, scheme: 'v3', action: header('x-acs-action'), version: header('x-acs-version'), params, businessParams: params, query, body, headers };
  }
  const businessParams: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(params)) if (!V1_PROTOCOL_PARAMS.has(name)) businessParams[name] = value;
  return { method, scheme: 'v1', action: params.Action, version: params.Version, format: params.Format, params, businessParams, query, body, headers };
}
