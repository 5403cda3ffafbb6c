/**
 * The local gateway: an HTTP server that answers a project's deployed stages as the cloud's data
 * plane does. Each call walks: limits → group (Host) → stage (X-Ca-Stage) → route → body →
 * authentication → IP control → throttling → parameters → backend, and is logged once.
 */
import { isFormContentType } from '../shared/signature/string-to-sign';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { EventEmitter } from 'node:events';
import type { Project, SecretsFile, Stage } from '../shared/model/schema';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import type { Pairs } from '../shared/signature/url-encoded';
import type { NonceStore } from './auth';
import { answerMock, BackendPool } from './backends';
import { createNonceStore } from '../shared/security/nonce-store';
import type { Call } from './call';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { isoTime, loggedErrorMessage, roundMs, type AccessLogSink } from './access-log';
import { checkParameters, mapRequest } from './mapping';
import {
  clientIpOf,
  collectHeaders,
  decodePath,
  declaredBodyTooLarge,
  hasBody,
  headersTooLarge,
  hostName,
  parseForm,
  parseQuery,
  readBody,
  shortened,
  splitTarget,
  urlTooLarge,
  type DecodedPath,
  type Target,
} from './request';
import { headerValue, newRequestId, rawGatewayError, sendGatewayError } from './responses';
import type { RouteHit } from './routes';
import { compileRuntime, type CompiledApi, type GroupRuntime, type Runtime } from './runtime';
import { ownHostsOf } from './own-hosts';
import { groupLabelOfHost } from '../shared/gateway/local-hosts';
import { clientErrorAnswer } from './client-error';
import { answerConnect, missingVersion, repeatedHeader, REQUEST_TIMEOUT, requestStarted, routeClientError, type InFlight } from './strict-http';
import type { ThrottleCounters } from './throttling';

export interface LocalGatewayOptions {
  project: Project;
  secrets: SecretsFile;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default GATEWAY_CHOICES.defaultMaxBodyBytes. */
  maxBodyBytes?: number;
  /** Where access records are written (besides the `access` event). */
  log?: AccessLogSink;
  /** Clock for authentication and throttling (tests). */
  now?: () => number;
  /** Where used nonces are remembered (a journal that outlives restarts: nonce-journal.ts); in memory by default. */
  nonceStore?: NonceStore;
  /** How long a request may take to arrive: its line and headers, and all of it. Default 30 s and 60 s. */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface ReloadResult {
  ok: boolean;
  warnings: string[];
  /** Why the new version was refused (the old one keeps serving). */
  error?: string;
}

export interface GatewayEvents {
  access: [AccessLogRecord];
  reload: [ReloadResult];
}

export interface LocalGateway {
  listen(): Promise<{ host: string; port: number }>;
  /** Swaps in a new project; calls in flight finish on the version they started with. */
  reload(project: Project, secrets: SecretsFile): ReloadResult;
  /** Stops accepting, lets calls in flight finish (up to `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>;
  on<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): () => void;
  /** The version being served. */
  readonly runtime: Runtime;
  /** Warnings of the version being served. */
  readonly warnings: string[];
}

const STAGE_HEADER = 'x-ca-stage';
const GATEWAY_METHODS: ReadonlySet<string> = new Set(GATEWAY_CHOICES.gatewayMethods);
/** A Host is a name and a port; anything longer is cut in the log (a DNS name has at most 253 characters). */
const MAX_LOGGED_HOST = 300;

/** What every call of one gateway shares. */
interface GatewayCore {
  maxBodyBytes: number;
  pool: BackendPool;
  /** Host headers naming the gateway itself (ownHostsOf), set once it listens. */
  ownHosts: ReadonlySet<string>;
  log(record: AccessLogRecord): void;
}

export function createLocalGateway(options: LocalGatewayOptions): LocalGateway {
  const host = options.host ?? '127.0.0.1';
  const events = new EventEmitter();
  // Used nonces must stay used across reloads.
  const nonceStore: NonceStore = options.nonceStore ?? createNonceStore();
  // Quotas too: a reload must not give every caller a fresh one.
  const throttleCounters: ThrottleCounters = new Map();
  let current = compileRuntime(options.project, options.secrets, { nonceStore, throttleCounters, now: options.now });
  const core: GatewayCore = {
    maxBodyBytes: options.maxBodyBytes ?? GATEWAY_CHOICES.defaultMaxBodyBytes,
    pool: new BackendPool(),
    ownHosts: new Set(),
    log(record) {
      options.log?.write(record);
      if (events.listenerCount('access') === 0) return;
      try {
        events.emit('access', record);
      } catch (error) {
        // A listener's failure (the console gone, say) must not fail the call being logged.
        process.emitWarning(`local gateway: an access listener failed: ${(error as Error).message}`);
      }
    },
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    // A call keeps the version it started with, whatever reloads happen meanwhile.
    const exchange = new Exchange(core, current, req, res);
    requestStarted(req.socket, exchange);
    try {
      exchange.start();
    } catch (error) {
      exchange.crashed(error);
    }
  };
  const timeouts = options.timeouts ?? { headersMs: 30_000, requestMs: 60_000 };
  const server = http.createServer(
    {
      maxHeaderSize: GATEWAY_CHOICES.parserMaxHeaderBytes,
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      // Node looks for late requests this often (30 s by default, which could double a timeout).
      connectionsCheckingInterval: Math.max(10, Math.min(30_000, timeouts.headersMs / 4)),
    },
    onRequest,
  );
  // `Expect: 100-continue`: a body over the limit is refused before the client is told to send it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!declaredBodyTooLarge(req, core.maxBodyBytes)) res.writeContinue();
    onRequest(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    routeClientError(err, socket, (fault, inBody) => refusalOf(fault, inBody, timeouts), (error) => answerClientError(error, socket, core.log));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => answerConnect(req, socket, onRequest));

  const gateway: LocalGateway = {
    listen() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', reject);
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : 0;
          core.ownHosts = ownHostsOf(host, port);
          resolve({ host, port });
        });
      });
    },
    reload(project, secrets) {
      let result: ReloadResult;
      try {
        current = compileRuntime(project, secrets, { nonceStore, throttleCounters, now: options.now });
        result = { ok: true, warnings: current.warnings };
      } catch (error) {
        result = { ok: false, warnings: [], error: `the project could not be compiled for serving: ${(error as Error).message}` };
      }
      events.emit('reload', result);
      return result;
    },
    async close(graceMs = 5_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      core.pool.destroy();
      await options.log?.close();
    },
    on(event, listener) {
      events.on(event, listener as (...args: unknown[]) => void);
      return () => events.off(event, listener as (...args: unknown[]) => void);
    },
    get runtime() {
      return current;
    },
    get warnings() {
      return current.warnings;
    },
  };
  return gateway;
}

