import { describe, expect, it } from 'vitest';
import { checkPurchase } from './check-purchase';
import type { Finding, FindingCode, FindingField, FindingLevel } from './findings';
import { testContext, testRequest } from './test-fixtures';
import type { PurchaseContext, PurchaseRequest } from './types';

interface Row {
  rule: string;
  /** Changes the passing request (and context) so that this rule speaks. */
  arrange: (request: PurchaseRequest, context: PurchaseContext) => void;
  level: FindingLevel;
  code: FindingCode;
  field: FindingField;
  /** Texts the message must contain: the object and the numbers. */
  says: string[];
}

const ROWS: Row[] = [
  { rule: 'a name is required', arrange: (r) => (r.name = ''), level: 'blocker', code: 'NAME_MISSING', field: 'name', says: ['1 to 50'] },
  { rule: 'a name has at most 50 characters', arrange: (r) => (r.name = 'g'.repeat(51)), level: 'blocker', code: 'NAME_TOO_LONG', field: 'name', says: ['51 characters', 'at most 50'] },
  { rule: 'a name uses letters, digits, _ and - only', arrange: (r) => (r.name = 'orders gw'), level: 'blocker', code: 'NAME_INVALID', field: 'name', says: ['"orders gw"', 'contains " "'] },
  { rule: 'a description has at most 180 characters', arrange: (r) => (r.description = 'd'.repeat(181)), level: 'blocker', code: 'DESCRIPTION_TOO_LONG', field: 'description', says: ['181 characters', 'at most 180'] },
  { rule: 'an edition or spec is required', arrange: (r) => delete r.edition, level: 'blocker', code: 'EDITION_MISSING', field: 'edition', says: ['Professional (5 free IPs per subnet)'] },
  { rule: 'the spec must be one the cloud sells', arrange: (r) => (r.spec = 'api.s9.huge'), level: 'blocker', code: 'SPEC_UNKNOWN', field: 'edition', says: ['api.s9.huge', 'api.s2.large.x6'] },
  { rule: 'a spec must belong to the chosen edition', arrange: (r) => ((r.edition = 'basic'), (r.spec = 'api.s2.large')), level: 'blocker', code: 'EDITION_SPEC_MISMATCH', field: 'edition', says: ['enterprise edition', 'api.s1.small'] },
  { rule: 'the edition says what it carries', arrange: () => {}, level: 'info', code: 'EDITION_CAPACITY', field: 'edition', says: ['api.s1.medium', '5,000 requests per second', '99.95%'] },
  { rule: 'at least one zone', arrange: (r) => (r.zones = []), level: 'blocker', code: 'ZONES_MISSING', field: 'zones', says: ['cn-hangzhou'] },
  { rule: 'one zone only is a risk', arrange: (r) => (r.zones = ['cn-hangzhou-j']), level: 'warning', code: 'SINGLE_ZONE', field: 'zones', says: ['cn-hangzhou-j', 'two or more'] },
  { rule: 'zones must be offered in the region', arrange: (r) => ((r.zones = ['cn-hangzhou-j', 'cn-hangzhou-z']), (r.subnets['cn-hangzhou-z'] = 'vsw-j')), level: 'blocker', code: 'ZONE_UNAVAILABLE', field: 'zones', says: ['cn-hangzhou-z', 'cn-hangzhou-b'] },
  { rule: 'a VPC is required', arrange: (r) => (r.vpcId = ''), level: 'blocker', code: 'VPC_MISSING', field: 'vpc', says: ['cn-hangzhou'] },
  { rule: 'the VPC must exist', arrange: (r) => (r.vpcId = 'vpc-gone'), level: 'blocker', code: 'VPC_NOT_FOUND', field: 'vpc', says: ['vpc-gone', 'vpc-prod'] },
  { rule: 'each chosen zone needs a subnet', arrange: (r) => delete r.subnets['cn-hangzhou-g'], level: 'blocker', code: 'SUBNET_MISSING', field: 'subnets.cn-hangzhou-g', says: ['vpc-prod', 'cn-hangzhou-g'] },
  { rule: 'the subnet must exist', arrange: (r) => (r.subnets['cn-hangzhou-g'] = 'vsw-gone'), level: 'blocker', code: 'SUBNET_NOT_FOUND', field: 'subnets.cn-hangzhou-g', says: ['vsw-gone', 'cn-hangzhou'] },
  {
    rule: 'the subnet must lie in the chosen VPC',
    arrange: (r) => ((r.zones = ['cn-hangzhou-j', 'cn-hangzhou-b']), (r.subnets = { 'cn-hangzhou-j': 'vsw-j', 'cn-hangzhou-b': 'vsw-b' })),
    level: 'blocker',
    code: 'SUBNET_WRONG_VPC',
    field: 'subnets.cn-hangzhou-b',
    says: ['vsw-b', 'vpc-default', 'vpc-prod'],
  },
  { rule: 'the subnet must lie in its zone', arrange: (r) => (r.subnets['cn-hangzhou-j'] = 'vsw-g'), level: 'blocker', code: 'SUBNET_WRONG_ZONE', field: 'subnets.cn-hangzhou-j', says: ['vsw-g', 'zone cn-hangzhou-g', 'not in zone cn-hangzhou-j'] },
  {
    rule: 'each subnet needs the edition’s free IPs',
    arrange: (r) => ((r.zones = ['cn-hangzhou-j', 'cn-hangzhou-h']), (r.subnets = { 'cn-hangzhou-j': 'vsw-j', 'cn-hangzhou-h': 'vsw-h-tiny' })),
    level: 'blocker',
    code: 'SUBNET_TOO_SMALL',
    field: 'subnets.cn-hangzhou-h',
    says: ['vSwitch vsw-h-tiny (prod-vsw-h-tiny, zone cn-hangzhou-h) has 4 free IPs; the professional edition needs 5 in each subnet'],
  },
  {
    rule: 'platinum needs 7: a subnet with 6 is one short',
    arrange: (r) => ((r.edition = 'platinum'), (r.zones = ['cn-hangzhou-i', 'cn-hangzhou-j']), (r.subnets = { 'cn-hangzhou-i': 'vsw-i-small', 'cn-hangzhou-j': 'vsw-j' })),
    level: 'blocker',
    code: 'SUBNET_TOO_SMALL',
    field: 'subnets.cn-hangzhou-i',
    says: ['has 6 free IPs', 'platinum edition needs 7'],
  },
  { rule: 'how many IPs the purchase takes', arrange: () => {}, level: 'info', code: 'IPS_NEEDED', field: 'subnets', says: ['needs 5 free private IPs in each of 2 subnets (10 in all)'] },
  { rule: 'the instance range must be one of two', arrange: (r) => (r.instanceCidr = '10.0.0.0/8'), level: 'blocker', code: 'INSTANCE_CIDR_INVALID', field: 'instanceCidr', says: ['192.168.0.0/16 or 172.16.0.0/12', '10.0.0.0/8'] },
  { rule: 'the instance range must not overlap the VPC', arrange: (r) => (r.instanceCidr = '172.16.0.0/12'), level: 'blocker', code: 'INSTANCE_CIDR_OVERLAPS', field: 'instanceCidr', says: ['vpc-prod (172.16.0.0/12)', 'choose 192.168.0.0/16'] },
  { rule: 'a security group is required', arrange: (r) => (r.securityGroupId = ''), level: 'blocker', code: 'SECURITY_GROUP_MISSING', field: 'securityGroup', says: ['vpc-prod'] },
  { rule: 'the security group must exist', arrange: (r) => (r.securityGroupId = 'sg-gone'), level: 'blocker', code: 'SECURITY_GROUP_NOT_FOUND', field: 'securityGroup', says: ['sg-gone'] },
  { rule: 'the security group must lie in the VPC', arrange: (r) => (r.securityGroupId = 'sg-default'), level: 'blocker', code: 'SECURITY_GROUP_WRONG_VPC', field: 'securityGroup', says: ['sg-default (all-open)', 'vpc-default', 'vpc-prod'] },
  {
    rule: 'public API groups need 80 from anywhere: the exact rule to add',
    arrange: (r) => (r.securityGroupId = 'sg-https'),
    level: 'warning',
    code: 'SECURITY_GROUP_PORT_CLOSED',
    field: 'securityGroup',
    says: ['sg-https (https-only)', 'TCP port 80', 'add inbound rule: TCP 80/80 from 0.0.0.0/0, Accept'],
  },
  {
    rule: 'a Drop at priority 1 must be removed',
    arrange: (r) => (r.securityGroupId = 'sg-blocked'),
    level: 'warning',
    code: 'SECURITY_GROUP_PORT_CLOSED',
    field: 'securityGroup',
    says: ['port 80', 'inbound rule TCP 80/80 from 0.0.0.0/0, Drop (priority 1) shuts it: remove it, then add inbound rule: TCP 80/80 from 0.0.0.0/0, Accept'],
  },
  {
    rule: 'Internet access is per API group, and the spec carries the outbound bandwidth',
    arrange: () => {},
    level: 'info',
    code: 'INTERNET_PER_GROUP',
    field: 'internet',
    says: ['no EIP or bandwidth', 'per API group', 'ModifyApiGroupNetworkPolicy', 'up to 100 Mbit/s for api.s1.medium'],
  },
  { rule: 'maintenance times are HH:mmZ', arrange: (r) => (r.maintenance = { start: '25:00Z', end: '02:00' }), level: 'blocker', code: 'MAINTENANCE_INVALID', field: 'maintenance', says: ['start "25:00Z" and end "02:00"', 'HH:mmZ'] },
  { rule: 'a maintenance window is not empty', arrange: (r) => (r.maintenance = { start: '03:00Z', end: '03:00Z' }), level: 'blocker', code: 'MAINTENANCE_EMPTY', field: 'maintenance', says: ['03:00Z', '03:00Z to 06:00Z'] },
  { rule: 'without a window the default applies', arrange: (r) => delete r.maintenance, level: 'info', code: 'MAINTENANCE_DEFAULT', field: 'maintenance', says: ['22:00Z to 01:00Z'] },
  { rule: 'a monthly subscription lasts 1-9 months', arrange: (r) => (r.billing = { kind: 'subscription', duration: 10, cycle: 'month' }), level: 'blocker', code: 'BILLING_DURATION_INVALID', field: 'billing', says: ['1 to 9 months', 'not 10'] },
  { rule: 'a yearly subscription lasts 1-3 years', arrange: (r) => (r.billing = { kind: 'subscription', duration: 4, cycle: 'year' }), level: 'blocker', code: 'BILLING_DURATION_INVALID', field: 'billing', says: ['1 to 3 years', 'not 4'] },
  { rule: 'a subscription lasts at least 1', arrange: (r) => (r.billing = { kind: 'subscription', duration: 0, cycle: 'month' }), level: 'blocker', code: 'BILLING_DURATION_INVALID', field: 'billing', says: ['not 0'] },
  { rule: 'the HTTPS policy is one the gateway offers', arrange: (r) => (r.httpsPolicy = 'TLS9'), level: 'blocker', code: 'HTTPS_POLICY_UNKNOWN', field: 'httpsPolicy', says: ['"TLS9"', 'HTTPS2_TLS1_2'] },
  {
    rule: 'the quota stops a purchase past the limit, saying how to raise it',
    arrange: (_r, c) => (c.instanceCount = 5),
    level: 'blocker',
    code: 'QUOTA_REACHED',
    field: 'quota',
    says: ['already has 5 dedicated gateways in cn-hangzhou', 'the quota is 5', 'raise the quota'],
  },
  { rule: 'a raised quota is honoured', arrange: (_r, c) => ((c.instanceCount = 5), (c.quota = 10)), level: 'info', code: 'QUOTA_REMAINING', field: 'quota', says: ['gateway 6 of 10'] },
];

