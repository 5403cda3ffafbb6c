/**
 * Sync end to end: the real offline cloud, the real pop-core client, the project file on disk.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/schema';
import { deployApi } from '../../shared/model/stages';
import { cloudStatePathFor } from '../../shared/project-file';
import { type PlanLine, planChanges } from '../../shared/sync/plan-types';
import { type CloudClient, type CloudClientOptions, createCloudClient } from '../cloud/client';
import { CloudError } from '../cloud/cloud-error';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import type { FaultRule } from '../../offline-cloud/fault-injector';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { GATEWAY_MODULE, type GatewayState } from '../../offline-cloud/actions/gateway-state';
import { loadProject } from '../workspace/project-store';
import { type ApplyResult, apply } from './apply';
import { planAgainstCloud } from './plan-cloud';
import { PullCache } from './pull-cache';
import { type SyncRecorder, projectFileRecorder } from './recorder';

const KEY = 'endpoint/cn-hangzhou';
const examples = new URL('../../examples/', import.meta.url);

let sim: CloudSim;
let dir: string;
let path: string;
const clients: CloudClient[] = [];

beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-sync-'));
  path = join(dir, 'quickstart.apigw.yaml');
  await copyFile(new URL('quickstart.apigw.yaml', examples), path);
  await copyFile(new URL('quickstart.secrets.yaml', examples), join(dir, 'quickstart.secrets.yaml'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

function client(options: Partial<CloudClientOptions> = {}): CloudClient {
  const made = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options });
  clients.push(made);
  return made;
}

/** plan + apply, as `apigw-studio apply --yes` does, recording into the project file. */
async function sync(cloud: CloudClient, recorder?: SyncRecorder, cache = PullCache.memory()): Promise<{ result: ApplyResult; lines: PlanLine[]; recorder: SyncRecorder }> {
  const rec = recorder ?? (await projectFileRecorder(path, KEY));
  const { snapshot, plan } = await planAgainstCloud(cloud, rec.project, KEY, { cache });
  const result = await apply({ client: cloud, plan, snapshot, recorder: rec, cache });
  return { result, lines: planChanges(plan), recorder: rec };
}

async function planNow(cloud: CloudClient, cache = PullCache.memory()): Promise<PlanLine[]> {
  const recorder = await projectFileRecorder(path, KEY);
  return planChanges((await planAgainstCloud(cloud, recorder.project, KEY, { cache })).plan);
}

async function savedProject(): Promise<Project> {
  const loaded = await loadProject(path);
  expect(loaded.problems).toEqual([]);
  return loaded.project!;
}

/** What the cloud holds, by name: groups, and APIs per group. */
async function cloudContents(cloud: CloudClient): Promise<{ groups: string[]; apis: string[]; apps: string[]; policies: string[] }> {
  const groups = (await cloud.call<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupName: string }[] } }>('CloudAPI', 'DescribeApiGroups', { PageSize: 50 })).ApiGroupAttributes.ApiGroupAttribute;
  const apis = (await cloud.call<{ ApiSummarys: { ApiSummary: { ApiName: string }[] } }>('CloudAPI', 'DescribeApis', { PageSize: 100 })).ApiSummarys.ApiSummary;
  const apps = (await cloud.call<{ Apps: { AppAttribute: { AppName: string }[] } }>('CloudAPI', 'DescribeAppAttributes', { PageSize: 100 })).Apps.AppAttribute;
  const policies = (await cloud.call<{ TrafficControls: { TrafficControl: { TrafficControlName: string }[] } }>('CloudAPI', 'DescribeTrafficControls', { PageSize: 100 })).TrafficControls.TrafficControl;
  return {
    groups: groups.map((g) => g.GroupName).sort(),
    apis: apis.map((a) => a.ApiName).sort(),
    apps: apps.map((a) => a.AppName).sort(),
    policies: policies.map((p) => p.TrafficControlName).sort(),
  };
}

const QUICKSTART_CLOUD = { groups: ['demo_hello_api'], apis: ['get_user', 'hello', 'limited', 'secure_hello'], apps: ['demo_caller_app'], policies: ['demo_low_qps'] };

