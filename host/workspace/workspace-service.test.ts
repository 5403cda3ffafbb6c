import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/ipc/contract';
import { localStatePathFor, serializeProject } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import { HostEvents } from '../base/host-events';
import { quickstartCopyPath } from './first-start';
import { projectRevision } from './project-store';
import { MAX_RECENT_PROJECTS } from '../settings/settings-store';
import { WorkspaceService, revisionOf } from './workspace-service';

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join(APP_ROOT, 'examples', 'quickstart.apigw.yaml');
const EXAMPLE_SECRETS = join(APP_ROOT, 'examples', 'quickstart.secrets.yaml');

let dir: string;
let dataDir: string;
let services: WorkspaceService[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-workspace-'));
  dataDir = join(dir, 'data');
  services = [];
});
afterEach(async () => {
  await Promise.all(services.map((service) => service.close()));
  await rm(dir, { recursive: true, force: true });
});

function workspace(events = new HostEvents()): WorkspaceService {
  const service = new WorkspaceService({ dataDir, appRoot: APP_ROOT, events, watchDebounceMs: 20 });
  services.push(service);
  return service;
}

/** The next event of a channel, as a promise (no timers: the test waits for the event itself). */
function nextEvent<E extends keyof Events>(events: HostEvents, channel: E): Promise<Events[E]> {
  return new Promise((resolve) => {
    const off = events.on(channel, (payload) => {
      off();
      resolve(payload);
    });
  });
}

async function writeProject(name: string, text = serializeProject(smallProject())): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('first start', () => {
  it('copies the quickstart into the data dir and opens the copy in demo mode', async () => {
    const exampleBefore = await readFile(EXAMPLE);
    const events = new HostEvents();
    const opened = nextEvent(events, 'agw:project.opened');
    const state = await workspace(events).start();

    expect(state.path).toBe(quickstartCopyPath(dataDir));
    expect(state.path.startsWith(join(dataDir, 'projects'))).toBe(true);
    expect(state).toMatchObject({ demo: true, fileName: 'quickstart.apigw.yaml', problems: [] });
    expect(state.project?.name).toBe('quickstart');
    // The copy is in the current layout: the design, and the example's deployments as its local state.
    expect(state.revision).toBe(await projectRevision(state.path));
    expect(await readFile(state.path, 'utf8')).not.toContain('\ndeployments:');
    expect(await readFile(localStatePathFor(state.path), 'utf8')).toContain('format: apigw-studio/local-state/v1');
    expect(state.project?.deployments.length).toBeGreaterThan(0);
    expect((await opened).path).toBe(state.path);

    const secrets = join(dataDir, 'projects', 'quickstart.secrets.yaml');
    expect(await readFile(secrets, 'utf8')).toBe(await readFile(EXAMPLE_SECRETS, 'utf8'));
    if (process.platform !== 'win32') expect((await stat(secrets)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'projects', '.gitignore'), 'utf8')).toContain('quickstart.secrets.yaml');

    // Saving the demo changes the copy, never the example in the repository.
    const service = services[0];
    await service.save({ project: { ...state.project!, description: 'Changed in the demo.' }, revision: state.revision });
    expect(await readFile(state.path, 'utf8')).toContain('Changed in the demo.');
    expect(await readFile(EXAMPLE)).toEqual(exampleBefore);
  });

  it('reopens the most recent project on the next start, and keeps an edited quickstart copy', async () => {
    const first = workspace();
    const demo = await first.start();
    await first.save({ project: { ...demo.project!, description: 'Mine now.' }, revision: demo.revision });
    const other = await first.open(await writeProject('shop.apigw.yaml'));
    await first.close();

    const again = await workspace().start();
    expect(again).toMatchObject({ path: other.path, demo: false });

    await rm(other.path);
    const fallback = await workspace().start();
    expect(fallback).toMatchObject({ path: demo.path, demo: true });
    expect(fallback.project?.description).toBe('Mine now.');
  });

  it('opens --project FILE instead, without copying the quickstart', async () => {
    const path = await writeProject('shop.apigw.yaml');
    const state = await workspace().start(path);
    expect(state).toMatchObject({ path, demo: false, fileName: 'shop.apigw.yaml', problems: [] });
    await expect(stat(quickstartCopyPath(dataDir))).rejects.toThrow();
  });

  it('refuses to start on a project file that cannot be read', async () => {
    await expect(workspace().start(join(dir, 'missing.apigw.yaml'))).rejects.toMatchObject({ code: 'READ_FAILED' });
  });
});