const EMPTY_BODY = new Uint8Array(0);

/**
 * One call from arrival to its access record. A class rather than closures: this runs for every
 * call, and its methods are shared instead of allocated per request.
 */
class Exchange implements InFlight {
  private readonly started = performance.now();
  private readonly receivedAt = Date.now();
  private readonly requestId = newRequestId();
  private readonly record: AccessLogRecord;
  private readonly target: Target;
  private readonly headers: Record<string, string>;
  private decoded: DecodedPath | undefined;
  private query: Pairs = [];
  private stage: Stage = 'RELEASE';
  private host = '';
  private cors: Record<string, string> | undefined;
  /** Logged: the call has had its one answer (or its caller went away). */
  private done = false;

  constructor(
    private readonly core: GatewayCore,
    private readonly rt: Runtime,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.target = splitTarget(req.url ?? '/');
    this.headers = collectHeaders(req.rawHeaders);
    const path = this.target.wirePath;
    this.record = {
      time: isoTime(this.receivedAt),
      requestId: this.requestId,
      group: undefined,
      api: undefined,
      stage: undefined,
      method: req.method ?? 'GET',
      path: path.length > 2048 ? path.slice(0, 2048) + '…' : path,
      host: undefined,
      groupBy: undefined,
      status: 0,
      errorCode: undefined,
      errorMessage: undefined,
      app: undefined,
      latencyMs: 0,
      backendLatencyMs: undefined,
      clientIp: clientIpOf(req),
    };
  }

