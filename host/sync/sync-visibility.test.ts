/**
 * An API's visibility and methods through sync, end to end: the real offline cloud, the real
 * pop-core client, the project file on disk. What was sent is read back with DescribeApi and
 * DescribeDeployedApi.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_FORMAT, Project, type ProjectInput } from '../../shared/model/schema';
import { importSnapshot } from '../../shared/sync/import-snapshot';
import { type PlanLine, planChanges } from '../../shared/sync/plan-types';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { type CloudClient, createCloudClient } from '../cloud/client';
import type { CloudParams } from '../cloud/wire-params';
import { loadProject, saveProject } from '../workspace/project-store';
import { apply } from './apply';
import { planAgainstCloud } from './plan-cloud';
import { pull } from './pull';
import { PullCache } from './pull-cache';
import { projectFileRecorder } from './recorder';

const KEY = 'endpoint/cn-hangzhou';
const GROUP = 'visibility_demo';

/** Two mock APIs: `quiet_api` says nothing of its visibility, `listed_api` is PUBLIC and deployed to RELEASE. */
function project(): ProjectInput {
  const mock = { type: 'MOCK' as const, body: '{"ok":true}' };
  const quiet = { name: 'quiet_api', group: GROUP, request: { method: 'GET' as const, path: '/quiet' }, backend: mock };
  const listed = { name: 'listed_api', group: GROUP, visibility: 'PUBLIC' as const, request: { method: 'HEAD' as const, path: '/listed' }, backend: mock };
  return {
    format: PROJECT_FORMAT,
    name: 'visibility',
    groups: [{ name: GROUP }],
    apis: [quiet, listed],
    deployments: [{ group: GROUP, api: 'listed_api', stage: 'RELEASE', history: [{ version: 1, at: '2026-12-01T00:00:00Z', definition: listed }] }],
  };
}

let sim: CloudSim;
let dir: string;
let path: string;
let cloud: CloudClient;

beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-visibility-'));
  path = join(dir, 'visibility.apigw.yaml');
  await saveProject(path, Project.parse(project()));
  cloud = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
});

afterEach(async () => {
  cloud.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** plan + apply, as `apigw-studio apply --yes` does. */
async function sync(): Promise<{ ok: boolean; lines: PlanLine[]; error?: unknown }> {
  const recorder = await projectFileRecorder(path, KEY);
  const cache = PullCache.memory();
  const { snapshot, plan } = await planAgainstCloud(cloud, recorder.project, KEY, { cache });
  const result = await apply({ client: cloud, plan, snapshot, recorder, cache });
  return { ok: result.ok, lines: planChanges(plan), error: result.failed?.error };
}

async function planNow(): Promise<PlanLine[]> {
  const recorder = await projectFileRecorder(path, KEY);
  return planChanges((await planAgainstCloud(cloud, recorder.project, KEY, { cache: PullCache.memory() })).plan);
}

async function apiId(name: string): Promise<string> {
  return (await projectFileRecorder(path, KEY)).ids.apis[`${GROUP}/${name}`];
}

const describeApi = (name: string) => apiId(name).then((ApiId) => cloud.call<{ Visibility: string; RequestConfig: { RequestHttpMethod: string } }>('CloudAPI', 'DescribeApi', { ApiId }));

/** Changes the design in the project file, as the console's editor would. */
async function editDesign(change: (design: Project) => void): Promise<void> {
  const loaded = await loadProject(path);
  const design = structuredClone(loaded.project!);
  change(design);
  await saveProject(path, design, { document: loaded.document });
}

const apiOf = (design: Project, name: string) => design.apis.find((api) => api.name === name)!;

describe('sync of an API\'s visibility', () => {
  it('sends PRIVATE when the design does not say and PUBLIC when it does; a change is a plan line; pull reads it back', async () => {
    expect((await sync()).ok).toBe(true);
    expect((await describeApi('quiet_api')).Visibility).toBe('PRIVATE');
    const listed = await describeApi('listed_api');
    expect(listed.Visibility).toBe('PUBLIC');
    expect(listed.RequestConfig.RequestHttpMethod).toBe('HEADER');
    const deployed = await cloud.call<{ Visibility: string }>('CloudAPI', 'DescribeDeployedApi', { ApiId: await apiId('listed_api'), StageName: 'RELEASE' });
    expect(deployed.Visibility).toBe('PUBLIC');
    expect(await planNow()).toEqual([]);

    // Pull reads what the cloud holds into the design's terms.
    const pulled = importSnapshot(await pull(cloud), { name: 'pulled', profileKey: KEY }).project;
    expect(pulled.apis.map((api) => [api.name, api.visibility, api.request.method])).toEqual(
      expect.arrayContaining([
        ['quiet_api', 'PRIVATE', 'GET'],
        ['listed_api', 'PUBLIC', 'HEAD'],
      ]),
    );

    // Someone lists the quiet API in the console: the plan puts the design's PRIVATE back.
    const quietId = await apiId('quiet_api');
    const current = await cloud.call<{ RequestConfig: CloudParams }>('CloudAPI', 'DescribeApi', { ApiId: quietId });
    await cloud.call('CloudAPI', 'ModifyApi', {
      ApiId: quietId,
      ApiName: 'quiet_api',
      Visibility: 'PUBLIC',
      AuthType: 'ANONYMOUS',
      RequestConfig: current.RequestConfig,
      ServiceConfig: { ServiceProtocol: 'HTTP', ServiceAddress: 'http://www.aliyun.com', ServiceTimeout: 10000, Mock: 'TRUE', MockResult: '{"ok":true}' },
    });
    const drift = await planNow();
    expect(drift.map((line) => [line.op, line.name, line.fields])).toEqual([['update', `${GROUP}/quiet_api`, [{ path: 'visibility', from: 'PUBLIC', to: 'PRIVATE' }]]]);
    expect(drift[0].drift).toBe(true);
    expect((await sync()).ok).toBe(true);
    expect((await describeApi('quiet_api')).Visibility).toBe('PRIVATE');

    // The design makes it PUBLIC: one line, one field, and the cloud follows.
    await editDesign((design) => {
      apiOf(design, 'quiet_api').visibility = 'PUBLIC';
    });
    expect((await planNow()).map((line) => [line.op, line.name, line.fields])).toEqual([['update', `${GROUP}/quiet_api`, [{ path: 'visibility', from: 'PRIVATE', to: 'PUBLIC' }]]]);
    expect((await sync()).ok).toBe(true);
    expect((await describeApi('quiet_api')).Visibility).toBe('PUBLIC');
    expect(await planNow()).toEqual([]);
  });
});

describe('sync of a request method the cloud does not take', () => {
  it('refuses an API with method ANY before sending anything, naming it and the fix', async () => {
    await editDesign((design) => {
      apiOf(design, 'quiet_api').request.method = 'ANY';
    });
    const calls = sim.calls.length;
    const result = await sync();
    expect(result.ok).toBe(false);
    expect(result.lines.filter((line) => line.op === 'conflict').map((line) => [line.name, line.reason])).toEqual([
      [
        `${GROUP}/quiet_api`,
        `API ${GROUP}/quiet_api has request method ANY, which only the local gateway serves: Alibaba Cloud takes one method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); choose one in the design to sync it`,
      ],
    ]);
    expect(String(result.error)).toContain('quiet_api has request method ANY');
    // Pull read the region; nothing was written.
    expect(sim.calls.slice(calls).map((call) => call.action).filter((action) => !action?.startsWith('Describe'))).toEqual([]);
  });
});
