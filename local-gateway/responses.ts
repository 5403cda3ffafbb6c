/**
 * Writing answers: every response carries X-Ca-Request-Id; the gateway's own refusals carry
 * X-Ca-Error-Code and X-Ca-Error-Message and an empty body (GATEWAY_CHOICES.errorBody).
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GATEWAY_CHOICES, type GatewayError } from '../shared/gateway/cloud-behaviour';

/** An upper-case UUID, as the cloud's X-Ca-Request-Id. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

const SAFE_HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * A value Node will accept in a header (GATEWAY_CHOICES.headerValueEncoding): non-ASCII text goes
 * as its UTF-8 bytes (Node writes header strings as Latin-1), controls as %XX.
 */
export function headerValue(text: string): string {
  if (SAFE_HEADER_VALUE.test(text)) return text;
  const noControls = text.replace(CONTROL, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return Buffer.from(noControls, 'utf8').toString('latin1');
}

/** Header bytes arrive as Latin-1 strings; the cloud reads them as UTF-8 (GATEWAY_CHOICES.incomingHeaderEncoding). */
export function utf8HeaderValue(latin1: string): string {
  for (let i = 0; i < latin1.length; i++) {
    if (latin1.charCodeAt(i) > 0x7f) return Buffer.from(latin1, 'latin1').toString('utf8');
  }
  return latin1;
}

const ERROR_BODY = Buffer.from(GATEWAY_CHOICES.errorBody);

/** Sends a gateway refusal. `extra` are headers to add (CORS); `close` asks the client to drop the connection. */
export function sendGatewayError(
  res: ServerResponse,
  requestId: string,
  error: GatewayError,
  extra?: Record<string, string>,
  close = false,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string | number> = {
    'X-Ca-Request-Id': requestId,
    'X-Ca-Error-Code': error.code,
    'X-Ca-Error-Message': headerValue(error.message),
    'Content-Length': ERROR_BODY.length,
  };
  if (extra) for (const name in extra) headers[name] = headerValue(extra[name]);
  if (close) headers['Connection'] = 'close';
  res.writeHead(error.status, headers);
  res.end(ERROR_BODY);
}

/**
 * The raw bytes of a refusal written straight to a socket, for requests Node's parser rejected
 * before they became requests (oversized or malformed head).
 */
export function rawGatewayError(requestId: string, error: GatewayError): string {
  return (
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Bad Request'}\r\n` +
    `X-Ca-Request-Id: ${requestId}\r\n` +
    `X-Ca-Error-Code: ${error.code}\r\n` +
    `X-Ca-Error-Message: ${headerValue(error.message)}\r\n` +
    `Content-Length: ${ERROR_BODY.length}\r\n` +
    'Connection: close\r\n\r\n' +
    GATEWAY_CHOICES.errorBody
  );
}
