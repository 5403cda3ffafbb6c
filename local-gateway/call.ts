/**
 * One parsed incoming request, as every step of the gateway's pipeline sees it
 * (routing, auth, throttling, IP control, CORS, mapping, backends).
 */
import type { Stage } from '../shared/model/schema';

export interface Call {
  /** Upper-case UUID sent back as X-Ca-Request-Id. */
  requestId: string;
  /** HTTP method as received (upper case). */
  method: string;
  /** The path as it came on the wire (still percent-encoded), without the query. */
  wirePath: string;
  /** The path percent-decoded (UTF-8). */
  path: string;
  /** Decoded query pairs in wire order; repeated names kept. */
  query: Array<[string, string]>;
  /** Decoded form pairs, when the Content-Type is application/x-www-form-urlencoded. */
  form?: Array<[string, string]>;
  /** Lower-case names, first value of each, read as UTF-8. */
  headers: Record<string, string>;
  /** The raw body (already checked against the size limit). */
  body: Uint8Array;
  clientIp: string;
  protocol: 'HTTP' | 'HTTPS';
  stage: Stage;
  /** The Host header without the port, lower case. */
  host: string;
  /** Date.now() when the request arrived. */
  receivedAt: number;
}
