// The review's attack: a compromised page calls project.open on the vault (or ~/.ssh/id_rsa), the
// file fails to load as a project, and project.text hands back its raw text. Every call here goes
// through the host's own dispatcher, as both transports do.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import type { CallOutcome } from '../../shared/ipc/contract';
import { type HostServices, type HostServicesOptions, createHostServices } from '../app/services';

const SECRET = 'VAULT-SECRET-kq8Zr2Lw0pYx';

let dir: string;
let dataDir: string;
let services: HostServices | undefined;
const answers: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-file-access-'));
  dataDir = join(dir, 'data');
  await mkdir(dataDir);
  await writeFile(join(dataDir, 'vault-file.json'), JSON.stringify({ 'cloud-profile/prod': SECRET }), { mode: 0o600 });
  await mkdir(join(dir, '.ssh'));
  await writeFile(join(dir, '.ssh', 'id_rsa'), `-----BEGIN KEY-----\n${SECRET}\n`);
  await writeFile(join(dir, '.ssh', 'keys.apigw.yaml'), `name: ${SECRET}\n`);
  await writeFile(join(dir, 'shop.secrets.yaml'), `apps: {a: {appCodes: [${SECRET}]}}\n`);
  await writeFile(join(dir, 'notes.yaml'), `note: ${SECRET}\n`);
  await symlink(join(dataDir, 'vault-file.json'), join(dir, 'innocent.apigw.yaml'));
  await writeFile(join(dir, 'shop.apigw.yaml'), serializeProject(smallProject()));
  answers.length = 0;
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(options: Partial<HostServicesOptions> = {}): Promise<HostServices> {
  services = await createHostServices({ dataDir, mode: 'browser', ...options });
  return services;
}

async function call(channel: string, ...args: unknown[]): Promise<CallOutcome> {
  const outcome = await services!.dispatcher.dispatch(channel, args);
  answers.push(JSON.stringify(outcome));
  return outcome;
}

const refused = { ok: false, error: { code: 'PATH_NOT_ALLOWED' } };

describe('browser mode (typed paths)', () => {
  it.each([
    ['the vault', () => join(dataDir, 'vault-file.json'), /it holds secrets/],
    ['a key in a hidden folder', () => join(dir, '.ssh', 'id_rsa'), /only a project file named \*\.apigw\.yaml/],
    ['a project-named file in a hidden folder', () => join(dir, '.ssh', 'keys.apigw.yaml'), /hidden folder .*\.ssh/],
    ['a secrets file', () => join(dir, 'shop.secrets.yaml'), /it holds secrets/],
    ['a link named like a project pointing at the vault', () => join(dir, 'innocent.apigw.yaml'), /it holds secrets/],
    ['the offline cloud’s state in the data dir', () => join(dataDir, 'offline-cloud', 'state.json'), /the app keeps its own state and keys there/],
    ['a YAML file that is not a project', () => join(dir, 'notes.yaml'), /only a project file named \*\.apigw\.yaml/],
  ])('refuses to open %s, and project.text still shows only the open project', async (_what, path, why) => {
    await start();
    const outcome = await call('agw:project.open', path());
    expect(outcome).toMatchObject(refused);
    expect((outcome as { error: { message: string } }).error.message).toMatch(why);
    const text = await call('agw:project.text');
    expect(text).toMatchObject({ ok: true, result: { text: expect.stringContaining('demo_hello_api') } });
    expect(answers.join('\n')).not.toContain(SECRET);
  });

  it('refuses to import the vault or a secrets file, and to create a file outside a project name or in a hidden folder', async () => {
    await start();
    expect(await call('agw:import.preview', { source: { kind: 'file', path: join(dataDir, 'vault-file.json') }, group: 'g' })).toMatchObject(refused);
    expect(await call('agw:import.preview', { source: { kind: 'file', path: join(dir, 'shop.secrets.yaml') }, group: 'g' })).toMatchObject(refused);
    expect(await call('agw:import.preview', { source: { kind: 'file', path: join(dir, '.ssh', 'id_rsa') }, group: 'g' })).toMatchObject(refused);
    expect(await call('agw:project.create', { path: join(dir, '.ssh', 'authorized_keys.yaml'), name: 'x' })).toMatchObject(refused);
    expect(await call('agw:project.create', { path: join(dataDir, 'settings.yaml'), name: 'x' })).toMatchObject(refused);
    expect(answers.join('\n')).not.toContain(SECRET);
    expect(await readFile(join(dataDir, 'vault-file.json'), 'utf8')).toContain(SECRET);
  });

  it('opens and creates project files a person types, and the data dir’s own projects', async () => {
    await start();
    expect(await call('agw:project.open', join(dir, 'shop.apigw.yaml'))).toMatchObject({ ok: true, result: { path: join(dir, 'shop.apigw.yaml') } });
    expect(await call('agw:project.create', { path: join(dir, 'new-one'), name: 'new-one' })).toMatchObject({ ok: true, result: { path: join(dir, 'new-one.apigw.yaml') } });
    expect(await call('agw:project.open', join(dataDir, 'projects', 'quickstart.apigw.yaml'))).toMatchObject({ ok: true, result: { demo: true } });
  });
});

describe('desktop (a file dialog)', () => {
  it('opens only what the dialog, the command line or the recent list gave', async () => {
    let answer: string | undefined;
    await start({ mode: 'desktop', chooseFile: async () => ({ supported: true, path: answer }), projectPath: join(dir, 'shop.apigw.yaml') });
    const other = join(dir, 'other.apigw.yaml');
    await writeFile(other, serializeProject({ ...smallProject(), name: 'other' }));

    const typed = await call('agw:project.open', other);
    expect(typed).toMatchObject(refused);
    expect((typed as { error: { message: string } }).error.message).toMatch(/did not come from a file dialog/);

    answer = other;
    expect(await call('agw:project.chooseFile', { purpose: 'open' })).toMatchObject({ ok: true, result: { path: other } });
    expect(await call('agw:project.open', other)).toMatchObject({ ok: true, result: { path: other } });
    // The command line's project is in the recent list now, and so is this one.
    expect(await call('agw:project.open', join(dir, 'shop.apigw.yaml'))).toMatchObject({ ok: true });
    // Even a dialog's answer never reaches a secrets file.
    answer = join(dir, 'shop.secrets.yaml');
    await call('agw:project.chooseFile', { purpose: 'open' });
    expect(await call('agw:project.open', answer)).toMatchObject(refused);
    expect(answers.join('\n')).not.toContain(SECRET);
  });

  it('opens a project named on a second launch’s command line', async () => {
    await start({ mode: 'desktop', chooseFile: async () => ({ supported: true }) });
    expect(await services!.openChosen(join(dir, 'shop.apigw.yaml'))).toMatchObject({ ok: true });
  });
});
