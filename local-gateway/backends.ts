/**
 * Backends (docs/alibaba-data-plane.md, "Backends"): MOCK answers as configured; HTTP/HTTPS
 * backends are called over keep-alive connections and their answer is streamed back unchanged (no
 * X-Ca-Error-Code), save for hop-by-hop headers. Timeouts and connection failures are the cloud's
 * D504TO / D504CO.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { fillStageVariables } from '../shared/model/names';
import type { Api, MockBackend } from '../shared/model/schema';
import { gatewayError, GATEWAY_CHOICES, type GatewayError } from '../shared/gateway/cloud-behaviour';
import { encodeUrlEncoded } from '../shared/signature/url-encoded';
import type { MappedRequest } from './mapping';
import { connectionTokens, isHopByHop } from './hop-by-hop';
import { headerValue } from './responses';

export interface CompiledMock {
  type: 'MOCK';
  status: number;
  /** Flat [name, value, ...] as given to writeHead, Content-Length included. */
  headers: string[];
  body: Buffer;
}

export interface CompiledHttp {
  type: 'HTTP';
  https: boolean;
  hostname: string;
  port: number;
  /** Host header sent to the backend. */
  hostHeader: string;
  /** Scheme and host, as the access log names the backend. */
  label: string;
  /** Backend path in pieces: literal text, or a [param] name to fill in. */
  path: Array<string | { param: string }>;
  /** The backend path was written with a trailing `/*` (the remainder goes there either way). */
  wildcard: boolean;
  /** Fixed method, or undefined to use the caller's (ANY). */
  method?: string;
  timeoutMs: number;
  contentType: { category: 'CLIENT' | 'DEFAULT' | 'CUSTOM'; value?: string };
}

export type CompiledBackend = CompiledMock | CompiledHttp;

/**
 * Precompiles a deployed API's backend for one stage, with `#name#` stage variables filled in.
 * Returns X500SV when a variable is missing, X500AM when the address is not a usable URL.
 */
export function compileBackend(api: Api, variables: Record<string, string>): CompiledBackend | GatewayError {
  const backend = api.backend;
  if (backend.type === 'MOCK') return compileMock(backend);

  const filledAddress = fillStageVariables(backend.address, variables);
  const filledPath = fillStageVariables(backend.path, variables);
  const missing = filledAddress.missing ?? filledPath.missing;
  if (missing !== undefined) return gatewayError('X500SV', missing);
  const address = filledAddress.text;
  const path = filledPath.text;

  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return gatewayError('X500AM');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return gatewayError('X500AM');
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  // An address with a path of its own prefixes the backend path.
  const prefix = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  let template = prefix + (path.startsWith('/') ? path : '/' + path);
  const wildcard = template.endsWith('/*');
  if (wildcard) template = template.slice(0, -1);

  const pieces: CompiledHttp['path'] = [];
  let literal = '';
  for (const part of template.split(/(\[[^\]/]+\])/)) {
    const param = /^\[([^\]/]+)\]$/.exec(part);
    if (param) {
      if (literal) pieces.push(literal);
      literal = '';
      pieces.push({ param: param[1] });
    } else literal += encodePathLiteral(part);
  }
  if (literal) pieces.push(literal);

  return {
    type: 'HTTP',
    https: secure,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    hostHeader: url.host,
    label: `${url.protocol}//${url.host}`,
    path: pieces,
    wildcard,
    method: backend.method === 'ANY' ? undefined : backend.method,
    timeoutMs: backend.timeout,
    contentType: backend.contentType,
  };
}

/** A backend path as written may hold spaces or non-ASCII text: percent-encode what a URL cannot carry, keep `%XX` as is. */
function encodePathLiteral(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]+/gu, (chars) => encodeURIComponent(chars));
}

function compileMock(backend: MockBackend): CompiledMock {
  const body = Buffer.from(backend.body, 'utf8');
  const headers: string[] = [];
  let hasLength = false;
  for (const h of backend.headers) {
    if (h.name.toLowerCase() === 'content-length') hasLength = true;
    headers.push(h.name, headerValue(h.value));
  }
  if (!hasLength) headers.push('Content-Length', String(body.length));
  return { type: 'MOCK', status: backend.statusCode, headers, body };
}

