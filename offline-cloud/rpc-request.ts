/** The parameters of an RPC request: the query string merged with a form body (the body wins a tie). */
import type { IncomingMessage } from 'node:http';
import { simErrors } from './sim-errors';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw simErrors.tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A null-prototype record, so a parameter named `__proto__` is only data. */
export function rpcParams(query: URLSearchParams, body: string): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  for (const [name, value] of query) params[name] = value;
  if (body) for (const [name, value] of new URLSearchParams(body)) params[name] = value;
  return params;
}
