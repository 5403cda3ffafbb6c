// The debugger calls an API at its group's BasePath + path (docs/local-gateway.md, "Base path"),
// through a real local gateway on 127.0.0.1: prepared URL, signed call, and the curl snippet.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DebugRequest } from '../../shared/ipc/contract';
import { fixtureProject, fixtureSecrets, mockApi, startGateway, type RunningGateway } from '../../local-gateway/test-support';
import { DebugService } from './debug-service';

const run = promisify(execFile);
const KEY = 'debugBaseKey';
const SECRET = 'debugBaseSecret-0123456789';

const project = fixtureProject({
  groups: [{ name: 'versioned', basePath: '/v1' }],
  apps: [{ name: 'caller' }],
  authorizations: [{ app: 'caller', group: 'versioned', api: 'hello', stage: 'RELEASE' }],
  apis: [{ ...mockApi('hello', 'GET', '/hello'), auth: { type: 'APP' } }],
});
const secrets = fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }], appCodes: [] } } });

let gw: RunningGateway;
let debug: DebugService;
beforeAll(async () => {
  gw = await startGateway(project, secrets);
  debug = new DebugService({
    gatewayStatus: () => ({ state: 'listening', url: `http://127.0.0.1:${gw.port}`, port: gw.port, defaultStage: 'RELEASE', restarts: 0 }),
    projectPath: () => '/nowhere/fixture.apigw.yaml',
    project: () => project,
    loadSecrets: async () => secrets,
  });
});
afterAll(() => gw?.close());

const hello: DebugRequest = {
  target: { kind: 'local' },
  group: 'versioned',
  api: 'hello',
  stage: 'RELEASE',
  method: 'GET',
  path: '/hello',
  auth: { kind: 'signature', app: 'caller' },
};

describe('the debugger on a group with BasePath /v1', () => {
  it('prepares /v1/hello and signs that path', async () => {
    const prepared = await debug.prepare(hello);
    expect(prepared.url).toBe(`http://127.0.0.1:${gw.port}/v1/hello`);
    expect(prepared.stringToSign?.split('\n').at(-1)).toBe('/v1/hello');
  });

  it('gets the API\'s answer from the gateway', async () => {
    const result = await debug.send(hello);
    expect(result.response).toMatchObject({ status: 200, body: 'hello answered' });
  });

  it('puts the BasePath in front of a custom URL too', async () => {
    const prepared = await debug.prepare({ ...hello, target: { kind: 'url', baseUrl: 'https://api.example.com' } });
    expect(prepared.url).toBe('https://api.example.com/v1/hello');
  });

  it('writes a curl snippet that calls /v1/hello and gets the answer', async () => {
    const { curl } = await debug.snippets(hello, { includeSecret: true });
    expect(curl).toContain(`'http://127.0.0.1:${gw.port}/v1/hello'`);
    const { stdout } = await run('sh', ['-c', curl]);
    expect(stdout).toMatch(/^HTTP\/1\.1 200 /);
    expect(stdout.endsWith('hello answered')).toBe(true);
  });
});
