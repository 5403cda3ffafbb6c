import { ModifyApiGroupNetworkPolicyRequest } from '@alicloud/cloudapi20160714';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { DEMO_ACCOUNT } from '../sim-accounts';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';
import { GATEWAY_MODULE, type GatewayState } from './gateway-state';

let sim: CloudSim;
let cloud: GatewayCalls;
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

/** The group as the offline cloud keeps it: the policy is not readable through any declared response field. */
function kept(groupId: string) {
  const state = sim.store.account(DEMO_ACCOUNT.accountId).regions['cn-hangzhou'].modules[GATEWAY_MODULE] as GatewayState;
  return state.groups.find((group) => group.GroupId === groupId);
}

describe('CloudAPI ModifyApiGroupNetworkPolicy', () => {
  it('reads only what its request model declares', () => {
    const wire = Object.values(ModifyApiGroupNetworkPolicyRequest.names()).sort();
    expect(wire).toEqual(['GroupId', 'HttpsPolicy', 'InnerDomainEnable', 'InternetEnable', 'InternetIPV6Enable', 'SecurityToken', 'VpcIntranetEnable', 'VpcSlbIntranetEnable']);
  });

  it('switches Internet access per group and keeps the other switches as they were', async () => {
    const groupId = await cloud.createGroup('network_orders');
    const other = await cloud.createGroup('network_other');
    await cloud.call('ModifyApiGroupNetworkPolicy', { GroupId: groupId, InternetEnable: true });
    expect(kept(groupId)?.NetworkPolicy).toEqual({ InternetEnable: true });
    expect(kept(other)?.NetworkPolicy).toBeUndefined();

    await cloud.call('ModifyApiGroupNetworkPolicy', { GroupId: groupId, VpcIntranetEnable: true, VpcSlbIntranetEnable: true, InternetIPV6Enable: true, InnerDomainEnable: false, HttpsPolicy: 'HTTPS2_TLS1_2' });
    expect(kept(groupId)?.NetworkPolicy).toEqual({ InternetEnable: true, VpcIntranetEnable: true, VpcSlbIntranetEnable: true, InternetIPV6Enable: true, InnerDomainEnable: false, HttpsPolicy: 'HTTPS2_TLS1_2' });
    await cloud.call('ModifyApiGroupNetworkPolicy', { GroupId: groupId, InternetEnable: false });
    expect(kept(groupId)?.NetworkPolicy?.InternetEnable).toBe(false);
  });

  it('shows in DescribeApiGroup what its response model has a field for', async () => {
    const groupId = await cloud.createGroup('network_shown');
    expect(await cloud.call('DescribeApiGroup', { GroupId: groupId })).toMatchObject({ HttpsPolicy: 'HTTPS2_TLS1_0', VpcDomain: '', VpcSlbIntranetDomain: '', DisableInnerDomain: false, Ipv6Status: 'UNBIND' });
    await cloud.call('ModifyApiGroupNetworkPolicy', { GroupId: groupId, InternetEnable: true, VpcIntranetEnable: true, VpcSlbIntranetEnable: true, InternetIPV6Enable: true, InnerDomainEnable: false, HttpsPolicy: 'HTTPS2_TLS1_2' });
    const group = await cloud.call<Record<string, unknown>>('DescribeApiGroup', { GroupId: groupId });
    expect(group).toMatchObject({
      HttpsPolicy: 'HTTPS2_TLS1_2',
      VpcDomain: `${groupId}-cn-hangzhou-vpc.alicloudapi.com`,
      VpcSlbIntranetDomain: `${groupId}-cn-hangzhou-intranet.alicloudapi.com`,
      DisableInnerDomain: true,
      Ipv6Status: 'BIND',
    });
    expect(group).not.toHaveProperty('InternetEnable');
    const listed = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupId: string; HttpsPolicy: string }[] } }>('DescribeApiGroups', { GroupId: groupId });
    expect(listed.ApiGroupAttributes.ApiGroupAttribute[0].HttpsPolicy).toBe('HTTPS2_TLS1_2');
  });

  it('refuses an unknown group, a missing GroupId, a switch that is not a boolean and an unknown HTTPS policy', async () => {
    const groupId = await cloud.createGroup('network_refused');
    expect((await cloud.refusal('ModifyApiGroupNetworkPolicy', { GroupId: '0123456789abcdef0123456789abcdef', InternetEnable: true })).code).toBe('NotFoundApiGroup');
    expect((await cloud.refusal('ModifyApiGroupNetworkPolicy', { InternetEnable: true })).code).toBe('MissingGroupId');
    const notBoolean = await cloud.refusal('ModifyApiGroupNetworkPolicy', { GroupId: groupId, InternetEnable: 'yes' });
    expect(notBoolean.code).toBe('InvalidParameter');
    expect(notBoolean.message).toContain('InternetEnable');
    expect((await cloud.refusal('ModifyApiGroupNetworkPolicy', { GroupId: groupId, HttpsPolicy: 'TLS9' })).message).toContain('HTTPS2_TLS1_2');
    expect(kept(groupId)?.NetworkPolicy).toBeUndefined();
  });
});
