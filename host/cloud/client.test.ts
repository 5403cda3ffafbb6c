import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ActionModule, read, write } from '../../offline-cloud/action-registry';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import type { CloudCallEvent } from './call-event';
import { type CloudClientOptions, createCloudClient } from './client';
import { CloudError } from './cloud-error';
import { listItems, pageAll, pageAllByToken } from './paging';
import { DEFAULT_RETRY, retryDelayMs } from './retry';

const KEYS = { accessKeyId: 'LTAI5tClientTestKey00001', accessKeySecret: 'client-test-secret-Zq8wXv2' };
const WRONG_SECRET = 'wrong-secret-Jk4mN7pQ1';
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.accessKeySecret };

/** Test-only actions: one that echoes what arrived on the wire, one write that counts. */
const testActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    DescribeEcho: read(({ params }) => ({ Received: Object.fromEntries(Object.entries(params.raw).filter(([name]) => !/^(Signature|AccessKeyId)/.test(name))) })),
    CreateTestThing: write(({ params }) => ({ ThingId: 'thing-1', Token: params.string('Token') ?? '' })),
  },
};

let sim: CloudSim;
let events: CloudCallEvent[];
let simLog: string[];
const clients: { close(): void }[] = [];

function client(overrides: Partial<CloudClientOptions> = {}) {
  const created = createCloudClient({
    region: 'cn-hangzhou',
    endpoint: sim.url,
    credentials: KEYS,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    onCall: (event) => events.push(event),
    ...overrides,
  });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError);
    return error as CloudError;
  }
  throw new Error('expected the call to fail');
}

const callsOf = (action: string) => sim.calls.filter((call) => call.action === action);

beforeEach(async () => {
  events = [];
  simLog = [];
  sim = await startCloudSim({ accounts: [KEYS], extraModules: [testActions], log: (line) => simLog.push(line) });
});
afterEach(async () => {
  for (const created of clients.splice(0)) created.close();
  await sim.close();
});

