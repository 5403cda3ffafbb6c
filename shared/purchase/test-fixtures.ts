/** For the purchase tests: one region's network as a wizard would read it, and a purchase that passes every rule. */
import type { ExistingInstance, PurchaseContext, PurchaseRequest, SecurityGroupRule } from './types';

const rule = (portRange: string, sourceCidr: string, policy: string, priority = 1, protocol = 'TCP'): SecurityGroupRule => ({ direction: 'ingress', protocol, portRange, sourceCidr, policy, priority });

export function testContext(): PurchaseContext {
  return {
    region: 'cn-hangzhou',
    zones: ['cn-hangzhou-j', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-k', 'cn-hangzhou-b'],
    vpcs: [
      { id: 'vpc-prod', name: 'prod-vpc', cidr: '172.16.0.0/12' },
      { id: 'vpc-default', name: 'default-vpc', cidr: '192.168.0.0/16' },
    ],
    vSwitches: [
      { id: 'vsw-j', vpcId: 'vpc-prod', zoneId: 'cn-hangzhou-j', availableIpCount: 240, cidr: '172.16.0.0/24', name: 'prod-vsw-j' },
      { id: 'vsw-g', vpcId: 'vpc-prod', zoneId: 'cn-hangzhou-g', availableIpCount: 231, cidr: '172.16.1.0/24', name: 'prod-vsw-g' },
      { id: 'vsw-i-small', vpcId: 'vpc-prod', zoneId: 'cn-hangzhou-i', availableIpCount: 6, cidr: '172.16.2.0/28', name: 'prod-vsw-i-small' },
      { id: 'vsw-h-tiny', vpcId: 'vpc-prod', zoneId: 'cn-hangzhou-h', availableIpCount: 4, cidr: '172.16.3.0/29', name: 'prod-vsw-h-tiny' },
      { id: 'vsw-b', vpcId: 'vpc-default', zoneId: 'cn-hangzhou-b', availableIpCount: 250, cidr: '192.168.1.0/24' },
    ],
    securityGroups: [
      { id: 'sg-web', vpcId: 'vpc-prod', name: 'web-open', rules: [rule('80/80', '0.0.0.0/0', 'Accept'), rule('443/443', '0.0.0.0/0', 'Accept')] },
      { id: 'sg-internal', vpcId: 'vpc-prod', name: 'internal-only', rules: [rule('1/65535', '172.16.0.0/12', 'Accept')] },
      { id: 'sg-https', vpcId: 'vpc-prod', name: 'https-only', rules: [rule('443/443', '0.0.0.0/0', 'accept')] },
      {
        id: 'sg-blocked',
        vpcId: 'vpc-prod',
        name: 'web-blocked',
        rules: [rule('80/80', '0.0.0.0/0', 'Drop', 1), rule('443/443', '0.0.0.0/0', 'Drop', 5), rule('-1/-1', '0.0.0.0/0', 'Accept', 10, 'ALL')],
      },
      { id: 'sg-range', vpcId: 'vpc-prod', name: 'staging-web', rules: [rule('80/443', '0.0.0.0/0', 'Accept', 10)] },
      { id: 'sg-default', vpcId: 'vpc-default', name: 'all-open', rules: [rule('-1/-1', '0.0.0.0/0', 'Accept', 100, 'ALL')] },
    ],
    instanceCount: 2,
  };
}

/** A professional gateway in zones j and g of prod-vpc, for API groups taking Internet calls: every rule passes. */
export function testRequest(): PurchaseRequest {
  return {
    name: 'orders-gw',
    description: 'Orders API gateway',
    edition: 'professional',
    zones: ['cn-hangzhou-j', 'cn-hangzhou-g'],
    vpcId: 'vpc-prod',
    subnets: { 'cn-hangzhou-j': 'vsw-j', 'cn-hangzhou-g': 'vsw-g' },
    securityGroupId: 'sg-web',
    publicGroups: true,
    maintenance: { start: '22:00Z', end: '02:00Z' },
    billing: { kind: 'payAsYouGo' },
  };
}

/** A running professional gateway in zones j and i. */
export function testInstance(): ExistingInstance {
  return {
    instanceId: 'apigateway-cn-test1',
    name: 'orders-gw',
    spec: 'api.s1.medium',
    status: 'RUNNING',
    vpcId: 'vpc-prod',
    subnets: { 'cn-hangzhou-j': 'vsw-j', 'cn-hangzhou-i': 'vsw-i-small' },
    securityGroupId: 'sg-web',
    maintenance: { start: '22:00Z', end: '01:00Z' },
  };
}

/** testContext() after testInstance() was bought: one free IP left in vsw-i-small. */
export function testInstanceContext(): PurchaseContext {
  const context = testContext();
  const small = context.vSwitches.find((vSwitch) => vSwitch.id === 'vsw-i-small');
  if (small) small.availableIpCount = 1;
  return context;
}
