import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ActionModule, write } from './action-registry';
import { type CloudSim, startCloudSim } from './cloud-sim';
import { stringToSign } from './rpc-signature';
import { DEMO_ACCOUNT, accountIdFor } from './sim-accounts';
import { ADMIN_FILE_NAME } from './sim-data-dir';
import { ADMIN_TOKEN_HEADER } from './sim-guard';
import { STATE_FILE_NAME, moduleState } from './sim-state';
import { commonParams, craftedCall, popCore, rpcTimestamp } from './testing/sim-requests';

interface PopCoreError extends Error {
  code: string;
  data: Record<string, string>;
}

async function rejection(promise: Promise<unknown>): Promise<PopCoreError> {
  try {
    await promise;
  } catch (error) {
    return error as PopCoreError;
  }
  throw new Error('expected the call to fail');
}

let sim: CloudSim;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-cloud-sim-'));
});
afterEach(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the RPC protocol', () => {
  beforeEach(async () => {
    sim = await startCloudSim();
  });

  it('answers pop-core over GET and POST with JSON and a RequestId', async () => {
    const client = popCore(sim, 'CloudAPI');
    const viaGet = await client.request<Record<string, unknown>>('DescribeRegions', {});
    const viaPost = await client.request<Record<string, unknown>>('DescribeRegions', {}, { method: 'POST' });
    for (const answer of [viaGet, viaPost]) {
      expect(answer.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
      expect(answer).not.toHaveProperty('Code');
    }
    expect(sim.calls.map((call) => [call.method, call.action, call.status])).toEqual([
      ['GET', 'DescribeRegions', 200],
      ['POST', 'DescribeRegions', 200],
    ]);
  });

  it('merges the query string and the form body, and checks the signature over both', async () => {
    const params = commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-shanghai' });
    const answer = await craftedCall(sim, params, { method: 'POST', inQuery: ['Action', 'RegionId', 'Signature'] });
    expect(answer.status).toBe(200);
    expect((answer.body.Vpcs as { Vpc: { RegionId: string }[] }).Vpc[0].RegionId).toBe('cn-shanghai');
  });

  it('refuses a wrong secret with SignatureDoesNotMatch and the server string to sign', async () => {
    const error = await rejection(popCore(sim, 'Vpc', { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: 'wrong' }).request('DescribeVpcs', { RegionId: 'cn-hangzhou' }, { method: 'POST' }));
    expect(error.code).toBe('SignatureDoesNotMatch');
    const prefix = 'Specified signature is not matched with our calculation. server string to sign is:';
    expect(error.data.Message.startsWith(prefix)).toBe(true);
    const serverStringToSign = error.data.Message.slice(prefix.length);
    expect(serverStringToSign).toMatch(/^POST&%2F&AccessKeyId%3DLTAI5tOfflineCloudDemo01%26Action%3DDescribeVpcs%26Format%3DJSON%26RegionId%3Dcn-hangzhou%26/);
    expect(serverStringToSign).toMatch(/Timestamp%3D\d{4}-\d\d-\d\dT\d\d%253A\d\d%253A\d\dZ%26Version%3D2016-04-28$/);

    const crafted = commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' });
    const answer = await craftedCall(sim, crafted, { secret: 'wrong' });
    expect(answer.status).toBe(400);
    expect(answer.body.Message).toBe(prefix + stringToSign('GET', crafted));
  });

  it('answers errors with Code, Message, RequestId, HostId, Recommend and the right status', async () => {
    const answer = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', AccessKeyId: 'LTAI5tNobodyHasThisKey00' }));
    expect(answer.status).toBe(404);
    expect(Object.keys(answer.body)).toEqual(['RequestId', 'Message', 'Recommend', 'HostId', 'Code']);
    expect(answer.body).toMatchObject({ Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', HostId: new URL(sim.url).host });
    expect(answer.body.Recommend).toBe(`https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Vpc&requestId=${answer.body.RequestId}`);
  });

  it('refuses an unknown AccessKeyId through pop-core', async () => {
    const error = await rejection(popCore(sim, 'Ecs', { accessKeyId: 'LTAI5tNobodyHasThisKey00', accessKeySecret: 'x' }).request('DescribeSecurityGroups', { RegionId: 'cn-hangzhou' }));
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('refuses a Timestamp more than 15 minutes away, and a malformed one', async () => {
    const old = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', Timestamp: rpcTimestamp(Date.now() - 16 * 60_000) }));
    expect([old.status, old.body.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
    const future = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', Timestamp: rpcTimestamp(Date.now() + 16 * 60_000) }));
    expect(future.body.Code).toBe('InvalidTimeStamp.Expired');
    const close = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', Timestamp: rpcTimestamp(Date.now() - 10 * 60_000) }));
    expect(close.status).toBe(200);
    const malformed = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', Timestamp: '2024/01/01 00:00:00' }));
    expect([malformed.status, malformed.body.Code]).toEqual([400, 'InvalidTimeStamp.Format']);
  });

  it('refuses a SignatureNonce used before, but not one whose first use was refused', async () => {
    const params = commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' });
    expect((await craftedCall(sim, params, { secret: 'wrong' })).body.Code).toBe('SignatureDoesNotMatch');
    expect((await craftedCall(sim, params)).status).toBe(200);
    const again = await craftedCall(sim, params);
    expect([again.status, again.body.Code, again.body.Message]).toEqual([400, 'SignatureNonceUsed', 'Specified signature nonce was used already.']);
  });

  it('answers InvalidApi.NotFound (404) for an unknown action, names being case-sensitive', async () => {
    const error = await rejection(popCore(sim, 'CloudAPI').request('DescribeRegion', {}, { method: 'POST' }));
    expect(error.code).toBe('InvalidApi.NotFound');
    const lowerCase = await craftedCall(sim, commonParams('CloudAPI', 'describeRegions'));
    expect([lowerCase.status, lowerCase.body.Code]).toEqual([404, 'InvalidApi.NotFound']);
  });

  it.each([
    ['no Action', { Action: undefined }, 400, 'MissingAction'],
    ['no Version', { Version: undefined }, 400, 'MissingVersion'],
    ['an unknown Version', { Version: '2099-01-01' }, 400, 'InvalidVersion'],
    ['Format=YAML', { Format: 'YAML' }, 400, 'InvalidParameter.Format'],
    ['no AccessKeyId', { AccessKeyId: undefined }, 400, 'MissingAccessKeyId'],
    ['SignatureMethod=HMAC-SHA256', { SignatureMethod: 'HMAC-SHA256' }, 400, 'InvalidSignatureMethod'],
    ['SignatureVersion=2.0', { SignatureVersion: '2.0' }, 400, 'InvalidParameter'],
    ['no SignatureNonce', { SignatureNonce: undefined }, 400, 'MissingSignatureNonce'],
    ['no Timestamp', { Timestamp: undefined }, 400, 'MissingTimestamp'],
  ])('refuses a request with %s', async (_name, overrides, status, code) => {
    const answer = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', ...overrides }));
    expect([answer.status, answer.body.Code]).toEqual([status, code]);
  });

  it('refuses a request without Signature, a missing action parameter, and other HTTP methods, always in JSON', async () => {
    const unsigned = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' }), { secret: false });
    expect(unsigned.body.Code).toBe('MissingSignature');
    const noRegion = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs'));
    expect([noRegion.status, noRegion.body.Code, noRegion.body.Message]).toEqual([400, 'MissingRegionId', 'RegionId is mandatory for this action.']);
    const put = await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' }), { method: 'PUT' });
    expect([put.status, put.body.Code]).toEqual([400, 'UnsupportedHTTPMethod']);
  });

  it('answers a region it does not serve with InvalidRegionId.NotFound', async () => {
    const error = await rejection(popCore(sim, 'Vpc').request('DescribeVpcs', { RegionId: 'mars-north-1' }));
    expect(error.code).toBe('InvalidRegionId.NotFound');
  });
});

describe('fault injection', () => {
  beforeEach(async () => {
    sim = await startCloudSim({ faults: [{ action: 'DescribeVpcs', nth: 2 }] });
  });

  it('throttles the nth call of an action (Throttling.User by default), counting only that action', async () => {
    const client = popCore(sim, 'Vpc');
    await client.request('DescribeVSwitches', { RegionId: 'cn-hangzhou' });
    await client.request('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    const error = await rejection(client.request('DescribeVpcs', { RegionId: 'cn-hangzhou' }));
    expect(error.code).toBe('Throttling.User');
    expect(error.data.Message).toBe('Request was denied due to user flow control.');
    await client.request('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    expect(sim.calls.map((call) => call.code ?? 'OK')).toEqual(['OK', 'OK', 'Throttling.User', 'OK']);
  });

  it('takes rules over the admin API: a chosen error for several calls, latency alone, removal', async () => {
    const admin = { [ADMIN_TOKEN_HEADER]: sim.adminToken };
    const add = async (rule: unknown) => {
      const response = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify(rule) });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    expect(await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: admin }).then((response) => response.status)).toBe(200);
    const added = await add({ product: 'Ecs', action: '*', times: 2, error: { code: 'ServiceUnavailable', message: 'Down for a moment.' } });
    expect(added.status).toBe(201);
    expect((await add({ action: 'DescribeSecurityGroups', error: false, latencyMs: 20, times: 'always' })).status).toBe(201);
    expect(await add({ action: '' })).toMatchObject({ status: 400, body: { Code: 'InvalidFaultRule' } });
    expect(await add({ action: 'CreateApi', noAnswer: 'yes' })).toMatchObject({ status: 400, body: { Message: 'noAnswer must be true or false' } });
    const notJson = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'text/plain', ...admin }, body: '{}' });
    expect(notJson.status).toBe(415);

    const first = await craftedCall(sim, commonParams('Ecs', 'DescribeSecurityGroups', { RegionId: 'cn-hangzhou' }));
    expect([first.status, first.body.Code, first.body.Message]).toEqual([503, 'ServiceUnavailable', 'Down for a moment.']);
    expect((await craftedCall(sim, commonParams('Ecs', 'DescribeSecurityGroups', { RegionId: 'cn-hangzhou' }))).status).toBe(503);
    expect((await craftedCall(sim, commonParams('Ecs', 'DescribeSecurityGroups', { RegionId: 'cn-hangzhou' }))).status).toBe(200);

    const listed = (await (await fetch(`${sim.url}/_sim/faults`, { headers: admin })).json()) as { faults: { id: string; seen: number }[] };
    expect(listed.faults.map((fault) => fault.seen)).toEqual([3, 3]);
    expect((await fetch(`${sim.url}/_sim/faults/${added.body.id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
    expect(sim.faults.list()).toHaveLength(1);
  });

  it('loses an answer: noAnswer closes the connection, before the work or (afterWork) after it', async () => {
    const client = popCore(sim, 'CloudAPI');
    const create = (name: string) => client.request('CreateApiGroup', { GroupName: name }, { method: 'POST' });
    sim.faults.add({ action: 'CreateApiGroup', noAnswer: true });
    expect((await rejection(create('never_made'))).code).toBe('ECONNRESET');
    sim.faults.add({ action: 'CreateApiGroup', noAnswer: true, afterWork: true });
    expect((await rejection(create('made_unseen'))).code).toBe('ECONNRESET');
    const groups = await client.request<{ ApiGroupAttributes: { ApiGroupAttribute: { GroupName: string }[] } }>('DescribeApiGroups', {});
    expect(groups.ApiGroupAttributes.ApiGroupAttribute.map((group) => group.GroupName)).toEqual(['made_unseen']);
    expect(sim.calls.filter((call) => call.action === 'CreateApiGroup').map((call) => [call.status, call.code])).toEqual([
      [0, 'NoAnswer'],
      [0, 'NoAnswer'],
    ]);
  });

  it("injects the cloud's RepeatedCommit and ConcurrencyLockTimeout with their message and status", async () => {
    sim.faults.add({ action: 'CreateApp', error: { code: 'RepeatedCommit' } });
    sim.faults.add({ action: 'AbolishApi', error: { code: 'ConcurrencyLockTimeout' } });
    const resubmit = await craftedCall(sim, commonParams('CloudAPI', 'CreateApp', { AppName: 'resubmitted' }));
    expect([resubmit.status, resubmit.body.Code, resubmit.body.Message]).toEqual([400, 'RepeatedCommit', 'Resubmit request.']);
    const locked = await craftedCall(sim, commonParams('CloudAPI', 'AbolishApi', { ApiId: 'a'.repeat(32), StageName: 'RELEASE' }));
    expect([locked.status, locked.body.Code]).toEqual([400, 'ConcurrencyLockTimeout']);
  });

  it('logs the names of the parameters each call carried, never their values', async () => {
    await popCore(sim, 'CloudAPI').request('CreateApp', { AppName: 'named_only', Description: 'secret-looking value' }, { method: 'POST' });
    const [call] = sim.calls.filter((entry) => entry.action === 'CreateApp');
    expect(call.params).toEqual(expect.arrayContaining(['Action', 'AppName', 'Description', 'Signature']));
    expect(JSON.stringify(sim.calls)).not.toContain('secret-looking value');
  });

  it('does not count refused requests against a rule', async () => {
    await craftedCall(sim, commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou' }), { secret: 'wrong' });
    await popCore(sim, 'Vpc').request('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    expect(sim.faults.list()[0].seen).toBe(1);
  });
});

describe('accounts and state', () => {
  /** A write action of the test's own, to show state surviving a restart. */
  const notes: ActionModule = {
    product: 'CloudAPI',
    actions: {
      SetTestNote: write((context) => {
        const state = moduleState(context.region(), 'testNotes', () => ({ notes: [] as string[] }));
        state.notes.push(context.params.required('Note'));
        return { Notes: { Note: state.notes } };
      }),
    },
  };

  it('keeps state across a restart, written atomically', async () => {
    sim = await startCloudSim({ dataDir: dir, extraModules: [notes] });
    await popCore(sim, 'CloudAPI').request('SetTestNote', { Note: 'first', RegionId: 'cn-shanghai' }, { method: 'POST' });
    await sim.close();

    sim = await startCloudSim({ dataDir: dir, extraModules: [notes] });
    const answer = await popCore(sim, 'CloudAPI').request<{ Notes: { Note: string[] } }>('SetTestNote', { Note: 'second', RegionId: 'cn-shanghai' }, { method: 'POST' });
    expect(answer.Notes.Note).toEqual(['first', 'second']);
    expect((await readdir(dir)).sort()).toEqual([ADMIN_FILE_NAME, STATE_FILE_NAME]);
    const saved = JSON.parse(await readFile(join(dir, STATE_FILE_NAME), 'utf8'));
    expect(saved.accounts[DEMO_ACCOUNT.accountId].regions['cn-shanghai'].modules.testNotes).toEqual({ notes: ['first', 'second'] });
  });

  it('never overwrites a state file it cannot read', async () => {
    await writeFile(join(dir, STATE_FILE_NAME), '{"format": "apigw-studio offline cloud", "vers');
    await expect(startCloudSim({ dataDir: dir })).rejects.toThrow(/is not valid JSON.*left as it is/);
    expect(await readFile(join(dir, STATE_FILE_NAME), 'utf8')).toBe('{"format": "apigw-studio offline cloud", "vers');
  });

  it('serves the account from the environment with its own seeded data, and never stores its secret', async () => {
    const keys = { accessKeyId: 'LTAI5tEnvironmentKey0001', accessKeySecret: 'environment-secret-0123456789' };
    sim = await startCloudSim({ dataDir: dir, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: keys.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.accessKeySecret } });
    type Vpcs = { Vpcs: { Vpc: { VpcId: string; VpcName: string }[] } };
    const mine = await popCore(sim, 'Vpc', keys).request<Vpcs>('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    const demo = await popCore(sim, 'Vpc').request<Vpcs>('DescribeVpcs', { RegionId: 'cn-hangzhou' });
    expect(mine.Vpcs.Vpc.map((vpc) => vpc.VpcName)).toEqual(demo.Vpcs.Vpc.map((vpc) => vpc.VpcName));
    expect(mine.Vpcs.Vpc[0].VpcId).not.toBe(demo.Vpcs.Vpc[0].VpcId);
    const saved = await readFile(join(dir, STATE_FILE_NAME), 'utf8');
    expect(Object.keys(JSON.parse(saved).accounts).sort()).toEqual([DEMO_ACCOUNT.accountId, accountIdFor(keys.accessKeyId)].sort());
    expect(saved).not.toContain(keys.accessKeySecret);
    expect(saved).not.toContain(DEMO_ACCOUNT.accessKeySecret);
  });

  it('can run without the demo account', async () => {
    sim = await startCloudSim({ demo: false, accounts: [{ accessKeyId: 'LTAI5tOnlyThisKey0000001', accessKeySecret: 's' }] });
    const error = await rejection(popCore(sim, 'CloudAPI').request('DescribeRegions', {}));
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
  });
});
