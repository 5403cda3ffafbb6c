/**
 * Dedicated API Gateway instances in the offline cloud, per account and region: their records,
 * what they hold of the region's network (private IPs in each vSwitch), their lifecycle
 * (CREATING → RUNNING, MODIFYING → RUNNING, DELETING → gone, each when its time has come), and
 * which instance an API group may be put on.
 */
import type { ActionContext } from '../action-registry';
import { SimError } from '../sim-errors';
import type { RegionState } from '../sim-records';
import { moduleState } from '../sim-state';
import type { TagRecord } from './gateway-state';

/** Where CreateApiGroup lands without an InstanceId: the region's shared instance (not confirmed: docs/alibaba-openapi.md, "API groups"). */
export const DEFAULT_SHARED_INSTANCE = 'api-shared-vpc-001';

/** RUNNING is confirmed; the transitional names are not (docs/alibaba-openapi.md, "Dedicated instances"). */
export type InstanceStatus = 'CREATING' | 'RUNNING' | 'MODIFYING' | 'DELETING';

/** DescribeInstances' NetworkInterfaceAttribute (note the lower-case s in VswitchId). */
export interface NetworkInterfaceRecord {
  ZoneId: string;
  VswitchId: string;
  SecurityGroupId: string;
  CidrBlock: string;
}

export interface InstanceRecord {
  InstanceId: string;
  InstanceName: string;
  InstanceSpec: string;
  InstanceChargeType: 'PrePaid' | 'PayAsYouGo';
  Status: InstanceStatus;
  /** CloudAPI's zone id (`cn-hangzhou-MAZ2(j,g)`) or a single zone. */
  ZoneId: string;
  /** `2021-10-22 15:36:53.0` (UTC). */
  CreatedTime: string;
  /** Epoch milliseconds as text. */
  ExpiredTime: string;
  HttpsPolicy: string;
  MaintainStartTime: string;
  MaintainEndTime: string;
  UserVpcId: string;
  InstanceCidrBlock: string;
  NetworkInterfaces: NetworkInterfaceRecord[];
  /** Private IPs taken in each of its vSwitches, given back exactly when it is gone. */
  IpsPerSubnet: number;
  /** The public address its outbound calls come from; every instance has one (its bandwidth comes with the spec). */
  InternetEgressAddress: string;
  VpcEgressAddress: string;
  EgressIpv6Enable: boolean;
  SupportIpv6: boolean;
  VpcSlbIntranetEnable: boolean;
  /** JSON array text of CIDRs. */
  IntranetSegments: string;
  /** Blocks connected with ModifyInstanceAttribute's ToConnectVpcIpBlock, beside its vSwitches' own (absent: none). */
  ConnectedBlocks?: ConnectedBlockRecord[];
  Tags: TagRecord[];
  /** When the current transition ends (epoch ms); absent while RUNNING. */
  TransitionEndsAt?: number;
}

/** One ToConnectVpcIpBlock the instance was given (keys as the SDK model spells them: VswitchId). */
export interface ConnectedBlockRecord {
  CidrBlock: string;
  Customized: boolean;
  VswitchId?: string;
  ZoneId?: string;
}

export interface InstancesState {
  instances: InstanceRecord[];
}

export const INSTANCES_MODULE = 'apiGatewayInstances';

export function instancesOf(region: RegionState): InstancesState {
  return moduleState<InstancesState>(region, INSTANCES_MODULE, () => ({ instances: [] }));
}

/** Chosen: `NotFound<Thing>` like the gateway's other not-found codes, 404. */
export function instanceNotFound(instanceId: string): SimError {
  return new SimError('NotFoundInstance', `The dedicated instance with InstanceId "${instanceId}" does not exist in this region. Check the InstanceId with DescribeInstances.`, 404);
}

/** Chosen: ECS's code for an action the instance's status does not allow. */
function instanceBusy(instance: InstanceRecord, action: string): SimError {
  return new SimError(
    'IncorrectInstanceStatus',
    `The dedicated instance ${instance.InstanceId} is ${instance.Status}; ${action} needs it RUNNING. Poll DescribeInstances until its Status is RUNNING, then retry.`,
    400,
  );
}

export function findInstance(region: RegionState, instanceId: string): InstanceRecord {
  if (instanceId === DEFAULT_SHARED_INSTANCE || instanceId.startsWith('api-shared-')) {
    throw new SimError('InvalidParameter', `The specified parameter InstanceId is not valid: ${instanceId} is the region's shared instance; only dedicated instances can be changed or deleted.`, 400);
  }
  const instance = instancesOf(region).instances.find((candidate) => candidate.InstanceId === instanceId);
  if (!instance) throw instanceNotFound(instanceId);
  return instance;
}

/** Moves the free-IP count of each of the instance's vSwitches by `delta` (negative: taken). */
export function moveFreeIps(region: RegionState, instance: InstanceRecord, delta: number): void {
  for (const nic of instance.NetworkInterfaces) {
    const vSwitch = region.network.vSwitches.find((candidate) => candidate.VSwitchId === nic.VswitchId);
    if (vSwitch) vSwitch.AvailableIpAddressCount = Math.max(0, vSwitch.AvailableIpAddressCount + delta);
  }
}

/** Finishes every transition whose time has come: RUNNING again, or gone with its IPs given back. */
export function settleInstances(region: RegionState, now: Date): boolean {
  const state = region.modules[INSTANCES_MODULE] as InstancesState | undefined;
  if (!state) return false;
  let changed = false;
  for (const instance of [...state.instances]) {
    if (instance.TransitionEndsAt === undefined || instance.TransitionEndsAt > now.getTime()) continue;
    changed = true;
    if (instance.Status === 'DELETING') {
      moveFreeIps(region, instance, instance.IpsPerSubnet);
      state.instances.splice(state.instances.indexOf(instance), 1);
    } else {
      instance.Status = 'RUNNING';
      delete instance.TransitionEndsAt;
    }
  }
  return changed;
}

/**
 * The instance a new API group is put on: the shared instance when none is named (or a shared
 * one is), else a RUNNING dedicated instance of this region.
 */
export function groupHost(context: ActionContext, instanceId: string | undefined): { InstanceId: string; InstanceType: 'VPC_SHARED' | 'VPC_DEDICATED' } {
  if (instanceId === undefined) return { InstanceId: DEFAULT_SHARED_INSTANCE, InstanceType: 'VPC_SHARED' };
  if (instanceId.startsWith('api-shared-')) return { InstanceId: instanceId, InstanceType: 'VPC_SHARED' };
  const instance = instancesOf(context.region()).instances.find((candidate) => candidate.InstanceId === instanceId);
  if (!instance) throw instanceNotFound(instanceId);
  if (instance.Status !== 'RUNNING') throw instanceBusy(instance, 'putting an API group on it');
  return { InstanceId: instance.InstanceId, InstanceType: 'VPC_DEDICATED' };
}