describe('sync of the quickstart with the offline cloud', () => {
  it('applies, then plans nothing; one changed field plans exactly that field, and applies', async () => {
    const cloud = client();
    const first = await sync(cloud);
    expect(first.result).toMatchObject({ ok: true, left: [] });
    expect(first.result.done).toHaveLength(19);
    expect(await cloudContents(cloud)).toEqual(QUICKSTART_CLOUD);

    const saved = await savedProject();
    const ids = saved.cloud[KEY];
    expect(Object.keys(ids.apis).sort()).toEqual(['demo_hello_api/get_user', 'demo_hello_api/hello', 'demo_hello_api/limited', 'demo_hello_api/secure_hello']);
    expect(ids.pending).toBeUndefined();
    expect(Object.values(ids.deployed!).every((versions) => Object.values(versions).every((version) => /^\d{17}$/.test(version)))).toBe(true);
    expect(await planNow(cloud)).toEqual([]);

    // The ids went to the cloud-state file of KEY, not into the design: its comments are kept (docs/project-file.md, "Three kinds of data").
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# Quickstart: the hands-on lab');
    expect(text).not.toContain(KEY);
    expect(await readFile(cloudStatePathFor(path, KEY), 'utf8')).toContain(`profile: ${KEY}`);

    const edited = (await readFile(path, 'utf8')).replace('Reads one user from the HTTP backend.', 'Reads one user.');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, edited));
    const lines = await planNow(cloud);
    expect(lines.map((line) => [line.op, line.name, line.fields])).toEqual([
      ['update', 'demo_hello_api/get_user', [{ path: 'description', from: 'Reads one user from the HTTP backend.', to: 'Reads one user.' }]],
    ]);
    const second = await sync(cloud);
    expect(second.result.ok).toBe(true);
    expect(second.lines).toHaveLength(1);
    expect(await planNow(cloud)).toEqual([]);
  });

  it('an unchanged cloud costs only list calls once the cache knows it', async () => {
    const cloud = client();
    const cache = PullCache.memory();
    await sync(cloud, undefined, cache);
    const actions: string[] = [];
    const counting = client({ onCall: (event) => actions.push(event.action) });
    expect(await planNow(counting, cache)).toEqual([]);
    // 5 lists, 3 stages' variables, the RELEASE throttling bindings, the app's authorizations.
    expect(actions.sort()).toEqual([
      'DescribeApiGroups',
      'DescribeApiStage',
      'DescribeApiStage',
      'DescribeApiStage',
      'DescribeApiTrafficControls',
      'DescribeAppAttributes',
      'DescribeApis',
      'DescribeAuthorizedApis',
      'DescribePlugins',
      'DescribeTrafficControls',
    ].sort());
  });

  it('deploys a new version and rolls back to the recorded one with SwitchApi', async () => {
    const cloud = client();
    const { recorder } = await sync(cloud);
    await recorder.updateProject((project) => {
      const hello = project.apis.find((api) => api.name === 'hello')!;
      const changed = { ...project, apis: project.apis.map((api) => (api === hello ? { ...api, description: 'Version two' } : api)) };
      return deployApi(changed, { group: 'demo_hello_api', api: 'hello' }, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
    });
    const actions: string[] = [];
    const counting = client({ onCall: (event) => actions.push(event.action) });
    const deployed = await sync(counting, recorder);
    expect(deployed.lines.map((line) => `${line.op} ${line.name}`)).toEqual(['update demo_hello_api/hello', 'deploy demo_hello_api/hello @TEST']);
    expect(deployed.result.ok).toBe(true);
    const served = await cloud.call<{ Description: string }>('CloudAPI', 'DescribeDeployedApi', { ApiId: recorder.ids.apis['demo_hello_api/hello'], StageName: 'TEST' });
    expect(served.Description).toBe('Version two');

    const { rollbackApi } = await import('../../shared/model/stages');
    await recorder.updateProject((project) => rollbackApi(project, { group: 'demo_hello_api', api: 'hello' }, 'TEST', 1, { at: '2026-11-25T00:00:00.000Z' }));
    actions.length = 0;
    const rolledBack = await sync(counting, recorder);
    expect(rolledBack.lines.map((line) => `${line.op} ${line.name}`)).toEqual(['deploy demo_hello_api/hello @TEST']);
    expect(actions).toContain('SwitchApi');
    expect(actions).not.toContain('DeployApi');
    const now = await cloud.call<{ Description: string }>('CloudAPI', 'DescribeDeployedApi', { ApiId: recorder.ids.apis['demo_hello_api/hello'], StageName: 'TEST' });
    expect(now.Description).toBe('Says hello without asking who calls.');
    expect(await planNow(cloud)).toEqual([]);
  });
});

