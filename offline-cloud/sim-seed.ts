/**
 * What a new account finds in each region: VPCs with vSwitches of very different sizes (plenty,
 * barely enough, too small for the largest gateway edition's 7 IPs, full), security groups with
 * and without inbound 80/443, and EIPs free and in use. The cases a purchase wizard must tell
 * apart are all here; names are the same in every account, ids differ per account.
 */
import { stableId } from './sim-ids';
import type { RegionInfo } from './sim-regions';
import type { EipRecord, NetworkState, PermissionRecord, SecurityGroupRecord } from './sim-records';

interface VSwitchSeed {
  name: string;
  zone: string;
  cidr: string;
  free: number;
  isDefault?: boolean;
}

interface VpcSeed {
  name: string;
  cidr: string;
  description: string;
  isDefault?: boolean;
  vSwitches: VSwitchSeed[];
}

/** direction, protocol, port range, peer CIDR, policy, priority, description. */
type RuleSeed = [PermissionRecord['Direction'], PermissionRecord['IpProtocol'], string, string, PermissionRecord['Policy'], number, string];

interface SecurityGroupSeed {
  name: string;
  vpc: string;
  description: string;
  rules: RuleSeed[];
}

interface EipSeed {
  name: string;
  ip: string;
  bandwidth: number;
  charge: EipRecord['InternetChargeType'];
  prepaid?: boolean;
  /** Bound to an ECS instance of this name. */
  boundTo?: string;
}

interface RegionSeed {
  vpcs: VpcSeed[];
  securityGroups: SecurityGroupSeed[];
  eips: EipSeed[];
}

const web: RuleSeed[] = [
  ['ingress', 'TCP', '80/80', '0.0.0.0/0', 'Accept', 1, 'HTTP from anywhere'],
  ['ingress', 'TCP', '443/443', '0.0.0.0/0', 'Accept', 1, 'HTTPS from anywhere'],
];

const SEEDS: Record<string, RegionSeed> = {
  'cn-hangzhou': {
    vpcs: [
      {
        name: 'prod-vpc',
        cidr: '172.16.0.0/12',
        description: 'Production network',
        vSwitches: [
          { name: 'prod-vsw-j', zone: 'j', cidr: '172.16.0.0/24', free: 240 },
          { name: 'prod-vsw-g', zone: 'g', cidr: '172.16.1.0/24', free: 231 },
          { name: 'prod-vsw-i-small', zone: 'i', cidr: '172.16.2.0/28', free: 6 },
          { name: 'prod-vsw-h-tiny', zone: 'h', cidr: '172.16.3.0/29', free: 4 },
        ],
      },
      {
        name: 'default-vpc',
        cidr: '192.168.0.0/16',
        description: 'Default VPC',
        isDefault: true,
        vSwitches: [
          { name: 'default-vsw-k', zone: 'k', cidr: '192.168.0.0/24', free: 252, isDefault: true },
          { name: 'default-vsw-b', zone: 'b', cidr: '192.168.1.0/24', free: 250 },
        ],
      },
      {
        name: 'staging-vpc',
        cidr: '10.0.0.0/8',
        description: 'Staging network',
        vSwitches: [
          { name: 'staging-vsw-g-full', zone: 'g', cidr: '10.0.0.0/27', free: 0 },
          { name: 'staging-vsw-h', zone: 'h', cidr: '10.0.1.0/24', free: 200 },
          { name: 'staging-vsw-j', zone: 'j', cidr: '10.0.2.0/24', free: 120 },
        ],
      },
    ],
    securityGroups: [
      { name: 'web-open', vpc: 'prod-vpc', description: 'HTTP and HTTPS open to the Internet', rules: [...web, ['ingress', 'TCP', '22/22', '172.16.0.0/12', 'Accept', 1, 'SSH from the VPC']] },
      {
        name: 'internal-only',
        vpc: 'prod-vpc',
        description: 'Only the VPC may connect',
        rules: [
          ['ingress', 'TCP', '1/65535', '172.16.0.0/12', 'Accept', 1, 'Everything from the VPC'],
          ['egress', 'ALL', '-1/-1', '0.0.0.0/0', 'Accept', 1, 'Everything out'],
        ],
      },
      {
        name: 'https-only',
        vpc: 'default-vpc',
        description: 'HTTPS open, HTTP closed',
        rules: [web[1], ['ingress', 'ICMP', '-1/-1', '0.0.0.0/0', 'Accept', 1, 'Ping']],
      },
      { name: 'all-open', vpc: 'default-vpc', description: 'Every port open', rules: [['ingress', 'ALL', '-1/-1', '0.0.0.0/0', 'Accept', 100, 'Everything']] },
      {
        name: 'web-blocked',
        vpc: 'staging-vpc',
        description: 'HTTP and HTTPS explicitly dropped',
        rules: [
          ['ingress', 'TCP', '80/80', '0.0.0.0/0', 'Drop', 1, 'No HTTP'],
          ['ingress', 'TCP', '443/443', '0.0.0.0/0', 'Drop', 1, 'No HTTPS'],
          ['ingress', 'TCP', '22/22', '10.0.0.0/8', 'Accept', 1, 'SSH from the VPC'],
        ],
      },
      { name: 'staging-web', vpc: 'staging-vpc', description: 'A port range covering 80 to 443', rules: [['ingress', 'TCP', '80/443', '0.0.0.0/0', 'Accept', 10, 'Web ports']] },
    ],
    eips: [
      { name: 'gateway-eip', ip: '47.96.180.21', bandwidth: 5, charge: 'PayByTraffic' },
      { name: 'web-eip', ip: '47.96.180.22', bandwidth: 10, charge: 'PayByBandwidth', boundTo: 'web-server-1' },
      { name: 'spare-eip', ip: '118.31.40.7', bandwidth: 1, charge: 'PayByBandwidth', prepaid: true },
    ],
  },
  'cn-shanghai': {
    vpcs: [
      {
        name: 'sh-prod-vpc',
        cidr: '172.20.0.0/16',
        description: 'Production network in Shanghai',
        vSwitches: [
          { name: 'sh-vsw-e', zone: 'e', cidr: '172.20.0.0/24', free: 250 },
          { name: 'sh-vsw-f-tiny', zone: 'f', cidr: '172.20.1.0/29', free: 4 },
        ],
      },
      {
        name: 'sh-default-vpc',
        cidr: '192.168.0.0/16',
        description: 'Default VPC',
        isDefault: true,
        vSwitches: [{ name: 'sh-default-vsw-g', zone: 'g', cidr: '192.168.0.0/24', free: 252, isDefault: true }],
      },
    ],
    securityGroups: [
      { name: 'sh-web-open', vpc: 'sh-prod-vpc', description: 'HTTP and HTTPS open to the Internet', rules: web },
      { name: 'sh-closed', vpc: 'sh-prod-vpc', description: 'SSH from the VPC only', rules: [['ingress', 'TCP', '22/22', '172.20.0.0/16', 'Accept', 1, 'SSH from the VPC']] },
    ],
    eips: [{ name: 'sh-eip', ip: '106.14.20.10', bandwidth: 5, charge: 'PayByTraffic' }],
  },
};

