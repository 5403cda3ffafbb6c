/**
 * One answer per request, on connections the gateway reads strictly. Node's HTTP server keeps
 * parsing a connection after a request was answered (the rest of its body, the next request) and
 * reports what it cannot parse apart from the request it belongs to (`clientError`); CONNECT
 * comes as an event of its own. This module ties each of those back to the request in progress
 * on the connection, so that a request gets exactly one answer and one access-log record:
 * - a fault in the body of a request that was already answered closes the connection, no more;
 * - a fault in the body of a request still being read is that request's answer (and closes);
 * - a malformed request that follows one still being answered is answered after it, in order;
 * - CONNECT goes through the same steps as any request (it has no API locally) and is logged.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';

/** What this module needs of the request in progress on a connection (server.ts's Exchange). */
export interface InFlight {
  /** The request has been read to its end (its body too, when it has one). */
  readonly requestComplete: boolean;
  /** A fault found while reading the rest of the request: its answer unless it has one, then the connection closes. */
  failedWhileReading(error: GatewayError): void;
  /** Runs `then` once the request's answer has gone out, or its connection is gone. */
  whenAnswered(then: () => void): void;
}

/** The parser's code for a connection closed by the client before the request was complete. */
const CLOSED_MID_REQUEST = 'HPE_INVALID_EOF_STATE';

/** Node's code for a request not received in time (headersTimeout, requestTimeout). */
export const REQUEST_TIMEOUT = 'ERR_HTTP_REQUEST_TIMEOUT';

const CURRENT = Symbol('request in progress');
const REFUSED = Symbol('refused from the socket');

/** A connection with what this module keeps on it (fields rather than a WeakMap: set for every call). */
interface Connection extends Socket {
  [CURRENT]?: InFlight;
  /** Refused already: further parser errors on it are the same refusal. */
  [REFUSED]?: true;
}

/** Records the request in progress on its connection (the server's `request` event). */
export function requestStarted(socket: Socket, request: InFlight): void {
  (socket as Connection)[CURRENT] = request;
}

/**
 * Routes a parser error or timeout of the server (`clientError`). `answer` refuses a request that
 * never became one, on the socket, and logs it; it runs at most once per connection.
 */
export function routeClientError(
  err: NodeJS.ErrnoException,
  socket: Connection,
  refusalOf: (err: NodeJS.ErrnoException, inBody: boolean) => GatewayError,
  answer: (error: GatewayError) => void,
): void {
  const request = socket[CURRENT];
  const reading = request !== undefined && !request.requestComplete;
  // The client went away (mid-body, its side closed): nothing was refused; the request logs itself (499).
  if (err.code === 'ECONNRESET' || (reading && err.code === CLOSED_MID_REQUEST)) {
    socket.destroy();
    return;
  }
  // The parser reports its fault again with every piece read: the refusal under way closes the connection.
  if (socket[REFUSED]) return;
  socket[REFUSED] = true;
  if (reading) {
    request.failedWhileReading(refusalOf(err, true));
    return;
  }
  const error = refusalOf(err, false);
  // A pipelined request after one still being answered: its refusal must not overtake that answer.
  if (request !== undefined) request.whenAnswered(() => answer(error));
  else answer(error);
}

/** Host and X-Ca-Stage pick the group and the stage: sent twice, the call could go where the client did not mean (I400HD). */
export function repeatedHeader(rawHeaders: readonly string[]): GatewayError | undefined {
  let hosts = 0;
  let stages = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    // Lengths first: this runs for every call, and most names are neither.
    if (name.length === 4 && name.toLowerCase() === 'host' && ++hosts === 2) return twice('Host');
    if (name.length === 10 && name.toLowerCase() === 'x-ca-stage' && ++stages === 2) return twice('X-Ca-Stage');
  }
  return undefined;
}

function twice(name: string): GatewayError {
  return gatewayError('I400HD', name, 'is sent more than once');
}

/** `GET /path` with no HTTP version (HTTP/0.9), which Node's parser accepts and the gateway does not. */
export function missingVersion(req: IncomingMessage): GatewayError | undefined {
  return req.httpVersionMajor === 0 ? gatewayError('I400BR', 'the request line has no HTTP version') : undefined;
}

/**
 * CONNECT, which Node hands over with the bare socket: given a response on that socket, so that it
 * is refused and logged by the same steps as any request; the connection closes after the answer.
 */
export function answerConnect(req: IncomingMessage, socket: Socket, handle: (req: IncomingMessage, res: ServerResponse) => void): void {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.once('finish', () => {
    res.detachSocket(socket);
    socket.destroySoon();
  });
  handle(req, res);
}
