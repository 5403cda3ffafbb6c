/**
 * Browser mode: the console over HTTP on 127.0.0.1. The built renderer is served at `/`, calls go
 * to `POST /api/call/<channel>` (JSON array of arguments → CallOutcome), events stream from
 * `GET /api/events`. Every request must pass the Host/Origin check; every call and the event
 * stream must carry the per-launch token in the `X-Agw-Token` header, so neither another site in
 * the browser nor another user of this machine can read or call. The pages themselves are the
 * app's public code and hold nothing secret, so they need no token: the token never has to ride
 * in a cookie (which every port of 127.0.0.1 would receive) or a query string (which logs keep).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallOutcome } from '../../shared/ipc/contract';
import type { Dispatcher } from '../base/dispatch';
import type { HostEvents } from '../base/host-events';
import { TOKEN_HEADER, consoleUrl, newAccessToken, tokenMatches } from './access-token';
import { eventStreams } from './event-stream';
import { hostOrOriginProblem } from './request-guard';
import { setApiHeaders, setCommonHeaders } from './security-headers';
import { serveStatic } from './static-files';

export const WEB_HOST_ADDRESS = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024;
const CALL_PREFIX = '/api/call/';

export interface WebHostOptions {
  dispatcher: Dispatcher;
  events: HostEvents;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1 is accepted: the console must not be reachable from the network. */
  host?: string;
  keepAliveMs?: number;
  maxBodyBytes?: number;
}

export interface WebHost {
  port: number;
  token: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** `http://127.0.0.1:<port>/#token=<token>`: the URL to open. */
  url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? WEB_HOST_ADDRESS;
  if (host !== WEB_HOST_ADDRESS) {
    throw new Error(`Browser mode listens on ${WEB_HOST_ADDRESS} only, not ${host}: the console must not be reachable from other machines.`);
  }
  const token = newAccessToken();
  const streams = eventStreams(options.events, options.keepAliveMs ?? 15_000);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'The console host failed on this request.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    if (hostOrOriginProblem(req, port)) return sendText(res, 403, 'Forbidden: open the console with the URL that apigw-studio ui printed.');
    const url = new URL(req.url ?? '/', `http://${WEB_HOST_ADDRESS}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      setApiHeaders(res);
      if (!tokenMatches(token, headerValue(req.headers[TOKEN_HEADER]))) return sendJson(res, 403, denied());
      if (url.pathname.startsWith(CALL_PREFIX)) {
        if (req.method !== 'POST') return sendJson(res, 405, failure('METHOD_NOT_ALLOWED', 'Calls are POST requests.'));
        return call(req, res, url.pathname.slice(CALL_PREFIX.length));
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streams.attach(res);
      return sendJson(res, 404, failure('NOT_FOUND', `No API at ${url.pathname}.`));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(req, res, options.rendererDir, url.pathname);
  }

  async function call(req: IncomingMessage, res: ServerResponse, encodedChannel: string): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, failure('BAD_REQUEST', 'Send the arguments as a JSON array with Content-Type: application/json.'));
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, failure('TOO_LARGE', `The request is larger than the ${sizeText(maxBodyBytes)} a call may send.`));
    }
    let args: unknown;
    let channel: string;
    try {
      channel = decodeURIComponent(encodedChannel);
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, failure('BAD_REQUEST', 'The request body is not valid JSON.'));
    }
    if (!Array.isArray(args)) return sendJson(res, 400, failure('BAD_REQUEST', 'The request body must be a JSON array of the call’s arguments.'));
    const outcome = await options.dispatcher.dispatch(channel, args);
    sendJson(res, statusOf(outcome), outcome);
  }

  await listen(server, options.port ?? 0, host);
  port = (server.address() as AddressInfo).port;
  const origin = `http://${WEB_HOST_ADDRESS}:${port}`;
  return {
    port,
    token,
    origin,
    url: consoleUrl(origin, token),
    close: async () => {
      streams.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body, or 'too-large' as soon as it passes the limit (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function statusOf(outcome: CallOutcome): number {
  if (outcome.ok) return 200;
  switch (outcome.error.code) {
    case 'BAD_REQUEST':
      return 400;
    case 'UNKNOWN_CHANNEL':
      return 404;
    case 'INTERNAL':
      return 500;
    default:
      // The request was well formed; the state of things refused it (a stale revision, say).
      return 409;
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function failure(code: string, message: string): CallOutcome {
  return { ok: false, error: { code, message } };
}

function denied(): CallOutcome {
  return failure('FORBIDDEN', 'Missing or wrong access token: open the console with the URL that apigw-studio ui printed (it ends in #token=…).');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(`${text}\n`) });
  res.end(`${text}\n`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
