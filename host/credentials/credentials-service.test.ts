import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import { HostEvents } from '../base/host-events';
import { generateAppCode, generateAppKey, generateAppSecret, maskAppCode } from '../base/credential-generator';
import { CredentialsService } from './credentials-service';
import { WorkspaceService } from '../workspace/workspace-service';

let dir: string;
let projectPath: string;
let secretsPath: string;
let credentials: CredentialsService;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-credentials-'));
  projectPath = join(dir, 'shop.apigw.yaml');
  secretsPath = join(dir, 'shop.secrets.yaml');
  await writeFile(projectPath, serializeProject(smallProject()));
  credentials = new CredentialsService({ projectPath: () => projectPath });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generated credentials', () => {
  it('have the cloud shapes and do not repeat', () => {
    const keys = new Set<string>();
    const secrets = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      keys.add(generateAppKey(keys));
      secrets.add(generateAppSecret());
      codes.add(generateAppCode());
    }
    expect([...keys].every((key) => /^[1-9]\d{8}$/.test(key))).toBe(true);
    expect([...secrets].every((secret) => /^[A-Za-z0-9]{32}$/.test(secret))).toBe(true);
    expect([...codes].every((code) => /^[0-9a-f]{32}$/.test(code))).toBe(true);
    expect([keys.size, secrets.size, codes.size]).toEqual([2000, 2000, 2000]);
  });

  it('AppCodes are masked to their first and last 4 characters', () => {
    expect(maskAppCode('0123456789abcdef0123456789abcdef')).toBe('0123…cdef');
    expect(maskAppCode('short')).toBe('…');
  });
});

