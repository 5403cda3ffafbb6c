import { describe, expect, it } from 'vitest';
import type { Finding, PurchaseContext } from '../../../shared/purchase';
import { NO_PROGRESS, WIZARD_STEPS, initialRequest, shownFindings, sortedZones, stepBlocked, stepFindings, stepNeedsAttention, withEdition, withVpc, withZones, zoneHint, zoneRoom } from './wizard-steps';

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

  it('lists zones in reading order and keeps the chosen ones so', () => {
    expect(sortedZones(['cn-hangzhou-k', 'cn-hangzhou-b', 'cn-hangzhou-j', 'cn-hangzhou-h'])).toEqual(['cn-hangzhou-b', 'cn-hangzhou-h', 'cn-hangzhou-j', 'cn-hangzhou-k']);
    expect(sortedZones(['ap-1-z10', 'ap-1-z9'])).toEqual(['ap-1-z9', 'ap-1-z10']);
    expect(withZones(initialRequest(context), ['cn-hangzhou-j', 'cn-hangzhou-g'], context).zones).toEqual(['cn-hangzhou-g', 'cn-hangzhou-j']);
  });

  it('never preselects a subnet the checks would refuse: too small for the edition means none chosen', () => {
    const tight: PurchaseContext = { ...context, vSwitches: [{ id: 'vsw-tiny', vpcId: 'vpc-a', zoneId: 'cn-hangzhou-j', availableIpCount: 4, cidr: '172.16.3.0/29' }] };
    const professional = withZones(initialRequest(tight), ['cn-hangzhou-j'], tight);
    expect(professional.subnets).toEqual({ 'cn-hangzhou-j': '' });
    // Basic needs 3: the same subnet fits, and choosing basic picks it.
    const basic = withEdition(professional, 'basic', undefined, tight);
    expect(basic.subnets).toEqual({ 'cn-hangzhou-j': 'vsw-tiny' });
    // Platinum needs 7: the pick that no longer fits is dropped, not kept failing.
    expect(withEdition(basic, 'platinum', 'api.s2.large.x3', tight)).toMatchObject({ edition: 'platinum', spec: 'api.s2.large.x3', subnets: { 'cn-hangzhou-j': '' } });
    // A subnet that still fits stays as the buyer chose it.
    const chosen = { ...withZones(initialRequest(context), ['cn-hangzhou-j'], context), subnets: { 'cn-hangzhou-j': 'vsw-big' } };
    expect(withEdition(chosen, 'enterprise', undefined, context).subnets).toEqual({ 'cn-hangzhou-j': 'vsw-big' });
  });

  it("says per zone whether the VPC has a subnet big enough for the edition", () => {
    expect(zoneHint(zoneRoom(context, 'vpc-a', 'cn-hangzhou-j', 5), 'prod')).toBe('1 subnet of prod with 5+ free IPs');
    expect(zoneHint(zoneRoom(context, 'vpc-a', 'cn-hangzhou-j', 300), 'prod')).toBe('no subnet of prod with 300 free IPs (most: 240)');
    expect(zoneHint(zoneRoom(context, 'vpc-a', 'cn-hangzhou-g', 5), 'prod')).toBe('no subnet of prod here');
  });

  it('shows no blockers on an untouched step, and all of them once it was worked on or left', () => {
    const basics = WIZARD_STEPS[0];
    const review = WIZARD_STEPS.find((step) => step.id === 'review')!;
    const findings = [finding('name', 'blocker'), finding('zones', 'warning')];
    expect(shownFindings(basics, findings, NO_PROGRESS).map((f) => f.field)).toEqual(['zones']);
    expect(stepNeedsAttention(basics, findings, NO_PROGRESS)).toBe(false);
    expect(shownFindings(basics, findings, { edited: new Set(['basics']), left: new Set() }).map((f) => f.field)).toEqual(['name', 'zones']);
    expect(stepNeedsAttention(basics, findings, { edited: new Set(['basics']), left: new Set() })).toBe(false);
    expect(stepNeedsAttention(basics, findings, { edited: new Set(), left: new Set(['basics']) })).toBe(true);
    // A full quota is no input's fault: it shows at once.
    expect(shownFindings(basics, [...findings, finding('quota', 'blocker')], NO_PROGRESS).map((f) => f.field)).toEqual(['zones', 'quota']);
    // The review shows every finding, whatever was touched.
    expect(shownFindings(review, findings, NO_PROGRESS)).toHaveLength(2);
  });
});
