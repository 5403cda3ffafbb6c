/**
 * What a purchase or change check says: one Finding per rule that has something to say, with a
 * stable code (for tests, the emulator's error mapping and the wizard's logic), a sentence for a
 * person, and the wizard field it belongs to.
 */

export type FindingLevel = 'blocker' | 'warning' | 'info';

/**
 * Every code a check can produce; stable, so callers may switch on them. (The EIP and bandwidth
 * codes of earlier versions are gone with the fields they judged: Alibaba Cloud's instances have
 * neither, docs/gateways.md.)
 */
export type FindingCode =
  // edition and spec
  | 'EDITION_MISSING'
  | 'SPEC_UNKNOWN'
  | 'EDITION_SPEC_MISMATCH'
  | 'EDITION_CAPACITY'
  // zones and subnets
  | 'ZONES_MISSING'
  | 'SINGLE_ZONE'
  | 'ZONE_UNAVAILABLE'
  | 'VPC_MISSING'
  | 'VPC_NOT_FOUND'
  | 'SUBNET_MISSING'
  | 'SUBNET_NOT_FOUND'
  | 'SUBNET_WRONG_VPC'
  | 'SUBNET_WRONG_ZONE'
  | 'SUBNET_TOO_SMALL'
  | 'IPS_NEEDED'
  | 'INSTANCE_CIDR_INVALID'
  | 'INSTANCE_CIDR_OVERLAPS'
  // security group
  | 'SECURITY_GROUP_MISSING'
  | 'SECURITY_GROUP_NOT_FOUND'
  | 'SECURITY_GROUP_WRONG_VPC'
  | 'SECURITY_GROUP_PORT_CLOSED'
  // Internet access (per API group, not per gateway)
  | 'INTERNET_PER_GROUP'
  // maintenance, names, billing, TLS
  | 'MAINTENANCE_INVALID'
  | 'MAINTENANCE_EMPTY'
  | 'MAINTENANCE_DEFAULT'
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'NAME_INVALID'
  | 'DESCRIPTION_TOO_LONG'
  | 'BILLING_DURATION_INVALID'
  | 'HTTPS_POLICY_UNKNOWN'
  // quota
  | 'QUOTA_REACHED'
  | 'QUOTA_REMAINING'
  // changes of an existing gateway
  | 'INSTANCE_BUSY'
  | 'INSTANCE_HAS_GROUPS'
  | 'VPC_IMMUTABLE'
  | 'SPEC_UPGRADE'
  | 'SPEC_DOWNGRADE'
  | 'SPEC_UNCHANGED';

/**
 * The wizard field a finding belongs to. `subnets.<zoneId>` is the subnet chosen for one zone;
 * `subnets` is about all of them.
 */
export type FindingField =
  | 'name'
  | 'description'
  | 'edition'
  | 'zones'
  | 'vpc'
  | 'subnets'
  | `subnets.${string}`
  | 'instanceCidr'
  | 'securityGroup'
  | 'internet'
  | 'maintenance'
  | 'billing'
  | 'httpsPolicy'
  | 'quota'
  | 'instance';

export interface Finding {
  level: FindingLevel;
  code: FindingCode;
  /** A sentence for a person naming the object and the numbers, and what to do when it blocks. */
  message: string;
  field: FindingField;
}

export const blocker = (code: FindingCode, field: FindingField, message: string): Finding => ({ level: 'blocker', code, field, message });
export const warning = (code: FindingCode, field: FindingField, message: string): Finding => ({ level: 'warning', code, field, message });
export const info = (code: FindingCode, field: FindingField, message: string): Finding => ({ level: 'info', code, field, message });

/** Whether any finding stops the purchase or change. */
export function hasBlockers(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.level === 'blocker');
}

export function blockersOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.level === 'blocker');
}

/** The findings of one wizard field; `subnets` also matches `subnets.<zoneId>`. */
export function findingsFor(findings: readonly Finding[], field: FindingField): Finding[] {
  return findings.filter((finding) => finding.field === field || (field === 'subnets' && finding.field.startsWith('subnets.')));
}
