import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time';

describe('constantTimeEqual', () => {
  it('is true only for identical strings', () => {
    expect(constantTimeEqual('i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=', 'i86nUkdA+kgGk32t6kFLgaQP/ThOOOVqhviroc7lE1Q=')).toBe(true);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('bbc', 'abc')).toBe(false);
  });

  it('is false for different lengths, including prefixes and the empty string', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('abcd', 'abc')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual('a', '')).toBe(false);
  });

  it('compares beyond ASCII', () => {
    expect(constantTimeEqual('中文', '中文')).toBe(true);
    expect(constantTimeEqual('中文', '中斌')).toBe(false);
  });
});
