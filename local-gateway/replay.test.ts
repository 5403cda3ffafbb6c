// Replays never pass inside the window (docs/local-gateway.md, "Replays"): through a real gateway
// after a burst of other signed calls, and through the real `apigw-local` after it restarted.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { signRequest } from '../shared/signature/sign';
import { STATE_DIR_NAME } from './nonce-journal';
import { call, fixtureProject, fixtureSecrets, mockApi, startGateway, startGatewayProcess, writeProjectFiles, type RunningGateway } from './test-support';

const KEY = 'replay-key';
const SECRET = 'replay-secret-0123456789';

const project = fixtureProject({
  apps: [{ name: 'caller' }],
  authorizations: [{ app: 'caller', group: 'demo', api: 'secure', stage: 'RELEASE' }],
  apis: [mockApi('secure', 'GET', '/secure', { auth: { type: 'APP' } })],
});
const secrets = fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }] } } });

/** A call signed now, as the official SDK signs it (x-ca-nonce among the signed headers). */
function signedHeaders(nonce?: string): Record<string, string> {
  return signRequest({ method: 'GET', path: '/secure', appKey: KEY, appSecret: SECRET, nonce }).headers;
}

describe('a replayed signed call, through a real gateway', () => {
  let gw: RunningGateway;
  const records: AccessLogRecord[] = [];

  beforeAll(async () => {
    gw = await startGateway(project, secrets);
    gw.gateway.on('access', (record) => records.push(record));
  });
  afterAll(() => gw?.close());

  it('is refused with I400NC after a burst of other signed calls', async () => {
    const first = signedHeaders();
    expect((await call(gw.port, '/secure', { headers: first })).status).toBe(200);
    // The store-level test replays after 250,000 others; here the whole path, with a burst that keeps the test fast.
    for (let i = 0; i < 300; i++) expect((await call(gw.port, '/secure', { headers: signedHeaders() })).status).toBe(200);
    const replay = await call(gw.port, '/secure', { headers: first });
    expect([replay.status, replay.headers['x-ca-error-code'], replay.headers['x-ca-error-message']]).toEqual([400, 'I400NC', 'Nonce Used']);
    expect(records.at(-1)).toMatchObject({ status: 400, errorCode: 'I400NC', app: undefined, api: 'secure' });
  });
});

describe('a replayed signed call, after apigw-local restarted', () => {
  let dir: string;
  let projectPath: string;
  let stateDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-replay-'));
    projectPath = await writeProjectFiles(dir, project, secrets);
    stateDir = path.join(dir, 'state');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is refused by the next process, which reads the nonces of the window back from its state dir', async () => {
    const signed = signedHeaders();
    const before = await startGatewayProcess([projectPath, '--port', '0', '--state-dir', stateDir]);
    try {
      expect((await call(before.port, '/secure', { headers: signed })).status).toBe(200);
    } finally {
      expect(await before.stop()).toBe(0);
    }

    const after = await startGatewayProcess([projectPath, '--port', '0', '--state-dir', stateDir]);
    try {
      const replay = await call(after.port, '/secure', { headers: signed });
      expect([replay.status, replay.headers['x-ca-error-code']]).toEqual([400, 'I400NC']);
      expect((await call(after.port, '/secure', { headers: signedHeaders() })).status).toBe(200);
      expect(after.output()).not.toContain('Warning');
    } finally {
      expect(await after.stop()).toBe(0);
    }
  });

  it('keeps its state beside the project by default, in a folder git ignores', async () => {
    const signed = signedHeaders();
    const first = await startGatewayProcess([projectPath, '--port', '0']);
    try {
      expect((await call(first.port, '/secure', { headers: signed })).status).toBe(200);
    } finally {
      await first.stop();
    }
    expect((await readdir(path.join(dir, STATE_DIR_NAME))).sort()).toEqual(['.gitignore', 'fixture.apigw.yaml.nonces.0']);
    const second = await startGatewayProcess([projectPath, '--port', '0']);
    try {
      expect((await call(second.port, '/secure', { headers: signed })).headers['x-ca-error-code']).toBe('I400NC');
    } finally {
      await second.stop();
    }
  });
});
