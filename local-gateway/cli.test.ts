import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fixtureProject, fixtureSecrets, mockApi, writeProjectFiles } from './test-support';

const BIN = fileURLToPath(new URL('../bin/apigw-local.js', import.meta.url));
const SECRET = 'secret-caller-0123456789';

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `apigw-local serve` and resolves once it printed its Listening line. */
function startCli(args: string[], ipc = false): Promise<Running> {
  const child = ipc ? fork(BIN, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }) : spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^Listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(out);
      if (match) resolve({ child, port: Number(match[1]), stdout: () => out, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`apigw-local exited with ${code} before listening:\n${out}\n${err}`)));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('apigw-local', () => {
  let dir: string;
  let projectPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-cli-'));
    const project = fixtureProject({
      apps: [{ name: 'caller' }],
      authorizations: [{ app: 'caller', group: 'demo', api: 'secureHello', stage: 'RELEASE' }],
      apis: [mockApi('hello', 'GET', '/hello', { stages: ['RELEASE', 'TEST'] }), mockApi('secureHello', 'GET', '/secure/hello', { auth: { type: 'APP' } })],
    });
    const secrets = fixtureSecrets({ apps: { caller: { keys: [{ appKey: 'key-caller', appSecret: SECRET }] } } });
    projectPath = await writeProjectFiles(dir, project, secrets);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves a project, signs a call for it, logs without secrets, and exits 0 on SIGTERM', async () => {
    const running = await startCli(['serve', projectPath, '--port', '0']);
    try {
      expect(running.stdout()).toContain(`group demo: http://demo.localhost:${running.port} (stages with APIs: TEST, RELEASE)`);
      expect((await call(running.port, '/hello')).body).toBe('hello answered');

      const signed = await runCli(['sign', '--url', `http://127.0.0.1:${running.port}/secure/hello?x=1`, '--app', 'caller', '--project', projectPath]);
      expect(signed.code).toBe(0);
      const headers: Record<string, string> = {};
      for (const line of signed.stdout.split('\n')) {
        const match = /^-H '([^:]+): (.*)'$/.exec(line);
        if (match) headers[match[1]] = match[2];
      }
      expect(headers['x-ca-key']).toBe('key-caller');
      expect(signed.stdout).toMatch(/^StringToSign: GET\\napplication\/json\\n\\n\\n\\nx-ca-key:key-caller\\n.*\/secure\/hello\?x=1$/m);
      const answer = await call(running.port, '/secure/hello?x=1', { headers });
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('secureHello answered');

      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      const logLines = running.stdout().split('\n').filter((l) => l.startsWith('{'));
      expect(logLines.length).toBeGreaterThanOrEqual(2);
      const records = logLines.map((l) => JSON.parse(l));
      expect(records.find((r) => r.api === 'secureHello')).toMatchObject({ status: 200, app: 'caller', stage: 'RELEASE', group: 'demo' });
      expect(running.stdout()).not.toContain(SECRET);
      expect(running.stdout()).not.toContain(headers['x-ca-signature']);
    } finally {
      running.child.kill('SIGKILL');
    }
  });

  it('reports readiness to a parent over IPC', async () => {
    const running = await startCli(['serve', projectPath, '--port', '0', '--log-level', 'silent'], true);
    try {
      const message = await new Promise((resolve) => running.child.once('message', resolve));
      expect(message).toEqual({ type: 'listening', port: running.port, host: '127.0.0.1' });
    } finally {
      running.child.kill('SIGINT');
      expect(await running.exited).toBe(0);
    }
  });

  it('refuses to start on an invalid project, naming file and line', async () => {
    const bad = path.join(dir, 'bad.apigw.yaml');
    await writeFile(bad, 'format: apigw-studio/v1\nname: bad\napis:\n  - name: x\n');
    const result = await runCli(['serve', bad, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot serve ${bad}`);
    expect(result.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:`));
  });

  it('explains bad arguments', async () => {
    const result = await runCli(['serve', projectPath, '--log-level', 'loud']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--log-level must be one of silent, error, info, debug');
    expect((await runCli(['--help'])).stdout).toContain('apigw-local serve');
  });
});
