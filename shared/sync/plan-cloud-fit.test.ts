/**
 * The plan and what the cloud takes of an API: its visibility is compared like any field, and a
 * request method the cloud does not list (ANY) blocks apply instead of being sent.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../model/schema';
import { deployApi } from '../model/stages';
import { FIXTURE, makeMockApi, makeProject } from '../model/test-fixtures';
import { plan } from './plan';
import { type PlanLine, planChanges, planConflicts } from './plan-types';
import { emptySnapshot } from './snapshot';
import { syncedCloud } from './testing/synced-cloud';

const design = (): Project => ({ ...makeProject(), cloud: {} });
const hello = FIXTURE.apis[0];
const helloKey = `${FIXTURE.group}/${hello}`;
const summary = (lines: PlanLine[]) => lines.map((line) => `${line.op} ${line.kind} ${line.name}`);

describe('visibility in the plan', () => {
  it('shows a change of it made in the design', () => {
    const before = design();
    const synced = syncedCloud(before);
    const after = design();
    after.apis[0].visibility = 'PUBLIC';
    const lines = planChanges(plan(after, synced.snapshot, synced.ids));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ op: 'update', kind: 'api', name: helloKey, fields: [{ path: 'visibility', from: 'PRIVATE', to: 'PUBLIC' }] });
  });

  it('shows an API the cloud lists publicly going back to the design\'s PRIVATE', () => {
    const project = design();
    const synced = syncedCloud(project);
    const cloudApi = synced.snapshot.apis.find((api) => api.name === hello)!;
    cloudApi.detail = { ...cloudApi.detail, Visibility: 'PUBLIC' };
    const lines = planChanges(plan(project, synced.snapshot, synced.ids));
    expect(lines.map((line) => [line.name, line.fields])).toEqual([[helloKey, [{ path: 'visibility', from: 'PUBLIC', to: 'PRIVATE' }]]]);
  });
});

describe('a request method the cloud does not take', () => {
  const anyApi = () => ({ ...makeMockApi('catch_all', '/legacy/*'), request: { protocols: ['HTTP', 'HTTPS'] as ('HTTP' | 'HTTPS')[], method: 'ANY' as const, path: '/legacy/*', mode: 'PASSTHROUGH' as const } });

  it('makes a new API a conflict instead of a create, so apply refuses to start', () => {
    const project = design();
    project.apis.push(anyApi());
    const result = plan(project, emptySnapshot('cn-hangzhou', '2026-11-23T10:00:00Z'), undefined);
    expect(summary(result.lines)).not.toContain(`create api ${FIXTURE.group}/catch_all`);
    expect(planConflicts(result)).toEqual([
      expect.objectContaining({
        kind: 'api',
        name: `${FIXTURE.group}/catch_all`,
        reason: `API ${FIXTURE.group}/catch_all has request method ANY, which only the local gateway serves: Alibaba Cloud takes one method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); choose one in the design to sync it`,
      }),
    ]);
  });

  it('makes an update of a synced API a conflict, and a deployment of such a snapshot one too', () => {
    const project = design();
    const synced = syncedCloud(project);
    project.apis[0].request.method = 'ANY';
    const updated = plan(project, synced.snapshot, synced.ids);
    expect(summary(planChanges(updated))).toEqual([`conflict api ${helloKey}`]);
    expect(planChanges(updated)[0].id).toBe(synced.ids.apis[helloKey]);

    const deployed = deployApi(project, { group: FIXTURE.group, api: hello }, 'TEST', { at: '2026-11-24T00:00:00Z' });
    const lines = planChanges(plan(deployed, synced.snapshot, synced.ids));
    expect(summary(lines)).toEqual([`conflict api ${helloKey}`, `conflict deployment ${helloKey} @TEST`]);
    expect(lines[1].reason).toBe(
      'TEST serves version 2 in the design, whose request method ANY only the local gateway serves: Alibaba Cloud takes one method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); choose one for the API and deploy it to TEST again to sync it',
    );
  });

  it('leaves a backend method of ANY alone: the cloud takes it', () => {
    const project = design();
    const synced = syncedCloud(project);
    const getUser = project.apis[1];
    if (getUser.backend.type !== 'HTTP') throw new Error('fixture changed');
    getUser.backend.method = 'ANY';
    const lines = planChanges(plan(project, synced.snapshot, synced.ids));
    expect(lines.map((line) => [line.op, line.fields])).toEqual([['update', [{ path: 'backend.method', from: 'GET', to: 'ANY' }]]]);
  });
});