describe('createCloudClient', () => {
  it('calls each product with a signed POST and plain answers (Longs as numbers)', async () => {
    const cloud = client();
    const regions = await cloud.call('CloudAPI', 'DescribeRegions');
    expect(listItems(regions, 'Regions.Region')).toHaveLength(2);
    const vpcs = await cloud.call('Vpc', 'DescribeVpcs', { PageSize: 50 });
    const first = listItems<{ OwnerId: unknown; RegionId: string }>(vpcs, 'Vpcs.Vpc')[0];
    expect(first).toMatchObject({ RegionId: 'cn-hangzhou' });
    expect(typeof first.OwnerId).toBe('number');
    expect(await cloud.call('Ecs', 'DescribeSecurityGroups', { RegionId: 'cn-shanghai' })).toMatchObject({ RegionId: 'cn-shanghai', TotalCount: 2 });
    expect(sim.calls.map((call) => [call.method, call.product])).toEqual([
      ['POST', 'CloudAPI'],
      ['POST', 'Vpc'],
      ['POST', 'Ecs'],
    ]);
    expect(events.map((event) => [event.product, event.action, event.attempt, event.ok])).toEqual([
      ['CloudAPI', 'DescribeRegions', 1, true],
      ['Vpc', 'DescribeVpcs', 1, true],
      ['Ecs', 'DescribeSecurityGroups', 1, true],
    ]);
  });

  it('sends RepeatLists flattened, structured fields as JSON and the region', async () => {
    const answer = await client().call<{ Received: Record<string, string> }>('CloudAPI', 'DescribeEcho', {
      Tag: [{ Key: 'env', Value: 'dev test' }],
      RequestConfig: { RequestPath: '/a' },
      RequestParameters: [{ ApiParameterName: 'q' }],
      ForceNonceCheck: true,
      Skipped: undefined,
    });
    expect(answer.Received).toMatchObject({
      Action: 'DescribeEcho',
      Version: '2016-07-14',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev test',
      RequestConfig: '{"RequestPath":"/a"}',
      RequestParameters: '[{"ApiParameterName":"q"}]',
      ForceNonceCheck: 'true',
      RegionId: 'cn-hangzhou',
    });
    expect(answer.Received).not.toHaveProperty('Skipped');
  });

  it('sends a token only to an action whose model declares one; elsewhere it refuses, sending nothing', async () => {
    const refused = await failure(client().call('CloudAPI', 'CreateTestThing', {}, { token: 'tok-123' }));
    expect(refused).toMatchObject({ kind: 'config', code: 'TokenNotDeclared', attempts: 0 });
    expect(refused.message).toContain('CloudAPI CreateTestThing declares no Token');
    expect(callsOf('CreateTestThing')).toHaveLength(0);
    await failure(client().call('CloudAPI', 'ModifyInstanceSpec', { InstanceId: 'apigateway-cn-none', InstanceSpec: 'api.s1.small' }, { token: 'spec-1' }));
    expect(callsOf('ModifyInstanceSpec')[0].params).toContain('Token');
  });

  it('knows the regional endpoints when none is overridden', () => {
    const cloud = createCloudClient({ region: 'cn-shanghai', credentials: KEYS, timeoutMs: 1000 });
    clients.push(cloud);
    expect(cloud.endpointFor('CloudAPI')).toBe('https://apigateway.cn-shanghai.aliyuncs.com');
    expect(cloud.endpointFor('Vpc')).toBe('https://vpc.cn-shanghai.aliyuncs.com');
    expect(cloud.endpointFor('Ecs')).toBe('https://ecs.cn-shanghai.aliyuncs.com');
  });

  it('sends nothing over http:// unless to this computer, however the endpoint was chosen', async () => {
    const clear = await failure(client({ endpoint: 'http://example.com' }).call('CloudAPI', 'DescribeRegions'));
    expect(clear).toMatchObject({ kind: 'config', code: 'InvalidEndpoint', attempts: 0 });
    expect(clear.message).toContain('http:// would send signed requests in the clear');
    // User info before the host is refused too (URL parsers disagree about it), even where it would reach this computer.
    const dressed = await failure(client({ endpoint: sim.url.replace('http://', 'http://127.0.0.1@') }).call('CloudAPI', 'DescribeRegions'));
    expect(dressed).toMatchObject({ kind: 'config', code: 'InvalidEndpoint' });
    expect(events).toEqual([]);
    expect(sim.calls).toEqual([]);
  });
});

describe('paging', () => {
  it('reads every page of a PageNumber/PageSize action', async () => {
    const vSwitches = await pageAll<{ VSwitchName: string }>(client(), 'Vpc', 'DescribeVSwitches', {}, 'VSwitches.VSwitch', { pageSize: 2 });
    expect(vSwitches).toHaveLength(9);
    expect(new Set(vSwitches.map((item) => item.VSwitchName)).size).toBe(9);
    expect(events).toHaveLength(5);
  });

  it('reads every page of a MaxResults/NextToken action', async () => {
    const groups = await pageAllByToken(client(), 'Ecs', 'DescribeSecurityGroups', {}, 'SecurityGroups.SecurityGroup', { maxResults: 4 });
    expect(groups).toHaveLength(6);
    expect(events).toHaveLength(2);
  });
});

