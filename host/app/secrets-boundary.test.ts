/**
 * Secrets stay in the host: every call of the contract is made on the quickstart (browser mode's
 * real services, the real local gateway), and no response and no event may carry an AppSecret, an
 * AppCode or an AccessKeySecret. The exceptions are the calls whose purpose is to show one, asked
 * for explicitly: agw:apps.revealSecret, and agw:debug.snippets with includeSecret.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudConnectionView, CloudRunView, PlanView, SyncJobView } from '../../shared/ipc/cloud-views';
import type { PurchaseProgress } from '../../shared/ipc/instance-views';
import type { PurchaseContext, PurchaseRequest } from '../../shared/purchase';
import { createCloudClient } from '../cloud/client';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { CALLS, type CallChannel, type CallOutcome, EVENT_CHANNELS, type ProjectState } from '../../shared/ipc/contract';
import { parseSecretsText } from '../../shared/project-file';
import { QUICKSTART } from '../gateway-supervisor/testing/gateway-fixture';
import { type Dispatcher, createDispatcher } from '../base/dispatch';
import { type HostServices, createHostServices } from './services';

/** A cloud secret the host would read from the environment; it must never reach the UI either. */
const ACCESS_KEY_SECRET = 'WalkAccessKeySecretMustNotLeak9';
const WALK_APP = 'walk_app';

interface Answer {
  channel: CallChannel;
  args: unknown[];
  outcome: CallOutcome;
  /** The call exists to show a secret, and the user asked for it. */
  showsSecret: boolean;
}

let dir: string;
let services: HostServices;
let dispatcher: Dispatcher;
const answers: Answer[] = [];
/** What the OpenAPI call log kept on disk of the walk's runs. */
const callLogFiles: string[] = [];
const events: { channel: string; payload: unknown }[] = [];
/** Every secret value the secrets files held at any point of the walk. */
const secrets = new Set<string>([QUICKSTART.appSecret, QUICKSTART.appCode, ACCESS_KEY_SECRET]);
let savedEnv: string | undefined;
const PROFILE_SECRET = 'walk-profile-secret-7f3a9c1e';

const signedCall = {
  target: { kind: 'local' },
  group: 'demo_hello_api',
  api: 'secure_hello',
  stage: 'TEST',
  method: 'GET',
  path: '/secure/hello',
  auth: { kind: 'signature', app: QUICKSTART.app },
} as const;
const appCodeCall = { ...signedCall, auth: { kind: 'appCode', app: QUICKSTART.app } } as const;

const OPENAPI = JSON.stringify({ openapi: '3.0.3', info: { title: 'walk', version: '1' }, paths: { '/ping': { get: { responses: { '200': { description: 'ok' } } } } } });

async function call(channel: CallChannel, args: unknown[], showsSecret = false): Promise<CallOutcome> {
  const outcome = await dispatcher.dispatch(channel, args);
  answers.push({ channel, args, outcome, showsSecret });
  await collectSecrets();
  return outcome;
}

