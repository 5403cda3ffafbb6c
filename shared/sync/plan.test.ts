import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixNames } from '../model/name-fixes';
import type { Project } from '../model/schema';
import { deployApi, rollbackApi, abolishApi } from '../model/stages';
import { validateProject } from '../model/validate';
import { apiToParams, describeApiShape } from './cloud-mapping';
import { plan } from './plan';
import { deletePhase } from './kinds';
import { PHASE, type PlanLine, isChange, planChanges } from './plan-types';
import { emptySnapshot } from './snapshot';
import { syncedCloud } from './testing/synced-cloud';

function example(name: string): Project {
  const { project, problems } = validateProject(parse(readFileSync(new URL(`../../examples/${name}.apigw.yaml`, import.meta.url), 'utf8')));
  if (!project || problems.length > 0) throw new Error(`examples/${name} does not validate`);
  return { ...project, cloud: {} };
}

const clone = <T>(value: T): T => structuredClone(value);
const summary = (lines: PlanLine[]) => lines.map((line) => `${line.op} ${line.kind} ${line.name}`);
const changes = (lines: PlanLine[]) => summary(lines.filter(isChange));

describe('plan against an empty cloud', () => {
  it('creates everything of the quickstart in dependency order', () => {
    const design = example('quickstart');
    const result = plan(design, emptySnapshot('cn-hangzhou', '2026-11-23T10:00:00Z'), undefined);
    expect(summary(result.lines)).toEqual([
      'create group demo_hello_api',
      'create stageVariable demo_hello_api @TEST: backendPort',
      'create stageVariable demo_hello_api @PRE: backendPort',
      'create stageVariable demo_hello_api @RELEASE: backendPort',
      'create app demo_caller_app',
      'create throttlingPolicy demo_low_qps',
      'create api demo_hello_api/hello',
      'create api demo_hello_api/secure_hello',
      'create api demo_hello_api/limited',
      'create api demo_hello_api/get_user',
      'bind throttlingBinding demo_low_qps → demo_hello_api/limited @RELEASE',
      'authorize authorization demo_caller_app → demo_hello_api/secure_hello @TEST',
      'authorize authorization demo_caller_app → demo_hello_api/secure_hello @RELEASE',
      'deploy deployment demo_hello_api/hello @TEST',
      'deploy deployment demo_hello_api/hello @RELEASE',
      'deploy deployment demo_hello_api/secure_hello @TEST',
      'deploy deployment demo_hello_api/secure_hello @RELEASE',
      'deploy deployment demo_hello_api/limited @RELEASE',
      'deploy deployment demo_hello_api/get_user @TEST',
    ]);
    const phases = result.lines.map((line) => line.phase);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(result.lines.find((line) => line.kind === 'deployment')?.ref).toEqual({ group: 'demo_hello_api', api: 'hello', stage: 'TEST', version: 1 });
    expect(result.lines[1].relation).toEqual({ scope: 'vars:demo_hello_api/TEST', add: 'backendPort' });
  });
});

describe.each(['quickstart', 'petstore'])('plan against a cloud synced with examples/%s', (name) => {
  it('has no changes', () => {
    const design = example(name);
    const { snapshot, ids } = syncedCloud(design);
    expect(changes(plan(design, snapshot, ids).lines)).toEqual([]);
  });
});

