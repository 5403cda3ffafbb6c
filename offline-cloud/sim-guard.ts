/**
 * Who the offline cloud answers: SDKs and CLIs on this machine, never a web page. Every route
 * checks the Host (a DNS-rebinding page reaches 127.0.0.1 under its own name and sends that name)
 * and that no browser made the request: browsers say so with Origin (every cross-origin request
 * and every POST) or Sec-Fetch-Site, which pop-core and the official SDKs never send. Without
 * this, any page could post a form signed with the public demo keys. The admin API under /_sim/
 * also needs the per-start admin token (docs/offline-cloud.md).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { loopbackHosts, secretMatches } from '../shared/node/loopback-guard';
import { type SimError, simErrors } from './sim-errors';

/** The header carrying the admin token to /_sim/. */
export const ADMIN_TOKEN_HEADER = 'x-sim-admin-token';

/** `none`: typed in the address bar or sent by a non-browser client that sets it; `same-origin`: a page of ours (there are none). */
const NOT_CROSS_SITE = new Set(['none', 'same-origin']);

/** Why the request is refused whatever its route, or undefined when it comes from a client on this machine. */
export function requestRefusal(headers: IncomingHttpHeaders, port: number): SimError | undefined {
  const served = loopbackHosts(port);
  const host = headers.host?.toLowerCase();
  if (host === undefined || !served.includes(host)) return simErrors.foreignHost(headers.host, served);
  if (headers.origin !== undefined) return simErrors.fromBrowser(`Origin ${headers.origin}`);
  const site = headers['sec-fetch-site'];
  if (site !== undefined && !NOT_CROSS_SITE.has(String(site))) return simErrors.fromBrowser(`Sec-Fetch-Site ${String(site)}`);
  return undefined;
}

/** Why a request to /_sim/ is refused for its token, or undefined when it carries this start's. */
export function adminTokenRefusal(headers: IncomingHttpHeaders, adminToken: string): SimError | undefined {
  const presented = headers[ADMIN_TOKEN_HEADER];
  if (typeof presented !== 'string') return simErrors.adminToken(false);
  return secretMatches(adminToken, presented) ? undefined : simErrors.adminToken(true);
}