function findingOf(findings: Finding[], code: FindingCode, field: FindingField): Finding {
  const found = findings.find((finding) => finding.code === code && finding.field === field);
  if (!found) throw new Error(`no ${code} on ${field}; got ${JSON.stringify(findings, null, 1)}`);
  return found;
}

describe('checkPurchase', () => {
  it('passes a sound purchase with only information', () => {
    const findings = checkPurchase(testRequest(), testContext());
    expect(findings.filter((finding) => finding.level !== 'info')).toEqual([]);
    expect(findings.map((finding) => finding.code).sort()).toEqual(['EDITION_CAPACITY', 'INTERNET_PER_GROUP', 'IPS_NEEDED', 'QUOTA_REMAINING']);
  });

  it.each(ROWS)('$rule → $level $code on $field', ({ arrange, level, code, field, says }) => {
    const request = testRequest();
    const context = testContext();
    arrange(request, context);
    const finding = findingOf(checkPurchase(request, context), code, field);
    expect(finding.level).toBe(level);
    for (const text of says) expect(finding.message).toContain(text);
  });

  it.each([
    ['an Accept of 80-443 at priority 10', 'sg-range'],
    ['an ALL rule below a priority-5 Drop of 443 loses, but 80 stays shut', 'sg-blocked'],
  ])('reads port ranges and priorities: %s', (_name, groupId) => {
    const request = { ...testRequest(), securityGroupId: groupId };
    const closed = checkPurchase(request, testContext()).filter((finding) => finding.code === 'SECURITY_GROUP_PORT_CLOSED');
    if (groupId === 'sg-range') expect(closed).toEqual([]);
    else {
      expect(closed.map((finding) => finding.message)).toEqual([
        expect.stringContaining('TCP port 80'),
        expect.stringContaining('inbound rule TCP 443/443 from 0.0.0.0/0, Drop (priority 5) shuts it: remove it, or add inbound rule: TCP 443/443 from 0.0.0.0/0, Accept with priority 4 or lower'),
      ]);
    }
  });

  it('does not ask for 80 and 443 when no API group on the gateway will be public', () => {
    const request: PurchaseRequest = { ...testRequest(), securityGroupId: 'sg-internal', publicGroups: false };
    expect(checkPurchase(request, testContext()).filter((finding) => finding.field === 'securityGroup')).toEqual([]);
    const { publicGroups: _left, ...unsaid } = request;
    expect(checkPurchase(unsaid, testContext()).filter((finding) => finding.field === 'securityGroup')).toEqual([]);
  });

  it('names both missing rules for a group closed to the Internet', () => {
    const request: PurchaseRequest = { ...testRequest(), securityGroupId: 'sg-internal' };
    const messages = checkPurchase(request, testContext())
      .filter((finding) => finding.code === 'SECURITY_GROUP_PORT_CLOSED')
      .map((finding) => finding.message);
    expect(messages).toEqual([expect.stringContaining('add inbound rule: TCP 80/80 from 0.0.0.0/0, Accept'), expect.stringContaining('add inbound rule: TCP 443/443 from 0.0.0.0/0, Accept')]);
  });

  it('accepts each edge of the ranges', () => {
    const accepted: ((request: PurchaseRequest) => void)[] = [
      (r) => (r.name = 'g'.repeat(50)),
      (r) => (r.name = 'A-z_09'),
      (r) => ((r.edition = 'platinum'), (r.spec = 'api.s2.large.x6')),
      (r) => ((r.edition = undefined), (r.spec = 'api.s2.large.x3')),
      (r) => (r.billing = { kind: 'subscription', duration: 9, cycle: 'month' }),
      (r) => (r.billing = { kind: 'subscription', duration: 3, cycle: 'year' }),
      (r) => (r.instanceCidr = '192.168.0.0/16'),
      (r) => (r.httpsPolicy = 'HTTPS2_TLS1_2'),
      (r) => (r.maintenance = { start: '23:30Z', end: '00:30Z' }),
    ];
    for (const arrange of accepted) {
      const request = testRequest();
      arrange(request);
      expect(checkPurchase(request, testContext()).filter((finding) => finding.level === 'blocker')).toEqual([]);
    }
  });

  it('ignores subnets of zones not chosen and counts a zone named twice once', () => {
    const request = testRequest();
    request.zones = ['cn-hangzhou-j', 'cn-hangzhou-j', 'cn-hangzhou-g'];
    request.subnets['cn-hangzhou-h'] = 'vsw-h-tiny';
    const findings = checkPurchase(request, testContext());
    expect(findings.filter((finding) => finding.level !== 'info')).toEqual([]);
    expect(findingOf(findings, 'IPS_NEEDED', 'subnets').message).toContain('each of 2 subnets');
  });

  it('is deterministic: the same input gives the same findings', () => {
    const request = { ...testRequest(), name: '', securityGroupId: 'sg-internal', zones: ['cn-hangzhou-h'] };
    expect(checkPurchase(request, testContext())).toEqual(checkPurchase(request, testContext()));
  });
});