describe('changes after a sync', () => {
  const design = example('quickstart');
  const synced = syncedCloud(design);

  it('names exactly the field the design changed', () => {
    const changed = clone(design);
    const hello = changed.apis.find((api) => api.name === 'hello')!;
    if (hello.backend.type === 'MOCK') hello.backend.body = '{"message":"Hi"}';
    const lines = planChanges(plan(changed, synced.snapshot, synced.ids));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      op: 'update',
      kind: 'api',
      name: 'demo_hello_api/hello',
      id: synced.ids.apis['demo_hello_api/hello'],
      fields: [{ path: 'backend.body', from: '{"message":"Hello from Alibaba Cloud API Gateway"}', to: '{"message":"Hi"}' }],
      reason: 'changed in the design',
    });
    expect(lines[0].drift).toBeUndefined();
  });

  it('names drift when the cloud changed since the last sync, and who wins', () => {
    const cloud = clone(synced.snapshot);
    const hello = cloud.apis.find((api) => api.name === 'hello')!;
    hello.detail = { ...hello.detail, Description: 'edited in the console' };
    const group = cloud.groups[0];
    group.item = { ...group.item, Description: 'edited in the console' };
    const changedDesign = clone(design);
    changedDesign.groups[0].description = 'edited in the design';
    const lines = planChanges(plan(changedDesign, cloud, synced.ids));
    expect(lines.map((line) => [line.name, line.drift, line.reason])).toEqual([
      ['demo_hello_api', true, "changed in the design and in the cloud since the last sync (drift); the design's values win"],
      ['demo_hello_api/hello', true, "changed in the cloud since the last sync (drift); apply puts the design's values back"],
    ]);
    expect(lines[1].fields).toEqual([{ path: 'description', from: 'edited in the console', to: 'Says hello without asking who calls.' }]);
  });

  it('lists cloud objects it never synced as unmanaged and touches none of them', () => {
    const cloud = clone(synced.snapshot);
    const groupId = synced.ids.groups['demo_hello_api'];
    cloud.groups.push({ id: 'f'.repeat(32), name: 'someone_elses', item: { GroupName: 'someone_elses' } });
    cloud.apis.push({ id: 'e'.repeat(32), name: 'console_api', groupId, item: {}, deployed: { RELEASE: { version: '1' } } });
    cloud.apis.push({ id: 'd'.repeat(32), name: 'inside_other', groupId: 'f'.repeat(32), item: {}, deployed: {} });
    cloud.apps.push({ id: '777', name: 'console_app', item: { AppName: 'console_app' } });
    // An authorization someone added in the console, between two of this project's objects.
    cloud.relations.authorizations[synced.ids.apps['demo_caller_app']].push({ groupId, apiId: synced.ids.apis['demo_hello_api/hello'], stage: 'PRE' });
    const result = plan(design, cloud, synced.ids, { prune: true });
    expect(planChanges(result)).toEqual([]);
    expect(summary(result.lines)).toEqual([
      'unmanaged group someone_elses',
      'unmanaged app console_app',
      'unmanaged api console_api',
      'unmanaged authorization demo_caller_app → demo_hello_api/hello @PRE',
    ]);
    expect(result.lines[0].reason).toBe('not made by this project (1 API); sync leaves it alone');
  });

  it('deletes what the design dropped after a sync only with prune, unbinding it first', () => {
    const dropped = clone(design);
    dropped.apis = dropped.apis.filter((api) => api.name !== 'limited');
    dropped.deployments = dropped.deployments.filter((d) => d.api !== 'limited');
    dropped.throttlingPolicies = [];
    const kept = plan(dropped, synced.snapshot, synced.ids);
    expect(summary(kept.lines)).toEqual(['orphan throttlingPolicy demo_low_qps', 'orphan api demo_hello_api/limited']);
    expect(planChanges(kept)).toEqual([]);
    expect(kept.lines[0].reason).toBe('dropped from the design since the last sync; apply --prune deletes it in the cloud');

    const pruned = plan(dropped, synced.snapshot, synced.ids, { prune: true });
    expect(summary(pruned.lines)).toEqual([
      'unbind throttlingBinding demo_low_qps → demo_hello_api/limited @RELEASE',
      'delete api demo_hello_api/limited',
      'delete throttlingPolicy demo_low_qps',
    ]);
    expect(pruned.lines.map((line) => line.phase)).toEqual([PHASE.unbind, deletePhase('api'), deletePhase('throttlingPolicy')]);
  });

  it('never deletes a cloud object whose id was not recorded, even with prune', () => {
    const cloud = clone(synced.snapshot);
    const ids = clone(synced.ids);
    delete ids.apps['demo_caller_app'];
    const dropped = clone(design);
    dropped.apps = [];
    dropped.authorizations = [];
    const result = plan(dropped, cloud, ids, { prune: true });
    expect(summary(result.lines)).toEqual(['unmanaged app demo_caller_app']);
  });

  it('removes a relation it made and the design dropped, without prune', () => {
    const dropped = clone(design);
    dropped.authorizations = dropped.authorizations.filter((a) => a.stage !== 'TEST');
    dropped.groups[0].stageVariables.PRE = {};
    expect(changes(plan(dropped, synced.snapshot, synced.ids).lines)).toEqual([
      'delete stageVariable demo_hello_api @PRE: backendPort',
      'unauthorize authorization demo_caller_app → demo_hello_api/secure_hello @TEST',
    ]);
  });

  it('updates a stage variable and an authorization in place', () => {
    const changed = clone(design);
    changed.groups[0].stageVariables.TEST = { backendPort: '19090' };
    changed.authorizations[1].expiresAt = '2027-01-01T00:00:00.000Z';
    const lines = planChanges(plan(changed, synced.snapshot, synced.ids));
    expect(lines.map((line) => [line.op, line.name, line.fields])).toEqual([
      ['update', 'demo_hello_api @TEST: backendPort', [{ path: 'value', from: '18080', to: '19090' }]],
      ['authorize', 'demo_caller_app → demo_hello_api/secure_hello @RELEASE', [{ path: 'expiresAt', from: undefined, to: '2027-01-01T00:00:00.000Z' }]],
    ]);
  });

  it('creates again what was deleted in the cloud, naming it drift', () => {
    const cloud = clone(synced.snapshot);
    cloud.apps = [];
    delete cloud.relations.authorizations[synced.ids.apps['demo_caller_app']];
    const lines = planChanges(plan(design, cloud, synced.ids));
    expect(changes(lines)).toEqual([
      'create app demo_caller_app',
      'authorize authorization demo_caller_app → demo_hello_api/secure_hello @TEST',
      'authorize authorization demo_caller_app → demo_hello_api/secure_hello @RELEASE',
    ]);
    expect(lines.every((line) => line.drift)).toBe(true);
  });
});

