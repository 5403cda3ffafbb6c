/** Calls, errors and throttled calls per second over a recent window, for the log's chart. */
import type { LogEntry } from '../../data/gateway-store';
import { isError, isThrottled } from '../../data/gateway-store';

export const CHART_SECONDS = 300;

export interface SecondBuckets {
  /** Index 0 is the oldest second of the window, the last index the current one. */
  calls: number[];
  errors: number[];
  throttled: number[];
  totals: { calls: number; errors: number; throttled: number };
}

/** Counts per second of the `seconds` seconds up to and including the one holding `now`. */
export function bucketsPerSecond(entries: readonly Pick<LogEntry, 'at' | 'status' | 'errorCode'>[], now: number, seconds = CHART_SECONDS): SecondBuckets {
  const calls = new Array<number>(seconds).fill(0);
  const errors = new Array<number>(seconds).fill(0);
  const throttled = new Array<number>(seconds).fill(0);
  const last = Math.floor(now / 1000);
  const first = last - seconds + 1;
  const totals = { calls: 0, errors: 0, throttled: 0 };
  for (const e of entries) {
    if (!Number.isFinite(e.at)) continue;
    const second = Math.floor(e.at / 1000);
    if (second < first || second > last) continue;
    const i = second - first;
    calls[i]++;
    totals.calls++;
    if (isError(e)) {
      errors[i]++;
      totals.errors++;
    }
    if (isThrottled(e)) {
      throttled[i]++;
      totals.throttled++;
    }
  }
  return { calls, errors, throttled, totals };
}

/** A round top for the y axis (1, 2, 5, 10, 20, 50...) at or above the largest count. */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(1, ...values);
  for (let scale = 1; ; scale *= 10) {
    for (const step of [1, 2, 5]) if (step * scale >= max) return step * scale;
  }
}
