/**
 * From a PurchaseRequest to CloudAPI's CreateInstance parameters (reference §3.1) for a
 * VPC-integration gateway, from a maintenance window to ModifyInstanceAttribute's (§3.3,
 * CreateInstance takes no window), and a change of security group to the call that makes it. The
 * client sends these; the offline cloud reads the same names.
 */
import { DEFAULT_HTTPS_POLICY } from './attributes';
import { EDITIONS } from './editions';
import type { MaintenanceWindow, PurchaseRequest, VSwitchInfo } from './types';

/**
 * EMULATOR CHOICE (docs/offline-cloud.md): CreateInstance documents no parameter for a public
 * inbound EIP or a public outbound bandwidth. The offline cloud takes them under the names
 * Alibaba Cloud's own APIs give these things elsewhere: `AllocationId` (VPC's id of an EIP, as
 * in AssociateEipAddress) and `InternetMaxBandwidthOut` (ECS's outbound public bandwidth in
 * Mbit/s, as in RunInstances). It accepts them on CreateInstance and ModifyInstanceAttribute and
 * echoes them in DescribeInstances. This is the one place these names are written down.
 */
export const PUBLIC_ACCESS_PARAMS = { eip: 'AllocationId', outboundBandwidth: 'InternetMaxBandwidthOut' } as const;

/**
 * EMULATOR CHOICE (docs/offline-cloud.md): no documented parameter moves a gateway to another
 * security group. The API metadata lists ModifyInstanceVpcAttributeForConsole without detail
 * (reference §3.4); the offline cloud serves it with `InstanceId` and `SecurityGroupId` (ECS's
 * name for a group), which must be a group of the gateway's own VPC, and puts every network
 * interface of the gateway in it. This is the one place these names are written down.
 */
export const SECURITY_GROUP_CHANGE = { action: 'ModifyInstanceVpcAttributeForConsole', instanceId: 'InstanceId', securityGroupId: 'SecurityGroupId' } as const;

/** What a VPC-integration gateway is called in CreateInstance's InstanceType. */
export const VPC_CONNECT = 'vpc_connect';

export type CreateInstanceParamValue = string | number | boolean | Record<string, string>[];

/**
 * CreateInstance's parameters for `request`, without `Token` (the client adds its idempotency
 * token). `vSwitches`, when given, fills each zone's CidrBlock. Subscriptions are paid
 * automatically (AutoPay) so the gateway is built without a console step.
 */
export function createInstanceParams(request: PurchaseRequest, vSwitches: readonly VSwitchInfo[] = []): Record<string, CreateInstanceParamValue> {
  const spec = request.spec || (request.edition ? EDITIONS[request.edition].specs[0] : '');
  const params: Record<string, CreateInstanceParamValue> = {
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
  if (request.publicInbound.enabled && request.publicInbound.eipId) params[PUBLIC_ACCESS_PARAMS.eip] = request.publicInbound.eipId;
  if (request.publicOutbound.enabled && request.publicOutbound.bandwidthMbps !== undefined) {
    params[PUBLIC_ACCESS_PARAMS.outboundBandwidth] = request.publicOutbound.bandwidthMbps;
  }
  return params;
}

/** ModifyInstanceAttribute's fields for a maintenance window. */
export function maintenanceParams(window: MaintenanceWindow): { MaintainStartTime: string; MaintainEndTime: string } {
  return { MaintainStartTime: window.start, MaintainEndTime: window.end };
}

/** SECURITY_GROUP_CHANGE's parameters: move every network interface of `instanceId` to `securityGroupId`. */
export function securityGroupChangeParams(instanceId: string, securityGroupId: string): Record<string, string> {
  return { [SECURITY_GROUP_CHANGE.instanceId]: instanceId, [SECURITY_GROUP_CHANGE.securityGroupId]: securityGroupId };
}
