/**
 * The rules for a cloud profile's OpenAPI endpoint, the same for the Settings dialog (while the
 * URL is typed), the contract's schema (what the host accepts), the CLI's --endpoint and the
 * cloud client: where signed requests may go, and when two endpoints are the same place.
 */

/** What "no endpoint" means: the regional endpoints of Alibaba Cloud itself. */
export const ALIBABA_ENDPOINT_LABEL = "Alibaba Cloud's own endpoint";

export const CLEARTEXT_ENDPOINT_MESSAGE = 'http:// would send signed requests in the clear; use https://, or http:// only for a local emulator on 127.0.0.1.';

/**
 * http:// to this computer only: localhost, 127.0.0.0/8, [::1], with an optional port and path.
 * Strict on purpose: no user info (`http://127.0.0.1@elsewhere`) and no backslash, which URL
 * parsers disagree about, so that what passes here is loopback for whatever client sends it.
 */
const LOOPBACK_HTTP = /^http:\/\/(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}|\[::1\])(?::\d{1,5})?(?:[/?#][^@\\\s]*)?$/;

/** Why signed requests may not be sent to this endpoint, or undefined when they may. */
export function endpointProblem(endpoint: string): string | undefined {
  if (endpoint.startsWith('https://')) return undefined;
  if (endpoint.startsWith('http://')) return LOOPBACK_HTTP.test(endpoint) ? undefined : CLEARTEXT_ENDPOINT_MESSAGE;
  return 'An endpoint is a URL starting with https:// (http:// only for a local emulator on 127.0.0.1).';
}

/**
 * Whether two endpoints (undefined or empty: Alibaba Cloud's own) send to the same place. Only
 * trailing slashes are ignored, as the client drops them; any other difference counts, so that a
 * saved secret is never sent somewhere merely similar.
 */
export function sameEndpoint(a: string | undefined, b: string | undefined): boolean {
  return endpointKey(a) === endpointKey(b);
}

/** An endpoint as a sentence names it. */
export function endpointName(endpoint: string | undefined): string {
  return endpointKey(endpoint) ?? ALIBABA_ENDPOINT_LABEL;
}

function endpointKey(endpoint: string | undefined): string | undefined {
  const trimmed = endpoint?.trim().replace(/\/+$/, '');
  return trimmed ? trimmed : undefined;
}
