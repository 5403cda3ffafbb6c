/**
 * The OpenAPI call log in the console, through the contract's dispatcher as Cloud → History calls
 * it: a plan and an apply of the quickstart against demo mode's offline cloud are runs whose calls
 * are every request the offline cloud answered, with their status, code and request id, and no
 * secret is in the answers or in the files the log keeps.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CloudRunDetail, CloudRunView, PlanView, SyncJobView } from '../../shared/ipc/cloud-views';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { CALL_LOG_DIR } from '../cloud/call-log';
import { createCloudClient } from '../cloud/client';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { QUICKSTART } from '../gateway-supervisor/testing/gateway-fixture';
import { createDispatcher } from '../base/dispatch';
import { type HostServices, createHostServices } from '../app/services';

let dir: string;
let services: HostServices;
let call: <T>(channel: string, ...args: unknown[]) => Promise<T>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-cloud-calls-'));
  services = await createHostServices({ dataDir: join(dir, 'data'), mode: 'browser' });
  const dispatcher = createDispatcher(services.handlers);
  call = async <T,>(channel: string, ...args: unknown[]) => {
    const answer = (await dispatcher.dispatch(channel as never, args as never)) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
    if (!answer.ok) throw new Error(`${channel}: ${answer.error?.code}: ${answer.error?.message}`);
    return answer.result as T;
  };
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

it('records every call of a plan and an apply, masked, and History shows them without a secret', async () => {
  const { sim } = await services.cloud.demo.ensure();
  const sentBefore = sim.calls.length;
  const plan = await call<PlanView>('agw:cloud.plan', { prune: false });
  const planned = sim.calls.length;
  const ended = new Promise<SyncJobView>((resolve) => {
    const off = services.events.on('agw:cloud.job', (job) => job.state !== 'running' && (off(), resolve(job)));
  });
  const job = await call<SyncJobView>('agw:cloud.apply', { planId: plan.planId });
  expect((await ended).state).toBe('done');
  const applied = sim.calls.length;

  const runs = await call<CloudRunView[]>('agw:cloud.callLog');
  expect(runs.map((run) => [run.kind, run.title, run.state])).toEqual([
    ['apply', job.title, 'done'],
    ['plan', 'Plan', 'done'],
  ]);
  expect(runs[0]).toMatchObject({ id: job.id, source: 'console', profileKey: 'demo/cn-hangzhou', steps: { done: job.total, total: job.total }, failedCalls: 0, omittedCalls: 0 });
  expect(runs[1].profileKey).toBe('demo/cn-hangzhou');

  // Each run's calls are exactly the requests the offline cloud answered while it ran, in order.
  const asSeen = (calls: typeof sim.calls) => calls.map((seen) => ({ action: seen.action, status: seen.status, requestId: seen.requestId }));
  const detail = (run: CloudRunView) => call<CloudRunDetail>('agw:cloud.callRun', { runId: run.id });
  const [applyRun, planRun] = await Promise.all(runs.map(detail));
  expect(planRun.calls.map(({ action, status, requestId }) => ({ action, status, requestId }))).toEqual(asSeen(sim.calls.slice(sentBefore, planned)));
  expect(applyRun.calls.map(({ action, status, requestId }) => ({ action, status, requestId }))).toEqual(asSeen(sim.calls.slice(planned, applied)));
  expect(applyRun.calls.map((entry) => entry.action)).toEqual(expect.arrayContaining(['CreateApiGroup', 'CreateApi', 'CreateApp', 'DeployApi']));
  const createApp = applyRun.calls.find((entry) => entry.action === 'CreateApp')!;
  expect(createApp.params).toMatchObject({ AccessKeyId: maskAccessKeyId(DEMO_ACCOUNT.accessKeyId), AppName: QUICKSTART.app });
  expect(createApp.params).not.toHaveProperty('Signature');
  expect(createApp.params).not.toHaveProperty('AccessKeySecret');

  // The app's keys the cloud made (DescribeAppSecurity answers them): secrets too.
  const appId = (await services.workspace.current()).project!.cloud['demo/cn-hangzhou'].apps[QUICKSTART.app];
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT });
  const keys = await client.call<{ AppSecret: string; AppCode: string }>('CloudAPI', 'DescribeAppSecurity', { AppId: appId });
  client.close();
  const secrets = [DEMO_ACCOUNT.accessKeySecret, DEMO_ACCOUNT.accessKeyId, keys.AppSecret, keys.AppCode, QUICKSTART.appSecret, QUICKSTART.appCode];
  await services.cloud.calls.flush();
  const folder = join(dir, 'data', CALL_LOG_DIR);
  const stored = await Promise.all((await readdir(folder)).map((name) => readFile(join(folder, name), 'utf8')));
  expect(stored).toHaveLength(2);
  const answers = JSON.stringify([runs, applyRun, planRun]);
  for (const secret of secrets) {
    expect(answers).not.toContain(secret);
    for (const text of stored) expect(text).not.toContain(secret);
  }
});
