import { describe, expect, it } from 'vitest';
import type { Finding, PurchaseContext } from '../../../shared/purchase';
import { WIZARD_STEPS, initialRequest, stepBlocked, stepFindings, withVpc, withZones } from './wizard-steps';

const context: PurchaseContext = {
  region: 'cn-hangzhou',
  zones: ['cn-hangzhou-j', 'cn-hangzhou-g'],
  vpcs: [
    { id: 'vpc-a', cidr: '172.16.0.0/16' },
    { id: 'vpc-b', cidr: '10.0.0.0/16' },
  ],
  vSwitches: [
    { id: 'vsw-small', vpcId: 'vpc-a', zoneId: 'cn-hangzhou-j', availableIpCount: 4, cidr: '172.16.3.0/29' },
    { id: 'vsw-big', vpcId: 'vpc-a', zoneId: 'cn-hangzhou-j', availableIpCount: 240, cidr: '172.16.0.0/24' },
    { id: 'vsw-b', vpcId: 'vpc-b', zoneId: 'cn-hangzhou-j', availableIpCount: 100, cidr: '10.0.0.0/24' },
  ],
  securityGroups: [],
  instanceCount: 0,
};

const network = WIZARD_STEPS.find((step) => step.id === 'network')!;
const finding = (field: Finding['field'], level: Finding['level']): Finding => ({ field, level, code: 'SUBNET_TOO_SMALL', message: field });

describe('the wizard steps', () => {
  it('shows a step the findings of its fields, subnets of every zone included', () => {
    const findings = [finding('subnets.cn-hangzhou-j', 'blocker'), finding('name', 'blocker'), finding('securityGroup', 'warning'), finding('internet', 'info')];
    expect(stepFindings(network, findings).map((f) => f.field)).toEqual(['subnets.cn-hangzhou-j', 'securityGroup', 'internet']);
    expect(stepBlocked(network, findings)).toBe(true);
    expect(stepBlocked(network, [finding('securityGroup', 'warning')])).toBe(false);
  });

  it('gives a chosen zone its roomiest subnet and drops subnets of zones and VPCs no longer chosen', () => {
    const start = initialRequest(context);
    expect(start.vpcId).toBe('vpc-a');
    const zoned = withZones(start, ['cn-hangzhou-j', 'cn-hangzhou-g'], context);
    expect(zoned.subnets).toEqual({ 'cn-hangzhou-j': 'vsw-big', 'cn-hangzhou-g': '' });
    expect(withZones(zoned, ['cn-hangzhou-g'], context).subnets).toEqual({ 'cn-hangzhou-g': '' });
    expect(withVpc({ ...zoned, securityGroupId: 'sg-a' }, 'vpc-b', context)).toMatchObject({ vpcId: 'vpc-b', securityGroupId: '', subnets: { 'cn-hangzhou-j': 'vsw-b', 'cn-hangzhou-g': '' } });
  });
});
