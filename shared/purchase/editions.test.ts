import { describe, expect, it } from 'vitest';
import { createInstanceParams, declaredCreateInstanceParams, instanceAttributeParams, maintenanceParams, wireForm } from './create-instance-params';
import { EDITIONS, INSTANCE_SPECS, SPEC_IDS, editionOfSpec, formatCount, specRank } from './editions';
import { cidrsOverlap, defaultInstanceCidr } from './network';
import { testContext, testRequest } from './test-fixtures';
import { singleZonesOf, singleZonesOfAll } from './zones';

describe('editions and specs', () => {
  it.each([
    ['api.s1.small', 'basic', 3],
    ['api.s1.medium', 'professional', 5],
    ['api.s2.large', 'enterprise', 6],
    ['api.s2.large.x2', 'platinum', 7],
    ['api.s2.large.x3', 'platinum', 7],
    ['api.s2.large.x6', 'platinum', 7],
  ])('%s belongs to the %s edition, which needs %i free IPs per subnet', (spec, edition, ips) => {
    expect(editionOfSpec(spec)).toMatchObject({ id: edition, ipsPerSubnet: ips });
  });

  it('knows no other spec', () => {
    expect(editionOfSpec('api.s1.large')).toBeUndefined();
    expect(specRank('api.s1.large')).toBe(-1);
  });

  it.each([
    ['api.s1.small', 2_500, 50_000, 5_000, 1_200, 100, '99.95%'],
    ['api.s2.large', 10_000, 200_000, 5_000, 4_800, 200, '99.99%'],
    ['api.s2.large.x4', 40_000, 800_000, 20_000, 19_200, 400, '99.99%'],
    ['api.s2.large.x6', 60_000, 1_000_000, 20_000, 28_800, 600, '99.99%'],
  ] as const)('%s carries the limits docs/alibaba-openapi.md, "Instance specifications" gives', (id, maxRps, maxConnections, cps, pool, outbound, sla) => {
    expect(INSTANCE_SPECS[id]).toMatchObject({ maxRps, maxConnections, maxNewConnectionsPerSecond: cps, outboundConnectionPool: pool, maxInboundBandwidthMbps: 5120, maxOutboundBandwidthMbps: outbound, sla });
  });

  it('orders specs smallest first and lists each edition’s specs in that order', () => {
    for (let i = 1; i < SPEC_IDS.length; i++) expect(INSTANCE_SPECS[SPEC_IDS[i]].maxRps).toBeGreaterThan(INSTANCE_SPECS[SPEC_IDS[i - 1]].maxRps);
    expect(EDITIONS.platinum.specs).toEqual(['api.s2.large.x2', 'api.s2.large.x3', 'api.s2.large.x4', 'api.s2.large.x5', 'api.s2.large.x6']);
  });

  it('groups thousands without Intl', () => {
    expect([formatCount(5), formatCount(2_500), formatCount(1_000_000)]).toEqual(['5', '2,500', '1,000,000']);
  });
});

