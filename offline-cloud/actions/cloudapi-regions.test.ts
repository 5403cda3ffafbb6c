import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { popCore } from '../testing/sim-requests';

type Regions = { Regions: { Region: { RegionId: string; LocalName: string; RegionEndpoint: string }[] } };
type Zones = { Zones: { Zone: { ZoneId: string; LocalName: string }[] } };

let sim: CloudSim;
beforeAll(async () => {
  sim = await startCloudSim();
});
afterAll(() => sim.close());

describe('CloudAPI DescribeRegions', () => {
  it('lists the served regions with their endpoints, in Chinese by default', async () => {
    const answer = await popCore(sim, 'CloudAPI').request<Regions>('DescribeRegions', {}, { method: 'POST' });
    expect(answer.Regions.Region).toEqual([
      { RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）', RegionEndpoint: 'apigateway.cn-hangzhou.aliyuncs.com' },
      { RegionId: 'cn-shanghai', LocalName: '华东2（上海）', RegionEndpoint: 'apigateway.cn-shanghai.aliyuncs.com' },
    ]);
    const english = await popCore(sim, 'CloudAPI').request<Regions>('DescribeRegions', { Language: 'en' });
    expect(english.Regions.Region[0].LocalName).toBe('China (Hangzhou)');
  });
});

describe('CloudAPI DescribeZones', () => {
  it("lists the purchase zones of the request's region, cn-hangzhou when none is named", async () => {
    const hangzhou = await popCore(sim, 'CloudAPI').request<Zones>('DescribeZones', { Language: 'en' }, { method: 'POST' });
    expect(hangzhou.Zones.Zone[0]).toEqual({ ZoneId: 'cn-hangzhou-MAZ2(j,g)', LocalName: 'China (Hangzhou) Multi-zone 2(j,g)' });
    expect(hangzhou.Zones.Zone.map((zone) => zone.ZoneId)).toContain('cn-hangzhou-MAZ5(g,h)');
    const shanghai = await popCore(sim, 'CloudAPI').request<Zones>('DescribeZones', { RegionId: 'cn-shanghai' });
    expect(shanghai.Zones.Zone.map((zone) => zone.ZoneId)).toEqual(['cn-shanghai-MAZ1(e,f)', 'cn-shanghai-MAZ3(g,l)']);
  });
});
