/**
 * Cloud profiles in the console, through the contract's dispatcher as the UI calls it: profiles
 * and a wrong secret against demo mode's offline cloud (real HTTP, real pop-core), and a saved
 * secret that only ever goes to the endpoint it was saved for.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudConnectionView } from '../../shared/ipc/cloud-views';
import { useConsoleHost } from './testing/console-host';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { type RecordingEndpoint, startRecordingEndpoint } from '../cloud/testing/recording-endpoint';
import { profileVaultName } from '../sync/profile-keys';
import { FileVault } from '../vault/file-vault';

const host = useConsoleHost();

describe('the cloud in the console, demo mode', () => {
  it('saves profiles with the secret in the vault only, and says clearly when a secret is wrong', async () => {
    const connection = await host.call<CloudConnectionView>('agw:cloud.connection');
    await host.call('agw:cloud.saveProfile', { name: 'wrong', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: 'not-the-secret' });
    const profiles = await host.call<{ profiles: { name: string; accessKeyId: string; secretSet: boolean }[] }>('agw:cloud.profiles');
    expect(profiles.profiles).toEqual([{ name: 'wrong', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: 'LTAI****mo01', secretSet: true }]);
    expect(await readFile(join(host.dir, 'data', 'cloud-profiles.json'), 'utf8')).not.toContain('not-the-secret');
    expect(JSON.stringify(profiles)).not.toContain('not-the-secret');

    const test = await host.call<{ ok: boolean; message: string; failure?: { code: string } }>('agw:cloud.testConnection', { profile: 'wrong' });
    expect(test.ok).toBe(false);
    expect(test.failure?.code).toBe('SignatureDoesNotMatch');
    expect(test.message).toContain('Check the AccessKeySecret');

    const good = await host.call<{ ok: boolean; regions?: unknown[] }>('agw:cloud.testConnection', {
      draft: { name: 'wrong', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret },
    });
    expect(good.ok).toBe(true);
    expect(good.regions?.length).toBeGreaterThan(1);

    // Editing keeps the saved AccessKeyId when none is typed (the UI only ever sees it masked).
    await host.call('agw:cloud.saveProfile', { name: 'right', previousName: 'wrong', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeySecret: DEMO_ACCOUNT.accessKeySecret });
    expect((await host.call<{ ok: boolean }>('agw:cloud.testConnection', { profile: 'right' })).ok).toBe(true);
    const renamedBack = await host.outcome('agw:cloud.saveProfile', { name: 'wrong', previousName: 'right', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeyId: 'LTAI5tAnotherKey0002' });
    expect(renamedBack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('new AccessKeyId') } });
    await host.call('agw:cloud.saveProfile', { name: 'wrong', previousName: 'right', region: 'cn-hangzhou', endpoint: connection.demo!.cloudUrl, accessKeySecret: 'not-the-secret' });

    const active = await host.call<CloudConnectionView>('agw:cloud.activate', { profile: 'wrong' });
    expect(active).toMatchObject({ mode: 'profile', label: 'wrong', profileKey: 'wrong/cn-hangzhou' });
    const plan = await host.outcome('agw:cloud.plan', { prune: false });
    expect(plan).toMatchObject({ ok: false, error: { code: 'CLOUD_FAILED', message: expect.stringContaining('SignatureDoesNotMatch') } });
    expect((await host.call<CloudConnectionView>('agw:cloud.activate', { profile: null })).mode).toBe('demo');
  });
});

describe('a saved secret goes only to the endpoint it was saved for', () => {
  let attacker: RecordingEndpoint;
  let cloudUrl: string;
  const secretRequired = (from: string, to: string) => ({
    ok: false,
    error: {
      code: 'SECRET_REQUIRED',
      message: `The endpoint of cloud profile "real" changed from ${from} to ${to}: type the AccessKeySecret again to use it there (a saved secret is only sent to the endpoint it was saved for).`,
    },
  });

  beforeEach(async () => {
    attacker = await startRecordingEndpoint();
    cloudUrl = (await host.call<CloudConnectionView>('agw:cloud.connection')).demo!.cloudUrl;
    await host.call('agw:cloud.saveProfile', { name: 'real', region: 'cn-hangzhou', endpoint: cloudUrl, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret });
  });
  afterEach(() => attacker.close());

  it('a connection test of a draft pointed elsewhere, with no secret typed, is refused and sends nothing', async () => {
    const draft = { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url };
    expect(await host.outcome('agw:cloud.testConnection', { draft })).toEqual(secretRequired(cloudUrl, attacker.url));
    // Typing the AccessKeyId (the UI may know it) does not unlock the saved secret either, nor does a new profile's draft under the same name.
    expect(await host.outcome('agw:cloud.testConnection', { draft: { ...draft, accessKeyId: DEMO_ACCOUNT.accessKeyId } })).toMatchObject({ error: { code: 'SECRET_REQUIRED' } });
    expect(await host.outcome('agw:cloud.testConnection', { draft: { name: 'real', region: 'cn-hangzhou', endpoint: attacker.url } })).toMatchObject({ error: { code: 'SECRET_REQUIRED' } });
    // No endpoint means Alibaba Cloud's own: elsewhere too.
    expect(await host.outcome('agw:cloud.testConnection', { draft: { name: 'real', previousName: 'real', region: 'cn-hangzhou' } })).toEqual(secretRequired(cloudUrl, "Alibaba Cloud's own endpoint"));
    expect(attacker.received).toEqual([]);

    // At the endpoint it was saved for, the saved secret serves the draft (a trailing slash is the same place).
    expect(await host.call<{ ok: boolean }>('agw:cloud.testConnection', { draft: { ...draft, endpoint: `${cloudUrl}/` } })).toMatchObject({ ok: true });
  });

  it('saving a profile with another endpoint and no secret typed is refused; the saved profile still goes only to its own endpoint', async () => {
    expect(await host.outcome('agw:cloud.saveProfile', { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url })).toEqual(secretRequired(cloudUrl, attacker.url));
    expect(await host.outcome('agw:cloud.saveProfile', { name: 'moved', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url })).toMatchObject({ error: { code: 'SECRET_REQUIRED' } });
    const listed = await host.call<{ profiles: { name: string; endpoint?: string }[] }>('agw:cloud.profiles');
    expect(listed.profiles).toEqual([expect.objectContaining({ name: 'real', endpoint: cloudUrl })]);
    expect(await host.call<{ ok: boolean; message: string }>('agw:cloud.testConnection', { profile: 'real' })).toMatchObject({ ok: true, message: expect.stringContaining(`Connected to ${cloudUrl}`) });
    expect((await host.call<CloudConnectionView>('agw:cloud.activate', { profile: 'real' })).endpoint).toBe(cloudUrl);
    expect(attacker.received).toEqual([]);
  });

  it('renaming without changing the endpoint keeps the saved secret', async () => {
    await host.call('agw:cloud.saveProfile', { name: 'renamed', previousName: 'real', region: 'cn-shanghai', endpoint: cloudUrl });
    expect(await host.call<{ ok: boolean }>('agw:cloud.testConnection', { profile: 'renamed' })).toMatchObject({ ok: true });
  });

  it('with the secret typed, another endpoint is allowed: for a test, and for the saved profile from then on', async () => {
    const typed = 'typed-for-the-new-endpoint';
    await host.call('agw:cloud.testConnection', { draft: { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url, accessKeySecret: typed } });
    expect(attacker.received).toHaveLength(1);
    expect(attacker.received[0].body).toContain('Action=DescribeRegions');

    await host.call('agw:cloud.saveProfile', { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url, accessKeySecret: typed });
    expect(await host.call<{ message: string }>('agw:cloud.testConnection', { profile: 'real' })).toMatchObject({ message: expect.stringContaining(`Connected to ${attacker.url}`) });
    expect(attacker.received).toHaveLength(2);
    // And back: the secret saved for the attacker's endpoint is not sent to the offline cloud either without being typed.
    expect(await host.outcome('agw:cloud.testConnection', { draft: { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: cloudUrl } })).toEqual(secretRequired(attacker.url, cloudUrl));
  });

  it('keys saved before the vault recorded their endpoint are bound to the endpoint the profile list says', async () => {
    const vault = new FileVault({ dataDir: join(host.dir, 'data') });
    await vault.set(profileVaultName('real'), JSON.stringify({ accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret }));
    expect(await host.call<{ ok: boolean }>('agw:cloud.testConnection', { profile: 'real' })).toMatchObject({ ok: true });
    expect(await host.outcome('agw:cloud.testConnection', { draft: { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url } })).toEqual(secretRequired(cloudUrl, attacker.url));
    expect(await host.outcome('agw:cloud.saveProfile', { name: 'real', previousName: 'real', region: 'cn-hangzhou', endpoint: attacker.url })).toMatchObject({ error: { code: 'SECRET_REQUIRED' } });
    expect(attacker.received).toEqual([]);
  });

  it('refuses http:// to another computer, and takes it to this computer (an offline cloud)', async () => {
    const inTheClear = 'http://example.com';
    const refused = { ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('http:// would send signed requests in the clear; use https://, or http:// only for a local emulator on 127.0.0.1.') } };
    expect(await host.outcome('agw:cloud.saveProfile', { name: 'clear', region: 'cn-hangzhou', endpoint: inTheClear, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret })).toMatchObject(refused);
    expect(await host.outcome('agw:cloud.testConnection', { draft: { region: 'cn-hangzhou', endpoint: inTheClear, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret } })).toMatchObject(refused);
    expect((await host.call<{ profiles: unknown[] }>('agw:cloud.profiles')).profiles).toHaveLength(1);

    const local = `http://127.0.0.1:${new URL(cloudUrl).port}`;
    await host.call('agw:cloud.saveProfile', { name: 'local', region: 'cn-hangzhou', endpoint: local, accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret });
    expect(await host.call<{ ok: boolean }>('agw:cloud.testConnection', { profile: 'local' })).toMatchObject({ ok: true });
  });
});
