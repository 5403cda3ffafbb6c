/**
 * The purchase wizard's steps, the request fields each one edits, and a request's starting
 * point. Findings (shared/purchase) name a field; a step shows the findings of its fields and is
 * marked when one of them blocks, but only once the buyer has worked on it: an untouched form
 * shows what it needs, not a list of blockers. Zones come sorted, each with a word on whether the
 * VPC has a subnet there with the free IPs the edition needs, and the wizard never picks a subnet
 * for the buyer that the checks would refuse.
 */
import { EDITIONS, type EditionId, type Finding, type FindingField, type PurchaseContext, type PurchaseRequest, type VSwitchInfo, chosenSpec } from '../../../shared/purchase';

export type WizardStepId = 'basics' | 'edition' | 'billing' | 'network' | 'maintenance' | 'review';

export interface WizardStep {
  id: WizardStepId;
  label: string;
  /** The fields whose findings this step shows; `subnets` covers every `subnets.<zone>`. */
  fields: FindingField[];
}

export const WIZARD_STEPS: WizardStep[] = [
  { id: 'basics', label: 'Region and zones', fields: ['name', 'description', 'zones', 'quota'] },
  { id: 'edition', label: 'Edition', fields: ['edition'] },
  { id: 'billing', label: 'Billing', fields: ['billing'] },
  { id: 'network', label: 'Network', fields: ['vpc', 'subnets', 'instanceCidr', 'securityGroup', 'internet'] },
  { id: 'maintenance', label: 'Maintenance window', fields: ['maintenance', 'httpsPolicy'] },
  { id: 'review', label: 'Review', fields: [] },
];

/** The findings a step shows. */
export function stepFindings(step: WizardStep, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => step.fields.some((field) => finding.field === field || (field === 'subnets' && finding.field.startsWith('subnets.'))));
}

export function stepBlocked(step: WizardStep, findings: readonly Finding[]): boolean {
  return stepFindings(step, findings).some((finding) => finding.level === 'blocker');
}

/** What the buyer has done so far: steps edited, and steps left (by Next, Back or a step's tab). */
export interface WizardProgress {
  edited: ReadonlySet<WizardStepId>;
  left: ReadonlySet<WizardStepId>;
}

export const NO_PROGRESS: WizardProgress = { edited: new Set(), left: new Set() };

/** Whether the buyer has worked on a step: its blockers are then worth showing. The review shows everything. */
export function stepTouched(step: WizardStep, progress: WizardProgress): boolean {
  return step.id === 'review' || progress.edited.has(step.id) || progress.left.has(step.id);
}

/** Blockers about the account rather than the form (the quota is full): shown from the start, since no input fixes them. */
const ACCOUNT_FIELDS: ReadonlySet<FindingField> = new Set<FindingField>(['quota']);

/** The findings a step shows now: notes, warnings and the account's blockers always; the form's blockers once the step was worked on. */
export function shownFindings(step: WizardStep, findings: readonly Finding[], progress: WizardProgress): Finding[] {
  const own = step.id === 'review' ? [...findings] : stepFindings(step, findings);
  return stepTouched(step, progress) ? own : own.filter((finding) => finding.level !== 'blocker' || ACCOUNT_FIELDS.has(finding.field));
}

/** A step's tab says "Needs attention" once the buyer has left it with a blocker, or reached the review. */
export function stepNeedsAttention(step: WizardStep, findings: readonly Finding[], progress: WizardProgress): boolean {
  if (step.id === 'review') return false;
  const seen = progress.left.has(step.id) || progress.left.has('review') || progress.edited.has('review');
  return seen && stepBlocked(step, findings);
}