/** Answers a MOCK call. `extra` is a flat list of headers to add (request id, CORS). */
export function answerMock(mock: CompiledMock, res: ServerResponse, extra: string[]): void {
  res.writeHead(mock.status, mock.headers.concat(extra));
  res.end(mock.body);
}

export interface ProxyContext {
  /** The caller's request and response. */
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  clientIp: string;
  /** The caller's Content-Type, if any. */
  contentType: string | undefined;
  /** The `/*` remainder the route matched, as sent. */
  rest: string | undefined;
  /** Flat headers to add to the answer (request id, CORS). */
  extra: string[];
  /** Called once: with the backend's status, or with the gateway error that was sent instead. */
  done: (outcome: { status: number; error?: GatewayError; backendLatencyMs?: number }) => void;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Keep-alive connection pools for backends; one per gateway, reused across reloads. */
export class BackendPool {
  private readonly http = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });
  private readonly https = new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }

  /** Calls an HTTP backend and streams its answer to the caller. */
  proxy(backend: CompiledHttp, mapped: MappedRequest, ctx: ProxyContext): void {
    const method = backend.method ?? ctx.method;
    let body: Uint8Array = mapped.body;
    let contentType = ctx.contentType;
    if (mapped.form !== undefined) {
      body = Buffer.from(encodeUrlEncoded(mapped.form), 'utf8');
      contentType = FORM_CONTENT_TYPE;
    }
    if (backend.contentType.category === 'DEFAULT') contentType = GATEWAY_CHOICES.defaultBackendContentType;
    else if (backend.contentType.category === 'CUSTOM') contentType = backend.contentType.value ?? contentType;

    const headers: string[] = ['Host', backend.hostHeader];
    for (const [name, value] of mapped.headers) headers.push(name, value);
    const forwarded = ctx.req.headers['x-forwarded-for'];
    headers.push('X-Forwarded-For', forwarded ? `${forwarded}, ${ctx.clientIp}` : ctx.clientIp);
    if (body.length > 0 || BODY_METHODS.has(method)) {
      if (contentType !== undefined && (body.length > 0 || ctx.contentType !== undefined)) headers.push('Content-Type', contentType);
      headers.push('Content-Length', String(body.length));
    }
    const options: http.RequestOptions = {
      hostname: backend.hostname,
      port: backend.port,
      method,
      path: backendPath(backend, mapped, ctx.rest),
      headers,
      setHost: false,
      agent: backend.https ? this.https : this.http,
    };
    new ProxiedCall(backend, options, body, ctx).send();
  }
}

/**
 * One call to a backend, with its retry, timeout and streaming. A class with bound handlers
 * rather than a nest of closures, since it runs for every proxied call.
 */
class ProxiedCall {
  private readonly started = performance.now();
  private attempts = 0;
  private settled = false;
  private timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private breq: http.ClientRequest | undefined;
  private bres: IncomingMessage | undefined;
  private status = 0;
  private backendLatencyMs: number | undefined;

  constructor(
    private readonly backend: CompiledHttp,
    private readonly options: http.RequestOptions,
    private readonly body: Uint8Array,
    private readonly ctx: ProxyContext,
  ) {
    // Fires once the caller's answer is complete, or when the caller hung up first.
    ctx.res.once('close', this.onCallerClosed.bind(this));
  }

  send(): void {
    this.attempts++;
    this.timedOut = false;
    const breq = (this.backend.https ? https : http).request(this.options);
    this.breq = breq;
    this.timer = setTimeout(this.onTimeout.bind(this), this.backend.timeoutMs);
    breq.on('error', this.onError.bind(this, breq));
    breq.on('response', this.onResponse.bind(this));
    if (this.body.length > 0) breq.end(this.body);
    else breq.end();
  }

  private onTimeout(): void {
    this.timedOut = true;
    this.breq?.destroy();
  }

  private onError(breq: http.ClientRequest, err: NodeJS.ErrnoException): void {
    clearTimeout(this.timer);
    const res = this.ctx.res;
    if (this.settled || this.bres !== undefined) {
      // The answer was under way: the caller's copy cannot be completed.
      res.destroy();
      return;
    }
    if (res.destroyed) return; // the caller is gone; onCallerClosed logs it
    if (this.timedOut) return this.fail(gatewayError('D504TO'));
    // A keep-alive connection the backend closed just as we reused it: the cloud retries.
    if (breq.reusedSocket && err.code === 'ECONNRESET' && this.attempts <= GATEWAY_CHOICES.backendRetryOnReusedSocket) return this.send();
    this.fail(describeFailure(err, this.backend));
  }