describe('sync of the pet store', () => {
  it('applies every construct (plug-ins, specials, expiring authorizations, three stages), then plans nothing', async () => {
    path = join(dir, 'petstore.apigw.yaml');
    await copyFile(new URL('petstore.apigw.yaml', examples), path);
    await copyFile(new URL('petstore.secrets.yaml', examples), join(dir, 'petstore.secrets.yaml'));
    const cloud = client();
    const { result, lines } = await sync(cloud);
    expect(result.ok).toBe(true);
    expect(lines.filter((line) => line.op === 'conflict')).toEqual([]);
    const ids = (await savedProject()).cloud[KEY];
    expect(Object.keys(ids.apis)).toHaveLength(26);
    const partner = await cloud.call<{ AuthorizedApis: { AuthorizedApi: { AuthVaildTime: string }[] } }>('CloudAPI', 'DescribeAuthorizedApis', { AppId: ids.apps['partner_app'] });
    expect(partner.AuthorizedApis.AuthorizedApi.map((item) => item.AuthVaildTime)).toEqual(['2027-06-30T23:59:59Z', '2027-06-30T23:59:59Z']);
    expect(await planNow(cloud)).toEqual([]);
  });
});

describe('interrupted applies', () => {
  /** The write actions of a full quickstart apply, in the order they were sent. */
  const WRITES = ['CreateApiGroup', 'CreateApiStageVariable', 'CreateApp', 'CreateTrafficControl', 'CreateApi', 'SetTrafficControlApis', 'SetApisAuthorities', 'DeployApi'];

  it.each(WRITES.flatMap((action) => [[action, 1]] as [string, number][]).concat([['CreateApi', 3], ['CreateApiStageVariable', 2], ['DeployApi', 4]]))(
    'a refused %s (call %i) stops the apply; a rerun converges with no duplicates',
    async (action, nth) => {
      const cloud = client();
      // A refusal (4xx) says nothing was done, so nothing is sent again; a lost answer is lost-answers.test.ts's.
      sim.faults.add({ product: 'CloudAPI', action, nth, error: { code: 'Forbidden.RAM', status: 403 } } satisfies FaultRule);
      const broken = await sync(cloud);
      expect(broken.result.ok).toBe(false);
      expect(broken.result.failed?.error).toBeInstanceOf(CloudError);
      expect((broken.result.failed?.error as CloudError).code).toBe('Forbidden.RAM');
      expect(broken.result.done.length + broken.result.left.length).toBe(19);
      expect(broken.result.failed?.lines.every((line) => broken.result.left.includes(line))).toBe(true);

      const rerun = await sync(cloud);
      expect(rerun.result.ok).toBe(true);
      expect(rerun.lines.length).toBeGreaterThan(0);
      expect(await cloudContents(cloud)).toEqual(QUICKSTART_CLOUD);
      expect(await planNow(cloud)).toEqual([]);
    },
  );

  it('a crash after the cloud made something, before its id was kept, is adopted on the rerun', async () => {
    const cloud = client();
    const real = await projectFileRecorder(path, KEY);
    // The process "dies" when it comes to record the id of the first API.
    const crashing: SyncRecorder = {
      get ids() {
        return real.ids;
      },
      get project() {
        return real.project;
      },
      update: (change, options) => {
        const probe = structuredClone(real.ids);
        change(probe);
        if (Object.keys(probe.apis).length > 0) return Promise.reject(new Error('killed'));
        return real.update(change, options);
      },
      updateProject: (change) => real.updateProject(change),
      flush: () => real.flush(),
    };
    const broken = await sync(cloud, crashing);
    expect(broken.result.ok).toBe(false);
    const saved = await savedProject();
    expect(saved.cloud[KEY].apis).toEqual({});
    expect(Object.keys(saved.cloud[KEY].pending ?? {})).toContain('api:demo_hello_api/hello');

    const lines = await planNow(cloud);
    expect(lines.filter((line) => line.op === 'adopt').map((line) => line.name).length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.op === 'conflict')).toEqual([]);
    const rerun = await sync(cloud);
    expect(rerun.result.ok).toBe(true);
    expect(await cloudContents(cloud)).toEqual(QUICKSTART_CLOUD);
    expect(await planNow(cloud)).toEqual([]);
  });

  it('retries throttled calls and finishes', async () => {
    const cloud = client();
    sim.faults.add({ product: 'CloudAPI', action: 'CreateApi', nth: 1, times: 2, error: { code: 'Throttling.User' } });
    sim.faults.add({ product: 'CloudAPI', action: 'DescribeApis', nth: 1, error: { code: 'Throttling.Api' } });
    sim.faults.add({ product: 'CloudAPI', action: 'DeployApi', nth: 2, error: { code: 'Throttling' } });
    const attempts: string[] = [];
    const counting = client({ onCall: (event) => !event.ok && attempts.push(`${event.action} ${event.code} ${event.willRetry}`) });
    const { result } = await sync(counting);
    expect(result.ok).toBe(true);
    expect(attempts).toEqual(['DescribeApis Throttling.Api true', 'CreateApi Throttling.User true', 'CreateApi Throttling.User true', 'DeployApi Throttling true']);
    expect(await cloudContents(cloud)).toEqual(QUICKSTART_CLOUD);
  });

  it('a wrong secret fails with a clear error and changes nothing', async () => {
    const wrong = client({ credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: 'not-the-secret' } });
    const before = await readFile(path, 'utf8');
    const error = await sync(wrong).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toBe('SignatureDoesNotMatch');
    expect((error as CloudError).summary).toContain('Check the AccessKeySecret of the cloud profile.');
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await cloudContents(client())).toEqual({ groups: [], apis: [], apps: [], policies: [] });
  });
});