describe('names an older version allowed, renamed in one step', () => {
  it('renames the same cloud objects in place: updates of the name, nothing created', () => {
    let text = readFileSync(new URL('../../examples/quickstart.apigw.yaml', import.meta.url), 'utf8');
    for (const name of ['demo_hello_api', 'demo_caller_app', 'demo_low_qps']) text = text.replaceAll(name, name.replaceAll('_', '-'));
    const older = validateProject(parse(text)).project!;
    // What the offline cloud of that version accepted and sync recorded.
    const { snapshot, ids } = syncedCloud(older);
    const fixed = fixNames({ ...older, cloud: { 'demo/cn-hangzhou': ids } });
    const result = plan(fixed, snapshot, fixed.cloud['demo/cn-hangzhou']);
    expect(changes(result.lines)).toEqual(['update group demo_hello_api', 'update app demo_caller_app', 'update throttlingPolicy demo_low_qps']);
    const group = result.lines.find((line) => line.kind === 'group')!;
    expect(group).toMatchObject({ id: ids.groups['demo-hello-api'], fields: [{ path: 'name', from: 'demo-hello-api', to: 'demo_hello_api' }] });
  });
});

describe('names taken in the cloud', () => {
  const design = example('quickstart');

  it('refuses to take over an object of the same name that someone else made', () => {
    const { snapshot } = syncedCloud(design);
    const result = plan(design, snapshot, undefined);
    const conflicts = result.lines.filter((line) => line.op === 'conflict');
    expect(summary(conflicts)).toEqual(['conflict group demo_hello_api', 'conflict app demo_caller_app', 'conflict throttlingPolicy demo_low_qps']);
    expect(conflicts[0].reason).toMatch(/^a group named demo_hello_api already exists in the cloud \(id \w+\) and was not made by this project; rename it/);
  });

  it('adopts what an interrupted apply of this project created', () => {
    const { snapshot, ids } = syncedCloud(design);
    const interrupted = clone(ids);
    delete interrupted.groups['demo_hello_api'];
    delete interrupted.apis['demo_hello_api/hello'];
    interrupted.pending = { 'group:demo_hello_api': 'token-1', 'api:demo_hello_api/hello': 'token-2' };
    const result = plan(design, snapshot, interrupted);
    expect(changes(result.lines)).toEqual(['adopt group demo_hello_api', 'adopt api demo_hello_api/hello']);
    expect(result.lines[0]).toMatchObject({ id: ids.groups['demo_hello_api'], reason: 'made by an interrupted apply of this project; sync records its id' });
  });
});

