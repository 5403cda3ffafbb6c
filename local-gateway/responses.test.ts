import { describe, expect, it } from 'vitest';
import { newRequestId } from './responses';

describe('newRequestId', () => {
  it('gives upper-case version 4 UUIDs that do not repeat, across refills of its random pool', () => {
    const ids = new Set<string>();
    // 4096 ids a pool: this draws three.
    for (let i = 0; i < 10_000; i++) {
      const id = newRequestId();
      expect(id).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
  });
});
