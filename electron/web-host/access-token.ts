/**
 * The per-launch access token of browser mode: 32 random bytes, base64url. It travels in the
 * printed URL (`?token=`), an HttpOnly cookie, or the `X-Agw-Token` header, and is compared in
 * constant time.
 */
import { newSecretToken, secretMatches } from '../host/loopback-guard';

export const TOKEN_HEADER = 'x-agw-token';

/** The token's making and its constant-time comparison are the loopback servers' one rule (the offline cloud's admin token too). */
export const newAccessToken = newSecretToken;
export const tokenMatches = secretMatches;

/** Cookies do not tell ports apart, so each launch's cookie carries its port in the name. */
export function tokenCookieName(port: number): string {
  return `agw_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