  /** Everything that needs no body: limits, group, stage, route; then the body is read if there is one. */
  start(): void {
    const { req, rt, record } = this;
    const malformed = missingVersion(req) ?? repeatedHeader(req.rawHeaders);
    if (malformed) return this.refuse(malformed);
    if (urlTooLarge(req.url ?? '')) return this.refuse(gatewayError('I413UL'));
    const headersOver = headersTooLarge(req.url ?? '', req.rawHeaders);
    if (headersOver) return this.refuse(headersOver);
    const tooLarge = declaredBodyTooLarge(req, this.core.maxBodyBytes);
    // Answered without reading the body; the connection is closed so the rest is never read either.
    if (tooLarge) return this.refuse(tooLarge, true);
    // A method the cloud knows no API for at all; a known one that the path does not take is I404NF below.
    if (!GATEWAY_METHODS.has(record.method)) return this.refuse(gatewayError('I405UM', record.method));

    const hostHeader = this.headers['host'];
    if (hostHeader !== undefined) record.host = hostHeader.length > MAX_LOGGED_HOST ? hostHeader.slice(0, MAX_LOGGED_HOST) + '…' : hostHeader;
    this.host = hostName(hostHeader);
    const group = groupFor(rt, this.host, hostHeader, this.core.ownHosts, record);
    if (!group) return this.refuse(gatewayError('I404DO', hostHeader ?? ''));
    record.group = group.name;

    const stageHeader = this.headers[STAGE_HEADER];
    const stage = stageHeader === undefined ? 'RELEASE' : parseStage(stageHeader);
    if (!stage) return this.refuse(gatewayError('I400SG'));
    this.stage = record.stage = stage;

    const decoded = (this.decoded = decodePath(this.target.wirePath));
    if (!decoded) return this.refuse(gatewayError('I400PA', shortened(this.target.wirePath)));
    const query = parseQuery(this.target.rawQuery);
    if (!Array.isArray(query)) return this.refuse(query);
    this.query = query;

    const routes = group.routes[stage];
    const method = record.method;
    const hit = routes.match(method, decoded.segments, decoded.wireSegments);
    // A browser preflight goes to the CORS plugin of the API it asks about, unless an OPTIONS API answers the path itself.
    const preflightMethod = method === 'OPTIONS' ? this.headers['access-control-request-method'] : undefined;
    if (preflightMethod !== undefined && hit?.target.method !== 'OPTIONS') {
      return this.preflight(routes.match(preflightMethod.toUpperCase(), decoded.segments, decoded.wireSegments));
    }
    // No API for this path and method, including a path served only for other methods: the cloud's
    // I404NF troubleshooting page names a wrong method as one of its causes.
    if (!hit) return this.refuse(gatewayError('I404NF', `${method} ${this.target.wirePath}`));
    const compiled = hit.target;
    record.api = compiled.api.name;
    if (compiled.broken) return this.refuse(compiled.broken);
    if (!GATEWAY_CHOICES.servesHttpsOnlyApisOverHttp && !compiled.servesHttp) {
      return this.refuse(gatewayError('I403PT', 'HTTP'));
    }

    if (!hasBody(req)) return this.serve(hit, EMPTY_BODY);
    readBody(req, this.core.maxBodyBytes)
      .then((body) => {
        if (body === undefined) return this.finish(499); // the caller went away while sending
        if (!(body instanceof Uint8Array)) return this.refuse(body, true);
        this.serve(hit, body);
      })
      .catch((error: unknown) => this.crashed(error));
  }

  /** Authentication, policies, parameters, then the backend. */
  private serve(hit: RouteHit<CompiledApi>, body: Uint8Array): void {
    try {
      const contentType = this.headers['content-type'];
      let form: Pairs | undefined;
      // The form is read exactly when the signature covers its fields (the client's rule, shared/signature).
      if (isFormContentType(contentType)) {
        const parsed = parseForm(body, contentType as string);
        if (!Array.isArray(parsed)) return this.refuse(parsed);
        form = parsed;
      }
      const record = this.record;
      const compiled = hit.target;
      const call = this.call(body, form);
      this.cors = compiled.cors?.responseHeaders(call);
      const auth = compiled.auth.authenticate(call);
      if (!auth.ok) return this.refuse(auth.error);
      const app = auth.app;
      if (app) record.app = app.name;
      const denied = compiled.ipControl?.check(call.clientIp, app) ?? compiled.throttle?.check(app);
      if (denied) return this.refuse(denied);

      const backend = compiled.backend;
      const input = { call, rawHeaders: this.req.rawHeaders, rawQuery: this.target.rawQuery, pathParams: hit.params, app };
      if (backend.type === 'MOCK') {
        // A mock needs the parameters checked, not mapped.
        const invalid = checkParameters(compiled.mapping, input);
        if (invalid) return this.refuse(invalid);
        answerMock(backend, this.res, this.extraHeaders());
        return this.finish(backend.status);
      }
      const mapped = mapRequest(compiled.mapping, input);
      if ('code' in mapped) return this.refuse(mapped);
      record.backend = backend.label;
      this.core.pool.proxy(backend, mapped, {
        req: this.req,
        res: this.res,
        method: call.method,
        clientIp: call.clientIp,
        contentType,
        rest: hit.rest,
        extra: this.extraHeaders(),
        done: (outcome) => {
          if (outcome.backendLatencyMs !== undefined) record.backendLatencyMs = roundMs(outcome.backendLatencyMs);
          if (outcome.error) record.errorMessage = loggedErrorMessage(outcome.error);
          this.finish(outcome.status, outcome.error?.code);
        },
      });
    } catch (error) {
      this.crashed(error);
    }
  }

  private preflight(asked: RouteHit<CompiledApi> | undefined): void {
    if (asked) this.record.api = asked.target.api.name;
    const answer = this.rt.cors.preflight(asked?.target.ref, this.call(EMPTY_BODY, undefined));
    if ('code' in answer) return this.refuse(answer);
    const headers: Record<string, string | number> = { 'X-Ca-Request-Id': this.requestId, 'Content-Length': 0 };
    // Values may echo the caller's headers (Origin, Access-Control-Request-Headers): keep them sendable.
    for (const name in answer.headers) headers[name] = headerValue(answer.headers[name]);
    this.res.writeHead(answer.status, headers);
    this.res.end();
    this.finish(answer.status);
  }