/** Zone ids in reading order (`cn-hangzhou-b` before `cn-hangzhou-k`; numbers by value). */
export function sortedZones(zones: readonly string[]): string[] {
  return [...zones].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Free IPs the chosen edition or spec takes in each subnet; 0 while none is chosen. */
export function neededIps(request: Pick<PurchaseRequest, 'edition' | 'spec'>): number {
  const spec = chosenSpec(request, []);
  return spec ? EDITIONS[spec.edition].ipsPerSubnet : 0;
}

/** What a zone offers the chosen VPC: its roomiest subnet, and how many of its subnets have enough free IPs. */
export interface ZoneRoom {
  zone: string;
  roomiest?: VSwitchInfo;
  fitting: number;
  needed: number;
}

export function zoneRoom(context: PurchaseContext, vpcId: string, zone: string, needed: number): ZoneRoom {
  const options = subnetsOf(context, vpcId, zone);
  return { zone, roomiest: options[0], fitting: options.filter((vSwitch) => vSwitch.availableIpCount >= needed).length, needed };
}

/** The zone's hint under its checkbox: whether the gateway fits there. */
export function zoneHint(room: ZoneRoom, vpcLabel: string): string {
  if (!room.roomiest) return `no subnet of ${vpcLabel} here`;
  if (room.fitting === 0) return `no subnet of ${vpcLabel} with ${room.needed} free IPs (most: ${room.roomiest.availableIpCount})`;
  return `${room.fitting} subnet${room.fitting === 1 ? '' : 's'} of ${vpcLabel} with ${room.needed}+ free IPs`;
}

/** The subnet the wizard picks for a zone: the roomiest one, only if it has the free IPs needed. */
function fittingSubnet(context: PurchaseContext, vpcId: string, zone: string, needed: number): string {
  const roomiest = subnetsOf(context, vpcId, zone)[0];
  return roomiest && roomiest.availableIpCount >= needed ? roomiest.id : '';
}

/** A fresh request: nothing chosen that the buyer should think about, sensible defaults for the rest. */
export function initialRequest(context: PurchaseContext | undefined): PurchaseRequest {
  const vpc = context?.vpcs[0]?.id ?? '';
  return {
    name: '',
    edition: 'professional',
    zones: [],
    vpcId: vpc,
    subnets: {},
    securityGroupId: '',
    billing: { kind: 'payAsYouGo' },
  };
}

/** The vSwitches of the chosen VPC in a zone, most free IPs first. */
export function subnetsOf(context: PurchaseContext, vpcId: string, zone: string) {
  return context.vSwitches.filter((vSwitch) => vSwitch.vpcId === vpcId && vSwitch.zoneId === zone).sort((a, b) => b.availableIpCount - a.availableIpCount);
}

/**
 * Choosing zones: a newly chosen zone gets its roomiest subnet of the VPC when that one has the
 * free IPs the edition needs (otherwise none: the buyer chooses, and the meter says why); a dropped
 * zone loses its subnet. Zones keep reading order.
 */
export function withZones(request: PurchaseRequest, zones: string[], context: PurchaseContext): PurchaseRequest {
  const needed = neededIps(request);
  const subnets: Record<string, string> = {};
  const ordered = sortedZones(zones);
  for (const zone of ordered) subnets[zone] = request.subnets[zone] ?? fittingSubnet(context, request.vpcId, zone, needed);
  return { ...request, zones: ordered, subnets };
}

/**
 * Choosing an edition (and a spec of it): a subnet too small for the new need is swapped for one
 * that fits, or left empty, so that the wizard never holds a pick that the checks refuse.
 */
export function withEdition(request: PurchaseRequest, edition: EditionId, spec: string | undefined, context: PurchaseContext): PurchaseRequest {
  const next = { ...request, edition, spec };
  const needed = neededIps(next);
  const subnets: Record<string, string> = { ...request.subnets };
  for (const zone of request.zones) {
    const current = context.vSwitches.find((vSwitch) => vSwitch.id === subnets[zone]);
    if (!current || current.availableIpCount < needed) subnets[zone] = fittingSubnet(context, request.vpcId, zone, needed);
  }
  return { ...next, subnets };
}

/** Choosing another VPC: subnets and the security group of the old one no longer fit. */
export function withVpc(request: PurchaseRequest, vpcId: string, context: PurchaseContext): PurchaseRequest {
  const fresh = { ...request, vpcId, subnets: {}, securityGroupId: '' };
  return withZones(fresh, request.zones, context);
}
