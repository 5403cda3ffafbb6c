/** How long to wait before restarting a crashed gateway: 0.5 s, 1 s, 2 s … at most 10 s. */
export interface BackoffTiming {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffTiming = { firstDelayMs: 500, maxDelayMs: 10_000 };

/** The delay after the `crashes`-th crash in a row (1 for the first). */
export function restartDelayMs(crashes: number, timing: BackoffTiming = DEFAULT_BACKOFF): number {
  const doubled = timing.firstDelayMs * 2 ** Math.max(0, crashes - 1);
  return Math.min(doubled, timing.maxDelayMs);
}

/** `0.5 s`, `2 s`: how the status message says a delay. */
export function formatDelay(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
