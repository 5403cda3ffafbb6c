/**
 * What a server of ours on 127.0.0.1 checks before it answers (browser mode's web host, the
 * offline cloud): the Host header names this machine and this port, since a DNS-rebinding page
 * reaches 127.0.0.1 under its own name and would send that name; and a per-start secret, compared
 * in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The only Host headers a loopback server on `port` serves. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** A fresh per-start secret: 32 random bytes, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Equal-length digests make the comparison take the same time whatever was presented. */
export function secretMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