describe('deployments', () => {
  const design = example('quickstart');
  const ref = { group: 'demo_hello_api', api: 'hello' };

  it('deploys a stage whose served snapshot differs from the cloud, with the fields that differ', () => {
    const synced = syncedCloud(design);
    const edited = clone(design);
    const hello = edited.apis.find((api) => api.name === 'hello')!;
    hello.description = 'Version two';
    const deployed = deployApi(edited, ref, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
    const lines = planChanges(plan(deployed, synced.snapshot, synced.ids));
    expect(lines.map((line) => [line.op, line.name, line.ref.version, line.fields])).toEqual([
      ['update', 'demo_hello_api/hello', undefined, [{ path: 'description', from: 'Says hello without asking who calls.', to: 'Version two' }]],
      ['deploy', 'demo_hello_api/hello @TEST', 2, [{ path: 'description', from: 'Says hello without asking who calls.', to: 'Version two' }]],
    ]);
  });

  it('rolls back with the cloud version recorded for the earlier design version', () => {
    let project = deployApi(clone(design), ref, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
    const synced = syncedCloud(project);
    synced.ids.deployed!['demo_hello_api/hello/TEST'] = { '1': '20261123090000001', '2': '20261124000000002' };
    project = rollbackApi(project, ref, 'TEST', 1, { at: '2026-11-25T00:00:00.000Z' });
    const lines = planChanges(plan(project, synced.snapshot, synced.ids));
    // Version 2 had the same content as version 1 here, so compare against a cloud that serves something else.
    expect(lines).toEqual([]);
    const cloud = clone(synced.snapshot);
    const hello = cloud.apis.find((api) => api.name === 'hello')!;
    hello.deployed.TEST = { version: '20261124000000002', detail: describeApiShape(apiToParams({ ...design.apis[0], description: 'v2' })) };
    const rollback = planChanges(plan(project, cloud, synced.ids));
    expect(rollback).toHaveLength(1);
    expect(rollback[0]).toMatchObject({ op: 'deploy', ref: { stage: 'TEST', version: 3, historyVersion: '20261123090000001' }, reason: 'TEST serves version 3 (a rollback to version 1) in the design; the cloud serves another definition' });
  });

  it('abolishes where the design abolished, and lists stages the design never deployed to', () => {
    const synced = syncedCloud(design);
    const abolished = abolishApi(clone(design), ref, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
    const cloud = clone(synced.snapshot);
    cloud.apis.find((api) => api.name === 'get_user')!.deployed.PRE = { version: '20261124000000009' };
    const result = plan(abolished, cloud, synced.ids);
    expect(summary(result.lines)).toEqual(['unmanaged deployment demo_hello_api/get_user @PRE', 'abolish deployment demo_hello_api/hello @TEST']);
  });

  it('deploys only the chosen stage, and refuses APIs the cloud does not have yet', () => {
    const synced = syncedCloud(design);
    const cloud = clone(synced.snapshot);
    cloud.apis = cloud.apis.filter((api) => api.name !== 'get_user');
    for (const api of cloud.apis) api.deployed = {};
    const result = plan(design, cloud, synced.ids, { only: { stage: 'TEST' } });
    expect(changes(result.lines)).toEqual(['deploy deployment demo_hello_api/hello @TEST', 'deploy deployment demo_hello_api/secure_hello @TEST', 'conflict deployment demo_hello_api/get_user @TEST']);
  });
});
