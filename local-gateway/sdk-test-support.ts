/**
 * For tests that drive the gateway with Alibaba's official Node SDK `aliyun-api-gateway` (it ships
 * no types): the part of its API the tests use (docs/alibaba-data-plane.md,
 * "The official Node SDK"), and a recorder that sees each call as it went on the wire, so a test
 * can rebuild the StringToSign or replay the call itself.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { buildStringToSign, isFormContentType, parseSignedHeaderNames, type SignableRequest } from '../shared/signature/string-to-sign';
import { parseUrlEncoded } from '../shared/signature/url-encoded';
import { isHopByHop } from './hop-by-hop';

export interface SdkOptions {
  query?: object;
  data?: unknown;
  headers?: Record<string, string>;
  signHeaders?: Record<string, string>;
}

export interface SdkClient {
  get(url: string, opts?: SdkOptions): Promise<unknown>;
  post(url: string, opts?: SdkOptions): Promise<unknown>;
  put(url: string, opts?: SdkOptions): Promise<unknown>;
  /** The SDK throws without an options object here. */
  delete(url: string, opts: SdkOptions): Promise<unknown>;
}

/** What the SDK throws for a non-2xx answer: `code` is the HTTP status. */
export interface SdkError extends Error {
  code: number;
  data: { headers: Record<string, string> };
}

export const sdk = createRequire(import.meta.url)('aliyun-api-gateway') as {
  /** Signs every call with AppKey/AppSecret; `stage` is sent as X-Ca-Stage (default RELEASE). */
  Client: new (appKey: string, appSecret: string, stage?: string) => SdkClient;
  /** Sends `Authorization: APPCODE <code>` and nothing else of the caller's headers. */
  SimpleClient: new (appCode: string) => SdkClient;
  CONTENT_TYPE_FORM: string;
};

/** Resolves with what the SDK threw; rejects when the call was answered with a 2xx. */
export async function sdkRefusal(pending: Promise<unknown>): Promise<SdkError> {
  let answered: unknown;
  try {
    answered = await pending;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error(`expected the gateway to refuse the SDK call, but it answered ${JSON.stringify(answered)}`);
}

/** One request as the recorder received it. */
export interface WireCall {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Lower-case names, first value. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface CallRecorder {
  port: number;
  calls: WireCall[];
  close(): Promise<void>;
}

/**
 * A server that records every request. With `forwardTo` it passes each one on to that port on
 * 127.0.0.1 and relays the answer (a transparent hop in front of the gateway); without, it
 * answers 200 `{}` itself, so the call never reaches the gateway and its nonce stays unused.
 */
export async function startCallRecorder(forwardTo?: number): Promise<CallRecorder> {
  const calls: WireCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i].toLowerCase()] ??= req.rawHeaders[i + 1];
      const recorded: WireCall = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks) };
      calls.push(recorded);
      if (forwardTo === undefined) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        return;
      }
      relay(recorded, forwardTo, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function relay(recorded: WireCall, port: number, res: http.ServerResponse): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers)) if (!isHopByHop(name)) headers[name] = value;
  // The relay stands in for the client calling the gateway itself, so Host names the gateway's
  // address, which it serves (the recorder's own port is no host of it). Host is not signed.
  headers.host = `127.0.0.1:${port}`;
  const upstream = http.request({ host: '127.0.0.1', port, method: recorded.method, path: recorded.url, headers, agent: false }, (answer) => {
    const relayed: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !isHopByHop(name)) relayed[name] = value;
    res.writeHead(answer.statusCode ?? 502, relayed);
    answer.pipe(res);
  });
  upstream.on('error', (error) => res.writeHead(502, { 'X-Recorder-Error': error.message }).end());
  upstream.end(recorded.body);
}

/** The request as the signature sees it: path and query split, form fields when the body is a form. */
export function signableOf(call: WireCall): SignableRequest {
  const question = call.url.indexOf('?');
  const query = parseUrlEncoded(question === -1 ? '' : call.url.slice(question + 1));
  const form = isFormContentType(call.headers['content-type']) ? parseUrlEncoded(call.body.toString('utf8')) : undefined;
  if (!query.ok || (form !== undefined && !form.ok)) throw new Error(`recorded call ${call.method} ${call.url} is not valid URL encoding`);
  return {
    method: call.method,
    path: question === -1 ? call.url : call.url.slice(0, question),
    query: query.pairs,
    form: form?.ok ? form.pairs : undefined,
    headers: call.headers,
  };
}

/** The StringToSign our shared/signature builds for a recorded call, over the headers it listed. */
export function stringToSignOf(call: WireCall): string {
  return buildStringToSign(signableOf(call), parseSignedHeaderNames(call.headers['x-ca-signature-headers']));
}
