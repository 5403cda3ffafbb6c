import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { call, fixtureProject, fixtureSecrets, mockApi, writeProjectFiles } from './test-support';

const BIN = fileURLToPath(new URL('../bin/apigw-local.js', import.meta.url));
const CALLS = 20;

describe('access records sent to the console that started the gateway', () => {
  let dir: string;
  let projectPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-access-'));
    projectPath = await writeProjectFiles(dir, fixtureProject({ apis: [mockApi('hello', 'GET', '/hello')] }), fixtureSecrets());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('go in batches, every call once, the last ones included when the gateway is stopped', async () => {
    const child = fork(BIN, ['serve', projectPath, '--secrets-from-parent', '--port', '0', '--log-level', 'silent'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const batches: AccessLogRecord[][] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const listening = new Promise<number>((resolve) => {
      child.on('message', (message: { type: string; port?: number; records?: AccessLogRecord[] }) => {
        if (message.type === 'listening') resolve(message.port!);
        if (message.type === 'access') batches.push(message.records!);
      });
    });
    try {
      child.send({ type: 'secrets', secrets: fixtureSecrets() });
      const port = await listening;
      const answers = await Promise.all(Array.from({ length: CALLS }, () => call(port, '/hello')));
      child.send({ type: 'stop' });
      expect(await exited).toBe(0);

      const records = batches.flat();
      // Each call's record, once, all before the gateway exits.
      expect(records.map((r) => r.requestId).sort()).toEqual(answers.map((a) => a.headers['x-ca-request-id']).sort());
      expect(records[0]).toMatchObject({ method: 'GET', path: '/hello', status: 200, api: 'hello', group: 'demo', stage: 'RELEASE' });
      // Calls made together share messages (one message per call cost the gateway ~4 µs a call).
      expect(batches.length).toBeLessThan(CALLS);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
