import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { popCore } from '../testing/sim-requests';

interface Group {
  SecurityGroupId: string;
  SecurityGroupName: string;
  VpcId: string;
  RuleCount: number;
}
interface Permission {
  Direction: string;
  IpProtocol: string;
  PortRange: string;
  SourceCidrIp: string;
  Policy: string;
  Priority: string;
}
type Groups = { SecurityGroups: { SecurityGroup: Group[] }; NextToken?: string; TotalCount?: number; PageNumber?: number; RegionId: string };
type Attribute = { Permissions: { Permission: Permission[] }; SecurityGroupName: string; InnerAccessPolicy: string; NextToken: string; RegionId: string };

let sim: CloudSim;
let ecs: ReturnType<typeof popCore>;
beforeAll(async () => {
  sim = await startCloudSim();
  ecs = popCore(sim, 'Ecs');
});
afterAll(() => sim.close());

const groups = (params: Record<string, string | number>) => ecs.request<Groups>('DescribeSecurityGroups', { RegionId: 'cn-hangzhou', ...params }, { method: 'POST' });
const attribute = (params: Record<string, string | number>) => ecs.request<Attribute>('DescribeSecurityGroupAttribute', { RegionId: 'cn-hangzhou', ...params }, { method: 'POST' });

async function groupId(name: string): Promise<string> {
  const answer = await groups({ SecurityGroupName: name });
  return answer.SecurityGroups.SecurityGroup[0].SecurityGroupId;
}

describe('Ecs DescribeSecurityGroups', () => {
  it('lists groups with the legacy paging and the shape of the DescribeSecurityGroups model', async () => {
    const answer = await groups({ PageSize: 50 });
    expect(answer).toMatchObject({ RegionId: 'cn-hangzhou', PageNumber: 1, PageSize: 50, TotalCount: 6 });
    expect(answer).not.toHaveProperty('NextToken');
    const names = answer.SecurityGroups.SecurityGroup.map((group) => group.SecurityGroupName);
    expect(names).toEqual(['web-open', 'internal-only', 'https-only', 'all-open', 'web-blocked', 'staging-web']);
    expect(answer.SecurityGroups.SecurityGroup[0]).toMatchObject({ SecurityGroupType: 'normal', RuleCount: 3, EcsCount: 0, ServiceManaged: false, Tags: { Tag: [] } });
    expect(answer.SecurityGroups.SecurityGroup[0].SecurityGroupId).toMatch(/^sg-bp1/);
  });

  it('pages with MaxResults and NextToken, leaving out TotalCount', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const answer = await groups({ MaxResults: 4, ...(token ? { NextToken: token } : {}) });
      expect(answer).not.toHaveProperty('TotalCount');
      seen.push(...answer.SecurityGroups.SecurityGroup.map((group) => group.SecurityGroupName));
      token = answer.NextToken || undefined;
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(6);
    await expect(groups({ NextToken: 'not-a-token' })).rejects.toMatchObject({ code: 'InvalidParameter' });
  });

  it('filters by VpcId and by the SecurityGroupIds JSON list', async () => {
    const [open, blocked] = [await groupId('web-open'), await groupId('web-blocked')];
    const byIds = await groups({ SecurityGroupIds: JSON.stringify([open, blocked]) });
    expect(byIds.SecurityGroups.SecurityGroup.map((group) => group.SecurityGroupName)).toEqual(['web-open', 'web-blocked']);
    const vpcId = byIds.SecurityGroups.SecurityGroup[0].VpcId;
    const inVpc = await groups({ VpcId: vpcId });
    expect(inVpc.SecurityGroups.SecurityGroup.map((group) => group.SecurityGroupName)).toEqual(['web-open', 'internal-only']);
    await expect(groups({ SecurityGroupIds: 'sg-1,sg-2' })).rejects.toMatchObject({ code: 'InvalidParameter' });
  });
});

describe('Ecs DescribeSecurityGroupAttribute', () => {
  it('gives the rules: a group open on 80 and 443, one that is not', async () => {
    const open = await attribute({ SecurityGroupId: await groupId('web-open') });
    expect(open).toMatchObject({ RegionId: 'cn-hangzhou', SecurityGroupName: 'web-open', InnerAccessPolicy: 'Accept', NextToken: '' });
    expect(open.Permissions.Permission.map((rule) => [rule.Direction, rule.IpProtocol, rule.PortRange, rule.SourceCidrIp, rule.Policy])).toEqual([
      ['ingress', 'TCP', '80/80', '0.0.0.0/0', 'Accept'],
      ['ingress', 'TCP', '443/443', '0.0.0.0/0', 'Accept'],
      ['ingress', 'TCP', '22/22', '172.16.0.0/12', 'Accept'],
    ]);
    expect(open.Permissions.Permission[0]).toMatchObject({ Priority: '1', NicType: 'intranet', SourcePortRange: '', DestGroupId: '' });
    expect((open.Permissions.Permission[0] as unknown as Record<string, string>).SecurityGroupRuleId).toMatch(/^sgr-/);

    const blocked = await attribute({ SecurityGroupId: await groupId('web-blocked') });
    expect(blocked.Permissions.Permission.filter((rule) => rule.Policy === 'Drop').map((rule) => rule.PortRange)).toEqual(['80/80', '443/443']);
  });

  it('filters by Direction and answers an unknown group with InvalidSecurityGroupId.NotFound', async () => {
    const id = await groupId('internal-only');
    expect((await attribute({ SecurityGroupId: id, Direction: 'egress' })).Permissions.Permission.map((rule) => rule.IpProtocol)).toEqual(['ALL']);
    expect((await attribute({ SecurityGroupId: id, Direction: 'ingress' })).Permissions.Permission).toHaveLength(1);
    await expect(attribute({ SecurityGroupId: 'sg-bp1doesnotexist' })).rejects.toMatchObject({ code: 'InvalidSecurityGroupId.NotFound' });
    await expect(attribute({})).rejects.toMatchObject({ code: 'MissingSecurityGroupId' });
  });

  it('pages the rules with MaxResults and NextToken', async () => {
    const id = await groupId('web-open');
    const first = await attribute({ SecurityGroupId: id, MaxResults: 10 });
    expect(first.Permissions.Permission).toHaveLength(3);
    expect(first.NextToken).toBe('');
    await expect(attribute({ SecurityGroupId: id, MaxResults: 5 })).rejects.toMatchObject({ code: 'InvalidParameter' });
  });
});