describe('retries', () => {
  it('retries a throttled read until it passes', async () => {
    sim.faults.add({ action: 'DescribeVpcs', times: 2 });
    const answer = await client().call('Vpc', 'DescribeVpcs');
    expect(answer).toHaveProperty('Vpcs');
    expect(events.map((event) => [event.attempt, event.ok, event.code, event.willRetry])).toEqual([
      [1, false, 'Throttling.User', true],
      [2, false, 'Throttling.User', true],
      [3, true, undefined, false],
    ]);
    expect(callsOf('DescribeVpcs')).toHaveLength(3);
  });

  it('gives up after the last attempt and says how many there were', async () => {
    sim.faults.add({ action: 'DescribeVpcs', times: 'always', error: { code: 'ServiceUnavailable' } });
    const error = await failure(client({ retry: { attempts: 3, baseDelayMs: 1 } }).call('Vpc', 'DescribeVpcs'));
    expect(error).toMatchObject({ code: 'ServiceUnavailable', httpStatus: 503, attempts: 3, kind: 'service' });
    expect(error.summary).toMatch(/^Vpc DescribeVpcs at http:\/\/127\.0\.0\.1:\d+ failed after 3 attempts: ServiceUnavailable: /);
    expect(callsOf('DescribeVpcs')).toHaveLength(3);
  });

  it('sends any write again after a refusal that did nothing (Throttling), but not one whose answer was lost', async () => {
    sim.faults.add({ action: 'CreateTestThing' });
    await client().call('CloudAPI', 'CreateTestThing');
    expect(callsOf('CreateTestThing').map((call) => call.code ?? 'OK')).toEqual(['Throttling.User', 'OK']);
    sim.faults.add({ action: 'CreateTestThing', noAnswer: true, afterWork: true });
    const lost = await failure(client().call('CloudAPI', 'CreateTestThing'));
    expect(lost).toMatchObject({ kind: 'network', code: 'ECONNRESET', attempts: 1 });
    expect(callsOf('CreateTestThing')).toHaveLength(3);
    expect(events.map((event) => event.willRetry)).toEqual([true, false, false]);
  });

  it('sends a write whose answer was lost again when it is idempotent, or carries the token its action declares', async () => {
    sim.faults.add({ action: 'CreateTestThing', noAnswer: true, afterWork: true });
    await client().call('CloudAPI', 'CreateTestThing', {}, { idempotent: true });
    expect(callsOf('CreateTestThing').map((call) => call.code ?? 'OK')).toEqual(['NoAnswer', 'OK']);
    sim.faults.add({ action: 'ModifyInstanceSpec', noAnswer: true });
    const spec = { InstanceId: 'apigateway-cn-none', InstanceSpec: 'api.s1.small' };
    expect(await failure(client().call('CloudAPI', 'ModifyInstanceSpec', spec, { token: 'spec-9' }))).toMatchObject({ code: 'NotFoundInstance', attempts: 2 });
    expect(callsOf('ModifyInstanceSpec').map((call) => call.code)).toEqual(['NoAnswer', 'NotFoundInstance']);
  });

  it('sends an attempt that timed out again with the very Token of the first, and the cloud records it on both', async () => {
    // The first attempt is late: the client gives up on it (a timeout) and sends the call again.
    sim.faults.add({ action: 'ModifyInstanceSpec', error: false, latencyMs: 1_500 });
    const spec = { InstanceId: 'apigateway-cn-none', InstanceSpec: 'api.s1.small' };
    const error = await failure(client({ timeoutMs: 300 }).call('CloudAPI', 'ModifyInstanceSpec', spec, { token: 'spec-timeout-1' }));
    expect(error).toMatchObject({ code: 'NotFoundInstance', attempts: 2 });
    expect(events.map((event) => `${event.attempt} ${event.code ?? 'OK'} ${event.willRetry}`)).toEqual(['1 RequestTimeout true', '2 NotFoundInstance false']);
    // The late attempt is logged by the cloud once its own latency has passed.
    while (callsOf('ModifyInstanceSpec').length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsOf('ModifyInstanceSpec').map((call) => call.token)).toEqual(['spec-timeout-1', 'spec-timeout-1']);
    // A call of its own is a new token, and an action that declares none records none.
    await failure(client().call('CloudAPI', 'ModifyInstanceSpec', spec, { token: 'spec-other-2' }));
    await client().call('Vpc', 'DescribeVpcs');
    expect(callsOf('ModifyInstanceSpec').map((call) => call.token)).toEqual(['spec-timeout-1', 'spec-timeout-1', 'spec-other-2']);
    expect(callsOf('DescribeVpcs').map((call) => call.token)).toEqual([undefined]);
  });

  it("sends again what the cloud refuses for now on one action, as Terraform does: RepeatedCommit on CreateApiGroup/CreateApp, ConcurrencyLockTimeout on AbolishApi", async () => {
    const cloud = client({ retry: { baseDelayMs: 1, maxDelayMs: 5, lockWaitMs: 5 } });
    sim.faults.add({ action: 'CreateApp', error: { code: 'RepeatedCommit' } });
    await cloud.call('CloudAPI', 'CreateApp', { AppName: 'resubmitted_app' });
    sim.faults.add({ action: 'AbolishApi', times: 2, error: { code: 'ConcurrencyLockTimeout' } });
    expect(await failure(cloud.call('CloudAPI', 'AbolishApi', { ApiId: 'f'.repeat(32), StageName: 'RELEASE' }))).toMatchObject({ code: 'NotFoundApi', attempts: 3 });
    sim.faults.add({ action: 'CreateTestThing', error: { code: 'RepeatedCommit' } });
    expect(await failure(cloud.call('CloudAPI', 'CreateTestThing'))).toMatchObject({ code: 'RepeatedCommit', httpStatus: 400, attempts: 1 });
    expect(events.filter((event) => !event.ok).map((event) => `${event.action} ${event.code} ${event.willRetry}`)).toEqual([
      'CreateApp RepeatedCommit true',
      'AbolishApi ConcurrencyLockTimeout true',
      'AbolishApi ConcurrencyLockTimeout true',
      'AbolishApi NotFoundApi false',
      'CreateTestThing RepeatedCommit false',
    ]);
    // Before sending a locked call again it waits at least Terraform's pause (3 s by default).
    const locked = new CloudError({ kind: 'service', code: 'ConcurrencyLockTimeout', message: 'locked', product: 'CloudAPI', action: 'AbolishApi', endpoint: sim.url });
    expect(retryDelayMs(locked, 1, DEFAULT_RETRY, () => 0)).toBe(3_000);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    const error = await failure(client().call('Vpc', 'DescribeVpcs', { PageSize: 500 }));
    expect(error).toMatchObject({ code: 'InvalidParameter', attempts: 1 });
    expect(events).toHaveLength(1);
  });

  it('retries a read on a refused connection, but not a write', async () => {
    const port = await closedPort();
    const offline = client({ endpoint: `http://127.0.0.1:${port}`, retry: { attempts: 3, baseDelayMs: 1 } });
    const error = await failure(offline.call('Vpc', 'DescribeVpcs'));
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', attempts: 3 });
    expect(error.summary).toContain('Check the network connection');
    events = [];
    await failure(offline.call('CloudAPI', 'CreateTestThing'));
    expect(events).toHaveLength(1);
  });

  it('gives up on an answer that does not come in time', async () => {
    sim.faults.add({ action: 'DescribeVpcs', error: false, latencyMs: 3_000 });
    const error = await failure(client({ timeoutMs: 100, retry: { attempts: 1 } }).call('Vpc', 'DescribeVpcs'));
    expect(error).toMatchObject({ kind: 'timeout', code: 'RequestTimeout', product: 'Vpc', action: 'DescribeVpcs' });
  });
});

