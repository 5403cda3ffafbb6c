/**
 * The purchase rules of shared/purchase, enforced by the offline cloud: the region's network as a
 * PurchaseContext, an instance record as an ExistingInstance, and blocker findings turned into
 * the cloud's error answers. The rules themselves live only in shared/purchase.
 */
import { DEFAULT_INSTANCE_QUOTA, type ExistingInstance, type Finding, type FindingCode, type PurchaseContext, blockersOf, singleZonesOfAll } from '../../shared/purchase';
import type { ActionContext } from '../action-registry';
import { SimError, simErrors } from '../sim-errors';
import { type InstanceRecord, instancesOf } from './cloudapi-instances-state';

/**
 * Error codes for blockers. Chosen (no source names any for CloudAPI: docs/alibaba-openapi.md,
 * "Error answers"): the codes ECS and VPC answer for the same problem where they have one, else
 * InvalidParameter naming the field.
 */
const CODES: Partial<Record<FindingCode, { code: string; status: number }>> = {
  QUOTA_REACHED: { code: 'QuotaExceeded.Instance', status: 400 },
  SUBNET_TOO_SMALL: { code: 'InvalidVSwitchId.IpNotEnough', status: 400 },
  SUBNET_NOT_FOUND: { code: 'InvalidVSwitchId.NotFound', status: 404 },
  SUBNET_WRONG_VPC: { code: 'InvalidVSwitchId.VpcMismatch', status: 400 },
  SUBNET_WRONG_ZONE: { code: 'InvalidVSwitchId.ZoneMismatch', status: 400 },
  VPC_NOT_FOUND: { code: 'InvalidVpcId.NotFound', status: 404 },
  SECURITY_GROUP_NOT_FOUND: { code: 'InvalidSecurityGroupId.NotFound', status: 404 },
  SECURITY_GROUP_WRONG_VPC: { code: 'InvalidSecurityGroupId.VPCMismatch', status: 400 },
  INSTANCE_BUSY: { code: 'IncorrectInstanceStatus', status: 400 },
  INSTANCE_HAS_GROUPS: { code: 'InstanceHasApiGroups', status: 400 },
};

/** The request field a finding's wizard field stands for, named in InvalidParameter answers. */
const PARAMS: Record<string, string> = {
  name: 'InstanceName',
  description: 'Description',
  edition: 'InstanceSpec',
  zones: 'ZoneVSwitchSecurityGroup.N.ZoneId',
  subnets: 'ZoneVSwitchSecurityGroup.N.VSwitchId',
  vpc: 'UserVpcId',
  instanceCidr: 'InstanceCidr',
  securityGroup: 'ZoneVSwitchSecurityGroup.N.SecurityGroupId',
  maintenance: 'MaintainStartTime',
  billing: 'Duration',
  httpsPolicy: 'HttpsPolicy',
  instance: 'InstanceId',
};

/** Refuses with the first blocker's code; the Message also lists the other blockers, so one answer says everything to fix. */
export function refuseBlockers(findings: readonly Finding[]): void {
  const [first, ...others] = blockersOf(findings);
  if (!first) return;
  const more = others.length > 0 ? ` Also: ${others.map((finding) => finding.message).join(' ')}` : '';
  const known = CODES[first.code];
  if (known) throw new SimError(known.code, `${first.message}${more}`, known.status);
  const param = PARAMS[first.field.split('.')[0]] ?? first.field;
  throw simErrors.invalidParameter(param, `${first.message}${more}`.replace(/\.$/, ''));
}

/** What shared/purchase needs to know about the request's region, read from the offline cloud's state. */
export function purchaseContextOf(context: ActionContext): PurchaseContext {
  const region = context.region();
  const { network } = region;
  return {
    region: context.regionId,
    zones: singleZonesOfAll(context.regionInfo().gatewayZones.map((zone) => zone.zoneId)),
    vpcs: network.vpcs.map((vpc) => ({ id: vpc.VpcId, name: vpc.VpcName, cidr: vpc.CidrBlock })),
    vSwitches: network.vSwitches.map((vSwitch) => ({
      id: vSwitch.VSwitchId,
      vpcId: vSwitch.VpcId,
      zoneId: vSwitch.ZoneId,
      availableIpCount: vSwitch.AvailableIpAddressCount,
      cidr: vSwitch.CidrBlock,
      name: vSwitch.VSwitchName,
    })),
    securityGroups: network.securityGroups.map((group) => ({
      id: group.SecurityGroupId,
      vpcId: group.VpcId,
      name: group.SecurityGroupName,
      rules: group.Permissions.filter((rule) => rule.Direction === 'ingress').map((rule) => ({
        direction: rule.Direction,
        protocol: rule.IpProtocol,
        portRange: rule.PortRange,
        sourceCidr: rule.SourceCidrIp,
        policy: rule.Policy,
        priority: Number(rule.Priority),
      })),
    })),
    instanceCount: instancesOf(region).instances.length,
    quota: DEFAULT_INSTANCE_QUOTA,
  };
}

export function existingInstanceOf(instance: InstanceRecord): ExistingInstance {
  return {
    instanceId: instance.InstanceId,
    name: instance.InstanceName,
    spec: instance.InstanceSpec,
    status: instance.Status,
    vpcId: instance.UserVpcId,
    subnets: Object.fromEntries(instance.NetworkInterfaces.map((nic) => [nic.ZoneId, nic.VswitchId])),
    securityGroupId: instance.NetworkInterfaces[0]?.SecurityGroupId ?? '',
    maintenance: { start: instance.MaintainStartTime, end: instance.MaintainEndTime },
  };
}