describe("sync of a group's Internet access", () => {
  /** The group's network policy as the offline cloud keeps it (no CloudAPI read reports InternetEnable). */
  function keptPolicy(groupName: string) {
    const state = sim.store.account(DEMO_ACCOUNT.accountId).regions['cn-hangzhou'].modules[GATEWAY_MODULE] as GatewayState;
    return state.groups.find((group) => group.GroupName === groupName)?.NetworkPolicy;
  }

  async function setInternet(internet: boolean): Promise<void> {
    const text = await readFile(path, 'utf8');
    const designed = text.includes('    network:')
      ? text.replace(/ {4}network:\n {6}internet: (true|false)\n/, `    network:\n      internet: ${internet}\n`)
      : text.replace('    description: Hello-world APIs of the API Gateway tutorial.\n', `    description: Hello-world APIs of the API Gateway tutorial.\n    network:\n      internet: ${internet}\n`);
    await writeFile(path, designed);
  }

  it('sends ModifyApiGroupNetworkPolicy with InternetEnable after creating the group, records it, and sends it again only when the design changes', async () => {
    await setInternet(true);
    const calls: string[] = [];
    const cloud = client({ onCall: (event) => event.ok && calls.push(event.action) });
    const first = await sync(cloud);
    expect(first.result.ok).toBe(true);
    expect(first.lines.filter((line) => line.ref.setting === 'network').map((line) => [line.op, line.kind, line.name, line.fields])).toEqual([
      ['update', 'group', 'demo_hello_api', [{ path: 'network.internet', to: true }]],
    ]);
    expect(calls.indexOf('ModifyApiGroupNetworkPolicy')).toBeGreaterThan(calls.indexOf('CreateApiGroup'));
    expect(sim.calls.filter((call) => call.action === 'ModifyApiGroupNetworkPolicy').map((call) => call.status)).toEqual([200]);
    expect(keptPolicy('demo_hello_api')).toEqual({ InternetEnable: true });
    expect((await savedProject()).cloud[KEY].fingerprints).toHaveProperty(['network:demo_hello_api']);
    expect(await planNow(cloud)).toEqual([]);

    await setInternet(false);
    const off = await planNow(cloud);
    expect(off.map((line) => [line.op, line.name, line.fields])).toEqual([['update', 'demo_hello_api', [{ path: 'network.internet', from: true, to: false }]]]);
    expect((await sync(cloud)).result.ok).toBe(true);
    expect(keptPolicy('demo_hello_api')).toEqual({ InternetEnable: false });
    expect(await planNow(cloud)).toEqual([]);
  });
});
