/**
 * From a PurchaseRequest to CloudAPI's CreateInstance parameters for a VPC-integration gateway,
 * from a change to ModifyInstanceAttribute's, and the request fields each instance action
 * declares. The names are those of the official SDK models (`@alicloud/cloudapi20160714`
 * CreateInstanceRequest, ModifyInstanceAttributeRequest, ModifyInstanceSpecRequest,
 * DeleteInstanceRequest, DescribeInstancesRequest; docs/gateways.md "What is sent"), and a test
 * holds these lists to the models: nothing else is ever sent. The offline cloud reads the same
 * names.
 */
import { DEFAULT_HTTPS_POLICY } from './attributes';
import { EDITIONS } from './editions';
import type { InstanceChange, MaintenanceWindow, PurchaseRequest, VSwitchInfo } from './types';

/** CreateInstanceRequest's fields (there is no EIP, public IP or bandwidth among them). */
export const CREATE_INSTANCE_FIELDS = [
  'AutoPay',
  'ChargeType',
  'Duration',
  'HttpsPolicy',
  'InstanceCidr',
  'InstanceName',
  'InstanceSpec',
  'InstanceType',
  'PricingCycle',
  'Tag',
  'Token',
  'UserVpcId',
  'ZoneId',
  'ZoneVSwitchSecurityGroup',
] as const;
export type CreateInstanceField = (typeof CREATE_INSTANCE_FIELDS)[number];

/** The keys of one `ZoneVSwitchSecurityGroup.N` entry (note `VSwitchId` here, `VswitchId` in DescribeInstances). */
export const ZONE_ENTRY_FIELDS = ['CidrBlock', 'SecurityGroupId', 'VSwitchId', 'ZoneId'] as const;

/** ModifyInstanceAttributeRequest's fields: the maintenance window can only be set here, after purchase. */
export const MODIFY_INSTANCE_ATTRIBUTE_FIELDS = [
  'DeleteVpcIpBlock',
  'EgressIpv6Enable',
  'HttpsPolicy',
  'IPV6Enabled',
  'InstanceId',
  'InstanceName',
  'IntranetSegments',
  'MaintainEndTime',
  'MaintainStartTime',
  'ToConnectVpcIpBlock',
  'Token',
  'VpcSlbIntranetEnable',
] as const;
export type ModifyInstanceAttributeField = (typeof MODIFY_INSTANCE_ATTRIBUTE_FIELDS)[number];

/** The keys of ToConnectVpcIpBlock's JSON object (note `VswitchId`, lower-case s). */
export const TO_CONNECT_VPC_IP_BLOCK_FIELDS = ['CidrBlock', 'Customized', 'VswitchId', 'ZoneId'] as const;

export const MODIFY_INSTANCE_SPEC_FIELDS = ['AutoPay', 'InstanceId', 'InstanceSpec', 'ModifyAction', 'SkipWaitSwitch', 'Token'] as const;
export const DELETE_INSTANCE_FIELDS = ['InstanceId', 'Tag'] as const;
/** No PageNumber/PageSize: the request model has none (the answer still carries them). */
export const DESCRIBE_INSTANCES_FIELDS = ['EnableTagAuthorization', 'InstanceId', 'InstanceType', 'Language', 'SecurityToken', 'Tag'] as const;

/** What a VPC-integration gateway is called in CreateInstance's InstanceType. */
export const VPC_CONNECT = 'vpc_connect';

export type CreateInstanceParamValue = string | number | boolean | Record<string, string>[];
export type CreateInstanceParams = Partial<Record<CreateInstanceField, CreateInstanceParamValue>>;

/**
 * CreateInstance's parameters for `request`, without `Token` (the client adds its idempotency
 * token). `vSwitches`, when given, fills each zone's CidrBlock. Subscriptions are paid
 * automatically (AutoPay) so the gateway is built without a console step. `publicGroups` and the
 * description are not sent: CreateInstance has no field for either.
 */
export function createInstanceParams(request: PurchaseRequest, vSwitches: readonly VSwitchInfo[] = []): CreateInstanceParams {
  const spec = request.spec || (request.edition ? EDITIONS[request.edition].specs[0] : '');
  const params: CreateInstanceParams = {
    InstanceName: request.name,
    InstanceSpec: spec,
    HttpsPolicy: request.httpsPolicy ?? DEFAULT_HTTPS_POLICY,
    InstanceType: VPC_CONNECT,
    UserVpcId: request.vpcId,
    ZoneVSwitchSecurityGroup: [...new Set(request.zones)].map((zone) => {
      const vSwitchId = request.subnets[zone] ?? '';
      const cidr = vSwitches.find((candidate) => candidate.id === vSwitchId)?.cidr;
      return { ZoneId: zone, VSwitchId: vSwitchId, SecurityGroupId: request.securityGroupId, ...(cidr ? { CidrBlock: cidr } : {}) };
    }),
  };
  if (request.billing.kind === 'subscription') {
    Object.assign(params, { ChargeType: 'PrePaid', Duration: request.billing.duration, PricingCycle: request.billing.cycle, AutoPay: true });
  } else {
    params.ChargeType = 'PostPaid';
  }
  if (request.instanceCidr) params.InstanceCidr = request.instanceCidr;
  return params;
}

/**
 * Only the declared fields of `params`: a purchase recorded by an older version (which sent the
 * offline cloud's own AllocationId and InternetMaxBandwidthOut) is resent without them.
 */
export function declaredCreateInstanceParams(params: Readonly<Record<string, CreateInstanceParamValue>>): CreateInstanceParams {
  return Object.fromEntries(Object.entries(params).filter(([name]) => (CREATE_INSTANCE_FIELDS as readonly string[]).includes(name))) as CreateInstanceParams;
}

/** ModifyInstanceAttribute's fields for a maintenance window. */
export function maintenanceParams(window: MaintenanceWindow): { MaintainStartTime: string; MaintainEndTime: string } {
  return { MaintainStartTime: window.start, MaintainEndTime: window.end };
}

/**
 * ModifyInstanceAttribute's fields for the part of `change` it takes (name, maintenance window,
 * HTTPS policy), without InstanceId; empty when the change has none of them (then the call is
 * not made). A name equal to `currentName` is not sent.
 */
export function instanceAttributeParams(change: InstanceChange, currentName?: string): Partial<Record<ModifyInstanceAttributeField, string>> {
  const params: Partial<Record<ModifyInstanceAttributeField, string>> = {};
  if (change.name !== undefined && change.name !== currentName) params.InstanceName = change.name;
  if (change.maintenance) Object.assign(params, maintenanceParams(change.maintenance));
  if (change.httpsPolicy !== undefined) params.HttpsPolicy = change.httpsPolicy;
  return params;
}

/**
 * Parameters as they travel: a RepeatList as `Name.N.Key` (1-based), everything else as text.
 * What the wizard's review lists, name for name.
 */
export function wireForm(params: Readonly<Record<string, CreateInstanceParamValue | undefined>>): [string, string][] {
  const rows: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((entry, index) => Object.entries(entry).forEach(([key, inner]) => rows.push([`${name}.${index + 1}.${key}`, inner])));
    else rows.push([name, String(value)]);
  }
  return rows;
}
