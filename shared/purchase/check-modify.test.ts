import { describe, expect, it } from 'vitest';
import { checkModify } from './check-modify';
import type { Finding, FindingCode, FindingField, FindingLevel } from './findings';
import { testInstance, testInstanceContext } from './test-fixtures';
import type { ExistingInstance, InstanceChange } from './types';

interface Row {
  rule: string;
  change: InstanceChange;
  /** Changes the running test instance first, when the rule is about its state. */
  instance?: Partial<ExistingInstance>;
  level: FindingLevel;
  code: FindingCode;
  field: FindingField;
  says: string[];
}

const ROWS: Row[] = [
  { rule: 'changes need a RUNNING gateway', instance: { status: 'CREATING' }, change: { name: 'new-name' }, level: 'blocker', code: 'INSTANCE_BUSY', field: 'instance', says: ['apigateway-cn-test1', 'is CREATING', 'RUNNING'] },
  { rule: 'the VPC never changes', change: { vpcId: 'vpc-default' }, level: 'blocker', code: 'VPC_IMMUTABLE', field: 'vpc', says: ['vpc-prod', 'cannot change to vpc-default', 'Buy a new gateway'] },
  { rule: 'a new name follows the name rules', change: { name: 'orders/gw' }, level: 'blocker', code: 'NAME_INVALID', field: 'name', says: ['"orders/gw"', '"/"'] },
  { rule: 'a new description fits', change: { description: 'x'.repeat(200) }, level: 'blocker', code: 'DESCRIPTION_TOO_LONG', field: 'description', says: ['200 characters', 'at most 180'] },
  { rule: 'a new maintenance window is well-formed', change: { maintenance: { start: '7:00Z', end: '09:00Z' } }, level: 'blocker', code: 'MAINTENANCE_INVALID', field: 'maintenance', says: ['start "7:00Z"'] },
  { rule: 'a new maintenance window is not empty', change: { maintenance: { start: '09:00Z', end: '09:00Z' } }, level: 'blocker', code: 'MAINTENANCE_EMPTY', field: 'maintenance', says: ['09:00Z'] },
  { rule: 'a new HTTPS policy is known', change: { httpsPolicy: 'SSL3' }, level: 'blocker', code: 'HTTPS_POLICY_UNKNOWN', field: 'httpsPolicy', says: ['"SSL3"'] },
  { rule: 'the spec must be one the cloud sells', change: { spec: 'api.m1.large' }, level: 'blocker', code: 'SPEC_UNKNOWN', field: 'edition', says: ['api.m1.large'] },
  {
    rule: 'a larger edition needs the extra IPs in each subnet',
    change: { edition: 'platinum' },
    level: 'blocker',
    code: 'SUBNET_TOO_SMALL',
    field: 'subnets.cn-hangzhou-i',
    says: ['vSwitch vsw-i-small (prod-vsw-i-small, zone cn-hangzhou-i) has 1 free IP', 'professional to the platinum edition needs 2 more in each subnet (7 instead of 5)'],
  },
  { rule: 'an upgrade says how many more IPs it takes', change: { spec: 'api.s2.large' }, level: 'info', code: 'SPEC_UPGRADE', field: 'edition', says: ['api.s2.large', '1 more free private IP', '2 subnets'] },
  {
    rule: 'an upgrade within platinum takes no IPs',
    instance: { spec: 'api.s2.large.x2' },
    change: { spec: 'api.s2.large.x4' },
    level: 'info',
    code: 'SPEC_UPGRADE',
    field: 'edition',
    says: ['no more free IPs', 'same edition'],
  },
  {
    rule: 'a downgrade is allowed with a warning listing what drops',
    change: { spec: 'api.s1.small' },
    level: 'warning',
    code: 'SPEC_DOWNGRADE',
    field: 'edition',
    says: ['api.s1.medium down to api.s1.small', 'requests per second 5,000 → 2,500', 'connections 100,000 → 50,000', 'frees 2 IPs in each subnet'],
  },
  { rule: 'the same spec changes nothing', change: { spec: 'api.s1.medium' }, level: 'info', code: 'SPEC_UNCHANGED', field: 'edition', says: ['already has spec api.s1.medium'] },
];

function findingOf(findings: Finding[], code: FindingCode, field: FindingField): Finding {
  const found = findings.find((finding) => finding.code === code && finding.field === field);
  if (!found) throw new Error(`no ${code} on ${field}; got ${JSON.stringify(findings, null, 1)}`);
  return found;
}

describe('checkModify', () => {
  it.each(ROWS)('$rule → $level $code on $field', ({ change, instance, level, code, field, says }) => {
    const finding = findingOf(checkModify({ ...testInstance(), ...instance }, change, testInstanceContext()), code, field);
    expect(finding.level).toBe(level);
    for (const text of says) expect(finding.message).toContain(text);
  });

  it.each<[string, InstanceChange]>([
    ['a valid name, description and window', { name: 'orders-gw-2', description: 'Orders', maintenance: { start: '02:00Z', end: '04:00Z' } }],
    ['the same VPC', { vpcId: 'vpc-prod' }],
    ['another HTTPS policy', { httpsPolicy: 'HTTPS2_TLS1_2' }],
    ['one edition up when each subnet has the one more IP it needs', { edition: 'enterprise' }],
  ])('allows %s', (_name, change) => {
    const findings = checkModify(testInstance(), change, testInstanceContext());
    expect(findings.filter((finding) => finding.level !== 'info')).toEqual([]);
  });

  it('checks only what the change touches', () => {
    // The instance's own group is closed to the Internet, but a rename does not bring that up.
    const instance = { ...testInstance(), securityGroupId: 'sg-internal' };
    expect(checkModify(instance, { name: 'renamed' }, testInstanceContext())).toEqual([]);
  });
});
