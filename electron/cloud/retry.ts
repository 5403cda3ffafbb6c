/**
 * When a failed call may be sent again, and how long to wait first. A read is always safe to
 * repeat; a write only when repeating it cannot do the work twice (it is idempotent by nature or
 * carries an idempotency token), because a timeout or reset tells us nothing about whether the
 * cloud already did it.
 */
import type { CloudError } from './cloud-error';

export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

/** Socket failures that say nothing about the request itself: worth another try. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN',
]);

export function isTransient(error: CloudError): boolean {
  if (error.kind === 'service') return error.code.startsWith('Throttling') || error.code === 'ServiceUnavailable';
  if (error.kind === 'timeout') return true;
  return error.kind === 'network' && TRANSIENT_NETWORK_CODES.has(error.code);
}

export function shouldRetry(error: CloudError, attempt: number, policy: RetryPolicy, repeatable: boolean): boolean {
  return repeatable && attempt < policy.attempts && isTransient(error);
}

/** "Full jitter": a random wait up to an exponentially growing cap, so retrying clients spread out. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * cap);
}
