/**
 * Network rules shared by purchase and change: subnets and their free IPs, the instance CIDR,
 * the security group (its VPC and, where API groups will be public, ports 80 and 443).
 */
import { type Finding, blocker, warning } from './findings';
import { WEB_PORTS, internetAccess } from './security-group';
import type { NetworkContext, SecurityGroupInfo, VSwitchInfo } from './types';

/** The address ranges a VPC-integration gateway may take for itself (InstanceCidr: docs/alibaba-openapi.md, "Dedicated instances"). */
export const INSTANCE_CIDRS = ['192.168.0.0/16', '172.16.0.0/12'] as const;

export function vSwitchLabel(vSwitch: Pick<VSwitchInfo, 'id' | 'name' | 'zoneId'>): string {
  return `vSwitch ${vSwitch.id} (${vSwitch.name ? `${vSwitch.name}, ` : ''}zone ${vSwitch.zoneId})`;
}

export function securityGroupLabel(group: Pick<SecurityGroupInfo, 'id' | 'name'>): string {
  return `security group ${group.id}${group.name ? ` (${group.name})` : ''}`;
}

function ipWord(count: number): string {
  return count === 1 ? 'IP' : 'IPs';
}

/** `vSwitch … has 3 free IPs; <need sentence>`. */
export function tooSmall(zoneId: string, vSwitch: VSwitchInfo, needSentence: string, advice: string): Finding {
  return blocker(
    'SUBNET_TOO_SMALL',
    `subnets.${zoneId}`,
    `${vSwitchLabel(vSwitch)} has ${vSwitch.availableIpCount} free ${ipWord(vSwitch.availableIpCount)}; ${needSentence}. ${advice}`,
  );
}

/** The chosen subnet of one zone: it must exist, lie in the VPC and in that zone. Returns it when usable. */
export function checkSubnet(zoneId: string, vSwitchId: string | undefined, vpcId: string, context: NetworkContext, findings: Finding[]): VSwitchInfo | undefined {
  const field = `subnets.${zoneId}` as const;
  if (!vSwitchId) {
    findings.push(blocker('SUBNET_MISSING', field, `Choose a vSwitch of VPC ${vpcId || '(none chosen)'} in zone ${zoneId}.`));
    return undefined;
  }
  const vSwitch = context.vSwitches.find((candidate) => candidate.id === vSwitchId);
  if (!vSwitch) {
    findings.push(blocker('SUBNET_NOT_FOUND', field, `vSwitch ${vSwitchId} (for zone ${zoneId}) does not exist in region ${context.region}. Choose one of VPC ${vpcId}'s vSwitches in that zone.`));
    return undefined;
  }
  if (vpcId && vSwitch.vpcId !== vpcId) {
    findings.push(blocker('SUBNET_WRONG_VPC', field, `${vSwitchLabel(vSwitch)} belongs to VPC ${vSwitch.vpcId}, not to the chosen VPC ${vpcId}. Choose a vSwitch of VPC ${vpcId}.`));
    return undefined;
  }
  if (vSwitch.zoneId !== zoneId) {
    findings.push(blocker('SUBNET_WRONG_ZONE', field, `${vSwitchLabel(vSwitch)} is not in zone ${zoneId}. Choose a vSwitch in ${zoneId}, or choose zone ${vSwitch.zoneId} instead.`));
    return undefined;
  }
  return vSwitch;
}

/** The security group must exist and lie in the gateway's VPC. Returns it when usable. */
export function checkSecurityGroup(groupId: string, vpcId: string, context: NetworkContext, findings: Finding[]): SecurityGroupInfo | undefined {
  if (!groupId) {
    findings.push(blocker('SECURITY_GROUP_MISSING', 'securityGroup', `Choose a security group of VPC ${vpcId || '(none chosen)'} for the gateway's network interfaces.`));
    return undefined;
  }
  const group = context.securityGroups.find((candidate) => candidate.id === groupId);
  if (!group) {
    findings.push(blocker('SECURITY_GROUP_NOT_FOUND', 'securityGroup', `Security group ${groupId} does not exist in region ${context.region}. Choose one of VPC ${vpcId}'s security groups.`));
    return undefined;
  }
  if (vpcId && group.vpcId !== vpcId) {
    findings.push(blocker('SECURITY_GROUP_WRONG_VPC', 'securityGroup', `The ${securityGroupLabel(group)} belongs to VPC ${group.vpcId}, not to the gateway's VPC ${vpcId}. Choose a security group of VPC ${vpcId}.`));
    return undefined;
  }
  return group;
}

/** A gateway whose API groups are public takes HTTP and HTTPS from anywhere: one warning per closed port, naming the rule to add. */
export function checkWebPorts(group: SecurityGroupInfo): Finding[] {
  return WEB_PORTS.map((port) => internetAccess(group, port))
    .filter((verdict) => !verdict.open)
    .map((verdict) =>
      warning(
        'SECURITY_GROUP_PORT_CLOSED',
        'securityGroup',
        `The ${securityGroupLabel(group)} does not let the Internet in on TCP port ${verdict.port}, so public calls on it will fail: ${verdict.advice}.`,
      ),
    );
}

// --- IPv4 CIDRs, for the instance range ---

function parseCidr(text: string): { base: number; bits: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((octet) => octet > 255) || bits > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - bits);
  return { base: address - (address % size), bits };
}

/** Whether two IPv4 CIDR blocks share an address; false when either cannot be read. */
export function cidrsOverlap(a: string, b: string): boolean {
  const left = parseCidr(a);
  const right = parseCidr(b);
  if (!left || !right) return false;
  const size = 2 ** (32 - Math.min(left.bits, right.bits));
  return left.base - (left.base % size) === right.base - (right.base % size);
}

/** The instance range a gateway in a VPC of `vpcCidr` gets when none is chosen: the first that does not overlap it. */
export function defaultInstanceCidr(vpcCidr: string | undefined): string {
  return INSTANCE_CIDRS.find((cidr) => !vpcCidr || !cidrsOverlap(cidr, vpcCidr)) ?? INSTANCE_CIDRS[0];
}

export function checkInstanceCidr(cidr: string | undefined, vpc: { id: string; cidr: string } | undefined): Finding[] {
  if (cidr === undefined) return [];
  if (!(INSTANCE_CIDRS as readonly string[]).includes(cidr)) {
    return [blocker('INSTANCE_CIDR_INVALID', 'instanceCidr', `The gateway's address range must be ${INSTANCE_CIDRS.join(' or ')}, not ${cidr}.`)];
  }
  if (vpc && cidrsOverlap(cidr, vpc.cidr)) {
    return [
      blocker(
        'INSTANCE_CIDR_OVERLAPS',
        'instanceCidr',
        `The gateway's address range ${cidr} overlaps VPC ${vpc.id} (${vpc.cidr}); choose ${defaultInstanceCidr(vpc.cidr)}.`,
      ),
    ];
  }
  return [];
}