describe('saving', () => {
  it('saves over the revision it loaded, keeping comments and the previous file as .bak', async () => {
    const path = await writeProject('shop.apigw.yaml', `# My shop.\n${serializeProject(smallProject())}`);
    const service = workspace();
    const state = await service.start(path);
    const saved = await service.save({ project: { ...state.project!, description: 'A shop.' }, revision: state.revision });
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# My shop.');
    expect(text).toContain('description: A shop.');
    expect(saved.revision).toBe(revisionOf(text));
    expect(saved.revision).not.toBe(state.revision);
    expect(await readFile(`${path}.bak`, 'utf8')).toContain('# My shop.');
  });

  it('refuses a save with a stale revision (CHANGED_ON_DISK) unless forced', async () => {
    const path = await writeProject('shop.apigw.yaml');
    const service = workspace();
    const state = await service.start(path);
    await writeFile(path, (await readFile(path, 'utf8')).replace('name: shop', 'name: shop-by-someone-else'));
    const change = { ...state.project!, description: 'Mine.' };

    await expect(service.save({ project: change, revision: state.revision })).rejects.toMatchObject({ code: 'CHANGED_ON_DISK' });
    expect(await readFile(path, 'utf8')).toContain('shop-by-someone-else');

    const forced = await service.save({ project: change, revision: state.revision, force: true });
    expect(forced.project?.description).toBe('Mine.');
    expect(await readFile(`${path}.bak`, 'utf8')).toContain('shop-by-someone-else');
  });

  it('refuses to save over a file that failed to load (LOAD_FAILED), and over a deleted one', async () => {
    const path = await writeProject('broken.apigw.yaml', 'format: apigw-studio/v1\nname: [unclosed\n');
    const service = workspace();
    const state = await service.start(path);
    expect(state.project).toBeUndefined();
    expect(state.problems.length).toBeGreaterThan(0);
    await expect(service.save({ project: smallProject(), revision: state.revision })).rejects.toMatchObject({ code: 'LOAD_FAILED' });
    expect((await service.text()).text).toBe('format: apigw-studio/v1\nname: [unclosed\n');

    await rm(path);
    await expect(service.save({ project: smallProject(), revision: state.revision })).rejects.toMatchObject({ code: 'CHANGED_ON_DISK' });
  });

  it('saves a project that loaded with rule problems, so the UI can fix them', async () => {
    const text = serializeProject(smallProject()).replace('group: orders', 'group: no-such-group');
    const path = await writeProject('rules.apigw.yaml', text);
    const service = workspace();
    const state = await service.start(path);
    expect(state.project).toBeDefined();
    expect(state.problems.length).toBeGreaterThan(0);
    const fixed = await service.save({ project: smallProject(), revision: state.revision });
    expect(fixed.problems).toEqual([]);
  });

  it('never writes a secret into the project file (SECRET_IN_PROJECT)', async () => {
    const service = workspace();
    const state = await service.start();
    const leaked = { ...state.project!, description: 'key quickstartSecret0123456789abcdef' };
    await expect(service.save({ project: leaked, revision: state.revision })).rejects.toMatchObject({ code: 'SECRET_IN_PROJECT' });
  });
});

describe('open, create and recent', () => {
  it('lists recent projects newest first, each once, at most 10', async () => {
    const service = workspace();
    await service.start();
    const paths: string[] = [];
    for (let i = 0; i < MAX_RECENT_PROJECTS + 2; i++) paths.push(await writeProject(`p${i}.apigw.yaml`));
    for (const path of paths) await service.open(path);
    await service.open(paths[3]);
    const recent = await service.recent();
    expect(recent).toHaveLength(MAX_RECENT_PROJECTS);
    expect(recent[0]).toMatchObject({ path: paths[3], name: 'shop' });
    expect(recent.map((entry) => entry.path)).toEqual([paths[3], ...paths.slice(2).reverse().filter((p) => p !== paths[3])].slice(0, MAX_RECENT_PROJECTS));
    expect(new Set(recent.map((entry) => entry.path)).size).toBe(recent.length);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')).recentProjects).toEqual(recent);
  });

  it('creates an empty project, adding .apigw.yaml, and refuses to create over a file', async () => {
    const service = workspace();
    await service.start();
    await mkdir(join(dir, 'new'));
    const created = await service.create({ path: join(dir, 'new', 'billing'), name: 'billing' });
    expect(created).toMatchObject({ path: join(dir, 'new', 'billing.apigw.yaml'), problems: [], demo: false });
    expect(created.project).toMatchObject({ name: 'billing', apis: [], groups: [] });
    expect((await service.recent())[0].path).toBe(created.path);
    await expect(service.create({ path: created.path, name: 'again' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('says the browser has no file dialog unless one is given', async () => {
    expect(await workspace().chooseFile({ purpose: 'open' })).toEqual({ supported: false });
    const native = new WorkspaceService({ dataDir, appRoot: APP_ROOT, events: new HostEvents(), chooseFile: async () => ({ supported: true, path: '/x.apigw.yaml' }) });
    expect(await native.chooseFile({ purpose: 'save' })).toEqual({ supported: true, path: '/x.apigw.yaml' });
  });
});

describe('changes on disk', () => {
  it('reports a change by another program once, and not its own saves', async () => {
    const events = new HostEvents();
    const path = await writeProject('shop.apigw.yaml');
    const service = workspace(events);
    const state = await service.start(path);
    const changed = nextEvent(events, 'agw:project.changedOnDisk');

    await service.save({ project: { ...state.project!, description: 'Saved by the app.' }, revision: state.revision });
    const outside = (await readFile(path, 'utf8')).replace('Saved by the app.', 'Edited elsewhere.');
    await writeFile(path, outside);

    // Events arrive in order: had the app's own save been reported, this would be its revision.
    expect(await changed).toEqual({ path, revision: revisionOf(outside) });
  });
});