  private onResponse(bres: IncomingMessage): void {
    clearTimeout(this.timer);
    this.bres = bres;
    this.backendLatencyMs = performance.now() - this.started;
    this.status = bres.statusCode ?? 502;
    const connection = connectionTokens(bres.rawHeaders);
    const out: string[] = [];
    const raw = bres.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      if (!isHopByHop(raw[i].toLowerCase(), connection)) out.push(raw[i], raw[i + 1]);
    }
    const extra = this.ctx.extra;
    for (let i = 0; i < extra.length; i++) out.push(extra[i]);
    const res = this.ctx.res;
    // The backend's own Date goes through; Node must not add a second one.
    res.sendDate = false;
    res.writeHead(this.status, bres.statusMessage, out);
    // The body may stall after the headers: give up after the same timeout of silence.
    this.breq!.setTimeout(this.backend.timeoutMs, this.onTimeout.bind(this));
    // The backend dropped the connection mid-answer: the caller's answer cannot be completed either.
    bres.on('error', this.onError.bind(this, this.breq!));
    bres.pipe(res);
  }

  private onCallerClosed(): void {
    if (this.ctx.res.writableFinished) {
      this.settle({ status: this.status, backendLatencyMs: this.backendLatencyMs });
      return;
    }
    // The caller hung up first: stop the backend call too.
    clearTimeout(this.timer);
    this.breq?.destroy();
    this.bres?.destroy();
    this.settle({ status: this.status || 499, backendLatencyMs: this.backendLatencyMs });
  }

  private fail(error: GatewayError): void {
    const res = this.ctx.res;
    res.writeHead(error.status, [
      'X-Ca-Error-Code', error.code,
      'X-Ca-Error-Message', headerValue(error.message),
      'Content-Length', String(GATEWAY_CHOICES.errorBody.length),
      ...this.ctx.extra,
    ]);
    res.end(GATEWAY_CHOICES.errorBody);
    this.settle({ status: error.status, error, backendLatencyMs: performance.now() - this.started });
  }

  private settle(outcome: { status: number; error?: GatewayError; backendLatencyMs?: number }): void {
    if (this.settled) return;
    this.settled = true;
    this.ctx.done(outcome);
  }
}

/** The backend path with [param] values (URL-encoded), the `/*` remainder and the query. */
function backendPath(backend: CompiledHttp, mapped: MappedRequest, rest: string | undefined): string {
  let path = '';
  for (const piece of backend.path) {
    path += typeof piece === 'string' ? piece : encodeURIComponent(mapped.pathValues[piece.param] ?? '');
  }
  // A `/*` route's remainder is appended to the backend path (GATEWAY_CHOICES.wildcardRemainderToBackend).
  if (rest !== undefined && rest !== '') path = (path.endsWith('/') ? path : path + '/') + rest;
  else if (backend.wildcard && path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  let query = mapped.rawQuery ?? '';
  if (mapped.query.length > 0) query += (query === '' ? '' : '&') + encodeUrlEncoded(mapped.query);
  return query === '' ? path : path + '?' + query;
}

function describeFailure(err: NodeJS.ErrnoException, backend: CompiledHttp): GatewayError {
  const where = `${backend.hostname}:${backend.port}`;
  const code = err.code ?? '';
  if (code.startsWith('HPE_')) return gatewayError('D502FC', `${err.message} from ${where}`);
  switch (code) {
    case 'ECONNREFUSED':
      return gatewayError('D504CO', `Connection refused ${where}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return gatewayError('D504CO', `Unknown host ${backend.hostname}`);
    case 'ETIMEDOUT':
      return gatewayError('D504CO', `Timeout connecting to ${where}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return gatewayError('D504CO', `No route to ${where}`);
    case 'ECONNRESET':
      return gatewayError('D504CO', 'Connection is closed');
    default:
      return gatewayError('D504CO', `${err.message} (${where})`);
  }
}
