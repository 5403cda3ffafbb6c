/**
 * The OpenAPI call log: which parameters are credentials (judged against every request model of
 * the official CloudAPI, VPC and ECS SDKs), and runs recorded from real calls to the offline
 * cloud: each request with its status, code and request id, credentials masked, kept 0600 and
 * bounded.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { CALL_LOG_DIR, CallLog, RUNS_KEPT } from './call-log';
import { MASKED, isCredentialParam, maskParams } from './call-masking';
import { FIRST_CALLS_KEPT, LATEST_CALLS_KEPT, VALUE_CHARS_KEPT, currentCallRun } from './call-run';
import { type CloudClient, createCloudClient } from './client';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';

const require = createRequire(import.meta.url);

interface ModelClass {
  names(): Record<string, string>;
  types(): Record<string, unknown>;
}

/** Every wire name of every request model of an SDK package, nested ones (RepeatList items, objects) too. */
function requestFieldNames(pkg: string): Set<string> {
  const sdk = require(pkg) as Record<string, unknown>;
  const names = new Set<string>();
  const isModel = (value: unknown): value is ModelClass => typeof value === 'function' && typeof (value as Partial<ModelClass>).names === 'function';
  const walk = (model: ModelClass, seen: Set<ModelClass>) => {
    if (seen.has(model)) return;
    seen.add(model);
    const types = model.types();
    for (const [field, wire] of Object.entries(model.names())) {
      names.add(wire);
      const type = types[field] as { itemType?: unknown } | unknown;
      if (isModel(type)) walk(type, seen);
      const item = (type as { itemType?: unknown } | undefined)?.itemType;
      if (isModel(item)) walk(item, seen);
    }
  };
  for (const [name, value] of Object.entries(sdk)) if (/Request$/.test(name) && isModel(value)) walk(value, new Set());
  return names;
}

describe('which parameters are credentials', () => {
  it('masks exactly the credential fields of the CloudAPI, VPC and ECS request models', () => {
    const credentials = (pkg: string) => [...requestFieldNames(pkg)].filter(isCredentialParam).sort();
    expect(credentials('@alicloud/cloudapi20160714')).toEqual(['AppCode', 'AppSecret', 'AuthAppCode', 'CertificatePrivateKey', 'NewAppCode', 'NewAppSecret', 'SecurityToken', 'SignatureSecret']);
    // ClearAuthKey is a flag; masking it costs nothing and keeps the rule one line.
    expect(credentials('@alicloud/vpc20160428')).toEqual(['AuthKey', 'ClearAuthKey']);
    expect(credentials('@alicloud/ecs20140526')).toEqual(['Password', 'UserData', 'VncPassword']);
  });

  it('keeps settings and identifiers readable, and masks the AccessKeyId', () => {
    const masked = maskParams(
      { AppName: 'caller', AppKey: '204012345', AppSecret: 'sec-1', AppCode: 'code-1', AppCodeAuthType: 'HEADER', CustomAppCodeConfig: '{"location":"HEADER"}', Token: 't-1', 'Tag.1.Value': 'team', 'Credential.1.AppSecret': 'sec-2' },
      DEMO_ACCOUNT.accessKeyId,
    );
    expect(masked).toEqual({
      AccessKeyId: maskAccessKeyId(DEMO_ACCOUNT.accessKeyId),
      AppName: 'caller',
      AppKey: '204012345',
      AppSecret: MASKED,
      AppCode: MASKED,
      AppCodeAuthType: 'HEADER',
      CustomAppCodeConfig: '{"location":"HEADER"}',
      Token: 't-1',
      'Tag.1.Value': 'team',
      'Credential.1.AppSecret': MASKED,
    });
    expect(masked.AccessKeyId).not.toBe(DEMO_ACCOUNT.accessKeyId);
  });

  it('masks credentials inside JSON text, and leaves JSON without any exactly as sent', () => {
    const plugin = '{"type":"HMAC","key":"k1","secret":"s3cr3t","nested":[{"appCode":"c0de"}]}';
    expect(JSON.parse(maskParams({ PluginData: plugin }).PluginData)).toEqual({ type: 'HMAC', key: 'k1', secret: MASKED, nested: [{ appCode: MASKED }] });
    const config = '{ "ServiceProtocol": "HTTP",  "ServiceAddress": "http://a" }';
    expect(maskParams({ ServiceConfig: config }).ServiceConfig).toBe(config);
  });
});

