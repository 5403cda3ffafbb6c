import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import { call, fixtureProject, fixtureSecrets, mockApi, writeProjectFiles } from './test-support';

const BIN = fileURLToPath(new URL('../bin/apigw-local.js', import.meta.url));
const KEY = 'key-caller';

/** The messages a forked gateway sends, with a way to wait for the next one of a type. */
function messagesOf(child: ChildProcess) {
  const received: Record<string, unknown>[] = [];
  const waiting: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  child.on('message', (message: Record<string, unknown>) => {
    received.push(message);
    for (const w of [...waiting]) {
      if (message.type === w.type) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  return {
    received,
    /** The next message of `type` from now on. */
    next(type: string): Promise<Record<string, unknown>> {
      return new Promise((resolve) => waiting.push({ type, resolve }));
    },
  };
}

function secretsWith(appSecret: string) {
  return fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret }] } } });
}

function signedCall(port: number, appSecret: string) {
  const signed = signRequest({ method: 'GET', url: '/secure/hello', appKey: KEY, appSecret });
  return call(port, '/secure/hello', { headers: signed.headers });
}

describe('apigw-local serve --secrets-from-parent', () => {
  let dir: string;
  let projectPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-parent-'));
    const project = fixtureProject({
      apps: [{ name: 'caller' }],
      authorizations: [{ app: 'caller', group: 'demo', api: 'secureHello', stage: 'RELEASE' }],
      apis: [mockApi('secureHello', 'GET', '/secure/hello', { auth: { type: 'APP' } })],
    });
    // A secrets file on disk with another secret: the gateway must not use it in this mode.
    projectPath = await writeProjectFiles(dir, project, secretsWith('secret-on-disk-0123456789'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('listens only with the secrets the parent sends, reloads new ones, and stops when asked', async () => {
    const child = fork(BIN, ['serve', projectPath, '--secrets-from-parent', '--port', '0', '--log-level', 'silent'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const messages = messagesOf(child);
    try {
      const listening = messages.next('listening');
      child.send({ type: 'secrets', secrets: secretsWith('secret-from-parent-1') });
      const { port } = (await listening) as { port: number };

      expect((await signedCall(port, 'secret-from-parent-1')).status).toBe(200);
      const withDiskSecret = await signedCall(port, 'secret-on-disk-0123456789');
      expect(withDiskSecret.headers['x-ca-error-code']).toBe('A403IS');

      const reloaded = messages.next('reload');
      child.send({ type: 'secrets', secrets: secretsWith('secret-from-parent-2') });
      expect(await reloaded).toMatchObject({ ok: true, cause: 'secrets' });
      expect((await signedCall(port, 'secret-from-parent-2')).status).toBe(200);
      expect((await signedCall(port, 'secret-from-parent-1')).headers['x-ca-error-code']).toBe('A403IS');

      const refused = messages.next('reload');
      child.send({ type: 'secrets', secrets: { apps: { caller: { keys: 'not a list' } } } });
      expect(await refused).toMatchObject({ ok: false, cause: 'secrets' });
      expect((await signedCall(port, 'secret-from-parent-2')).status).toBe(200);

      child.send({ type: 'stop' });
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('is refused from a terminal, where no parent can send secrets', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', projectPath, '--secrets-from-parent'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--secrets-from-parent is for the console');
  });
});
