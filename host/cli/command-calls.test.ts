/**
 * The CLI's share of the OpenAPI call log against a real offline cloud: --verbose prints one line
 * per request on stderr (what the cloud answered, in order) and changes nothing else printed;
 * every sync and gateway command is a run kept in the data dir.
 */
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, type SimCall, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { CALL_LOG_DIR, CallLog } from '../cloud/call-log';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';
import type { CliIo } from './cli-io';
import { runCli } from './main';
import { isolateCredentialEnv } from './testing/credential-env';

isolateCredentialEnv();

let sim: CloudSim;
let dir: string;
beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-cli-calls-'));
  for (const name of ['quickstart.apigw.yaml', 'quickstart.secrets.yaml']) await copyFile(new URL(`../../examples/${name}`, import.meta.url), join(dir, name));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (line) => stdout.push(line), err: (line) => stderr.push(line), cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const data = () => join(dir, 'data');
const at = () => ['--endpoint', sim.url, '--region', 'cn-hangzhou', '--data', data()];
const quickstart = () => ['--project', 'quickstart.apigw.yaml', ...at()];
const notice = (command: string) => `apigw-studio ${command}: no cloud credentials given: using the offline cloud's demo account (${DEMO_ACCOUNT.accessKeyId}) at ${sim.url}`;

/** The lines --verbose should print for these requests: `CreateApi 200 <request id> 83 ms`, with the code of a refusal. */
function expectedLines(calls: SimCall[]): RegExp[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return calls.map((call) => new RegExp(`^${call.action} ${call.status}${call.code ? ` ${escape(call.code)}` : ''} ${call.requestId} \\d+ ms$`));
}

function expectLines(lines: string[], patterns: RegExp[]): void {
  expect(lines).toHaveLength(patterns.length);
  lines.forEach((line, n) => expect(line).toMatch(patterns[n]));
}

describe('apigw-studio --verbose', () => {
  it('prints each call of plan and apply on stderr, and nothing else changes', async () => {
    const quiet = await cli('plan', ...quickstart());
    const before = sim.calls.length;
    const verbose = await cli('plan', ...quickstart(), '--verbose');
    expect(verbose.code).toBe(quiet.code);
    expect(verbose.stdout).toEqual(quiet.stdout);
    expect(quiet.stderr).toEqual([notice('plan')]);
    expect(verbose.stderr[0]).toBe(notice('plan'));
    expectLines(verbose.stderr.slice(1), expectedLines(sim.calls.slice(before)));

    // The second CreateApi is refused: its line carries the cloud's status and code.
    sim.faults.add({ product: 'CloudAPI', action: 'CreateApi', nth: 2, times: 1, error: { code: 'Forbidden.RAM', message: 'injected', status: 403 } });
    const applyFrom = sim.calls.length;
    const failed = await cli('apply', ...quickstart(), '--yes', '--verbose');
    expect(failed.code).toBe(1);
    const applyCalls = sim.calls.slice(applyFrom);
    expect(applyCalls.some((call) => call.code === 'Forbidden.RAM')).toBe(true);
    const callLines = failed.stderr.filter((line) => /^[A-Z]\w+ (\d{3}|-) /.test(line));
    expectLines(callLines, expectedLines(applyCalls));
    expect(callLines.find((line) => line.includes('Forbidden.RAM'))).toMatch(/^CreateApi 403 Forbidden\.RAM [0-9A-F-]{36} \d+ ms$/);
    // The lines the command printed before are all still there, in their order.
    expect(failed.stderr.filter((line) => !callLines.includes(line))[0]).toBe(notice('apply'));
    expect(failed.stderr.at(-1)).toMatch(/left\. Fix the cause, then run apigw-studio apply again: it continues from here\.$/);
  });

  it('prints the calls of a gateway command, and every command is a run in the data dir', async () => {
    const quiet = await cli('gateway', 'list', ...at());
    const before = sim.calls.length;
    const verbose = await cli('gateway', 'list', ...at(), '--verbose');
    expect(verbose.stdout).toEqual(quiet.stdout);
    expect(verbose.stderr[0]).toBe(notice('gateway list'));
    expectLines(verbose.stderr.slice(1), expectedLines(sim.calls.slice(before)));
    expect(verbose.stderr.slice(1).map((line) => line.split(' ')[0])).toContain('DescribeInstances');

    const applied = await cli('apply', ...quickstart(), '--yes');
    expect(applied.code).toBe(0);
    const log = new CallLog({ dataDir: data() });
    const runs = await log.list();
    expect(runs.map((run) => [run.title, run.kind, run.source, run.state])).toEqual([
      ['apigw-studio apply', 'apply', 'cli', 'done'],
      ['apigw-studio gateway list', 'gateway', 'cli', 'done'],
      ['apigw-studio gateway list', 'gateway', 'cli', 'done'],
    ]);
    expect(runs[0]).toMatchObject({ profileKey: 'endpoint/cn-hangzhou', project: join(dir, 'quickstart.apigw.yaml'), failedCalls: 0 });
    const { calls } = await log.get(runs[0].id);
    expect(calls.length).toBe(runs[0].callCount);
    expect(calls.every((call) => call.params.AccessKeyId === maskAccessKeyId(DEMO_ACCOUNT.accessKeyId))).toBe(true);
    const folder = join(data(), CALL_LOG_DIR);
    for (const name of await readdir(folder)) {
      const text = await readFile(join(folder, name), 'utf8');
      expect(text).not.toContain(DEMO_ACCOUNT.accessKeySecret);
      expect(text).not.toContain(DEMO_ACCOUNT.accessKeyId);
    }
  });
});
