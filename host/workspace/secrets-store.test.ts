import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretsFile } from '../../shared/model/schema';
import { smallProject } from '../../shared/project-file/test-projects';
import { GITIGNORE_MARKER } from './gitignore';
import { ProjectStore } from './project-store';
import { SecretsStore } from './secrets-store';
import { WorkspaceError } from '../base/workspace-error';

const SECRETS: SecretsFile = { apps: { caller: { keys: [{ appKey: '204000001', appSecret: 'callerSecret0123456789' }], appCodes: ['callerAppCode0123456789'] } } };
const posixOnly = it.skipIf(process.platform === 'win32');

let dir: string;
let path: string;
let store: SecretsStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-secrets-'));
  path = join(dir, 'shop.secrets.yaml');
  store = new SecretsStore();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SecretsStore', () => {
  it('a missing secrets file loads as no secrets, and a saved one loads back', async () => {
    expect(await store.load(path)).toMatchObject({ secrets: { apps: {} }, exists: false, problems: [] });
    await store.save(path, SECRETS);
    expect(await new SecretsStore().load(path)).toMatchObject({ secrets: SECRETS, exists: true, problems: [], warnings: [] });
  });

  posixOnly('writes the file with mode 0600', async () => {
    await store.load(path);
    await store.save(path, SECRETS);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await store.save(path, { apps: {} });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps no backup that would hold a rotated or deleted secret, and removes one an earlier version left', async () => {
    await writeFile(`${path}.bak`, 'apps: {caller: {appCodes: [oldAppCode0123456789]}}\n', { mode: 0o600 });
    await store.save(path, SECRETS);
    const rotated: SecretsFile = { apps: { caller: { keys: [{ appKey: '204000001', appSecret: 'rotatedSecret0123456789' }], appCodes: [] } } };
    await store.save(path, rotated);
    const everything = await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')));
    expect(everything.join('\n')).not.toContain('callerSecret0123456789');
    expect(everything.join('\n')).not.toContain('callerAppCode0123456789');
    expect(everything.join('\n')).not.toContain('oldAppCode0123456789');
    expect(everything.join('\n')).toContain('rotatedSecret0123456789');
  });

  posixOnly('warns when others can read the file', async () => {
    await writeFile(path, 'apps: {}\n', { mode: 0o644 });
    const { warnings } = await store.load(path);
    expect(warnings).toEqual([expect.stringContaining(`chmod 600 ${path}`)]);
  });

  it('lists the secrets file, the backups and temp files in .gitignore, once', async () => {
    await store.save(path, SECRETS);
    const lines = ['shop.secrets.yaml', 'shop.secrets.yaml.bak', 'shop.apigw.yaml.bak', '*.tmp-*'];
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(`${GITIGNORE_MARKER}\n${lines.join('\n')}\n`);
    await store.save(path, SECRETS);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(`${GITIGNORE_MARKER}\n${lines.join('\n')}\n`);
  });

  it('appends only the missing lines to an existing .gitignore', async () => {
    await writeFile(join(dir, '.gitignore'), 'node_modules/\nshop.secrets.yaml');
    await store.save(path, SECRETS, { projectPath: join(dir, 'shop.yaml') });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(
      `node_modules/\nshop.secrets.yaml\n\n${GITIGNORE_MARKER}\nshop.secrets.yaml.bak\nshop.yaml.bak\n*.tmp-*\n`,
    );
  });

  it('never overwrites a secrets file that failed to load', async () => {
    const broken = 'apps:\n  caller:\n    keys: [{appKey: k}]\n';
    await writeFile(path, broken);
    const { problems } = await store.load(path);
    expect(problems).toEqual([expect.objectContaining({ file: path, line: 3 })]);
    const error = await store.save(path, SECRETS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe('LOAD_FAILED');
    expect(await readFile(path, 'utf8')).toBe(broken);
  });

  it('keeps secrets out of the project file saved beside them', async () => {
    await store.save(path, SECRETS);
    const project = smallProject();
    await new ProjectStore().save(join(dir, 'shop.apigw.yaml'), project);
    const projectText = await readFile(join(dir, 'shop.apigw.yaml'), 'utf8');
    for (const secret of ['callerSecret0123456789', 'callerAppCode0123456789']) expect(projectText).not.toContain(secret);
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'shop.apigw.yaml', 'shop.secrets.yaml']);
  });
});