describe('CloudError', () => {
  it("carries the cloud's Code, Message, RequestId, Recommend, HostId and status", async () => {
    const error = await failure(client({ credentials: { ...KEYS, accessKeySecret: WRONG_SECRET } }).call('Vpc', 'DescribeVSwitches'));
    expect(error).toMatchObject({ kind: 'service', code: 'SignatureDoesNotMatch', product: 'Vpc', action: 'DescribeVSwitches', httpStatus: 400, endpoint: sim.url, attempts: 1 });
    expect(error.message).toMatch(/^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tClientTestKey00001%26Action%3DDescribeVSwitches/);
    expect(error.message).not.toContain('URL:');
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(error.recommend).toBe(`https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Vpc&requestId=${error.requestId}`);
    expect(error.hostId).toBe(new URL(sim.url).host);
    expect(error.summary).toContain('Check the AccessKeySecret of the cloud profile.');
  });

  it('comes from an answer that is not JSON too (pop-core throws a plain object then)', async () => {
    const html = createServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const port = await listen(html);
    try {
      const error = await failure(client({ endpoint: `http://127.0.0.1:${port}` }).call('Vpc', 'DescribeVpcs'));
      expect(error).toMatchObject({ kind: 'response', code: 'InvalidResponse', attempts: 1 });
      expect(error.message).toContain('502 Bad Gateway');
    } finally {
      html.closeAllConnections();
      await new Promise((resolve) => html.close(resolve));
    }
  });
});

