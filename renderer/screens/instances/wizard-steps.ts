/**
 * The purchase wizard's steps, the request fields each one edits, and a request's starting
 * point. Findings (shared/purchase) name a field; a step shows the findings of its fields and is
 * marked when one of them blocks.
 */
import type { Finding, FindingField, PurchaseContext, PurchaseRequest } from '../../../shared/purchase';

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

/** Choosing zones: a newly chosen zone gets its roomiest subnet of the VPC; a dropped zone loses its subnet. */
export function withZones(request: PurchaseRequest, zones: string[], context: PurchaseContext): PurchaseRequest {
  const subnets: Record<string, string> = {};
  for (const zone of zones) subnets[zone] = request.subnets[zone] ?? subnetsOf(context, request.vpcId, zone)[0]?.id ?? '';
  return { ...request, zones, subnets };
}

/** Choosing another VPC: subnets and the security group of the old one no longer fit. */
export function withVpc(request: PurchaseRequest, vpcId: string, context: PurchaseContext): PurchaseRequest {
  const fresh = { ...request, vpcId, subnets: {}, securityGroupId: '' };
  return withZones(fresh, request.zones, context);
}
