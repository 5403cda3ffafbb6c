/**
 * When a failed call may be sent again, and how long to wait first (docs/sync.md "Retries").
 *
 * - A refusal that says the work was not done and asks to try again (flow control, or a code the
 *   cloud answers for one action, as Terraform retries it) is sent again, whatever the call.
 * - A lost answer (none in time, a dropped connection, a broken answer, the cloud's own 5xx) says
 *   nothing about whether the work was done. A read is sent again; a write only when repeating it
 *   cannot do the work twice: idempotent by nature, or carrying a token its action declares. A
 *   create without one is never resent here: sync looks it up by name first (create-or-adopt.ts).
 */
import { CloudError } from './cloud-error';

export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The least wait before sending again a call refused with ConcurrencyLockTimeout (Terraform pauses 3 s). */
  lockWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, lockWaitMs: 3_000 };

/**
 * CloudAPI codes that refuse one action for now and that Terraform answers by sending it again:
 * RepeatedCommit (400, "Resubmit request.") on CreateApiGroup and CreateApp, ConcurrencyLockTimeout
 * on AbolishApi (docs/sync.md "Retries").
 */
const RETRY_LATER: Readonly<Record<string, readonly string[]>> = {
  CreateApiGroup: ['RepeatedCommit'],
  CreateApp: ['RepeatedCommit'],
  AbolishApi: ['ConcurrencyLockTimeout'],
};

/** Socket failures that say nothing about the request itself: worth another try when a resend is safe. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN',
]);

/** The cloud refused the call before doing anything and asks for it again later. */
export function refusedForNow(error: CloudError): boolean {
  if (error.kind !== 'service') return false;
  if (error.code.startsWith('Throttling')) return true;
  return error.product === 'CloudAPI' && (RETRY_LATER[error.action]?.includes(error.code) ?? false);
}

/**
 * Whether a write that failed this way may still have been carried out: no answer, a broken
 * one, or the cloud's own trouble (5xx). A refusal with a code (4xx) or a call never sent says
 * for certain that nothing was done.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof CloudError)) return true;
  if (error.kind === 'config') return false;
  if (error.kind !== 'service') return true;
  return (error.httpStatus ?? 0) >= 500 || error.code === 'InternalError' || error.code === 'ServiceUnavailable';
}

/** A lost answer that another try may well get: a timeout, a network hiccup, the cloud briefly unavailable. */
function worthAnotherTry(error: CloudError): boolean {
  if (error.kind === 'service') return error.code === 'ServiceUnavailable';
  if (error.kind === 'timeout') return true;
  return error.kind === 'network' && TRANSIENT_NETWORK_CODES.has(error.code);
}

/** `repeatable`: sending the call twice cannot do the work twice (a read, an idempotent write, a declared token). */
export function shouldRetry(error: CloudError, attempt: number, policy: RetryPolicy, repeatable: boolean): boolean {
  if (attempt >= policy.attempts) return false;
  return refusedForNow(error) || (repeatable && worthAnotherTry(error));
}

/** "Full jitter": a random wait up to an exponentially growing cap, so retrying clients spread out. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * cap);
}

/** The wait before the next attempt after `error`: the backoff, and at least Terraform's pause for a lock. */
export function retryDelayMs(error: CloudError, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const backoff = backoffDelayMs(attempt, policy, random);
  return error.code === 'ConcurrencyLockTimeout' ? Math.max(policy.lockWaitMs, backoff) : backoff;
}
