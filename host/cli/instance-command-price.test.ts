/** The question `gateway buy` asks before buying names the price estimate of docs/gateways.md, "Prices (an estimate)". */
import { describe, expect, it } from 'vitest';
import type { PurchaseRequest } from '../../shared/purchase';
import { describePurchase } from './instance-command';

const request: PurchaseRequest = { name: 'orders-gw', edition: 'professional', zones: ['cn-hangzhou-j'], vpcId: 'vpc-1', subnets: {}, securityGroupId: 'sg-1', billing: { kind: 'payAsYouGo' } };

describe('the question before gateway buy', () => {
  it('says about how much the gateway costs', () => {
    expect(describePurchase(request, 'cn-hangzhou')).toBe(
      'gateway orders-gw (Professional (api.s1.medium)) in cn-hangzhou, zones cn-hangzhou-j, pay-as-you-go, for about US$2.37 an hour (about US$1,730.10 a month of 730 hours) (estimate; outbound traffic billed apart)',
    );
    expect(describePurchase({ ...request, billing: { kind: 'subscription', duration: 3, cycle: 'month' } }, 'cn-hangzhou')).toContain('for about US$4,404.00 for 3 months, paid at purchase');
  });

  it('says so where no price is published, and names no number', () => {
    expect(describePurchase(request, 'me-east-1')).toMatch(/pay-as-you-go \(no published price recorded for it\)$/);
  });
});