describe('CredentialsService', () => {
  it('creates a key pair and an AppCode in the 0600 secrets file, showing only masked values', async () => {
    const view = await credentials.createCredentials({ app: 'shop_caller' });
    expect(view.app).toBe('shop_caller');
    expect(view.keys).toEqual([{ appKey: expect.stringMatching(/^\d{9}$/), secretSet: true }]);
    expect(view.appCodes).toEqual([expect.stringMatching(/^[0-9a-f]{4}…[0-9a-f]{4}$/)]);
    expect(JSON.stringify(view)).not.toMatch(/[A-Za-z0-9]{32}/);

    const { appSecret } = await credentials.revealSecret({ app: 'shop_caller', appKey: view.keys[0].appKey });
    expect(appSecret).toMatch(/^[A-Za-z0-9]{32}$/);
    const file = await readFile(secretsPath, 'utf8');
    expect(file).toContain(appSecret);
    if (process.platform !== 'win32') expect((await stat(secretsPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('shop.secrets.yaml');
    expect(await readFile(projectPath, 'utf8')).not.toContain(appSecret);
    expect(await credentials.credentials({ app: 'shop_caller' })).toEqual(view);
  });

  it('adds a second pair with another AppKey', async () => {
    const first = await credentials.createCredentials({ app: 'shop_caller' });
    const second = await credentials.createCredentials({ app: 'shop_caller' });
    expect(second.keys).toHaveLength(2);
    expect(second.keys[0]).toEqual(first.keys[0]);
    expect(second.keys[1].appKey).not.toBe(first.keys[0].appKey);
    expect(second.appCodes).toHaveLength(2);
  });

  it('rotates a secret and keeps the AppKey', async () => {
    const view = await credentials.createCredentials({ app: 'shop_caller' });
    const appKey = view.keys[0].appKey;
    const before = await credentials.revealSecret({ app: 'shop_caller', appKey });
    const rotated = await credentials.rotateSecret({ app: 'shop_caller', appKey });
    expect(rotated.keys).toEqual(view.keys);
    const after = await credentials.revealSecret({ app: 'shop_caller', appKey });
    expect(after.appSecret).not.toBe(before.appSecret);
    expect(await readFile(secretsPath, 'utf8')).not.toContain(before.appSecret);
  });

  it('deletes an app’s credentials and says what is missing', async () => {
    await credentials.createCredentials({ app: 'shop_caller' });
    await credentials.createCredentials({ app: 'other_caller' });
    expect(await credentials.deleteCredentials({ app: 'shop_caller' })).toEqual({ ok: true });
    expect(await credentials.credentials({ app: 'shop_caller' })).toEqual({ app: 'shop_caller', keys: [], appCodes: [] });
    expect((await credentials.credentials({ app: 'other_caller' })).keys).toHaveLength(1);
    await expect(credentials.revealSecret({ app: 'shop_caller', appKey: '123456789' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(credentials.rotateSecret({ app: 'other_caller', appKey: '000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await credentials.deleteCredentials({ app: 'never_had_any' })).toEqual({ ok: true });
  });

  it('moves credentials to their apps\' new names in one write, keeping the order and the values', async () => {
    // A secrets file of an older version, whose app names had `-`.
    await writeFile(secretsPath, ['apps:', '  demo-caller-app:', '    keys:', '      - appKey: "204000001"', '        appSecret: oldNameSecret0123456789abcdef01', '    appCodes: [oldNameAppCode0123456789abcdef01]', '  zz_other:', '    keys: []', ''].join('\n'));
    const answer = await credentials.renameCredentials({ renames: [{ from: 'demo-caller-app', to: 'demo_caller_app' }, { from: 'never-had-any', to: 'never_had_any' }] });
    expect(answer).toEqual({ renamed: ['demo-caller-app'] });
    expect(JSON.stringify(answer)).not.toContain('oldNameSecret');
    const moved = await credentials.revealSecret({ app: 'demo_caller_app', appKey: '204000001' });
    expect(moved.appSecret).toBe('oldNameSecret0123456789abcdef01');
    expect((await credentials.credentials({ app: 'demo-caller-app' })).keys).toEqual([]);
    expect((await readFile(secretsPath, 'utf8')).indexOf('demo_caller_app')).toBeLessThan((await readFile(secretsPath, 'utf8')).indexOf('zz_other'));
    // Undo sends the pairs back.
    await credentials.renameCredentials({ renames: [{ from: 'demo_caller_app', to: 'demo-caller-app' }] });
    expect((await credentials.credentials({ app: 'demo-caller-app' })).keys).toEqual([{ appKey: '204000001', secretSet: true }]);
  });

  it('refuses to rename credentials onto an app that has its own, changing nothing', async () => {
    await credentials.createCredentials({ app: 'shop_caller' });
    await credentials.createCredentials({ app: 'other_caller' });
    const before = await readFile(secretsPath, 'utf8');
    await expect(credentials.renameCredentials({ renames: [{ from: 'shop_caller', to: 'other_caller' }] })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringContaining('already holds credentials for `other_caller`'),
    });
    expect(await readFile(secretsPath, 'utf8')).toBe(before);
    // Two apps swapping names is fine: neither name is left holding two entries.
    await credentials.renameCredentials({ renames: [{ from: 'shop_caller', to: 'other_caller' }, { from: 'other_caller', to: 'shop_caller' }] });
  });

  it('refuses an app name the rules reject', async () => {
    await expect(credentials.createCredentials({ app: 'x' })).rejects.toMatchObject({ code: 'INVALID_NAME' });
  });

  it('will not touch a secrets file that failed to load', async () => {
    await writeFile(secretsPath, 'apps: [not, a, map]\n');
    await expect(credentials.createCredentials({ app: 'shop_caller' })).rejects.toMatchObject({ code: 'LOAD_FAILED' });
    expect(await readFile(secretsPath, 'utf8')).toBe('apps: [not, a, map]\n');
  });

  it('a generated secret can never be saved into the project file', async () => {
    const events = new HostEvents();
    const workspace = new WorkspaceService({ dataDir: join(dir, 'data'), appRoot: dir, events });
    const state = await workspace.start(projectPath);
    const view = await credentials.createCredentials({ app: 'shop_caller' });
    const { appSecret } = await credentials.revealSecret({ app: 'shop_caller', appKey: view.keys[0].appKey });
    const leaked = { ...state.project!, description: `secret: ${appSecret}` };
    await expect(workspace.save({ project: leaked, revision: state.revision })).rejects.toMatchObject({ code: 'SECRET_IN_PROJECT' });
    await workspace.close();
  });
});
