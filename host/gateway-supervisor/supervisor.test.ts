import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessLogRecord, GatewayStatus } from '../../shared/ipc/contract';
import { secretsFileNameFor } from '../../shared/project-file';
import { signRequest } from '../../shared/signature/sign';
import { formatDelay, restartDelayMs } from './backoff';
import type { ForkGateway, GatewayProcess, GatewaySpawn } from './gateway-process';
import { forkWithNode } from './node-fork';
import { readProjectSecrets } from './project-secrets';
import { type GatewaySupervisor, type SupervisorTiming, createSupervisor } from './supervisor';
import { QUICKSTART, copyQuickstartTo, get, processExists, waitFor } from './testing/gateway-fixture';

let dir: string;
let projectPath: string;
let supervisor: GatewaySupervisor;
let statuses: GatewayStatus[];
let logged: AccessLogRecord[];
/** Every process the supervisor started, with what it was started with. */
let spawned: { spawn: GatewaySpawn; process: GatewayProcess }[];

const recordingFork: ForkGateway = (spawn, events) => {
  const process = forkWithNode(spawn, events);
  spawned.push({ spawn, process });
  return process;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-supervisor-'));
  projectPath = await copyQuickstartTo(dir);
  statuses = [];
  logged = [];
  spawned = [];
  supervisor = supervisorFor({ watchDebounceMs: 20 });
});
afterEach(async () => {
  await supervisor.close();
  for (const { process } of spawned) if (process.pid !== undefined && processExists(process.pid)) process.kill(true);
  await rm(dir, { recursive: true, force: true });
});

function supervisorFor(timing: Partial<SupervisorTiming>): GatewaySupervisor {
  return createSupervisor({
    projectPath: () => projectPath,
    secretsPath: () => secretsFileNameFor(projectPath),
    loadSecrets: () => readProjectSecrets(projectPath),
    onStatus: (status) => statuses.push(status),
    onLog: (records) => logged.push(...records),
    fork: recordingFork,
    timing,
  });
}

function signedHeaders(appSecret: string): Record<string, string> {
  return signRequest({ method: 'GET', url: '/secure/hello', appKey: QUICKSTART.appKey, appSecret, stage: 'RELEASE' }).headers;
}

