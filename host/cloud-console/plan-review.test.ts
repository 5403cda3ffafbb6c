/**
 * Plan, apply, deploy and retry in the console, through the contract's dispatcher as the UI calls
 * them: demo mode's offline cloud (real HTTP, real pop-core), plan → apply → plan again, a stage
 * deployed and called, a failure in the middle of an apply and its retry.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CloudConnectionView, PlanView, SyncJobView } from '../../shared/ipc/cloud-views';
import { cloudStatePathFor } from '../../shared/project-file';
import { useConsoleHost } from './testing/console-host';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { ADMIN_TOKEN_HEADER } from '../../offline-cloud/sim-guard';

const host = useConsoleHost();

/** Waits for the job's end as the UI does: through the host's events. */
function jobEnd(): Promise<SyncJobView> {
  return new Promise((resolve) => {
    const off = host.services.events.on('agw:cloud.job', (job) => {
      if (job.state !== 'running') {
        off();
        resolve(job);
      }
    });
  });
}

async function applyPlan(plan: PlanView): Promise<SyncJobView> {
  const ended = jobEnd();
  const started = await host.call<SyncJobView>('agw:cloud.apply', { planId: plan.planId });
  expect(started.state).toBe('running');
  return ended;
}
describe('the cloud in the console, demo mode', () => {
  it('plans all creates, applies them, then has nothing to do; an edit plans exactly that field', async () => {
    const connection = await host.call<CloudConnectionView>('agw:cloud.connection');
    expect(connection).toMatchObject({ mode: 'demo', region: 'cn-hangzhou', profileKey: 'demo/cn-hangzhou' });
    expect(connection.demo?.cloudUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const first = await host.call<PlanView>('agw:cloud.plan', { prune: false });
    expect(first.counts.creates).toBeGreaterThan(5);
    expect(first.lines.filter((line) => line.op === 'create').map((line) => line.kind)).toEqual(expect.arrayContaining(['group', 'api', 'app', 'throttlingPolicy']));
    const job = await applyPlan(first);
    expect(job).toMatchObject({ state: 'done', done: job.total });
    expect(job.steps.every((step) => step.state === 'done')).toBe(true);
    // The ids are in the demo profile's cloud-state file, not in the design (docs/project-file.md, "Three kinds of data").
    expect(await readFile(host.services.workspace.projectPath(), 'utf8')).not.toContain('demo/cn-hangzhou');
    expect(await readFile(cloudStatePathFor(host.services.workspace.projectPath(), 'demo/cn-hangzhou'), 'utf8')).toContain('profile: demo/cn-hangzhou');

    const second = await host.call<PlanView>('agw:cloud.plan', { prune: false });
    expect(second.counts.changes).toBe(0);

    // Edit the mock body as the console saves it.
    const state = await host.services.workspace.current();
    const project = structuredClone(state.project!);
    const hello = project.apis.find((api) => api.name === 'hello')!;
    (hello.backend as { body: string }).body = '{"message":"edited"}';
    await host.call('agw:project.save', { project, revision: state.revision });
    const third = await host.call<PlanView>('agw:cloud.plan', { prune: false });
    const changes = third.lines.filter((line) => line.op !== 'unmanaged' && line.op !== 'orphan');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ op: 'update', kind: 'api', name: 'demo_hello_api/hello' });
    expect(changes[0].fields).toEqual([{ path: 'backend.body', from: '{"message":"Hello from Alibaba Cloud API Gateway"}', to: '{"message":"edited"}' }]);
    expect((await applyPlan(third)).state).toBe('done');

    // Deploy the edit to RELEASE from the stages view, then call the offline cloud's data plane.
    const deployed = jobEnd();
    await host.call('agw:cloud.stageAction', { action: 'deploy', stage: 'RELEASE', group: 'demo_hello_api', api: 'hello' });
    expect((await deployed).state).toBe('done');
    const stages = await host.call<{ apis: { api: string; stages: Record<string, { state: string }> }[]; groups: { stages: { stage: string; callUrl: string; hostHeader?: string }[] }[] }>('agw:cloud.stages');
    expect(stages.apis.find((api) => api.api === 'hello')?.stages.RELEASE.state).toBe('in-sync');
    const result = await host.call<{ response?: { status: number; body: string } }>('agw:debug.send', {
      target: { kind: 'cloud' },
      group: 'demo_hello_api',
      api: 'hello',
      stage: 'RELEASE',
      method: 'GET',
      path: '/hello',
      auth: { kind: 'anonymous' },
    });
    expect(result.response).toMatchObject({ status: 200, body: '{"message":"edited"}' });

    const log = await host.call<{ state: string; title: string }[]>('agw:cloud.syncLog');
    expect(log.map((entry) => entry.state)).toEqual(['done', 'done', 'done']);
  });

  it('stops at a failure with the cloud code and request id; retry finishes without duplicates', async () => {
    const connection = await host.call<CloudConnectionView>('agw:cloud.connection');
    const plan = await host.call<PlanView>('agw:cloud.plan', { prune: false });
    // The second CreateApi is refused, once (a code the client does not retry); /_sim/ takes the admin token the host holds.
    const { sim } = await host.services.cloud.demo.ensure();
    const added = await fetch(`${connection.demo!.cloudUrl}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: sim.adminToken },
      body: JSON.stringify({ product: 'CloudAPI', action: 'CreateApi', nth: 2, times: 1, error: { code: 'Forbidden.RAM', message: 'injected: the RAM user may not call CreateApi', status: 403 } }),
    });
    expect(added.status).toBe(201);
    const failed = await applyPlan(plan);
    expect(failed.state).toBe('failed');
    expect(failed.failure).toMatchObject({ code: 'Forbidden.RAM', action: 'CloudAPI CreateApi' });
    expect(failed.failure?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(failed.steps.some((step) => step.state === 'failed')).toBe(true);
    expect(failed.steps.some((step) => step.state === 'left')).toBe(true);
    expect(failed.retry).toEqual({ kind: 'apply', prune: false });

    const ended = jobEnd();
    await host.call('agw:cloud.retry', { jobId: failed.id });
    expect((await ended).state).toBe('done');
    const apis = (await fetchJson(connection, 'DescribeApis')) as { TotalCount: number };
    const project = (await host.services.workspace.current()).project!;
    expect(apis.TotalCount).toBe(project.apis.length);
    expect((await host.call<PlanView>('agw:cloud.plan', { prune: false })).counts.changes).toBe(0);
  });
});

async function fetchJson(connection: CloudConnectionView, action: string): Promise<unknown> {
  const { createCloudClient } = await import('../cloud/client');
  const client = createCloudClient({ region: connection.region, endpoint: connection.demo!.cloudUrl, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret } });
  try {
    return await client.call('CloudAPI', action, { PageSize: 100 });
  } finally {
    client.close();
  }
}
