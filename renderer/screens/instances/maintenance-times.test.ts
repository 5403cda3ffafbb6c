import { describe, expect, it } from 'vitest';
import { checkPurchase } from '../../../shared/purchase';
import { testContext, testRequest } from '../../../shared/purchase/test-fixtures';
import { UTC_TIMES, localLabel, timeOptions, utcLabel } from './maintenance-times';

describe('the maintenance window picker', () => {
  it('offers UTC half hours in the HH:mmZ form the rules accept, so `3:00` cannot be typed', () => {
    expect(UTC_TIMES).toHaveLength(48);
    expect(UTC_TIMES.slice(0, 3)).toEqual(['00:00Z', '00:30Z', '01:00Z']);
    expect(UTC_TIMES).toContain('03:00Z');
    for (const start of ['03:00Z', '23:30Z']) {
      const findings = checkPurchase({ ...testRequest(), maintenance: { start, end: '05:00Z' } }, testContext());
      expect(findings.filter((f) => f.code === 'MAINTENANCE_INVALID')).toEqual([]);
    }
  });

  it('keeps a time set off the grid as an option, in its place', () => {
    const options = timeOptions('22:15Z');
    expect(options).toHaveLength(49);
    expect(options.slice(options.indexOf('22:15Z') - 1, options.indexOf('22:15Z') + 2)).toEqual(['22:00Z', '22:15Z', '22:30Z']);
    expect(timeOptions('22:00Z')).toHaveLength(48);
    expect(timeOptions('3:00')).toHaveLength(48);
  });

  it('shows each time as UTC and as the buyer\'s own time, with daylight saving on that day', () => {
    expect(utcLabel('22:00Z')).toBe('22:00 UTC');
    expect(localLabel('22:00Z', new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('23:00 in Europe/Berlin');
    expect(localLabel('22:00Z', new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('00:00 in Europe/Berlin');
    expect(localLabel('22:00Z', new Date('2026-07-15T12:00:00Z'), 'UTC')).toBe('');
  });
});
