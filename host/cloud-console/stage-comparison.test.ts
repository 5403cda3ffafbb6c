// The "How to call each stage" line the Cloud screen shows is a curl command people copy: with the
// group's BasePath in it, it reaches the API on the offline cloud's data plane.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudConnectionView } from '../../shared/ipc/cloud-views';
import { CloudIds, Project } from '../../shared/model/schema';
import { emptySnapshot } from '../../shared/sync/snapshot';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { type CloudDataPlane, startDataPlane } from '../../offline-cloud/data-plane';
import { type GatewayCalls, gatewayCalls } from '../../offline-cloud/testing/gateway-calls';
import { groupAddresses } from './stage-comparison';

const run = promisify(execFile);

let sim: CloudSim;
let plane: CloudDataPlane;
let cloud: GatewayCalls;
beforeAll(async () => {
  sim = await startCloudSim();
  plane = await startDataPlane(sim);
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await plane.close();
  await sim.close();
});

describe('the address of a group with a BasePath', () => {
  it('puts the cloud\'s BasePath in the curl line, which then reaches the API', async () => {
    const groupId = await cloud.createGroup('shop_v1', { BasePath: '/v1' });
    await cloud.call('DeployApi', { ApiId: await cloud.createApi(groupId, 'hello'), StageName: 'RELEASE', Description: 'under /v1' });
    const listed = await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: Record<string, unknown>[] } }>('DescribeApiGroups', { GroupId: groupId });
    const item = listed.ApiGroupAttributes.ApiGroupAttribute[0];
    const listing = { ...emptySnapshot('cn-hangzhou', new Date().toISOString()), groups: [{ id: groupId, name: 'shop_v1', item }] };
    // The design still says `/`: the line follows what the cloud serves.
    const design = Project.parse({ format: 'apigw-studio/v1', name: 'p', groups: [{ name: 'shop_v1', basePath: '/' }] });
    const connection = { demo: { cloudUrl: sim.url, gatewayUrl: plane.url, dataDir: '' } } as CloudConnectionView;

    const [group] = groupAddresses(design, listing, CloudIds.parse({ groups: { shop_v1: groupId } }), connection);
    expect(group.basePath).toBe('/v1');
    const release = group.stages.find((stage) => stage.stage === 'RELEASE')!;
    expect(release.howTo).toBe(`curl -H 'Host: shop-v1.localhost:${plane.port}' -H 'X-Ca-Stage: RELEASE' ${plane.url}/v1<path>`);

    const { stdout } = await run('sh', ['-c', release.howTo.replace('<path>', '/hello')]);
    expect(stdout).toBe('{"api":"hello"}');
  });
});
