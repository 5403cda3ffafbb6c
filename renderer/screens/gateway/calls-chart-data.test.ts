import { describe, expect, it } from 'vitest';
import { bucketsPerSecond, niceMax } from './calls-chart-data';

describe('calls per second', () => {
  const now = 1_700_000_100_500;
  const at = (secondsAgo: number) => now - secondsAgo * 1000;

  it('counts calls, errors and throttled calls in the second they arrived', () => {
    const b = bucketsPerSecond(
      [
        { at: at(0), status: 200 },
        { at: at(0), status: 429, errorCode: 'T429IN' },
        { at: at(2), status: 500 },
        { at: at(299), status: 200 },
        { at: at(300), status: 200 }, // outside the window
        { at: Number.NaN, status: 200 },
      ],
      now,
    );
    expect(b.calls).toHaveLength(300);
    expect(b.calls.at(-1)).toBe(2);
    expect(b.errors.at(-1)).toBe(1);
    expect(b.throttled.at(-1)).toBe(1);
    expect(b.errors.at(-3)).toBe(1);
    expect(b.calls[0]).toBe(1);
    expect(b.totals).toEqual({ calls: 4, errors: 2, throttled: 1 });
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax([0])).toBe(1);
    expect(niceMax([3])).toBe(5);
    expect(niceMax([7])).toBe(10);
    expect(niceMax([11])).toBe(20);
    expect(niceMax([240])).toBe(500);
  });
});
