import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloudClient } from '../cloud/client';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { readAdminFile } from '../../offline-cloud/sim-data-dir';
import { ADMIN_TOKEN_HEADER } from '../../offline-cloud/sim-guard';
import { STATE_FILE_NAME } from '../../offline-cloud/sim-state';
import type { CliIo } from './cli-io';
import { runCli } from './main';

const BIN = fileURLToPath(new URL('../../bin/apigw-studio.js', import.meta.url));
const ENV_KEYS = { accessKeyId: 'LTAI5tCliEnvironmentKey1', accessKeySecret: 'cli-environment-secret-8Hk2' };

let dir: string;
let child: ChildProcess | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-cloud-sim-cli-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** Starts the real executable and resolves once it says it is ready. */
function startCli(...args: string[]): Promise<{ stdout: () => string; exited: Promise<number | null> }> {
  const started = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_KEYS.accessKeySecret },
  });
  child = started;
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    started.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl+C to stop.')) resolve({ stdout: () => stdout, exited });
    });
    void exited.then((code) => reject(new Error(`cloud-sim exited early (${code}): ${stdout}${stderr}`)));
  });
}

describe('apigw-studio cloud-sim', () => {
  it('serves the demo account and the environment account until SIGTERM, keeping state in --data', async () => {
    const running = await startCli('cloud-sim', '--data', 'state');
    const url = /^Offline cloud: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(running.stdout())?.[1];
    expect(url).toBeDefined();
    expect(running.stdout()).toMatch(/^Gateway: http:\/\/127\.0\.0\.1:\d+$/m);
    expect(running.stdout()).toContain(`Demo account: AccessKeyId ${DEMO_ACCOUNT.accessKeyId}  AccessKeySecret ${DEMO_ACCOUNT.accessKeySecret}`);
    expect(running.stdout()).toContain('Also serving the account of ALIBABA_CLOUD_ACCESS_KEY_ID (LTAI****Key1)');
    // The admin token is printed, opens /_sim/, and is kept in the data dir (0600) while it runs.
    const adminToken = /^Admin token: ([\w-]{43}) {2}\(send it as X-Sim-Admin-Token to \/_sim\/\)$/m.exec(running.stdout())?.[1];
    expect(adminToken).toBeDefined();
    expect((await fetch(`${url}/_sim/health`, { headers: { [ADMIN_TOKEN_HEADER]: adminToken! } })).status).toBe(200);
    expect((await fetch(`${url}/_sim/health`)).status).toBe(403);
    expect(await readAdminFile(join(dir, 'state'))).toEqual({ url, adminToken });

    for (const credentials of [DEMO_ACCOUNT, ENV_KEYS]) {
      const cloud = createCloudClient({ region: 'cn-hangzhou', endpoint: url, credentials, timeoutMs: 5_000 });
      expect(await cloud.call('CloudAPI', 'DescribeRegions')).toHaveProperty('Regions');
      cloud.close();
    }

    child!.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toContain('Offline cloud stopped.');
    expect(running.stdout()).not.toContain(ENV_KEYS.accessKeySecret);
    expect(await readdir(join(dir, 'state'))).toEqual([STATE_FILE_NAME]);
  });

  it('refuses a bad --port and stray arguments with exit 2', async () => {
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (line) => err.push(line), cwd: dir };
    expect(await runCli(['cloud-sim', '--port', 'http'], io)).toBe(2);
    expect(await runCli(['cloud-sim', 'extra'], io)).toBe(2);
    expect(err).toEqual([
      'apigw-studio cloud-sim: --port takes a number from 0 to 65535, not http. usage: apigw-studio cloud-sim [options]',
      'apigw-studio cloud-sim: unexpected argument extra. usage: apigw-studio cloud-sim [options]',
    ]);
  });
});
