/**
 * Reading an incoming request the way the cloud does (docs/alibaba-data-plane.md,
 * "Reading the request"): URL and body limits checked before anything is read, the query and form
 * split and decoded, headers read as UTF-8.
 */
import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import { parseUrlEncoded, type Pairs } from '../shared/signature/url-encoded';
import { utf8HeaderValue } from './responses';

export interface Target {
  /** Path as sent, without the query. */
  wirePath: string;
  /** Text after the first `?`, or '' when none. */
  rawQuery: string;
}

/** Splits a request-target; an absolute-form target (`http://host/path`) keeps only its path. */
export function splitTarget(url: string): Target {
  let target = url;
  if (target.charCodeAt(0) !== 47 /* / */) {
    const scheme = target.indexOf('://');
    if (scheme !== -1) {
      const slash = target.indexOf('/', scheme + 3);
      target = slash === -1 ? '/' : target.slice(slash);
    }
  }
  const q = target.indexOf('?');
  return q === -1 ? { wirePath: target, rawQuery: '' } : { wirePath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

export interface DecodedPath {
  /** The whole path decoded. */
  path: string;
  /** Decoded segments after the leading slash. */
  segments: string[];
  /** The same segments as sent. */
  wireSegments: string[];
}

/** Decodes a path segment by segment (so `%2F` stays inside its segment); undefined when not valid percent-encoded UTF-8. */
export function decodePath(wirePath: string): DecodedPath | undefined {
  if (wirePath.charCodeAt(0) !== 47) return undefined;
  const body = wirePath.slice(1);
  const wireSegments = body === '' ? [] : body.split('/');
  if (wirePath.indexOf('%') === -1) return { path: wirePath, segments: wireSegments, wireSegments };
  const segments = new Array<string>(wireSegments.length);
  for (let i = 0; i < wireSegments.length; i++) {
    const raw = wireSegments[i];
    if (raw.indexOf('%') === -1) {
      segments[i] = raw;
      continue;
    }
    try {
      segments[i] = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return { path: '/' + segments.join('/'), segments, wireSegments };
}

/**
 * Query pairs, decoded. Malformed percent-encoding is I400PA, the cloud's invalid request path
 * (its parameter rules call input that is not RFC 3986 an invalid request path), naming the piece.
 */
export function parseQuery(rawQuery: string): Pairs | GatewayError {
  if (rawQuery === '') return [];
  const parsed = parseUrlEncoded(rawQuery);
  return parsed.ok ? parsed.pairs : gatewayError('I400PA', shortened(`?${parsed.error.piece}`));
}

/** A piece of the request quoted in a message, cut to a readable length. */
export function shortened(text: string, max = 200): string {
  return text.length > max ? text.slice(0, max) + '...' : text;
}

/** Lower-case names to their first value, read as UTF-8. */
export function collectHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (headers[name] === undefined) headers[name] = utf8HeaderValue(rawHeaders[i + 1]);
  }
  return headers;
}

/** The declared Content-Length over the limit (I413RL), checked before a byte of the body is read. */
export function declaredBodyTooLarge(req: IncomingMessage, maxBodyBytes: number): GatewayError | undefined {
  const declared = req.headers['content-length'];
  if (declared === undefined) return undefined;
  // Node's parser has already refused a Content-Length that is not a number.
  return Number(declared) > maxBodyBytes ? gatewayError('I413RL') : undefined;
}

/** True when the request carries a body to read (Node sets neither header for a bodiless request). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return req.headers['transfer-encoding'] !== undefined;
}

const EMPTY = new Uint8Array(0);

/**
 * Reads the whole body, stopping as soon as it passes the limit (a chunked body declares no
 * length): then resolves to I413RL and leaves the rest unread. Resolves undefined when the client
 * went away first.
 */
export function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Uint8Array | GatewayError | undefined> {
  if (!hasBody(req)) return Promise.resolve(EMPTY);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: Uint8Array | GatewayError | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('aborted', onGone);
      req.off('close', onClose);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.pause();
        finish(gatewayError('I413RL'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    const onGone = () => finish(undefined);
    const onClose = () => {
      if (!req.complete) finish(undefined);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('aborted', onGone);
    req.on('close', onClose);
  });
}

/** The `charset=` parameter of a Content-Type, lower-case, or undefined. */
export function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match ? match[1].toLowerCase() : undefined;
}

/**
 * Form fields of an x-www-form-urlencoded body, decoded with the Content-Type's charset (UTF-8 by
 * default); I400CT for a charset this runtime cannot decode, I400BD for bad percent-encoding.
 */
export function parseForm(body: Uint8Array, contentType: string): Pairs | GatewayError {
  if (body.length === 0) return [];
  const charset = charsetOf(contentType) ?? 'utf-8';
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (charset === 'utf-8' || charset === 'utf8') {
    const parsed = parseUrlEncoded(bytes.toString('utf8'));
    return parsed.ok ? parsed.pairs : gatewayError('I400BD', parsed.error.message);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return gatewayError('I400CT', contentType);
  }
  // Each byte kept as one char, so pieces can be cut on & and = before decoding.
  const text = bytes.toString('latin1');
  const pairs: Pairs = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodeComponent(eq === -1 ? piece : piece.slice(0, eq), decoder);
    const value = eq === -1 ? '' : decodeComponent(piece.slice(eq + 1), decoder);
    if (name === undefined || value === undefined) {
      return gatewayError('I400BD', `malformed percent-encoding or ${charset} text in "${piece.slice(0, 64)}"`);
    }
    if (name !== '') pairs.push([name, value]);
  }
  return pairs;
}

function decodeComponent(latin1: string, decoder: TextDecoder): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c === 0x2b /* + */) bytes.push(0x20);
    else if (c === 0x25 /* % */) {
      const hex = latin1.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c);
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/** The caller's address, without the IPv4-mapped IPv6 prefix. */
export function clientIpOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The Host header's name part, lower-case, without the port. */
export function hostName(host: string | undefined): string {
  if (!host) return '';
  if (host.charCodeAt(0) === 91 /* [ */) {
    const close = host.indexOf(']');
    return (close === -1 ? host : host.slice(0, close + 1)).toLowerCase();
  }
  const colon = host.indexOf(':');
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

/** URL over the cloud's limit (I413UL). Counted in bytes as sent. */
export function urlTooLarge(url: string): boolean {
  return url.length > GATEWAY_CHOICES.maxUrlBytes;
}

const HEADER_LIMIT = `${GATEWAY_CHOICES.maxHeaderBytes / 1024} KB`;

/**
 * The URL and the header names and values together over GATEWAY_CHOICES.maxHeaderBytes (the
 * bytes Node's parser counts): I400HD naming the largest header. A URL over its own limit is
 * refused before this (urlTooLarge), so this answer means the headers are what is too large.
 */
export function headersTooLarge(url: string, rawHeaders: readonly string[]): GatewayError | undefined {
  let total = url.length;
  for (let i = 0; i < rawHeaders.length; i++) total += rawHeaders[i].length;
  if (total <= GATEWAY_CHOICES.maxHeaderBytes) return undefined;
  let largest = 0;
  for (let i = 2; i < rawHeaders.length; i += 2) if (rawHeaders[i + 1].length > rawHeaders[largest + 1].length) largest = i;
  return gatewayError('I400HD', rawHeaders[largest] ?? '', `too large: the URL and headers are over ${HEADER_LIMIT} together`);
}
