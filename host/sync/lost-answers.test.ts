/**
 * Creates whose answers are lost, and refusals the cloud asks to be sent again, through a whole
 * apply: the real offline cloud with its fault injection, the real pop-core client, the project
 * file on disk. CloudAPI's creates have no idempotency token, so sync must never send one, nor
 * send a create again blindly (docs/sync.md "Lost answers", "Retries").
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/schema';
import { abolishApi } from '../../shared/model/stages';
import { type PlanLine, planChanges } from '../../shared/sync/plan-types';
import { text } from '../../shared/sync/cloud-values';
import { type CloudClient, type CloudClientOptions, createCloudClient } from '../cloud/client';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { loadProject } from '../workspace/project-store';
import { type ApplyResult, apply } from './apply';
import { type ObjectKind, syncKind } from '../../shared/sync/kinds';
import { listAllOf } from './cloud-lists';
import { planAgainstCloud } from './plan-cloud';
import { PullCache } from './pull-cache';
import { projectFileRecorder } from './recorder';

const KEY = 'endpoint/cn-hangzhou';
const examples = new URL('../../examples/', import.meta.url);
const KINDS: ObjectKind[] = ['group', 'api', 'app', 'throttlingPolicy', 'plugin'];
const CREATES: Record<ObjectKind, string> = { group: 'CreateApiGroup', api: 'CreateApi', app: 'CreateApp', throttlingPolicy: 'CreateTrafficControl', plugin: 'CreatePlugin' };

let sim: CloudSim;
let dir: string;
let path: string;
const clients: CloudClient[] = [];

beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-lost-answers-'));
  await useExample('quickstart');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function useExample(name: string): Promise<void> {
  path = join(dir, `${name}.apigw.yaml`);
  await copyFile(new URL(`${name}.apigw.yaml`, examples), path);
  await copyFile(new URL(`${name}.secrets.yaml`, examples), join(dir, `${name}.secrets.yaml`));
}

function client(options: Partial<CloudClientOptions> = {}): CloudClient {
  const made = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, retry: { baseDelayMs: 5, maxDelayMs: 20, lockWaitMs: 5 }, ...options });
  clients.push(made);
  return made;
}

/** plan + apply, as `apigw-studio apply --yes` does, recording into the project file. */
async function sync(cloud: CloudClient): Promise<ApplyResult> {
  const recorder = await projectFileRecorder(path, KEY);
  const cache = PullCache.memory();
  const { snapshot, plan } = await planAgainstCloud(cloud, recorder.project, KEY, { cache });
  return apply({ client: cloud, plan, snapshot, recorder, cache });
}

async function planNow(cloud: CloudClient): Promise<PlanLine[]> {
  const recorder = await projectFileRecorder(path, KEY);
  return planChanges((await planAgainstCloud(cloud, recorder.project, KEY, { cache: PullCache.memory() })).plan);
}

async function savedProject(): Promise<Project> {
  const loaded = await loadProject(path);
  expect(loaded.problems).toEqual([]);
  return loaded.project!;
}

type Names = Record<ObjectKind, string[]>;

/** The names of each kind the design has: what the cloud must hold after a sync, once each. */
async function designNames(): Promise<Names> {
  const project = await savedProject();
  const sorted = (names: string[]) => names.sort();
  return {
    group: sorted(project.groups.map((group) => group.name)),
    api: sorted(project.apis.map((api) => api.name)),
    app: sorted(project.apps.map((app) => app.name)),
    throttlingPolicy: sorted(project.throttlingPolicies.map((policy) => policy.name)),
    plugin: sorted(project.plugins.map((plugin) => plugin.name)),
  };
}

/** What the cloud holds, by name, duplicates included. */
async function cloudNames(cloud: CloudClient): Promise<Names> {
  const names = {} as Names;
  for (const kind of KINDS) names[kind] = (await listAllOf(cloud, kind)).map((item) => text(item, syncKind(kind).cloud.list.nameField) ?? '').sort();
  return names;
}

const callsOf = (action: string) => sim.calls.filter((call) => call.action === action);
const kindOf = (action: string) => KINDS.find((kind) => CREATES[kind] === action)!;

