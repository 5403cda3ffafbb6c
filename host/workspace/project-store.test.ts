import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployApi } from '../../shared/model/stages';
import { cloudStatePathFor, localStatePathFor, serializeProject, serializeSecrets } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import { ProjectStore } from './project-store';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';

const VALID = [
  '# My shop.',
  'format: apigw-studio/v1',
  'name: shop',
  'groups:',
  '  - name: orders # the only group',
  'apis:',
  '  - name: list_orders',
  '    group: orders',
  '    request: {method: GET, path: /orders}',
  '    backend: {type: MOCK}',
  '',
].join('\n');

let dir: string;
let path: string;
let store: ProjectStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-store-'));
  path = join(dir, 'shop.apigw.yaml');
  store = new ProjectStore();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

describe('ProjectStore', () => {
  it('loads, saves a change keeping comments, and keeps the previous version as .bak', async () => {
    await writeFile(path, VALID);
    const { project, problems, document } = await store.load(path);
    expect(problems).toEqual([]);
    project!.apis[0].request.path = '/v2/orders';
    const saved = await store.save(path, project!, { document });
    expect(saved).toMatchObject({ changed: true, backupPath: `${path}.bak` });
    expect(await readFile(path, 'utf8')).toBe(VALID.replace('path: /orders', 'path: /v2/orders'));
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(VALID);
    // A second save right after is allowed: the store knows what it wrote.
    project!.name = 'shop2';
    await store.save(path, project!, { document });
    expect((await store.load(path)).project?.name).toBe('shop2');
  });

  it('does not write when nothing changed', async () => {
    await writeFile(path, VALID);
    const { project, document } = await store.load(path);
    expect(await store.save(path, project!, { document })).toMatchObject({ changed: false });
    expect(await readdir(dir)).toEqual(['shop.apigw.yaml']);
  });

  it('reports problems with the file and line', async () => {
    await writeFile(path, VALID.replace('name: shop', 'name: shop\ncolour: blue'));
    const { problems } = await store.load(path);
    expect(problems.map((p) => formatFileProblem(p))).toEqual([expect.stringMatching(new RegExp(`^${path}:4: colour: `))]);
  });

  it.each([
    ['an invalid file', VALID.replace('method: GET', 'method: FETCH')],
    ['a file that is not YAML', VALID.replace('{method: GET', '{method: [GET')],
  ])('never overwrites %s, unless forced', async (_, broken) => {
    await writeFile(path, broken);
    const loaded = await store.load(path);
    expect(loaded.problems.length).toBeGreaterThan(0);
    const error = await refusal(store.save(path, smallProject()));
    expect(error.code).toBe('LOAD_FAILED');
    expect(error.message).toContain(`${path}:9:`);
    expect(error.message).toMatch(/force/);
    expect(await readFile(path, 'utf8')).toBe(broken);

    await store.save(path, smallProject(), { force: true });
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(broken);
    expect((await store.load(path)).project).toEqual(smallProject());
  });

  it('refuses to overwrite a file that changed on disk since it was loaded', async () => {
    await writeFile(path, VALID);
    const { project, document } = await store.load(path);
    await writeFile(path, VALID.replace('name: shop', 'name: edited-elsewhere'));
    const error = await refusal(store.save(path, project!, { document }));
    expect(error.code).toBe('CHANGED_ON_DISK');
    expect(await readFile(path, 'utf8')).toContain('edited-elsewhere');
  });

  it('refuses to overwrite an existing file it never loaded, and creates a new one', async () => {
    await writeFile(path, VALID);
    expect((await refusal(store.save(path, smallProject()))).code).toBe('NOT_LOADED');
    const other = join(dir, 'new.apigw.yaml');
    await store.save(other, smallProject());
    expect(await readFile(other, 'utf8')).toBe(serializeProject(smallProject()));
  });

  it('never writes a secret into the project file', async () => {
    const secret = 'callerSecret0123456789';
    await writeFile(join(dir, 'shop.secrets.yaml'), serializeSecrets({ apps: { caller: { keys: [{ appKey: 'k1', appSecret: secret }], appCodes: [] } } }));
    const project = smallProject();
    project.apis[0].backend = { type: 'MOCK', statusCode: 200, body: `{"secret": "${secret}"}`, headers: [] };
    const error = await refusal(store.save(path, project));
    expect(error.code).toBe('SECRET_IN_PROJECT');
    expect(error.message).toContain('apis[0].backend.body');
    expect(error.message).toContain('shop.secrets.yaml');
    expect(error.message).not.toContain(secret);
    expect(await readdir(dir)).toEqual(['shop.secrets.yaml']);
  });

  it('reports a secret found in a project file when loading it', async () => {
    await writeFile(path, VALID.replace('  - name: orders # the only group', '  - name: orders\n    appSecret: abc'));
    const { problems } = await store.load(path);
    expect(problems).toEqual([expect.objectContaining({ file: path, line: 6, path: ['groups', 0, 'appSecret'] })]);
  });

  it('says what it could not read and why', async () => {
    const error = await refusal(store.load(join(dir, 'missing.apigw.yaml')));
    expect(error.code).toBe('READ_FAILED');
    expect(error.message).toBe(`cannot read project file ${join(dir, 'missing.apigw.yaml')}: the file does not exist`);
  });

  describe('the state beside the design (docs/project-file.md, "Three kinds of data")', () => {
    const withState = () => {
      const project = deployApi(smallProject(), { group: 'orders', api: 'list_orders' }, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
      project.cloud['default/cn-hangzhou'] = { groups: { orders: 'g1' }, apis: {}, apps: {}, throttlingPolicies: {}, plugins: {} };
      return project;
    };

    it('writes the design, the local state and the cloud state apart, lists the local state in .gitignore, and reads them back as one', async () => {
      const saved = await store.save(path, withState());
      expect(saved.written).toEqual([localStatePathFor(path), cloudStatePathFor(path, 'default/cn-hangzhou'), path]);
      expect(await readFile(path, 'utf8')).toBe(serializeProject({ ...withState(), deployments: [], cloud: {} }));
      expect((await readFile(join(dir, '.gitignore'), 'utf8')).split('\n')).toEqual(expect.arrayContaining(['shop.secrets.yaml', 'shop.apigw.yaml.bak', 'shop.state/local.yaml', 'shop.state/**/*.bak']));
      expect((await store.load(path)).project).toEqual(withState());
    });

    it('leaves the local state out of .gitignore when the team chose to commit it (a negated line)', async () => {
      await writeFile(join(dir, '.gitignore'), '!shop.state/local.yaml\n');
      await store.save(path, withState());
      expect(await readFile(join(dir, '.gitignore'), 'utf8')).not.toMatch(/^shop\.state\/local\.yaml$/m);
    });

    it('refuses to overwrite a state file that changed on disk, naming it, and writes nothing', async () => {
      await store.save(path, withState());
      const loaded = await store.load(path);
      await writeFile(localStatePathFor(path), (await readFile(localStatePathFor(path), 'utf8')).replace('2026-11-24', '2026-11-25'));
      const before = await readFile(path, 'utf8');
      const error = await refusal(store.save(path, { ...loaded.project!, name: 'shop2' }, { document: loaded.document }));
      expect(error.code).toBe('CHANGED_ON_DISK');
      expect(error.message).toContain(localStatePathFor(path));
      expect(await readFile(path, 'utf8')).toBe(before);
    });

    it('keeps a profile\'s ids the project dropped as the file\'s .bak', async () => {
      await store.save(path, withState());
      const loaded = await store.load(path);
      await store.save(path, { ...loaded.project!, cloud: {} }, { document: loaded.document });
      const file = cloudStatePathFor(path, 'default/cn-hangzhou');
      expect(await readFile(`${file}.bak`, 'utf8')).toContain('orders: g1');
      expect((await store.load(path)).project!.cloud).toEqual({});
    });
  });
});