describe('zones', () => {
  it.each([
    ['cn-hangzhou-MAZ2(j,g)', ['cn-hangzhou-j', 'cn-hangzhou-g']],
    ['cn-beijing-MAZ3(c,e)', ['cn-beijing-c', 'cn-beijing-e']],
    ['cn-hangzhou-b', ['cn-hangzhou-b']],
  ])('%s stands for %j', (zone, singles) => {
    expect(singleZonesOf(zone)).toEqual(singles);
  });

  it('lists each single zone of a DescribeZones answer once', () => {
    expect(singleZonesOfAll(['cn-hangzhou-MAZ2(j,g)', 'cn-hangzhou-MAZ5(g,h)', 'cn-hangzhou-b'])).toEqual(['cn-hangzhou-j', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-b']);
  });
});

describe('instance CIDR', () => {
  it.each([
    ['172.16.0.0/12', '172.16.0.0/12', true],
    ['172.16.0.0/12', '172.20.0.0/16', true],
    ['192.168.0.0/16', '10.0.0.0/8', false],
    ['192.168.0.0/16', '192.168.1.0/24', true],
    ['172.16.0.0/12', '172.32.0.0/16', false],
    ['not a cidr', '10.0.0.0/8', false],
  ])('%s and %s overlap: %s', (a, b, overlap) => {
    expect(cidrsOverlap(a, b)).toBe(overlap);
  });

  it('picks the range that does not overlap the VPC', () => {
    expect(defaultInstanceCidr('172.16.0.0/12')).toBe('192.168.0.0/16');
    expect(defaultInstanceCidr('192.168.0.0/16')).toBe('172.16.0.0/12');
    expect(defaultInstanceCidr('10.0.0.0/8')).toBe('192.168.0.0/16');
  });
});

describe('createInstanceParams', () => {
  it('maps a purchase to CreateInstance for a VPC-integration gateway, and nothing more', () => {
    expect(createInstanceParams(testRequest(), testContext().vSwitches)).toEqual({
      InstanceName: 'orders-gw',
      InstanceSpec: 'api.s1.medium',
      HttpsPolicy: 'HTTPS2_TLS1_0',
      InstanceType: 'vpc_connect',
      UserVpcId: 'vpc-prod',
      ZoneVSwitchSecurityGroup: [
        { ZoneId: 'cn-hangzhou-j', VSwitchId: 'vsw-j', SecurityGroupId: 'sg-web', CidrBlock: '172.16.0.0/24' },
        { ZoneId: 'cn-hangzhou-g', VSwitchId: 'vsw-g', SecurityGroupId: 'sg-web', CidrBlock: '172.16.1.0/24' },
      ],
      ChargeType: 'PostPaid',
    });
  });

  it('sends a subscription with its length and AutoPay', () => {
    const request = { ...testRequest(), billing: { kind: 'subscription', duration: 2, cycle: 'year' } as const };
    const params = createInstanceParams(request);
    expect(params).toMatchObject({ ChargeType: 'PrePaid', Duration: 2, PricingCycle: 'year', AutoPay: true });
    expect(params.ZoneVSwitchSecurityGroup).toEqual([
      { ZoneId: 'cn-hangzhou-j', VSwitchId: 'vsw-j', SecurityGroupId: 'sg-web' },
      { ZoneId: 'cn-hangzhou-g', VSwitchId: 'vsw-g', SecurityGroupId: 'sg-web' },
    ]);
  });

  it('maps a maintenance window to ModifyInstanceAttribute', () => {
    expect(maintenanceParams({ start: '22:00Z', end: '02:00Z' })).toEqual({ MaintainStartTime: '22:00Z', MaintainEndTime: '02:00Z' });
    expect(instanceAttributeParams({ name: 'orders-gw', maintenance: { start: '01:00Z', end: '03:00Z' }, description: 'kept by the app', spec: 'api.s2.large' }, 'orders-gw')).toEqual({
      MaintainStartTime: '01:00Z',
      MaintainEndTime: '03:00Z',
    });
    expect(instanceAttributeParams({ name: 'renamed', httpsPolicy: 'HTTPS2_TLS1_2' }, 'orders-gw')).toEqual({ InstanceName: 'renamed', HttpsPolicy: 'HTTPS2_TLS1_2' });
  });

  it('resends an older record without the fields CreateInstance does not declare', () => {
    const recorded = { ...createInstanceParams(testRequest()), AllocationId: 'eip-free', InternetMaxBandwidthOut: 50 };
    expect(declaredCreateInstanceParams(recorded)).toEqual(createInstanceParams(testRequest()));
  });

  it('lists the parameters as they travel, a RepeatList as Name.N.Key', () => {
    const rows = wireForm(createInstanceParams({ ...testRequest(), zones: ['cn-hangzhou-j'] }, testContext().vSwitches));
    expect(rows).toContainEqual(['ZoneVSwitchSecurityGroup.1.VSwitchId', 'vsw-j']);
    expect(rows).toContainEqual(['ZoneVSwitchSecurityGroup.1.CidrBlock', '172.16.0.0/24']);
    expect(rows.map(([name]) => name)).not.toContain('ZoneVSwitchSecurityGroup');
    expect(wireForm({ AutoPay: true, Duration: 2 })).toEqual([['AutoPay', 'true'], ['Duration', '2']]);
  });
});
