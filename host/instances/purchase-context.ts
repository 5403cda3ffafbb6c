/**
 * What the region offers a purchase, read with the real OpenAPI calls into shared/purchase's
 * PurchaseContext (docs/gateways.md "The checks"): CloudAPI DescribeZones, Vpc DescribeVpcs /
 * DescribeVSwitches, Ecs DescribeSecurityGroups and each group's inbound rules
 * (DescribeSecurityGroupAttribute), and the dedicated instances already there. No EIPs: nothing
 * about an EIP goes into a gateway purchase.
 */
import { mapBounded } from '../sync';
import { DEFAULT_INSTANCE_QUOTA, type PurchaseContext, type SecurityGroupInfo, type VSwitchInfo, type VpcInfo, singleZonesOfAll } from '../../shared/purchase';
import type { CloudClient } from '../cloud';
import { listItems, pageAll, pageAllByToken } from '../cloud';
import { countDedicated, describeInstances } from './instances';

interface ZoneItem {
  ZoneId: string;
}
interface VpcItem {
  VpcId: string;
  VpcName?: string;
  CidrBlock: string;
}
interface VSwitchItem {
  VSwitchId: string;
  VSwitchName?: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock: string;
  AvailableIpAddressCount: number | string;
}
interface SecurityGroupItem {
  SecurityGroupId: string;
  SecurityGroupName?: string;
  VpcId?: string;
}
interface PermissionItem {
  Direction?: string;
  IpProtocol: string;
  PortRange: string;
  SourceCidrIp?: string;
  Policy?: string;
  Priority?: string | number;
}

/** Reading one group's rules per call: a few at a time keeps a large account from tripping the API's rate limit. */
const RULE_READS_AT_ONCE = 4;

export async function readPurchaseContext(client: CloudClient): Promise<PurchaseContext> {
  const [zones, vpcs, vSwitches, securityGroups, instances] = await Promise.all([
    client.call('CloudAPI', 'DescribeZones', {}).then((answer) => listItems<ZoneItem>(answer, 'Zones.Zone')),
    pageAll<VpcItem>(client, 'Vpc', 'DescribeVpcs', {}, 'Vpcs.Vpc', { pageSize: 50 }),
    pageAll<VSwitchItem>(client, 'Vpc', 'DescribeVSwitches', {}, 'VSwitches.VSwitch', { pageSize: 50 }),
    readSecurityGroups(client),
    describeInstances(client),
  ]);
  return {
    region: client.region,
    zones: singleZonesOfAll(zones.map((zone) => zone.ZoneId)),
    vpcs: vpcs.map((vpc): VpcInfo => ({ id: vpc.VpcId, ...(vpc.VpcName ? { name: vpc.VpcName } : {}), cidr: vpc.CidrBlock })),
    vSwitches: vSwitches.map(
      (vSwitch): VSwitchInfo => ({
        id: vSwitch.VSwitchId,
        vpcId: vSwitch.VpcId,
        zoneId: vSwitch.ZoneId,
        availableIpCount: Number(vSwitch.AvailableIpAddressCount),
        cidr: vSwitch.CidrBlock,
        ...(vSwitch.VSwitchName ? { name: vSwitch.VSwitchName } : {}),
      }),
    ),
    securityGroups,
    instanceCount: countDedicated(instances),
    // No OpenAPI call reports the account's instance quota; the default is what the rules assume.
    quota: DEFAULT_INSTANCE_QUOTA,
  };
}

async function readSecurityGroups(client: CloudClient): Promise<SecurityGroupInfo[]> {
  const groups = await pageAllByToken<SecurityGroupItem>(client, 'Ecs', 'DescribeSecurityGroups', {}, 'SecurityGroups.SecurityGroup', { maxResults: 100 });
  return mapBounded(groups, RULE_READS_AT_ONCE, async (group) => {
    const rules = await pageAllByToken<PermissionItem>(client, 'Ecs', 'DescribeSecurityGroupAttribute', { SecurityGroupId: group.SecurityGroupId, Direction: 'ingress' }, 'Permissions.Permission', {
      maxResults: 1000,
    });
    return {
      id: group.SecurityGroupId,
      vpcId: group.VpcId ?? '',
      ...(group.SecurityGroupName ? { name: group.SecurityGroupName } : {}),
      rules: rules
        .filter((rule) => (rule.Direction ?? 'ingress') === 'ingress')
        .map((rule) => ({
          direction: 'ingress' as const,
          protocol: rule.IpProtocol,
          portRange: rule.PortRange,
          sourceCidr: rule.SourceCidrIp ?? '',
          policy: rule.Policy ?? 'Accept',
          ...(rule.Priority !== undefined && rule.Priority !== '' ? { priority: Number(rule.Priority) } : {}),
        })),
    };
  });
}
