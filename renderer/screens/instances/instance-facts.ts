/**
 * DescribeInstances' raw values as a person reads them (docs/alibaba-openapi.md, "Dedicated
 * instances" and "Times"): the charge type in the wizard's words, the creation time in the
 * reader's own time zone, and the VPC, subnets and security group by name with their ids.
 */
import type { PurchaseContext } from '../../../shared/purchase';

/** `PayAsYouGo` / `PostPaid` → pay-as-you-go, `PrePaid` → subscription (the wizard's words); anything else as it came. */
export function chargeTypeLabel(raw: string | undefined): string {
  if (!raw) return '—';
  if (raw === 'PayAsYouGo' || raw === 'PostPaid') return 'Pay-as-you-go';
  if (raw === 'PrePaid') return 'Subscription';
  return raw;
}

/**
 * `2026-12-07 18:09:25.0` as a Date. The cloud writes no zone; we read it as UTC, as the offline
 * cloud writes it (not confirmed for the real cloud). Undefined when it cannot be read.
 */
export function parseInstanceTime(raw: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/.exec(raw?.trim() ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** `7 Dec 2026, 19:09 CET` in the reader's zone (or `timeZone`); the raw text when it cannot be read. */
export function instanceTimeLabel(raw: string | undefined, timeZone?: string): string {
  if (!raw) return '—';
  const date = parseInstanceTime(raw);
  if (!date) return raw;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone }).format(date);
}

/** `prod-vpc (172.16.0.0/16)` for a VPC the region lists; undefined when it is not known. */
export function vpcName(context: PurchaseContext | undefined, vpcId: string): string | undefined {
  const vpc = context?.vpcs.find((candidate) => candidate.id === vpcId);
  return vpc ? `${vpc.name ?? vpc.id} (${vpc.cidr})` : undefined;
}

/** `default-vsw-j (172.16.1.0/24, 240 free IPs)`; undefined when not known. */
export function vSwitchName(context: PurchaseContext | undefined, vSwitchId: string): string | undefined {
  const vSwitch = context?.vSwitches.find((candidate) => candidate.id === vSwitchId);
  return vSwitch ? `${vSwitch.name ?? vSwitch.id} (${vSwitch.cidr}, ${vSwitch.availableIpCount} free IPs)` : undefined;
}

export function securityGroupName(context: PurchaseContext | undefined, groupId: string): string | undefined {
  return context?.securityGroups.find((candidate) => candidate.id === groupId)?.name;
}
