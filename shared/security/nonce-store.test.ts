import { describe, expect, it } from 'vitest';
import { createNonceStore } from './nonce-store';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
/** An X-Ca-Timestamp, in ms: the clock below is the test's own, so the store's expiry is checked exactly. */
const T = 1_795_459_824_195;

describe('nonce store', () => {
  it('refuses a nonce until its timestamp + 15 minutes, and forgets it after', () => {
    const store = createNonceStore();
    expect(store.seen('n', T, T + WINDOW)).toBe(false);
    expect(store.seen('n', T + 1, T + 1 + WINDOW)).toBe(true);
    expect(store.seen('n', T + WINDOW, T + 2 * WINDOW)).toBe(true);
    expect(store.seen('n', T + WINDOW + 1, T + 2 * WINDOW + 1)).toBe(false);
    // Remembered again from then on, for its new window.
    expect(store.seen('n', T + WINDOW + 2, T + 2 * WINDOW + 2)).toBe(true);
  });

  it('refuses a replay after 250,000 other nonces', () => {
    const store = createNonceStore();
    expect(store.seen('first', T, T + WINDOW)).toBe(false);
    // 250,000 calls within the window (about 4.6 a millisecond for 54 s).
    for (let i = 0; i < 250_000; i++) expect(store.seen(`other-${i}`, T + Math.floor(i / 4.6), T + WINDOW)).toBe(false);
    expect(store.seen('first', T + MINUTE, T + MINUTE + WINDOW)).toBe(true);
    expect(store.size).toBe(250_001);
  });

  it('keeps each nonce for its own window, whatever order they expire in', () => {
    const store = createNonceStore();
    // A caller whose clock runs 10 minutes ahead, then one 10 minutes behind.
    expect(store.seen('ahead', T, T + 10 * MINUTE + WINDOW)).toBe(false);
    expect(store.seen('behind', T, T - 10 * MINUTE + WINDOW)).toBe(false);
    expect(store.seen('behind', T + 5 * MINUTE + 1, T + 5 * MINUTE + 1 + WINDOW)).toBe(false);
    expect(store.seen('ahead', T + 25 * MINUTE, T + 25 * MINUTE + WINDOW)).toBe(true);
    expect(store.seen('ahead', T + 25 * MINUTE + 1, T + 25 * MINUTE + 1 + WINDOW)).toBe(false);
  });

  it('forgets expired nonces as time passes, so memory follows the window and not the count', () => {
    const store = createNonceStore();
    for (let i = 0; i < 10_000; i++) store.seen(`n${i}`, T + i, T + i + WINDOW);
    expect(store.size).toBe(10_000);
    // After a quiet day, the next call sweeps them all.
    const later = T + 24 * 60 * MINUTE;
    expect(store.seen('later', later, later + WINDOW)).toBe(false);
    expect(store.size).toBe(1);
    // Nonces whose window ends within a second are gone from the call after that second.
    for (let i = 0; i < 100; i++) store.seen(`m${i}`, later + 1, later + 500);
    expect(store.size).toBe(101);
    store.seen('tick', later + 2_000, later + 2_000 + WINDOW);
    expect(store.size).toBe(2);
  });

  it('does not keep a nonce whose window has already passed', () => {
    const store = createNonceStore();
    expect(store.seen('stale', T, T - 1)).toBe(false);
    expect(store.size).toBe(0);
  });

  it('keeps keys apart per account, as the gateway and the offline cloud prefix them', () => {
    const store = createNonceStore();
    expect(store.seen('k\nn1', T, T + WINDOW)).toBe(false);
    expect(store.seen('k\nn1', T + 500, T + 500 + WINDOW)).toBe(true);
    expect(store.seen('other\nn1', T + 500, T + 500 + WINDOW)).toBe(false);
  });
});