function result<T>(outcome: CallOutcome): T {
  if (!outcome.ok) throw new Error(`the call failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

/** Reads the open project's secrets file, so that values generated during the walk are looked for too. */
async function collectSecrets(): Promise<void> {
  const path = services.workspace.projectPath().replace(/\.apigw\.yaml$/, '.secrets.yaml');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const parsed = parseSecretsText(text, path);
  for (const app of Object.values(parsed.secrets?.apps ?? {})) {
    for (const key of app.keys) secrets.add(key.appSecret);
    for (const code of app.appCodes) secrets.add(code);
  }
}

beforeAll(async () => {
  savedEnv = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = ACCESS_KEY_SECRET;
  dir = await mkdtemp(join(tmpdir(), 'apigw-secrets-walk-'));
  // Instances the offline cloud builds quickly, so that the walk can change and delete a running one.
  services = await createHostServices({ dataDir: join(dir, 'data'), mode: 'browser', watchDebounceMs: 20, demoSim: { instanceDelayMs: 200 }, instancePollMs: 40 });
  for (const channel of EVENT_CHANNELS) services.events.on(channel, (payload) => events.push({ channel, payload }));
  dispatcher = createDispatcher(services.handlers);
  await collectSecrets();

  await call('agw:app.info', []);
  const current = result<ProjectState>(await call('agw:project.current', []));
  await call('agw:project.recent', []);
  await call('agw:project.text', []);
  await call('agw:project.chooseFile', [{ purpose: 'open' }]);
  await call('agw:project.save', [{ project: current.project, revision: current.revision }]);

  await call('agw:apps.credentials', [{ app: QUICKSTART.app }]);
  const created = result<{ keys: { appKey: string }[] }>(await call('agw:apps.createCredentials', [{ app: WALK_APP }]));
  const appKey = created.keys[0].appKey;
  await call('agw:apps.revealSecret', [{ app: WALK_APP, appKey }], true);
  await call('agw:apps.rotateSecret', [{ app: WALK_APP, appKey }]);
  await call('agw:apps.renameCredentials', [{ renames: [{ from: WALK_APP, to: `${WALK_APP}_renamed` }] }]);
  await call('agw:apps.renameCredentials', [{ renames: [{ from: `${WALK_APP}_renamed`, to: WALK_APP }] }]);
  await call('agw:apps.revealSecret', [{ app: QUICKSTART.app, appKey: QUICKSTART.appKey }], true);

  await call('agw:import.preview', [{ source: { kind: 'text', text: OPENAPI }, group: 'walk_import' }]);
  await call('agw:export.openapi', [{ group: 'demo_hello_api', stage: 'TEST', format: 'yaml' }]);

  result(await call('agw:gateway.start', [{ port: 0, defaultStage: 'TEST' }]));
  await call('agw:gateway.status', []);
  await call('agw:debug.prepare', [signedCall]);
  await call('agw:debug.prepare', [appCodeCall]);
  expect(result(await call('agw:debug.send', [signedCall]))).toMatchObject({ response: { status: 200 } });
  expect(result(await call('agw:debug.send', [appCodeCall]))).toMatchObject({ response: { status: 200 } });
  await call('agw:debug.send', [{ ...signedCall, auth: { ...signedCall.auth, secretOverride: 'a-wrong-secret' } }]);
  await call('agw:debug.snippets', [signedCall, { includeSecret: false }]);
  await call('agw:debug.snippets', [appCodeCall, { includeSecret: false }]);
  await call('agw:debug.snippets', [signedCall, { includeSecret: true }], true);
  await call('agw:gateway.recentLog', []);
  await call('agw:gateway.stop', []);

  await walkCloud();

  await call('agw:apps.deleteCredentials', [{ app: WALK_APP }]);
  await call('agw:project.create', [{ path: join(dir, 'walk.apigw.yaml'), name: 'walk' }]);
  await call('agw:project.open', [current.path]);
}, 60_000);

/** The cloud calls, in demo mode: profile keys and the cloud's own app secrets must stay in the host too. */
async function walkCloud(): Promise<void> {
  secrets.add(DEMO_ACCOUNT.accessKeySecret);
  secrets.add(PROFILE_SECRET);
  const connection = result<CloudConnectionView>(await call('agw:cloud.connection', []));
  await call('agw:cloud.saveProfile', [{ name: 'walk', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: PROFILE_SECRET }]);
  await call('agw:cloud.profiles', []);
  await call('agw:cloud.testConnection', [{ profile: 'walk' }]);
  await call('agw:cloud.testConnection', [{ draft: { name: 'walk', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: DEMO_ACCOUNT.accessKeyId } }]);
  await call('agw:cloud.activate', [{ profile: 'walk' }]);
  await call('agw:cloud.activate', [{ profile: null }]);
  const plan = result<PlanView>(await call('agw:cloud.plan', [{ prune: false }]));
  const ended = new Promise<SyncJobView>((resolve) => {
    const off = services.events.on('agw:cloud.job', (job) => job.state !== 'running' && (off(), resolve(job)));
  });
  // The first apply stops at a refusal, so that retry has a failed run to continue.
  (await services.cloud.demo.ensure()).sim.faults.add({ product: 'CloudAPI', action: 'CreateApp', error: { code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.', status: 403 } });
  const job = result<SyncJobView>(await call('agw:cloud.apply', [{ planId: plan.planId }]));
  expect((await ended).state).toBe('failed');
  await call('agw:cloud.job', []);
  await call('agw:cloud.cancel', [{ jobId: job.id }]);
  const retried = new Promise<SyncJobView>((resolve) => {
    const off = services.events.on('agw:cloud.job', (update) => update.state !== 'running' && (off(), resolve(update)));
  });
  result(await call('agw:cloud.retry', [{ jobId: job.id }]));
  expect((await retried).state).toBe('done');
  await call('agw:cloud.syncLog', []);
  await call('agw:cloud.stages', []);
  await call('agw:cloud.pullPreview', []);
  // The cloud made its own keys for the app: the debugger signs with them, and they are secrets too.
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret } });
  const appId = (await services.workspace.current()).project!.cloud['demo/cn-hangzhou'].apps[QUICKSTART.app];
  const cloudKeys = await client.call<{ AppSecret: string; AppCode: string }>('CloudAPI', 'DescribeAppSecurity', { AppId: appId });
  client.close();
  secrets.add(cloudKeys.AppSecret);
  secrets.add(cloudKeys.AppCode);
  const deployed = new Promise<SyncJobView>((resolve) => {
    const off = services.events.on('agw:cloud.job', (job) => job.state !== 'running' && (off(), resolve(job)));
  });
  await call('agw:cloud.stageAction', [{ action: 'deploy', stage: 'TEST', group: 'demo_hello_api', api: 'secure_hello' }]);
  expect((await deployed).state).toBe('done');
  expect(result(await call('agw:debug.send', [{ ...signedCall, target: { kind: 'cloud' } }]))).toMatchObject({ response: { status: 200 } });
  await call('agw:debug.send', [{ ...appCodeCall, target: { kind: 'cloud' } }]);
  await call('agw:cloud.pullMerge', []);
  await walkInstances();
  // The OpenAPI call log shows what every run above sent: its parameters, never a secret.
  const runs = result<CloudRunView[]>(await call('agw:cloud.callLog', []));
  expect(new Set(runs.map((run) => run.kind))).toEqual(new Set(['plan', 'apply', 'deploy', 'pull', 'purchase', 'gateway']));
  for (const run of runs) await call('agw:cloud.callRun', [{ runId: run.id }]);
  await services.cloud.calls.flush();
  const folder = join(dir, 'data', 'cloud-calls');
  for (const name of await readdir(folder)) callLogFiles.push(await readFile(join(folder, name), 'utf8'));
  await call('agw:cloud.resetDemo', []);
  await call('agw:cloud.deleteProfile', [{ name: 'walk' }]);
}

/** Dedicated instances: a purchase in the offline cloud, and the calls on the instance while it is being built. */
async function walkInstances(): Promise<void> {
  const context = result<PurchaseContext>(await call('agw:instances.context', []));
  const named = <T extends { name?: string }>(items: T[], name: string) => items.find((item) => item.name === name)!;
  const request: PurchaseRequest = {
    name: 'walk-gw',
    edition: 'basic',
    zones: ['cn-hangzhou-j'],
    vpcId: named(context.vpcs, 'prod-vpc').id,
    subnets: { 'cn-hangzhou-j': named(context.vSwitches, 'prod-vsw-j').id },
    securityGroupId: named(context.securityGroups, 'web-open').id,
    billing: { kind: 'payAsYouGo' },
  };
  await call('agw:instances.check', [request]);
  const running = new Promise<PurchaseProgress>((resolve) => {
    const off = services.events.on('agw:instances.purchase', (progress) => progress.state !== 'submitting' && progress.state !== 'creating' && progress.state !== 'configuring' && (off(), resolve(progress)));
  });
  const bought = result<PurchaseProgress>(await call('agw:instances.buy', [{ request, token: 'walk-purchase-0001' }]));
  await call('agw:instances.list', []);
  await call('agw:instances.retryPurchase', [{ token: 'walk-purchase-0001' }]);
  await call('agw:instances.show', [{ instanceId: bought.instanceId }]);
  // A gateway being built refuses changes; a running one takes them.
  expect((await running).state).toBe('running');
  result(await call('agw:instances.modify', [{ instanceId: bought.instanceId, change: { description: 'walked' } }]));
  result(await call('agw:instances.delete', [{ instanceId: bought.instanceId, confirmation: 'walk-gw' }]));
}

afterAll(async () => {
  if (savedEnv === undefined) delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  else process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = savedEnv;
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The secret values found in a JSON-able value, shortened for the failure message. */
function leaked(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [...secrets].filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 4)}…`);
}