const CREATED = '2024-03-01T08:00:00Z';

export function seedRegion(accountId: string, region: RegionInfo): NetworkState {
  const seed = SEEDS[region.regionId] ?? { vpcs: [], securityGroups: [], eips: [] };
  const id = (kind: string, name: string) => stableId(kind, region, accountId, name);
  const vpcId = (name: string) => id('vpc', name);
  const network: NetworkState = { vpcs: [], vSwitches: [], securityGroups: [], eips: [] };

  for (const vpc of seed.vpcs) {
    network.vpcs.push({
      VpcId: vpcId(vpc.name),
      VpcName: vpc.name,
      CidrBlock: vpc.cidr,
      IsDefault: vpc.isDefault ?? false,
      Description: vpc.description,
      Status: 'Available',
      CreationTime: CREATED,
      VRouterId: id('vrt', vpc.name),
      RouteTableId: id('vtb', vpc.name),
      ResourceGroupId: `rg-${region.idPrefix}default`,
    });
    for (const vSwitch of vpc.vSwitches) {
      network.vSwitches.push({
        VSwitchId: id('vsw', vSwitch.name),
        VSwitchName: vSwitch.name,
        VpcId: vpcId(vpc.name),
        ZoneId: `${region.regionId}-${vSwitch.zone}`,
        CidrBlock: vSwitch.cidr,
        AvailableIpAddressCount: vSwitch.free,
        IsDefault: vSwitch.isDefault ?? false,
        Description: `${vSwitch.free} free addresses`,
        Status: 'Available',
        CreationTime: CREATED,
      });
    }
  }

  for (const group of seed.securityGroups) {
    const record: SecurityGroupRecord = {
      SecurityGroupId: id('sg', group.name),
      SecurityGroupName: group.name,
      Description: group.description,
      VpcId: vpcId(group.vpc),
      SecurityGroupType: 'normal',
      InnerAccessPolicy: 'Accept',
      EcsCount: 0,
      CreationTime: CREATED,
      ResourceGroupId: `rg-${region.idPrefix}default`,
      Permissions: group.rules.map(([direction, protocol, ports, peer, policy, priority, description], index) => ({
        SecurityGroupRuleId: id('sgr', `${group.name}#${index}`),
        Direction: direction,
        IpProtocol: protocol,
        PortRange: ports,
        SourceCidrIp: direction === 'ingress' ? peer : '',
        DestCidrIp: direction === 'egress' ? peer : '',
        Policy: policy,
        Priority: String(priority),
        Description: description,
        CreateTime: CREATED,
      })),
    };
    network.securityGroups.push(record);
  }

  for (const eip of seed.eips) {
    network.eips.push({
      AllocationId: id('eip', eip.name),
      IpAddress: eip.ip,
      Name: eip.name,
      Description: eip.boundTo ? `Bound to ${eip.boundTo}` : 'Free to bind',
      Status: eip.boundTo ? 'InUse' : 'Available',
      Bandwidth: String(eip.bandwidth),
      InternetChargeType: eip.charge,
      ChargeType: eip.prepaid ? 'PrePaid' : 'PostPaid',
      ISP: 'BGP',
      InstanceId: eip.boundTo ? id('i', eip.boundTo) : '',
      InstanceType: eip.boundTo ? 'EcsInstance' : '',
      PrivateIpAddress: eip.boundTo ? '172.16.0.10' : '',
      AllocationTime: CREATED,
    });
  }
  return network;
}
