import { describe, expect, it } from 'vitest';
import { createNonceStore } from './nonce-store';

describe('nonce ring', () => {
  it('accepts a nonce once within its TTL, and again after it', () => {
    const store = createNonceStore({ ttlMs: 1000 });
    expect(store.seen('a', 0)).toBe(false);
    expect(store.seen('a', 999)).toBe(true);
    expect(store.seen('b', 999)).toBe(false);
    expect(store.seen('a', 1000)).toBe(false);
    expect(store.seen('a', 1500)).toBe(true);
  });

  it('forgets the oldest nonces first when full', () => {
    const store = createNonceStore({ ttlMs: 60_000, max: 3 });
    for (const n of ['a', 'b', 'c', 'd']) expect(store.seen(n, 0)).toBe(false);
    expect(store.seen('a', 1)).toBe(false); // dropped to make room for d, so new again (and drops b)
    expect(store.seen('c', 1)).toBe(true);
    expect(store.seen('d', 1)).toBe(true);
    expect(store.seen('b', 1)).toBe(false);
  });

  it('keeps a re-remembered nonce when its first slot expires', () => {
    const store = createNonceStore({ ttlMs: 100, max: 10 });
    store.seen('x', 0);
    store.seen('x', 150); // expired, remembered again until 250
    store.seen('y', 200); // drops the first slot of x
    expect(store.seen('x', 240)).toBe(true);
  });

  it('keeps working past its size many times over', () => {
    const store = createNonceStore({ ttlMs: 60_000, max: 1000 });
    for (let i = 0; i < 50_000; i++) expect(store.seen(`n${i}`, i)).toBe(false);
    expect(store.seen('n49999', 50_000)).toBe(true);
    expect(store.seen('n0', 50_000)).toBe(false);
  });
});

describe('nonce ring keyed per account (as the offline cloud uses it)', () => {
  it('refuses a reused key within the window and keeps accounts apart', () => {
    const store = createNonceStore({ max: 3, ttlMs: 1000 });
    expect(store.seen('k\nn1', 0)).toBe(false);
    expect(store.seen('k\nn1', 500)).toBe(true);
    expect(store.seen('other\nn1', 500)).toBe(false);
    expect(store.seen('k\nn1', 1001)).toBe(false);
  });
});
