// One date format in the console: local time with its zone, ISO for the tooltip.
import { describe, expect, it } from 'vitest';
import { formatDateTime, isoOf } from './date-format';

describe('formatDateTime', () => {
  it('writes the moment in the given zone, with the zone', () => {
    expect(formatDateTime('2025-01-10T08:00:05.123Z', 'Asia/Shanghai')).toBe('2025-01-10 16:00:05 GMT+8');
    expect(formatDateTime('2025-01-10T08:00:05Z', 'UTC')).toBe('2025-01-10 08:00:05 UTC');
    expect(formatDateTime('2025-07-01T23:30:00Z', 'America/New_York')).toBe('2025-07-01 19:30:00 EDT');
  });

  it('midnight is 00, not 24', () => {
    expect(formatDateTime('2025-01-10T16:00:00Z', 'Asia/Shanghai')).toBe('2025-01-11 00:00:00 GMT+8');
  });

  it('leaves a text that is no time as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
    expect(isoOf('soon')).toBe('soon');
  });

  it('gives the ISO text in UTC for the tooltip', () => {
    expect(isoOf('2025-01-10T16:00:05+08:00')).toBe('2025-01-10T08:00:05.000Z');
  });
});
