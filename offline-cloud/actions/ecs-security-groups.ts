/**
 * ECS 2014-05-26 security-group reads (docs/alibaba-openapi.md, "VPC and ECS reads"):
 * DescribeSecurityGroups, paged either the legacy way (PageNumber/PageSize) or with
 * MaxResults/NextToken, and DescribeSecurityGroupAttribute with the group's rules. Tags here are
 * {TagKey, TagValue}, unlike VPC's {Key, Value}.
 */
import { type ActionModule, read } from '../action-registry';
import { pageOf, tokenPageOf } from '../action-params';
import { simErrors } from '../sim-errors';
import type { PermissionRecord, SecurityGroupRecord } from '../sim-records';

/** What a normal security group holds at most, as the cloud reports room left in it. */
const INSTANCES_PER_GROUP = 2000;

function groupView(group: SecurityGroupRecord) {
  return {
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    SecurityGroupType: group.SecurityGroupType,
    VpcId: group.VpcId,
    Description: group.Description,
    CreationTime: group.CreationTime,
    ResourceGroupId: group.ResourceGroupId,
    RuleCount: group.Permissions.length,
    GroupToGroupRuleCount: 0,
    EcsCount: group.EcsCount,
    AvailableInstanceAmount: INSTANCES_PER_GROUP - group.EcsCount,
    ServiceManaged: false,
    Tags: { Tag: [] },
  };
}

function permissionView(rule: PermissionRecord) {
  return {
    SecurityGroupRuleId: rule.SecurityGroupRuleId,
    Direction: rule.Direction,
    IpProtocol: rule.IpProtocol,
    PortRange: rule.PortRange,
    SourcePortRange: '',
    Policy: rule.Policy,
    Priority: rule.Priority,
    SourceCidrIp: rule.SourceCidrIp,
    DestCidrIp: rule.DestCidrIp,
    Ipv6SourceCidrIp: '',
    Ipv6DestCidrIp: '',
    SourceGroupId: '',
    SourceGroupName: '',
    SourceGroupOwnerAccount: '',
    DestGroupId: '',
    DestGroupName: '',
    DestGroupOwnerAccount: '',
    SourcePrefixListId: '',
    SourcePrefixListName: '',
    DestPrefixListId: '',
    DestPrefixListName: '',
    PortRangeListId: '',
    PortRangeListName: '',
    NicType: 'intranet',
    Description: rule.Description,
    CreateTime: rule.CreateTime,
  };
}

export const ecsSecurityGroupActions: ActionModule = {
  product: 'Ecs',
  actions: {
    DescribeSecurityGroups: read((context) => {
      const { params } = context;
      const regionId = params.required('RegionId');
      const region = context.region(regionId);
      if (params.bool('DryRun')) throw simErrors.dryRun();
      const listed = params.json('SecurityGroupIds');
      if (listed !== undefined && !(Array.isArray(listed) && listed.length <= 100 && listed.every((id) => typeof id === 'string'))) {
        throw simErrors.invalidParameter('SecurityGroupIds', 'expected a JSON array of at most 100 security group ids');
      }
      const ids = listed as string[] | undefined;
      const vpcId = params.string('VpcId');
      const id = params.string('SecurityGroupId');
      const name = params.string('SecurityGroupName');
      const type = params.string('SecurityGroupType');
      const networkType = params.string('NetworkType');
      const resourceGroup = params.string('ResourceGroupId');
      const matches = region.network.securityGroups.filter(
        (group) =>
          (!ids || ids.includes(group.SecurityGroupId)) &&
          (vpcId === undefined || group.VpcId === vpcId) &&
          (id === undefined || group.SecurityGroupId === id) &&
          (name === undefined || group.SecurityGroupName === name) &&
          (type === undefined || group.SecurityGroupType === type) &&
          (networkType === undefined || networkType === 'vpc') &&
          (resourceGroup === undefined || group.ResourceGroupId === resourceGroup),
      );
      if (params.string('MaxResults') !== undefined || params.string('NextToken') !== undefined) {
        const page = tokenPageOf(matches, params, { max: 100, fallback: 10 });
        return { RegionId: regionId, NextToken: page.NextToken, SecurityGroups: { SecurityGroup: page.items.map(groupView) } };
      }
      const { items, ...page } = pageOf(matches, params, 50);
      return { RegionId: regionId, ...page, SecurityGroups: { SecurityGroup: items.map(groupView) } };
    }),

    DescribeSecurityGroupAttribute: read((context) => {
      const { params } = context;
      const regionId = params.required('RegionId');
      const groupId = params.required('SecurityGroupId');
      const region = context.region(regionId);
      const group = region.network.securityGroups.find((candidate) => candidate.SecurityGroupId === groupId);
      if (!group) throw simErrors.notFound('SecurityGroupId', groupId);
      const direction = params.oneOf('Direction', ['ingress', 'egress', 'all'] as const, 'all');
      // Rules of VPC security groups are all intranet; `internet` rules exist only in the classic network.
      const nicType = params.oneOf('NicType', ['internet', 'intranet'] as const, 'intranet');
      const rules = group.Permissions.filter((rule) => (direction === 'all' || rule.Direction === direction) && nicType === 'intranet');
      const page = tokenPageOf(rules, params, { min: 10, max: 1000, fallback: 500 });
      return {
        RegionId: regionId,
        SecurityGroupId: group.SecurityGroupId,
        SecurityGroupName: group.SecurityGroupName,
        Description: group.Description,
        VpcId: group.VpcId,
        InnerAccessPolicy: group.InnerAccessPolicy,
        NextToken: page.NextToken,
        ...(params.string('Attribute') === 'snapshotPolicyIds' ? { SnapshotPolicyIds: { SnapshotPolicyId: [] } } : {}),
        Permissions: { Permission: page.items.map(permissionView) },
      };
    }),
  },
};
