/**
 * When an authorization ends, in epoch milliseconds: Infinity when it never does, -Infinity when
 * its expiry cannot be read (fail closed: an unreadable date never grants forever). The gateway
 * refuses calls by it and the Apps screen shows "expired" by it.
 */
export function authorizationExpiryMs(expiresAt: string | undefined): number {
  if (expiresAt === undefined) return Infinity;
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? -Infinity : at;
}