let sim: CloudSim;
let dir: string;
let client: CloudClient;

beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-call-log-'));
  client = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
});
afterEach(async () => {
  client.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runs of the call log', () => {
  it('records each request of a run as the cloud saw it, with its credentials masked, in a 0600 file', async () => {
    const log = new CallLog({ dataDir: dir });
    const secrets = ['own-secret-000000000001', 'own-code-00000000000000000001', 'rotated-secret-00000000002', DEMO_ACCOUNT.accessKeySecret, DEMO_ACCOUNT.accessKeyId];
    const handed = await log.run({ title: 'Make an app with its own keys', kind: 'apply', source: 'console', profileKey: 'endpoint/cn-hangzhou' }, async () => {
      const { AppId } = await client.call<{ AppId: number }>('CloudAPI', 'CreateApp', { AppName: 'own_keys', AppKey: 'own-key-0001', AppSecret: secrets[0], AppCode: secrets[1] });
      await client.call('CloudAPI', 'ResetAppSecret', { AppKey: 'own-key-0001', NewAppSecret: secrets[2] });
      const answer = await client.call<{ AppSecret: string }>('CloudAPI', 'DescribeAppSecurity', { AppId });
      await client.call('CloudAPI', 'DeleteApp', { AppId: 1 }).catch(() => undefined);
      return answer.AppSecret;
    });
    expect(handed).toBe(secrets[2]);
    await log.flush();

    const [run] = await log.list();
    expect(run).toMatchObject({ title: 'Make an app with its own keys', state: 'done', source: 'console', callCount: 4, failedCalls: 1, omittedCalls: 0 });
    const { calls } = await log.get(run.id);
    const seen = sim.calls.map((call) => ({ action: call.action, status: call.status, requestId: call.requestId, ...(call.code ? { code: call.code } : {}) }));
    expect(calls.map((call) => ({ action: call.action, status: call.status, requestId: call.requestId, ...(call.code ? { code: call.code } : {}) }))).toEqual(seen);
    expect(calls[0].params).toMatchObject({ AccessKeyId: maskAccessKeyId(DEMO_ACCOUNT.accessKeyId), AppName: 'own_keys', AppKey: 'own-key-0001', AppSecret: MASKED, AppCode: MASKED });
    expect(calls[1].params.NewAppSecret).toBe(MASKED);
    expect(calls.every((call) => call.durationMs >= 0 && !Number.isNaN(Date.parse(call.at)))).toBe(true);

    const files = await readdir(join(dir, CALL_LOG_DIR));
    expect(files).toHaveLength(1);
    const text = await readFile(join(dir, CALL_LOG_DIR, files[0]), 'utf8');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Signature(Nonce)?"/);
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, CALL_LOG_DIR, files[0]))).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, CALL_LOG_DIR))).mode & 0o777).toBe(0o700);
    }
  });

  it('ends failed with what stopped it, without the server string to sign of a wrong secret', async () => {
    const log = new CallLog({ dataDir: dir });
    const wrong = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: 'not-the-secret' } });
    try {
      await expect(log.run({ title: 'Wrong secret', kind: 'plan', source: 'cli' }, () => wrong.call('CloudAPI', 'CreateApp', { AppName: 'leaky', AppSecret: 'in-the-string-to-sign' }))).rejects.toThrow(/SignatureDoesNotMatch|signature/i);
    } finally {
      wrong.close();
    }
    await log.flush();
    const [run] = await log.list();
    expect(run).toMatchObject({ state: 'failed', failedCalls: 1, failure: { code: 'SignatureDoesNotMatch', action: 'CloudAPI CreateApp' } });
    expect(run.failure?.message).toContain("the server's string to sign is left out of the log");
    const { calls } = await log.get(run.id);
    expect(calls).toEqual([expect.objectContaining({ action: 'CreateApp', status: 400, code: 'SignatureDoesNotMatch' })]);
    const files = await readdir(join(dir, CALL_LOG_DIR));
    expect(await readFile(join(dir, CALL_LOG_DIR, files[0]), 'utf8')).not.toContain('in-the-string-to-sign');
  });

  it('keeps the first and the latest calls of a long run, long values cut, and the last runs only', async () => {
    const log = new CallLog({ dataDir: dir });
    const total = FIRST_CALLS_KEPT + LATEST_CALLS_KEPT + 30;
    await log.run({ title: 'Long wait', kind: 'purchase', source: 'console' }, async () => {
      const run = currentCallRun()!;
      for (let n = 1; n <= total; n++) run.record({ product: 'CloudAPI', action: 'DescribeInstances', attempt: 1, ok: true, willRetry: false, requestId: `R-${n}`, status: 200, durationMs: 1, params: { InstanceId: 'x'.repeat(n === 1 ? VALUE_CHARS_KEPT + 5 : 3) }, at: new Date().toISOString() });
    });
    await log.flush();
    const [run] = await log.list();
    expect(run).toMatchObject({ callCount: total, omittedCalls: 30 });
    const { calls, omittedAfter } = await log.get(run.id);
    expect(calls).toHaveLength(FIRST_CALLS_KEPT + LATEST_CALLS_KEPT);
    expect(omittedAfter).toBe(FIRST_CALLS_KEPT);
    expect(calls[FIRST_CALLS_KEPT - 1].requestId).toBe(`R-${FIRST_CALLS_KEPT}`);
    expect(calls[FIRST_CALLS_KEPT].requestId).toBe(`R-${FIRST_CALLS_KEPT + 31}`);
    expect(calls.at(-1)?.requestId).toBe(`R-${total}`);
    expect(calls[0].params.InstanceId).toBe(`${'x'.repeat(VALUE_CHARS_KEPT)}… (5 more characters)`);

    // A run without calls is not kept; past RUNS_KEPT, the oldest go.
    await log.run({ title: 'Nothing sent', kind: 'plan', source: 'console' }, async () => undefined);
    for (let n = 0; n < RUNS_KEPT + 2; n++) {
      await log.run({ title: `Run ${n}`, kind: 'plan', source: 'cli' }, () => client.call('CloudAPI', 'DescribeRegions', {}));
    }
    await log.flush();
    const runs = await log.list();
    expect(runs).toHaveLength(RUNS_KEPT);
    expect(runs[0].title).toBe(`Run ${RUNS_KEPT + 1}`);
    expect(runs.map((entry) => entry.title)).not.toContain('Long wait');
    expect(runs.map((entry) => entry.title)).not.toContain('Nothing sent');
    expect(await readdir(join(dir, CALL_LOG_DIR))).toHaveLength(RUNS_KEPT);
  });

  it('joins the run going on, and makes work begun by a finished run a run of its own', async () => {
    const log = new CallLog({ dataDir: dir });
    let later: Promise<unknown> = Promise.resolve();
    await log.run({ title: 'Outer', kind: 'plan', source: 'cli' }, async () => {
      await log.run({ title: 'Inner', kind: 'pull', source: 'console' }, () => client.call('CloudAPI', 'DescribeRegions', {}));
      // A timer started here fires after Outer finished, still "inside" it.
      later = new Promise((resolve) => setTimeout(resolve, 0)).then(() => log.run({ title: 'After', kind: 'plan', source: 'console' }, () => client.call('CloudAPI', 'DescribeRegions', {})));
    });
    await later;
    await log.flush();
    expect((await log.list()).map((run) => [run.title, run.callCount])).toEqual([
      ['After', 1],
      ['Outer', 1],
    ]);
  });

  it('shows a run held open by work that goes on as running, and ends it when that work ends', async () => {
    const log = new CallLog({ dataDir: dir });
    let release: () => void = () => undefined;
    await log.run({ title: 'Buy gateway', kind: 'purchase', source: 'console' }, async () => {
      await client.call('CloudAPI', 'DescribeRegions', {});
      release = currentCallRun()!.hold();
    });
    expect((await log.list())[0]).toMatchObject({ title: 'Buy gateway', state: 'running', callCount: 1 });
    expect(await readdir(join(dir, CALL_LOG_DIR)).catch(() => [])).toEqual([]);
    release();
    await log.flush();
    expect((await log.list())[0]).toMatchObject({ title: 'Buy gateway', state: 'done', callCount: 1 });
  });
});