describe('a create whose answer is lost', () => {
  it.each(['CreateApiGroup', 'CreateApi', 'CreateApp', 'CreateTrafficControl'])(
    '%s carried out, its answer lost: apply finds it by name and adopts it, with no duplicate and no failure',
    async (action) => {
      const cloud = client();
      sim.faults.add({ product: 'CloudAPI', action, noAnswer: true, afterWork: true });
      const result = await sync(cloud);
      expect(result).toMatchObject({ ok: true, left: [] });
      const design = await designNames();
      expect(await cloudNames(cloud)).toEqual(design);
      // The lost create was not sent again: one create per object.
      expect(callsOf(action).map((call) => call.code ?? 'OK').sort()).toEqual(['NoAnswer', ...design[kindOf(action)].slice(1).map(() => 'OK')]);
      expect(callsOf(syncKind(kindOf(action)).cloud.list.action).length).toBeGreaterThan(1);
      const ids = (await savedProject()).cloud[KEY];
      expect(ids.pending).toBeUndefined();
      expect(await planNow(cloud)).toEqual([]);
    },
  );

  it('a create answered after the client gave up (the cloud did the work) is adopted, not made twice', async () => {
    const cloud = client({ timeoutMs: 2_000 });
    sim.faults.add({ product: 'CloudAPI', action: 'CreateApi', afterWork: true, error: false, latencyMs: 4_000 });
    const result = await sync(cloud);
    expect(result).toMatchObject({ ok: true, left: [] });
    const design = await designNames();
    expect(await cloudNames(cloud)).toEqual(design);
    // One CreateApi per API reached the cloud (the late one is still being answered, so count what the fault rule saw).
    expect(sim.faults.list()[0].seen).toBe(design.api.length);
    expect(await planNow(cloud)).toEqual([]);
  });

  it('a create lost before the cloud did anything is sent again once the lookup finds nothing', async () => {
    const cloud = client();
    sim.faults.add({ product: 'CloudAPI', action: 'CreateApi', noAnswer: true });
    const result = await sync(cloud);
    expect(result).toMatchObject({ ok: true, left: [] });
    const design = await designNames();
    expect(await cloudNames(cloud)).toEqual(design);
    expect(callsOf('CreateApi').map((call) => call.code ?? 'OK').sort()).toEqual(['NoAnswer', ...design.api.map(() => 'OK')]);
    expect(await planNow(cloud)).toEqual([]);
  });

  it("adopts what the lost creates made and makes each the design's where it differs (a policy's specials)", async () => {
    await useExample('petstore');
    const cloud = client();
    sim.faults.add({ product: 'CloudAPI', action: 'CreateTrafficControl', noAnswer: true, afterWork: true, times: 'always' });
    const result = await sync(cloud);
    expect(result).toMatchObject({ ok: true, left: [] });
    const project = await savedProject();
    expect(callsOf('CreateTrafficControl').map((call) => call.code)).toEqual(project.throttlingPolicies.map(() => 'NoAnswer'));
    const specials = project.throttlingPolicies.flatMap((policy) => policy.specials);
    expect(specials.length).toBeGreaterThan(0);
    expect(callsOf('AddTrafficSpecialControl')).toHaveLength(specials.length);
    expect(await cloudNames(cloud)).toEqual(await designNames());
    expect(await planNow(cloud)).toEqual([]);
  });

  it('never carries a Token: none of the five creates declares one', async () => {
    await useExample('petstore');
    const result = await sync(client());
    expect(result.ok).toBe(true);
    for (const action of Object.values(CREATES)) {
      expect(callsOf(action).length, action).toBeGreaterThan(0);
      for (const call of callsOf(action)) expect(call.params, action).not.toContain('Token');
    }
    expect(sim.calls.filter((call) => call.params?.includes('Token'))).toEqual([]);
  });
});

describe('refusals the cloud asks to be sent again, as Terraform does', () => {
  it.each(['CreateApiGroup', 'CreateApp'])('RepeatedCommit on %s: sent again after a pause, made once', async (action) => {
    const failures: string[] = [];
    const cloud = client({ onCall: (event) => void (event.ok || failures.push(`${event.action} ${event.code} ${event.willRetry}`)) });
    sim.faults.add({ product: 'CloudAPI', action, error: { code: 'RepeatedCommit' } });
    const result = await sync(cloud);
    expect(result).toMatchObject({ ok: true, left: [] });
    expect(failures).toEqual([`${action} RepeatedCommit true`]);
    const design = await designNames();
    expect(callsOf(action)).toHaveLength(design[kindOf(action)].length + 1);
    expect(await cloudNames(cloud)).toEqual(design);
  });

  it('ConcurrencyLockTimeout on AbolishApi: sent again, and the stage stops serving the API', async () => {
    const cloud = client();
    expect((await sync(cloud)).ok).toBe(true);
    const recorder = await projectFileRecorder(path, KEY);
    const { group, api, stage } = recorder.project.deployments[0];
    await recorder.updateProject((project) => abolishApi(project, { group, api }, stage, { at: '2026-12-08T00:00:00.000Z' }));
    await recorder.flush();

    const failures: string[] = [];
    const counting = client({ onCall: (event) => void (event.ok || failures.push(`${event.action} ${event.code} ${event.willRetry}`)) });
    sim.faults.add({ product: 'CloudAPI', action: 'AbolishApi', error: { code: 'ConcurrencyLockTimeout' } });
    const result = await sync(counting);
    expect(result).toMatchObject({ ok: true, left: [] });
    expect(result.done.map((line) => `${line.op} ${line.name}`)).toEqual([`abolish ${group}/${api} @${stage}`]);
    expect(failures).toEqual(['AbolishApi ConcurrencyLockTimeout true']);
    expect(callsOf('AbolishApi').map((call) => call.code ?? 'OK')).toEqual(['ConcurrencyLockTimeout', 'OK']);
    expect(await planNow(cloud)).toEqual([]);
  });
});
