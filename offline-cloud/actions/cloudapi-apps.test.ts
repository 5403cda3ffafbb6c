import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

let sim: CloudSim;
let cloud: GatewayCalls;
let groupId: string;
let apiIds: string[];
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
  groupId = await cloud.createGroup('authorized');
  apiIds = [await cloud.createApi(groupId, 'callable_a'), await cloud.createApi(groupId, 'callable_b')];
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

const createApp = (name: string, extra: Record<string, string> = {}) => cloud.call<{ AppId: number }>('CreateApp', { AppName: name, ...extra }).then((answer) => answer.AppId);

describe('CloudAPI apps', () => {
  it('creates an app with generated credentials and describes it three ways', async () => {
    const created = await cloud.call<{ AppId: number; TagStatus: boolean }>('CreateApp', { AppName: 'mobile_client', Description: 'the app', Tag: [{ Key: 'team', Value: 'mobile' }] });
    expect(typeof created.AppId).toBe('number');
    expect(String(created.AppId)).toMatch(/^\d{14}$/);
    expect(created.TagStatus).toBe(true);

    const security = await cloud.call<Record<string, string>>('DescribeAppSecurity', { AppId: created.AppId });
    expect(security.AppKey).toMatch(/^\d{9}$/);
    expect(security.AppSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(security.AppCode).toMatch(/^[0-9a-f]{32}$/);

    const apps = await cloud.call<{ Apps: { AppItem: Record<string, unknown>[] } }>('DescribeApps', { AppId: created.AppId });
    expect(apps.Apps.AppItem).toEqual([{ AppId: created.AppId, AppName: 'mobile_client', Description: 'the app' }]);
    const attributes = await cloud.call<{ Apps: { AppAttribute: Record<string, unknown>[] } }>('DescribeAppAttributes', { AppName: 'mobile_client' });
    expect(attributes.Apps.AppAttribute[0]).toMatchObject({ AppId: created.AppId, Disabled: false, Extend: '', Tags: { TagInfo: [{ Key: 'team', Value: 'mobile' }] } });
    expect(await cloud.call('DescribeApp', { AppId: created.AppId })).toMatchObject({ AppName: 'mobile_client', Description: 'the app' });
  });

  it("takes the caller's own AppKey, AppSecret and AppCode, and refuses ones already used", async () => {
    const AppId = await createApp('own_keys', { AppKey: 'my-app-key-001', AppSecret: 'my-app-secret-0001', AppCode: 'my-app-code-00000001' });
    expect(await cloud.call('DescribeAppSecurity', { AppId })).toMatchObject({ AppKey: 'my-app-key-001', AppSecret: 'my-app-secret-0001', AppCode: 'my-app-code-00000001' });
    expect((await cloud.refusal('CreateApp', { AppName: 'copy_keys', AppKey: 'my-app-key-001', AppSecret: 'another-secret' })).code).toBe('DuplicateAppKey');
    expect((await cloud.refusal('CreateApp', { AppName: 'short_key', AppKey: 'k', AppSecret: 'another-secret' })).code).toBe('InvalidParameter');
    expect((await cloud.refusal('CreateApp', { AppName: 'own_keys' })).code).toBe('DuplicateAppName');
    expect((await cloud.refusal('CreateApp', { AppName: 'a_name_longer_than_26_chars' })).message).toContain('too long');

    await cloud.call('ResetAppSecret', { AppKey: 'my-app-key-001', NewAppSecret: 'rotated-secret-0002' });
    expect(await cloud.call('DescribeAppSecurity', { AppId })).toMatchObject({ AppSecret: 'rotated-secret-0002' });
  });

  it('modifies and deletes apps; a CreateApp sent again (it has no Token) is a new call, refused for the taken name', async () => {
    const AppId = await createApp('token_app');
    expect((await cloud.refusal('CreateApp', { AppName: 'token_app' })).code).toBe('DuplicateAppName');
    await cloud.call('ModifyApp', { AppId, AppName: 'renamed_app', Disabled: true, Extend: 'x' });
    expect(await cloud.call('DescribeApp', { AppId })).toMatchObject({ AppName: 'renamed_app', Disabled: true, Extend: 'x' });
    await cloud.call('DeleteApp', { AppId });
    const missing = await cloud.refusal('DescribeAppSecurity', { AppId });
    expect(missing).toMatchObject({ code: 'NotFoundApp', httpStatus: 404 });
    expect((await cloud.refusal('ModifyApp', { AppId: 'abc' })).code).toBe('InvalidParameter');
  });
});

describe('CloudAPI authorizations', () => {
  it('authorizes apps on APIs per stage both ways, lists them, and removes them', async () => {
    const appOne = await createApp('caller_one');
    const appTwo = await createApp('caller_two');
    await cloud.call('SetApisAuthorities', { AppId: appOne, GroupId: groupId, ApiIds: apiIds.join(','), StageName: 'RELEASE', AuthValidTime: '2030-01-01T00:00:00Z', Description: 'partner' });
    await cloud.call('SetAppsAuthorities', { ApiId: apiIds[0], AppIds: `${appTwo}`, StageName: 'TEST', GroupId: groupId });

    const apps = await cloud.call<{ AuthorizedApps: { AuthorizedApp: Record<string, unknown>[] }; TotalCount: number }>('DescribeAuthorizedApps', { ApiId: apiIds[0], GroupId: groupId });
    expect(apps.TotalCount).toBe(2);
    expect(apps.AuthorizedApps.AuthorizedApp[0]).toMatchObject({
      AppId: appOne,
      AppName: 'caller_one',
      StageName: 'RELEASE',
      StageAlias: '线上',
      Operator: 'PROVIDER',
      AuthorizationSource: 'API',
      AuthVaildTime: '2030-01-01T00:00:00Z',
      Description: 'partner',
    });
    expect(apps.AuthorizedApps.AuthorizedApp[1]).toMatchObject({ AppId: appTwo, StageName: 'TEST', AuthVaildTime: '' });
    const testOnly = await cloud.call<{ TotalCount: number }>('DescribeAuthorizedApps', { ApiId: apiIds[0], StageName: 'TEST' });
    expect(testOnly.TotalCount).toBe(1);

    const apis = await cloud.call<{ AuthorizedApis: { AuthorizedApi: Record<string, unknown>[] }; TotalCount: number }>('DescribeAuthorizedApis', { AppId: appOne, PageSize: 1, PageNumber: 2 });
    expect(apis).toMatchObject({ TotalCount: 2, PageNumber: 2, PageSize: 1 });
    expect(apis.AuthorizedApis.AuthorizedApi[0]).toMatchObject({ ApiId: apiIds[1], ApiName: 'callable_b', GroupName: 'authorized', StageName: 'RELEASE', RegionId: 'cn-hangzhou' });

    await cloud.call('RemoveApisAuthorities', { AppId: appOne, ApiIds: apiIds[1], StageName: 'RELEASE', GroupId: groupId });
    await cloud.call('RemoveAppsAuthorities', { ApiId: apiIds[0], AppIds: `${appOne},${appTwo}`, StageName: 'TEST' });
    const left = await cloud.call<{ AuthorizedApis: { AuthorizedApi: { ApiId: string }[] } }>('DescribeAuthorizedApis', { AppId: appOne });
    expect(left.AuthorizedApis.AuthorizedApi.map((entry) => entry.ApiId)).toEqual([apiIds[0]]);

    expect((await cloud.refusal('SetApisAuthorities', { AppId: appOne, ApiIds: 'f'.repeat(32), StageName: 'RELEASE' })).code).toBe('NotFoundApi');
    expect((await cloud.refusal('SetApisAuthorities', { AppId: 12345, ApiIds: apiIds[0], StageName: 'RELEASE' })).code).toBe('NotFoundApp');
    expect((await cloud.refusal('SetApisAuthorities', { AppId: appOne, ApiIds: apiIds[0], StageName: 'RELEASE', AuthValidTime: 'tomorrow' })).code).toBe('InvalidParameter');

    // An app's authorizations go with it.
    await cloud.call('DeleteApp', { AppId: appOne });
    const after = await cloud.call<{ TotalCount: number }>('DescribeAuthorizedApps', { ApiId: apiIds[0] });
    expect(after.TotalCount).toBe(0);
  });
});

describe('CloudAPI DescribeAppAttributes order', () => {
  // The offline cloud's clock, moved on by the test (signatures allow it to run a few minutes ahead).
  let clock = Date.now();
  let timed: CloudSim;
  let calls: GatewayCalls;
  beforeAll(async () => {
    timed = await startCloudSim({ now: () => clock });
    calls = gatewayCalls(timed);
  });
  afterAll(async () => {
    calls.client.close();
    await timed.close();
  });

  const names = async (params: Record<string, string> = {}) =>
    (await calls.call<{ Apps: { AppAttribute: { AppName: string }[] } }>('DescribeAppAttributes', params)).Apps.AppAttribute.map((app) => app.AppName);

  it('lists by modification time, newest first unless Sort=asc, as the request model says', async () => {
    for (const name of ['first_app', 'second_app', 'third_app']) {
      await calls.call('CreateApp', { AppName: name });
      clock += 2_000;
    }
    expect(await names()).toEqual(['third_app', 'second_app', 'first_app']);
    // A change makes an app the newest, whenever it was created.
    const { Apps } = await calls.call<{ Apps: { AppAttribute: { AppId: number }[] } }>('DescribeAppAttributes', { AppName: 'first_app' });
    await calls.call('ModifyApp', { AppId: Apps.AppAttribute[0].AppId, Description: 'changed' });
    expect(await names()).toEqual(['first_app', 'third_app', 'second_app']);
    expect(await names({ Sort: 'asc' })).toEqual(['second_app', 'third_app', 'first_app']);
  });
});
