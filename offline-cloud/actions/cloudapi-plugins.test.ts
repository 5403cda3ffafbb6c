import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

type Plugins = { Plugins: { PluginAttribute: Record<string, unknown>[] }; TotalCount: number };

let sim: CloudSim;
let cloud: GatewayCalls;
let groupId: string;
let apiIds: string[];
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
  groupId = await cloud.createGroup('plugged');
  apiIds = [await cloud.createApi(groupId, 'guarded_a'), await cloud.createApi(groupId, 'guarded_b')];
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

const IP_YAML = 'type: ALLOW\nitems:\n  - blocks:\n      - 10.0.0.0/8\n      - 192.168.1.10\n';
const CORS_JSON = JSON.stringify({ allowOrigins: 'https://a.com,https://*.b.com', allowMethods: 'GET,POST', allowCredentials: true, maxAge: 600 });

describe('CloudAPI plug-ins', () => {
  it('creates plug-ins from YAML and JSON data and lists them', async () => {
    const ip = await cloud.call<{ PluginId: string; TagStatus: boolean }>('CreatePlugin', { PluginName: 'office_only', PluginType: 'ipControl', PluginData: IP_YAML, Description: 'office' });
    expect(ip.PluginId).toMatch(/^[0-9a-f]{32}$/);
    expect(ip.TagStatus).toBe(false);
    await cloud.call('CreatePlugin', { PluginName: 'web_cors', PluginType: 'cors', PluginData: CORS_JSON, Tag: [{ Key: 'k', Value: 'v' }] });

    const all = await cloud.call<Plugins>('DescribePlugins', {});
    expect(all.TotalCount).toBe(2);
    expect(all.Plugins.PluginAttribute[0]).toMatchObject({ PluginId: ip.PluginId, PluginName: 'office_only', PluginType: 'ipControl', PluginData: IP_YAML, Description: 'office', RegionId: 'cn-hangzhou', Tags: { TagInfo: [] } });
    const cors = await cloud.call<Plugins>('DescribePlugins', { PluginType: 'cors' });
    expect(cors.Plugins.PluginAttribute.map((plugin) => plugin.PluginName)).toEqual(['web_cors']);

    await cloud.call('ModifyPlugin', { PluginId: ip.PluginId, PluginData: 'type: REFUSE\nitems:\n  - blocks: [203.0.113.7]\n' });
    const modified = await cloud.call<Plugins>('DescribePlugins', { PluginId: ip.PluginId });
    expect(modified.Plugins.PluginAttribute[0].PluginData).toContain('REFUSE');
  });

  it('refuses plug-in data the design refuses', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ PluginType: 'ipControl', PluginData: 'type: ALLOW\nitems:\n  - blocks: [10.0.0.300]\n' }, 'not an IPv4/IPv6 address'],
      [{ PluginType: 'ipControl', PluginData: '{"type":"MAYBE","items":[]}' }, 'type: ALLOW'],
      [{ PluginType: 'cors', PluginData: '{"allowOrigins":"ftp://x"}' }, 'allowOrigins has "ftp://x"'],
      [{ PluginType: 'cors', PluginData: 'key: [unclosed' }, 'neither JSON nor YAML'],
      [{ PluginType: 'teleport', PluginData: '{}' }, 'expected one of'],
    ];
    for (const [extra, message] of cases) {
      const refused = await cloud.refusal('CreatePlugin', { PluginName: 'refused_plugin', ...extra });
      expect(refused.code).toBe('InvalidParameter');
      expect(refused.message).toContain(message);
    }
    expect((await cloud.refusal('CreatePlugin', { PluginName: 'office_only', PluginType: 'cors', PluginData: '{}' })).code).toBe('DuplicatePluginName');
  });

  it('attaches to APIs per stage, one plug-in per type, lists both ways, and refuses deletion while attached', async () => {
    const { PluginId } = await cloud.call<{ PluginId: string }>('CreatePlugin', { PluginName: 'attach_me', PluginType: 'ipControl', PluginData: IP_YAML });
    await cloud.call('AttachPlugin', { PluginId, StageName: 'RELEASE', GroupId: groupId, ApiIds: apiIds.join(',') });
    await cloud.call('AttachPlugin', { PluginId, StageName: 'RELEASE', ApiId: apiIds[0] });

    const bound = await cloud.call<{ ApiSummarys: { ApiPluginSummary: Record<string, unknown>[] }; TotalCount: number }>('DescribePluginApis', { PluginId });
    expect(bound.TotalCount).toBe(2);
    expect(bound.ApiSummarys.ApiPluginSummary[0]).toMatchObject({ ApiId: apiIds[0], ApiName: 'guarded_a', GroupName: 'plugged', Method: 'GET', Path: '/guarded_a', StageName: 'RELEASE', StageAlias: '线上' });
    const byApi = await cloud.call<Plugins>('DescribePluginsByApi', { GroupId: groupId, ApiId: apiIds[1], StageName: 'RELEASE' });
    expect(byApi.Plugins.PluginAttribute.map((plugin) => plugin.PluginName)).toEqual(['attach_me']);

    const office = await cloud.call<Plugins>('DescribePlugins', { PluginName: 'office_only' });
    const sameType = await cloud.refusal('AttachPlugin', { PluginId: office.Plugins.PluginAttribute[0].PluginId as string, StageName: 'RELEASE', ApiId: apiIds[0] });
    expect(sameType.code).toBe('DuplicatePluginType');

    expect((await cloud.refusal('DeletePlugin', { PluginId })).code).toBe('PluginInUse');
    await cloud.call('DetachPlugin', { PluginId, StageName: 'RELEASE', ApiId: apiIds[0] });
    await cloud.call('DetachPlugin', { PluginId, StageName: 'RELEASE', GroupId: groupId, ApiId: apiIds[1] });
    await cloud.call('DeletePlugin', { PluginId });
    expect((await cloud.refusal('DescribePluginApis', { PluginId })).code).toBe('NotFoundPlugin');
    expect((await cloud.refusal('AttachPlugin', { PluginId: office.Plugins.PluginAttribute[0].PluginId as string, StageName: 'RELEASE' })).code).toBe('InvalidParameter');
  });
});
