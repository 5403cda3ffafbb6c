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

describe('nonce store, against a Map that forgets nothing', () => {
  /** A small deterministic generator (mulberry32), so a failure can be run again. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it('answers as the Map does through growth, expiry, shrinking and keys remembered again', () => {
    const next = random(14);
    // Keys that differ only past ASCII, only in length, or are long enough to outgrow any buffer.
    const keys = Array.from({ length: 60_000 }, (_, i) => {
      if (i % 97 === 0) return `k\u0000é${i}\u{1F600}`;
      if (i % 89 === 0) return `k\u0000${'x'.repeat(300 + i)}`;
      if (i % 83 === 0) return `k\u0000${i}`.slice(0, 4);
      return `k\u0000${i.toString(36)}-${(i * 7919).toString(16)}`;
    });
    const store = createNonceStore();
    const reference = new Map<string, number>();
    let now = T;
    for (let step = 0; step < 200_000; step++) {
      // Time moves in bursts and quiet spells; windows from nothing to 20 s, some already past.
      now += next() < 0.0001 ? Math.floor(next() * 60_000) : Math.floor(next() * 2);
      const key = keys[Math.floor(next() * keys.length)];
      const until = now + Math.floor(next() * 20_000) - 200;
      const known = reference.get(key);
      const expected = known !== undefined && known >= now;
      if (!expected && until >= now) reference.set(key, until);
      if (store.seen(key, now, until) !== expected) throw new Error(`step ${step}: ${JSON.stringify(key)} at ${now - T} should be ${expected ? 'a replay' : 'new'}`);
    }
    // Nothing outlives its window by more than the sweep's second.
    let live = 0;
    for (const until of reference.values()) if (until >= now - 2_000) live++;
    expect(store.size).toBeLessThanOrEqual(live);
  });

  it('keeps half a million nonces across many table growths and refuses each of them again', () => {
    const store = createNonceStore();
    const nonce = (i: number) => `204000001\u0000${i.toString(16).padStart(8, '0')}-7bd8-41cd-9c19-62c05ea524a2`;
    const N = 500_000;
    let replays = 0;
    for (let i = 0; i < N; i++) if (store.seen(nonce(i), T + (i >> 10), T + WINDOW)) replays++;
    expect(replays).toBe(0);
    let refused = 0;
    for (let i = 0; i < N; i++) if (store.seen(nonce(i), T + MINUTE, T + MINUTE + WINDOW)) refused++;
    expect(refused).toBe(N);
    expect(store.size).toBe(N);
  });
});