describe('credentials', () => {
  it('come from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET when no profile is given', async () => {
    const answer = await client({ credentials: undefined, env: ENV }).call('CloudAPI', 'DescribeRegions');
    expect(answer).toHaveProperty('Regions');
    expect(sim.calls[0].accessKeyId).toBe(KEYS.accessKeyId);
  });

  it('an explicit profile wins over the environment', async () => {
    await client({ credentials: KEYS, env: { ...ENV, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_SECRET } }).call('CloudAPI', 'DescribeRegions');
    expect(sim.calls[0].status).toBe(200);
  });

  it('missing ones fail without a request, saying what to set (as does a value that cannot be sent)', async () => {
    const error = await failure(client({ credentials: undefined, env: {} }).call('CloudAPI', 'DescribeRegions'));
    expect(error).toMatchObject({ kind: 'config', code: 'MissingCredentials', attempts: 0 });
    expect(error.summary).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    expect(sim.calls).toHaveLength(0);
    const unsendable = await failure(client().call('Vpc', 'DescribeVpcs', { PageSize: Number.NaN }));
    expect(unsendable).toMatchObject({ kind: 'config', code: 'InvalidParameter', attempts: 0 });
    expect(sim.calls).toHaveLength(0);
  });

  it('never show up in errors, events, logs or the client object', async () => {
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map((arg) => inspect(arg, { depth: 8 })).join(' ')));
    }
    const errors: CloudError[] = [];
    const wrong = client({ credentials: { ...KEYS, accessKeySecret: WRONG_SECRET } });
    const fromEnv = client({ credentials: undefined, env: ENV });
    sim.faults.add({ action: 'DescribeVpcs', times: 'always' });
    errors.push(await failure(wrong.call('Vpc', 'DescribeVSwitches', { VSwitchName: 'x' })));
    errors.push(await failure(fromEnv.call('Vpc', 'DescribeVpcs')));
    errors.push(await failure(fromEnv.call('Vpc', 'DescribeVSwitches', { PageSize: 999 })));
    errors.push(await failure(client({ endpoint: `http://127.0.0.1:${await closedPort()}`, retry: { attempts: 1 } }).call('Ecs', 'DescribeSecurityGroups')));
    vi.restoreAllMocks();

    const seen = [
      ...errors.flatMap((error) => [inspect(error, { depth: 8, showHidden: true }), JSON.stringify(error), error.summary, String(error.stack)]),
      JSON.stringify(events),
      ...simLog,
      ...printed,
      inspect(wrong, { depth: 8, showHidden: true }),
      inspect(fromEnv, { depth: 8, showHidden: true }),
    ].join('\n');
    expect(errors.map((error) => error.code)).toEqual(['SignatureDoesNotMatch', 'Throttling.User', 'InvalidParameter', 'ECONNREFUSED']);
    expect(seen).not.toContain(KEYS.accessKeySecret);
    expect(seen).not.toContain(WRONG_SECRET);
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A port on which nothing listens: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