  private call(body: Uint8Array, form: Pairs | undefined): Call {
    const call: Call = {
      requestId: this.requestId,
      method: this.record.method,
      wirePath: this.target.wirePath,
      path: this.decoded!.path,
      query: this.query,
      headers: this.headers,
      body,
      clientIp: this.record.clientIp,
      protocol: 'HTTP',
      stage: this.stage,
      host: this.host,
      receivedAt: this.receivedAt,
    };
    if (form !== undefined) call.form = form;
    return call;
  }

  /** X-Ca-Request-Id and the CORS headers, flat, for writeHead. */
  private extraHeaders(): string[] {
    const extra = ['X-Ca-Request-Id', this.requestId];
    const cors = this.cors;
    if (cors) for (const name in cors) extra.push(name, headerValue(cors[name]));
    return extra;
  }

  private refuse(error: GatewayError, close = false): void {
    if (this.done) return;
    // Refused before its body was read to the end: what comes next on the connection is unknown, so it closes.
    sendGatewayError(this.res, this.requestId, error, this.cors, close || (!this.req.complete && hasBody(this.req)));
    this.record.errorMessage = loggedErrorMessage(error);
    this.finish(error.status, error.code);
  }

  private finish(status: number, errorCode?: string): void {
    if (this.done) return;
    this.done = true;
    const record = this.record;
    record.status = status;
    if (errorCode !== undefined) record.errorCode = errorCode;
    record.latencyMs = roundMs(performance.now() - this.started);
    this.core.log(record);
  }

  get requestComplete(): boolean {
    return this.req.complete;
  }

  failedWhileReading(error: GatewayError): void {
    // Answered already (refused before its body was read): the connection just closes.
    if (this.done || this.res.headersSent) this.req.socket.destroySoon();
    else this.refuse(error, true);
  }

  whenAnswered(then: () => void): void {
    if (this.res.writableFinished || this.res.destroyed) then();
    else this.res.once('close', then);
  }

  /** A bug must cost one call, never the process. */
  crashed(error: unknown): void {
    process.emitWarning(`local gateway: ${(error as Error).stack ?? String(error)}`);
    try {
      this.cors = undefined;
      this.refuse(gatewayError('X500ER'));
    } catch {
      this.res.destroy();
    }
  }
}

/**
 * `<group>.localhost` picks a group; the gateway's own address (127.0.0.1:<port>…) reaches the
 * default or only group, noted in the record; any other Host is served nothing
 * (shared/gateway/local-hosts.ts; docs/local-gateway.md, "Groups and hosts").
 */
function groupFor(rt: Runtime, host: string, hostHeader: string | undefined, ownHosts: ReadonlySet<string>, record: AccessLogRecord): GroupRuntime | undefined {
  const label = groupLabelOfHost(host);
  if (label !== undefined) return rt.byHost.get(label);
  if (hostHeader === undefined || rt.ownAddress === undefined || !ownHosts.has(hostHeader.toLowerCase())) return undefined;
  record.groupBy = rt.ownAddress.by;
  return rt.ownAddress.group;
}

function parseStage(value: string): Stage | undefined {
  return value === 'RELEASE' || value === 'TEST' || value === 'PRE' ? value : undefined;
}

/** What a parser error or a timeout is answered with; `inBody` when the request had begun (its headers were read). */
function refusalOf(err: NodeJS.ErrnoException, inBody: boolean, timeouts: { headersMs: number; requestMs: number }): GatewayError {
  if (err.code !== REQUEST_TIMEOUT) return clientErrorAnswer(err);
  return inBody
    ? gatewayError('I408RT', `the request did not arrive in full within ${timeouts.requestMs / 1000} s`)
    : gatewayError('I408RT', `the request line and headers did not arrive within ${timeouts.headersMs / 1000} s`);
}

/** Requests that never became requests (Node's parser refused them, or they came too slowly): answered on the socket, closed, and logged. */
function answerClientError(error: GatewayError, socket: Socket, log: (record: AccessLogRecord) => void): void {
  const requestId = newRequestId();
  // A client that stopped sending may still read; one that is gone is logged all the same.
  if (socket.writable) socket.end(rawGatewayError(requestId, error), 'latin1');
  else socket.destroy();
  log({
    time: new Date().toISOString(),
    requestId,
    method: '-',
    path: '-',
    status: error.status,
    errorCode: error.code,
    errorMessage: loggedErrorMessage(error),
    latencyMs: 0,
    clientIp: (socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
  });
}
