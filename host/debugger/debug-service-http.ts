/**
 * Sends a prepared call with node:http(s) exactly as prepared: no redirects followed, 30 s for the
 * whole exchange, at most 10 MB of the answer's body read.
 */
import http from 'node:http';
import https from 'node:https';
import type { DebugResult, PreparedCall } from '../../shared/ipc/contract';

export const SEND_TIMEOUT_MS = 30_000;
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type SendOutcome = { response: NonNullable<DebugResult['response']> } | { failure: string };

export function sendPrepared(prepared: PreparedCall, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const started = performance.now();
  let url: URL;
  try {
    url = new URL(prepared.url);
  } catch {
    return Promise.resolve({ failure: `${prepared.url} is not a URL the debugger can call; give an http:// or https:// address.` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve({ failure: `The debugger calls http:// and https:// addresses only, not ${url.protocol}//.` });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = client.request(url, { method: prepared.method, agent: false });
    for (const [name, values] of groupHeaders(prepared.headers)) {
      try {
        req.setHeader(name, values.length === 1 ? values[0] : values);
      } catch (error) {
        req.destroy();
        return settle({ failure: `Header ${name} cannot be sent: ${(error as Error).message}. Remove line breaks and control characters from its name and value.` });
      }
    }
    const timer = setTimeout(() => {
      req.destroy();
      settle({ failure: `No complete answer from ${url.origin} within ${timeoutMs / 1000} s; the call was abandoned.` });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => settle({ failure: networkFailure(url, error) }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        const headers = pairsOf(res.rawHeaders);
        const find = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1];
        const body = Buffer.concat(chunks);
        const text = textOf(body, find('content-type'));
        settle({
          response: {
            status: res.statusCode ?? 0,
            headers,
            body: text ?? body.toString('base64'),
            bodyEncoding: text === undefined ? 'base64' : 'utf8',
            timeMs: Math.round((performance.now() - started) * 10) / 10,
            requestId: find('x-ca-request-id'),
            errorCode: find('x-ca-error-code'),
            errorMessage: find('x-ca-error-message'),
          },
        });
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) return;
        const room = MAX_BODY_BYTES - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        // Enough to show; the rest is not read.
        if (size >= MAX_BODY_BYTES) {
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.end(prepared.body === undefined ? undefined : Buffer.from(prepared.body, 'utf8'));
  });
}

function groupHeaders(headers: [string, string][]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = [...grouped.keys()].find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  return grouped;
}

/** Header values arrive as Latin-1; the gateway writes UTF-8 bytes (its error messages may hold any text). */
function pairsOf(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], utf8Of(raw[i + 1])]);
  return pairs;
}

function utf8Of(latin1: string): string {
  if (/^[\x00-\x7f]*$/.test(latin1)) return latin1;
  const decoded = Buffer.from(latin1, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? latin1 : decoded;
}

const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|problem\+json)|[^;]*\+(json|xml))/i;

/** The body as text when it is text (by its Content-Type, or valid UTF-8 without one); undefined for binary. */
function textOf(body: Buffer, contentType: string | undefined): string | undefined {
  if (body.length === 0) return '';
  if (contentType !== undefined && !TEXT_TYPE.test(contentType.trim())) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

function networkFailure(url: URL, error: NodeJS.ErrnoException): string {
  const where = url.origin;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `Nothing answered at ${where}: the connection was refused. Is the gateway running on that port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${url.hostname} could not be found (DNS). Check the address.`;
    case 'ECONNRESET':
      return `${where} closed the connection before answering.`;
    case 'ETIMEDOUT':
      return `Connecting to ${where} timed out.`;
    default:
      return `The call to ${where} failed: ${error.message}.`;
  }
}