describe('the gateway supervisor', () => {
  it('starts the real gateway, serves calls, and passes their access records on', async () => {
    const started = await supervisor.start({ port: 0, defaultStage: 'TEST' });
    expect(started).toMatchObject({ state: 'listening', defaultStage: 'TEST', restarts: 0, url: `http://127.0.0.1:${started.port}` });
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'listening']);

    const hello = await get(`${started.url}/hello`);
    expect(hello.status).toBe(200);
    expect(JSON.parse(hello.body)).toEqual({ message: 'Hello from Alibaba Cloud API Gateway' });
    // The secrets reached it over the channel: a signed call passes.
    expect((await get(`${started.url}/secure/hello`, signedHeaders(QUICKSTART.appSecret))).status).toBe(200);

    const records = await waitFor(() => logged.length >= 2 && logged, 'access records');
    expect(records[0]).toMatchObject({ method: 'GET', path: '/hello', status: 200, api: 'hello', group: 'demo_hello_api', stage: 'RELEASE' });
    expect(records[1]).toMatchObject({ path: '/secure/hello', status: 200, app: QUICKSTART.app });
    expect(supervisor.recentLog()).toEqual(records);
    expect(JSON.stringify(records)).not.toContain(QUICKSTART.appSecret);
  });

  it('never puts a secret on the process command line or in its environment', async () => {
    await supervisor.start();
    const [{ spawn, process }] = spawned;
    const secrets = [QUICKSTART.appSecret, QUICKSTART.appCode];
    const passed = JSON.stringify(spawn);
    for (const secret of secrets) expect(passed).not.toContain(secret);
    expect(spawn.args).toEqual(['serve', projectPath, '--secrets-from-parent', '--host', '127.0.0.1', '--port', '0', '--log-level', 'silent']);
    // What the kernel holds for the running process, where the platform shows it.
    const proc = `/proc/${process.pid}`;
    if (existsSync(`${proc}/environ`)) {
      const seen = (await readFile(`${proc}/cmdline`, 'utf8')) + (await readFile(`${proc}/environ`, 'utf8'));
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
  });

  it('starts the gateway without the cloud keys of the host\'s environment: neither its environ nor its command line holds them', async () => {
    const keyId = 'LTAI5tSupervisorEnvKey01';
    const keySecret = 'supervisor-env-secret-Wq3zR8';
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', keyId);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', keySecret);
    try {
      const started = await supervisor.start();
      expect(started.state).toBe('listening');
    } finally {
      vi.unstubAllEnvs();
    }
    const [{ spawn, process }] = spawned;
    expect(JSON.stringify(spawn)).not.toMatch(/ALIBABA_CLOUD|LTAI5tSupervisorEnvKey01|supervisor-env-secret/);
    // What the kernel holds for the running process: Linux shows it in /proc (CI runs there).
    const proc = `/proc/${process.pid}`;
    if (!existsSync(`${proc}/environ`)) return;
    const environ = await readFile(`${proc}/environ`, 'utf8');
    const cmdline = await readFile(`${proc}/cmdline`, 'utf8');
    expect(environ).toContain('PATH=');
    for (const seen of [environ, cmdline]) {
      expect(seen).not.toContain(keyId);
      expect(seen).not.toContain(keySecret);
      expect(seen).not.toContain('ALIBABA_CLOUD_');
    }
  });

  it('restarts a crashed gateway on the same port and says so', async () => {
    const first = await supervisor.start();
    const pid = spawned[0].process.pid!;
    process.kill(pid, 'SIGKILL');

    const back = await waitFor(() => statuses.find((s, i) => i > 1 && s.state === 'listening'), 'listening again');
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'listening', 'crashed', 'restarting', 'listening']);
    expect(statuses.find((s) => s.state === 'crashed')).toMatchObject({ restarts: 1, message: 'Crashed (killed by SIGKILL); restarting in 0.5 s' });
    expect(back).toMatchObject({ port: first.port, restarts: 1, message: `Restarted after a crash; listening on ${first.url}` });
    expect(spawned).toHaveLength(2);
    expect(processExists(pid)).toBe(false);
    expect((await get(`${back.url}/hello`)).status).toBe(200);
  });

  it('doubles the wait after crashes in a row, and starts over once the gateway has run healthily', async () => {
    await supervisor.close();
    supervisor = supervisorFor({ firstDelayMs: 100 });
    await supervisor.start();
    const crashOnce = async () => {
      const listening = statuses.filter((s) => s.state === 'listening').length;
      process.kill(spawned.at(-1)!.process.pid!, 'SIGKILL');
      await waitFor(() => statuses.filter((s) => s.state === 'listening').length > listening, 'listening again');
      return statuses.filter((s) => s.state === 'crashed').at(-1)!.message;
    };
    expect(await crashOnce()).toBe('Crashed (killed by SIGKILL); restarting in 0.1 s');
    expect(await crashOnce()).toBe('Crashed (killed by SIGKILL); restarting in 0.2 s');
    await supervisor.close();

    supervisor = supervisorFor({ firstDelayMs: 100, healthyAfterMs: 1 });
    await supervisor.start();
    expect(await crashOnce()).toBe('Crashed (killed by SIGKILL); restarting in 0.1 s');
    // Let the 1 ms of health pass after it listens again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await crashOnce()).toBe('Crashed (killed by SIGKILL); restarting in 0.1 s');
    expect(supervisor.status().restarts).toBe(2);
  });

  it('stops: the process is gone and the status says stopped', async () => {
    await supervisor.start();
    const pid = spawned[0].process.pid!;
    const stopped = await supervisor.stop();
    expect(stopped).toEqual({ state: 'stopped', defaultStage: 'RELEASE', restarts: 0, message: 'Stopped' });
    expect(statuses.at(-1)).toEqual(stopped);
    expect(processExists(pid)).toBe(false);
  });

  it('hands new secrets over when the secrets file changes, and reports reloads of the project', async () => {
    const { url } = await supervisor.start();
    const secretsPath = secretsFileNameFor(projectPath);
    const rotated = (await readFile(secretsPath, 'utf8')).replace(QUICKSTART.appSecret, 'rotatedSecret0123456789abcdefabcd');
    // The supervisor watches the secrets file (the host also tells it when it writes credentials itself).
    await writeFile(secretsPath, rotated);

    const reloaded = await waitFor(() => statuses.find((s) => s.message === "Reloaded the apps' credentials"), 'the credentials reload');
    expect(reloaded.lastReload).toMatchObject({ ok: true, problems: [] });
    expect((await get(`${url}/secure/hello`, signedHeaders('rotatedSecret0123456789abcdefabcd'))).status).toBe(200);
    expect((await get(`${url}/secure/hello`, signedHeaders(QUICKSTART.appSecret))).headers['x-ca-error-code']).toBe('A403IS');

    const project = await readFile(projectPath, 'utf8');
    await writeFile(projectPath, project.replace('name: quickstart\n', 'name: quickstart-edited\n'));
    await waitFor(() => statuses.find((s) => s.message === 'Reloaded after save'), 'the project reload');
    await writeFile(projectPath, project.replace('format: apigw-studio/v1', 'format: nope'));
    const refused = await waitFor(() => statuses.find((s) => s.lastReload?.ok === false), 'the refused reload');
    expect(refused.message).toMatch(/^Kept serving the previous version: .*quickstart\.apigw\.yaml:\d+/);
    expect(refused.state).toBe('listening');
  });

  it('reports a first start that fails with the gateway\'s own reason', async () => {
    await writeFile(projectPath, 'format: apigw-studio/v1\nname: broken\napis: [1]\n');
    await expect(supervisor.start()).rejects.toMatchObject({ code: 'GATEWAY_FAILED', message: expect.stringMatching(/^Could not start the local gateway: Cannot serve .*quickstart\.apigw\.yaml/) });
    expect(supervisor.status()).toMatchObject({ state: 'stopped', message: expect.stringContaining('Could not start the local gateway') });
    expect(spawned).toHaveLength(1);
  });
});

describe('restart backoff', () => {
  it('doubles from 0.5 s up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
    expect([500, 2000, 10000].map(formatDelay)).toEqual(['0.5 s', '2 s', '10 s']);
  });
});
