/**
 * What the offline cloud keeps per account and region: the network resources it was seeded with
 * (sim-seed.ts) and the data of later action modules. Types only; sim-state.ts stores them.
 */

export interface VpcRecord {
  VpcId: string;
  VpcName: string;
  CidrBlock: string;
  IsDefault: boolean;
  Description: string;
  Status: 'Available' | 'Pending';
  CreationTime: string;
  VRouterId: string;
  RouteTableId: string;
  ResourceGroupId: string;
}

export interface VSwitchRecord {
  VSwitchId: string;
  VSwitchName: string;
  VpcId: string;
  ZoneId: string;
  CidrBlock: string;
  AvailableIpAddressCount: number;
  IsDefault: boolean;
  Description: string;
  Status: 'Available' | 'Pending';
  CreationTime: string;
}

export interface PermissionRecord {
  SecurityGroupRuleId: string;
  Direction: 'ingress' | 'egress';
  IpProtocol: 'TCP' | 'UDP' | 'ICMP' | 'GRE' | 'ALL';
  PortRange: string;
  SourceCidrIp: string;
  DestCidrIp: string;
  Policy: 'Accept' | 'Drop';
  Priority: string;
  Description: string;
  CreateTime: string;
}

export interface SecurityGroupRecord {
  SecurityGroupId: string;
  SecurityGroupName: string;
  Description: string;
  VpcId: string;
  SecurityGroupType: 'normal' | 'enterprise';
  InnerAccessPolicy: 'Accept' | 'Drop';
  EcsCount: number;
  CreationTime: string;
  ResourceGroupId: string;
  Permissions: PermissionRecord[];
}

export interface EipRecord {
  AllocationId: string;
  IpAddress: string;
  Name: string;
  Description: string;
  Status: 'Available' | 'InUse';
  Bandwidth: string;
  InternetChargeType: 'PayByBandwidth' | 'PayByTraffic';
  ChargeType: 'PostPaid' | 'PrePaid';
  ISP: string;
  InstanceId: string;
  InstanceType: string;
  PrivateIpAddress: string;
  AllocationTime: string;
}

export interface NetworkState {
  vpcs: VpcRecord[];
  vSwitches: VSwitchRecord[];
  securityGroups: SecurityGroupRecord[];
  eips: EipRecord[];
}

export interface RegionState {
  network: NetworkState;
  /** Data of later action modules, each under its own key (see moduleState). */
  modules: Record<string, unknown>;
}

export interface AccountState {
  accountId: string;
  regions: Record<string, RegionState>;
}
