/**
 * What a buyer chose (PurchaseRequest, InstanceChange) and what the cloud says about the account
 * and region (PurchaseContext), in plain values a caller fills from DescribeVpcs,
 * DescribeVSwitches, DescribeSecurityGroupAttribute and DescribeInstances (docs/gateways.md).
 * Zone ids here are single zones (`cn-hangzhou-j`), where vSwitches live.
 *
 * Nothing here is about an EIP or a bandwidth: no instance action of CloudAPI has one (the SDK
 * models of CreateInstance and ModifyInstanceAttribute, docs/gateways.md "Internet access").
 * Internet access is a setting of each API group (shared/model Group.network).
 */
import type { EditionId } from './editions';

/** `HH:mmZ`, UTC, e.g. `22:00Z` (the form ModifyInstanceAttribute takes). */
export interface MaintenanceWindow {
  start: string;
  end: string;
}

export type Billing = { kind: 'payAsYouGo' } | { kind: 'subscription'; duration: number; cycle: 'month' | 'year' };

/** One purchase as the buyer chose it. */
export interface PurchaseRequest {
  name: string;
  /** Kept with the design; CreateInstance has no description field. */
  description?: string;
  /** Give the edition, a spec, or both (then the spec must belong to the edition). The edition alone buys its smallest spec. */
  edition?: EditionId;
  spec?: string;
  /** Single zones, e.g. `['cn-hangzhou-j', 'cn-hangzhou-g']`; several for availability. */
  zones: string[];
  vpcId: string;
  /** zoneId → vSwitchId, one per chosen zone. Entries of zones not chosen are ignored. */
  subnets: Record<string, string>;
  securityGroupId: string;
  /**
   * Whether API groups on this gateway will take calls from the Internet (each group's own
   * setting, Group.network). Never sent: it only asks the checks to look at ports 80 and 443 of
   * the security group.
   */
  publicGroups?: boolean;
  /** Absent: the cloud's default window applies (DEFAULT_MAINTENANCE_WINDOW). */
  maintenance?: MaintenanceWindow;
  billing: Billing;
  /** e.g. `HTTPS2_TLS1_0` (HTTPS_POLICIES); absent: DEFAULT_HTTPS_POLICY. */
  httpsPolicy?: string;
  /** The gateway's own address range (`192.168.0.0/16` or `172.16.0.0/12`); absent: the one that does not overlap the VPC. */
  instanceCidr?: string;
}

export interface VpcInfo {
  id: string;
  name?: string;
  cidr: string;
}

export interface VSwitchInfo {
  id: string;
  vpcId: string;
  /** Single zone, e.g. `cn-hangzhou-j`. */
  zoneId: string;
  /** DescribeVSwitches' AvailableIpAddressCount. */
  availableIpCount: number;
  cidr: string;
  name?: string;
}

export interface SecurityGroupRule {
  /** Default ingress; egress rules are ignored by the checks. */
  direction?: 'ingress' | 'egress';
  /** `TCP`, `UDP`, `ICMP`, `GRE`, `ALL` (any case). */
  protocol: string;
  /** `start/end`, e.g. `443/443`, `1/65535`; `-1/-1` for ALL. */
  portRange: string;
  sourceCidr: string;
  /** `Accept` or `Drop` (any case). */
  policy: string;
  /** 1 (first) to 100; default 1. */
  priority?: number;
}

export interface SecurityGroupInfo {
  id: string;
  vpcId: string;
  name?: string;
  /** Inbound rules (DescribeSecurityGroupAttribute's Permissions with Direction ingress). */
  rules: SecurityGroupRule[];
}

/** The network resources of the region, as the cloud reports them. */
export interface NetworkContext {
  region: string;
  vpcs: VpcInfo[];
  vSwitches: VSwitchInfo[];
  securityGroups: SecurityGroupInfo[];
}

export interface PurchaseContext extends NetworkContext {
  /** Single zones where a dedicated gateway can be placed (see singleZonesOf for CloudAPI's multi-zone ids). */
  zones: string[];
  /** Dedicated instances the account already has in the region (DescribeInstances, InstanceType VPC_DEDICATED). */
  instanceCount: number;
  /** Dedicated instances allowed per region and account; DEFAULT_INSTANCE_QUOTA when absent. */
  quota?: number;
}

/** A dedicated gateway that exists, as DescribeInstances reports it. */
export interface ExistingInstance {
  instanceId: string;
  name: string;
  spec: string;
  /** `RUNNING`, `CREATING`, `MODIFYING`, `DELETING`; changes need RUNNING. Absent: not checked. */
  status?: string;
  vpcId: string;
  /** zoneId → vSwitchId of its network interfaces. */
  subnets: Record<string, string>;
  securityGroupId: string;
  maintenance?: MaintenanceWindow;
}

/**
 * What a person wants to change; absent fields stay as they are. Only what ModifyInstanceAttribute
 * (name, maintenance window, HTTPS policy) and ModifyInstanceSpec take, plus the description the
 * app keeps itself; no call moves a gateway to another security group.
 */
export interface InstanceChange {
  name?: string;
  description?: string;
  maintenance?: MaintenanceWindow;
  /** Only ever refused: a gateway's VPC cannot change. */
  vpcId?: string;
  /** A new spec, or an edition (its smallest spec). */
  spec?: string;
  edition?: EditionId;
  httpsPolicy?: string;
}
