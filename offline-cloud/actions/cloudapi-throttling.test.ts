import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

type Policies = { TrafficControls: { TrafficControl: Record<string, unknown>[] }; TotalCount: number };

let sim: CloudSim;
let cloud: GatewayCalls;
let groupId: string;
let apiIds: string[];
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
  groupId = await cloud.createGroup('throttled');
  apiIds = [await cloud.createApi(groupId, 'limited_one'), await cloud.createApi(groupId, 'limited_two')];
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

const policy = (name: string, extra: Record<string, string | number> = {}) => ({ TrafficControlName: name, TrafficControlUnit: 'MINUTE', ApiDefault: 100, UserDefault: 50, AppDefault: 10, Description: 'limits', ...extra });

describe('CloudAPI throttling policies', () => {
  it('creates, modifies and lists policies with their special entries', async () => {
    const { TrafficControlId } = await cloud.call<{ TrafficControlId: string }>('CreateTrafficControl', policy('per_minute'));
    expect(TrafficControlId).toMatch(/^[0-9a-f]{32}$/);
    await cloud.call('ModifyTrafficControl', { TrafficControlId, ApiDefault: 200, TrafficControlUnit: 'second' });
    await cloud.call('AddTrafficSpecialControl', { TrafficControlId, SpecialType: 'APP', SpecialKey: '20112314518278', TrafficValue: 30 });
    await cloud.call('AddTrafficSpecialControl', { TrafficControlId, SpecialType: 'USER', SpecialKey: '1000000000000001', TrafficValue: 40 });
    await cloud.call('AddTrafficSpecialControl', { TrafficControlId, SpecialType: 'APP', SpecialKey: '20112314518278', TrafficValue: 35 });

    const listed = await cloud.call<Policies>('DescribeTrafficControls', { TrafficControlId });
    expect(listed).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 1 });
    expect(listed.TrafficControls.TrafficControl[0]).toMatchObject({
      TrafficControlName: 'per_minute',
      TrafficControlUnit: 'SECOND',
      ApiDefault: 200,
      UserDefault: 50,
      AppDefault: 10,
      SpecialPolicies: {
        SpecialPolicy: [
          { SpecialType: 'APP', Specials: { Special: [{ SpecialKey: '20112314518278', TrafficValue: 35 }] } },
          { SpecialType: 'USER', Specials: { Special: [{ SpecialKey: '1000000000000001', TrafficValue: 40 }] } },
        ],
      },
    });

    await cloud.call('DeleteTrafficSpecialControl', { TrafficControlId, SpecialType: 'USER', SpecialKey: '1000000000000001' });
    expect((await cloud.refusal('DeleteTrafficSpecialControl', { TrafficControlId, SpecialType: 'USER', SpecialKey: '1000000000000001' })).code).toBe('NotFoundTrafficSpecialControl');
    await cloud.call('DeleteAllTrafficSpecialControl', { TrafficControlId });
    const emptied = await cloud.call<Policies>('DescribeTrafficControls', { TrafficControlName: 'per_minute' });
    expect(emptied.TrafficControls.TrafficControl[0]).toMatchObject({ SpecialPolicies: { SpecialPolicy: [] } });
  });

  it("refuses limits out of the design's order, duplicate names and bad units", async () => {
    const order = await cloud.refusal('CreateTrafficControl', policy('bad_order', { UserDefault: 500 }));
    expect(order.code).toBe('InvalidParameter');
    expect(order.message).toContain('UserDefault');
    expect(order.message).toContain('appDefault ≤ userDefault ≤ apiDefault');
    await cloud.call('CreateTrafficControl', policy('taken_name'));
    expect((await cloud.refusal('CreateTrafficControl', policy('taken_name'))).code).toBe('DuplicateTrafficControlName');
    expect((await cloud.refusal('CreateTrafficControl', policy('bad_unit', { TrafficControlUnit: 'WEEK' }))).code).toBe('InvalidParameter');
    expect((await cloud.refusal('CreateTrafficControl', { TrafficControlName: 'no_default', TrafficControlUnit: 'DAY' })).code).toBe('MissingApiDefault');
    const taken = await cloud.call<Policies>('DescribeTrafficControls', { TrafficControlName: 'taken_name' });
    const TrafficControlId = taken.TrafficControls.TrafficControl[0].TrafficControlId as string;
    expect((await cloud.refusal('AddTrafficSpecialControl', { TrafficControlId, SpecialType: 'APP', SpecialKey: '1', TrafficValue: 1000 })).message).toContain('above the API limit');
  });

  it('binds to APIs per stage, lists bindings, and refuses deletion while bound', async () => {
    const { TrafficControlId } = await cloud.call<{ TrafficControlId: string }>('CreateTrafficControl', policy('bound_policy'));
    await cloud.call('SetTrafficControlApis', { TrafficControlId, GroupId: groupId, ApiIds: apiIds.join(','), StageName: 'RELEASE' });

    const byApi = await cloud.call<Policies>('DescribeTrafficControls', { GroupId: groupId, ApiId: apiIds[0], StageName: 'RELEASE' });
    expect(byApi.TrafficControls.TrafficControl.map((item) => item.TrafficControlName)).toEqual(['bound_policy']);
    expect((await cloud.refusal('DescribeTrafficControls', { GroupId: groupId })).code).toBe('InvalidParameter');
    const bindings = await cloud.call<{ ApiTrafficControls: { ApiTrafficControlItem: Record<string, unknown>[] } }>('DescribeApiTrafficControls', { GroupId: groupId, StageName: 'RELEASE' });
    expect(bindings.ApiTrafficControls.ApiTrafficControlItem.map((item) => item.ApiName)).toEqual(['limited_one', 'limited_two']);
    const items = await cloud.call<{ TrafficControlItems: { TrafficControlItem: Record<string, unknown>[] } }>('DescribeTrafficControlsByApi', { GroupId: groupId, ApiId: apiIds[1], StageName: 'RELEASE' });
    expect(items.TrafficControlItems.TrafficControlItem[0]).toMatchObject({ TrafficControlItemId: TrafficControlId, TrafficControlItemName: 'bound_policy' });

    const refused = await cloud.refusal('DeleteTrafficControl', { TrafficControlId });
    expect(refused.code).toBe('TrafficControlInUse');
    expect((await cloud.refusal('SetTrafficControlApis', { TrafficControlId, GroupId: groupId, ApiIds: 'f'.repeat(32), StageName: 'RELEASE' })).code).toBe('NotFoundApi');

    await cloud.call('RemoveTrafficControlApis', { TrafficControlId, GroupId: groupId, StageName: 'RELEASE', ApiIds: apiIds[0] });
    const left = await cloud.call<{ TotalCount: number }>('DescribeApiTrafficControls', { GroupId: groupId, StageName: 'RELEASE' });
    expect(left.TotalCount).toBe(1);
    await cloud.call('RemoveTrafficControlApis', { TrafficControlId, GroupId: groupId, StageName: 'RELEASE' });
    await cloud.call('DeleteTrafficControl', { TrafficControlId });
    expect((await cloud.refusal('ModifyTrafficControl', { TrafficControlId, ApiDefault: 5 })).code).toBe('NotFoundTrafficControl');
  });
});
