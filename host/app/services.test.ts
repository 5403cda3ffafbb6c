import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../base/app-paths';
import { type HostServices, createHostServices } from './services';

let dir: string;
let services: HostServices | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-services-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('createHostServices', () => {
  it('serves every call of the contract through a dispatcher, from the quickstart on first start', async () => {
    services = await createHostServices({ dataDir: join(dir, 'data'), mode: 'browser' });
    const call = (channel: string, ...args: unknown[]) => services!.dispatcher.dispatch(channel, args);
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

    expect(await call('agw:app.info')).toEqual({
      ok: true,
      result: {
        mode: 'browser',
        version: pkg.version,
        dataDir: join(dir, 'data'),
        vault: { kind: 'file', description: expect.stringMatching(new RegExp(`^Secrets are stored in 0600 files in ${join(dir, 'data')}.*; not encrypted$`)), encrypted: false, persistent: true },
      },
    });
    expect(await call('agw:project.current')).toMatchObject({ ok: true, result: { demo: true, fileName: 'quickstart.apigw.yaml' } });
    expect(await call('agw:project.chooseFile', { purpose: 'open' })).toEqual({ ok: true, result: { supported: false } });
    expect(await call('agw:apps.credentials', { app: 'demo_caller_app' })).toEqual({
      ok: true,
      result: { app: 'demo_caller_app', keys: [{ appKey: '204000001', secretSet: true }], appCodes: ['quic…cdef'] },
    });
    const exported = await call('agw:export.openapi', { group: 'demo_hello_api', stage: 'TEST', format: 'yaml' });
    expect(exported).toMatchObject({ ok: true, result: { fileName: 'demo_hello_api-TEST.openapi.yaml' } });
    const text = (exported as { result: { text: string } }).result.text;
    expect(await call('agw:import.preview', { source: { kind: 'text', text }, group: 'copy_of_hello' })).toMatchObject({
      ok: true,
      result: { format: 'OpenAPI 3.0.3', groups: [{ name: 'copy_of_hello' }] },
    });
  });

  it('fails to start on a --project that cannot be read', async () => {
    await expect(createHostServices({ dataDir: join(dir, 'data'), mode: 'browser', projectPath: join(dir, 'nope.apigw.yaml') })).rejects.toMatchObject({
      code: 'READ_FAILED',
    });
  });
});

describe('defaultDataDir', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x' }, '/x/apigw-studio'],
    ['linux', {}, '/home/u/.config/apigw-studio'],
    ['darwin', {}, '/home/u/Library/Application Support/API Gateway Studio'],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(defaultDataDir(env, platform, '/home/u')).toBe(expected);
  });
});
