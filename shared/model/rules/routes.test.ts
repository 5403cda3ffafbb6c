import { describe, expect, it } from 'vitest';
import { sameRoute } from './routes';

describe('sameRoute', () => {
  it('ignores path parameter names and lets ANY meet every method', () => {
    expect(sameRoute({ method: 'GET', path: '/pets/[id]' }, { method: 'GET', path: '/pets/[name]' })).toBe(true);
    expect(sameRoute({ method: 'ANY', path: '/pets' }, { method: 'POST', path: '/pets' })).toBe(true);
    expect(sameRoute({ method: 'GET', path: '/pets' }, { method: 'POST', path: '/pets' })).toBe(false);
    expect(sameRoute({ method: 'GET', path: '/pets/[id]' }, { method: 'GET', path: '/pets/mine' })).toBe(false);
  });
});
