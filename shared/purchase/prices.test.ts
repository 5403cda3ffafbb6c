import { describe, expect, it } from 'vitest';
import { SPEC_IDS } from './editions';
import { HOURS_PER_MONTH, PRICE_GROUPS, estimatePrice, estimateText, formatUsd, specPrice } from './prices';

describe('the price estimate', () => {
  it('prices pay-as-you-go by the hour and by a month of 730 hours', () => {
    const estimate = estimatePrice('cn-hangzhou', 'api.s2.large.x2', { kind: 'payAsYouGo' });
    expect(estimate).toEqual({ known: true, currency: 'USD', billing: 'payAsYouGo', perHour: 13.56, perMonth: 9898.8, group: 'Chinese mainland' });
    expect(HOURS_PER_MONTH).toBe(730);
    expect(estimateText(estimate)).toBe('about US$13.56 an hour (about US$9,898.80 a month of 730 hours)');
  });

  it('prices a subscription for its whole term, by the month or by the year', () => {
    expect(estimatePrice('cn-shanghai', 'api.s1.medium', { kind: 'subscription', duration: 3, cycle: 'month' })).toMatchObject({ term: 4404, termLabel: '3 months' });
    expect(estimatePrice('cn-beijing', 'api.s1.small', { kind: 'subscription', duration: 1, cycle: 'year' })).toMatchObject({ term: 5518.2, termLabel: '1 year' });
    expect(estimateText(estimatePrice('cn-beijing', 'api.s1.small', { kind: 'subscription', duration: 2, cycle: 'year' }))).toBe('about US$11,036.40 for 2 years, paid at purchase');
  });

  it('uses the region group of the region: Singapore has its own price for api.s1.small', () => {
    expect(specPrice('ap-southeast-1', 'api.s1.small')?.price).toEqual({ perHour: 0.93, perMonth: 560, perYear: 5712 });
    expect(specPrice('cn-hangzhou', 'api.s1.small')?.price.perHour).toBe(0.87);
  });

  it('says "no published price" where the table has none, and never makes one up', () => {
    const missing = estimatePrice('ap-southeast-1', 'api.s2.large', { kind: 'payAsYouGo' });
    expect(missing).toEqual({ known: false, reason: expect.stringContaining('No published price for api.s2.large in ap-southeast-1') });
    expect(estimatePrice('me-east-1', 'api.s1.small', { kind: 'payAsYouGo' }).known).toBe(false);
    expect(estimatePrice('cn-hangzhou', 'api.s9.huge', { kind: 'payAsYouGo' }).known).toBe(false);
    expect(estimatePrice('cn-hangzhou', undefined, { kind: 'payAsYouGo' })).toEqual({ known: false, reason: 'Choose an edition first.' });
  });

  it('prices every spec the cloud sells in the Chinese mainland, larger specs costing more', () => {
    const mainland = PRICE_GROUPS[0];
    const hourly = SPEC_IDS.map((id) => mainland.prices[id]?.perHour ?? 0);
    expect(hourly.every((value, i) => value > 0 && (i === 0 || value > hourly[i - 1]))).toBe(true);
  });

  it('reads the year column as a year: 12 months at 15% off the monthly price, as the source numbers show', () => {
    for (const group of PRICE_GROUPS) {
      for (const listed of Object.values(group.prices)) expect(listed.perYear).toBeCloseTo(listed.perMonth * 12 * 0.85, 2);
    }
  });

  it('writes dollars with two decimals and grouped thousands', () => {
    expect(formatUsd(0.87)).toBe('US$0.87');
    expect(formatUsd(257407.2)).toBe('US$257,407.20');
  });
});
