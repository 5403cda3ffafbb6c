/**
 * The per-launch access token of browser mode: 32 random bytes, base64url, compared in constant
 * time. It travels only in the `X-Agw-Token` header, never in a cookie: browsers send a cookie
 * for 127.0.0.1 to every port, so any other server on this machine (the local gateway's backends,
 * another user's server) would receive it.
 */
import { newSecretToken, secretMatches } from '../../shared/node/loopback-guard';

export const TOKEN_HEADER = 'x-agw-token';

/** The token's making and its constant-time comparison are the loopback servers' one rule (the offline cloud's admin token too). */
export const newAccessToken = newSecretToken;
export const tokenMatches = secretMatches;

/**
 * The URL a person pastes: the token rides in the fragment, which browsers never send to a
 * server, so it reaches no log, no Referer and no other port; the page moves it into session
 * storage and cleans the address bar.
 */
export function consoleUrl(origin: string, token: string): string {
  return `${origin}/#token=${token}`;
}
