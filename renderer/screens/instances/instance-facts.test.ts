import { describe, expect, it } from 'vitest';
import { testContext } from '../../../shared/purchase/test-fixtures';
import { chargeTypeLabel, instanceTimeLabel, parseInstanceTime, securityGroupName, vSwitchName, vpcName } from './instance-facts';

describe("an instance's facts as a person reads them", () => {
  it('says the charge type in the wizard\'s words', () => {
    expect(chargeTypeLabel('PayAsYouGo')).toBe('Pay-as-you-go');
    expect(chargeTypeLabel('PostPaid')).toBe('Pay-as-you-go');
    expect(chargeTypeLabel('PrePaid')).toBe('Subscription');
    expect(chargeTypeLabel(undefined)).toBe('—');
  });

  it('reads the cloud\'s `…18:09:25.0` as UTC and shows it in the reader\'s zone', () => {
    expect(parseInstanceTime('2026-12-07 18:09:25.0')?.toISOString()).toBe('2026-12-07T18:09:25.000Z');
    expect(instanceTimeLabel('2026-12-07 18:09:25.0', 'Europe/Berlin')).toBe('7 Dec 2026, 19:09 CET');
    expect(instanceTimeLabel('yesterday')).toBe('yesterday');
  });

  it('names the VPC, subnets and security group as the wizard did', () => {
    const context = testContext();
    const vpc = context.vpcs[0];
    expect(vpcName(context, vpc.id)).toBe(`${vpc.name ?? vpc.id} (${vpc.cidr})`);
    const vSwitch = context.vSwitches[0];
    expect(vSwitchName(context, vSwitch.id)).toContain(`${vSwitch.availableIpCount} free IPs`);
    expect(vpcName(context, 'vpc-unknown')).toBeUndefined();
    expect(securityGroupName(undefined, 'sg-x')).toBeUndefined();
  });
});