describe('secrets and the renderer', () => {
  it('walks every call of the contract', () => {
    const walked = new Set(answers.map((answer) => answer.channel));
    const missing = (Object.keys(CALLS) as CallChannel[]).filter((channel) => !walked.has(channel));
    expect(missing, 'add a call of each new channel to this walk').toEqual([]);
    expect(secrets.size).toBeGreaterThanOrEqual(6);
  });

  it('got a success from every call of the contract: a call refused every time shows nothing of what it answers', () => {
    const succeeded = new Set(answers.filter((answer) => answer.outcome.ok).map((answer) => answer.channel));
    const neverAnswered = (Object.keys(CALLS) as CallChannel[])
      .filter((channel) => !succeeded.has(channel))
      .map((channel) => {
        const refusals = answers.filter((answer) => answer.channel === channel && !answer.outcome.ok).map((answer) => (answer.outcome.ok ? '' : answer.outcome.error.code));
        return `${channel} (${refusals.join(', ') || 'not called'})`;
      });
    expect(neverAnswered, 'make each channel succeed at least once in the walk').toEqual([]);
  });

  it('gives no secret in any response, except the ones asked for to be shown', () => {
    const leaks = answers.filter((answer) => !answer.showsSecret).map((answer) => ({ channel: answer.channel, leaked: leaked(answer.outcome) })).filter((entry) => entry.leaked.length > 0);
    expect(leaks).toEqual([]);
  });

  it('shows a secret where that is the point: reveal, and snippets with the secret included', () => {
    const reveals = answers.filter((answer) => answer.showsSecret);
    expect(reveals.map((answer) => answer.channel)).toEqual(['agw:apps.revealSecret', 'agw:apps.revealSecret', 'agw:debug.snippets']);
    for (const answer of reveals) expect(leaked(answer.outcome), answer.channel).not.toEqual([]);
  });

  it('keeps no secret in the OpenAPI call log on disk', () => {
    expect(callLogFiles.length).toBeGreaterThan(4);
    expect(callLogFiles.map((text) => leaked(text)).flat()).toEqual([]);
  });

  it('sends no secret in any event', () => {
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => ({ channel: event.channel, leaked: leaked(event.payload) })).filter((entry) => entry.leaked.length > 0)).toEqual([]);
  });
});
