import { beforeEach, describe, expect, it } from 'vitest';
import { buildHostApi } from '../../shared/ipc/contract';
import type { CallChannel, HostErrorPayload, ProjectState } from '../../shared/ipc/contract';
import { FIXTURE, makeProject } from '../../shared/model/test-fixtures';
import type { Project } from '../../shared/model/schema';
import { setHost } from './host';
import { HostError } from './host-error';
import { UNDO_LIMIT, useProjectStore } from './project-store';

/** The host boundary, faked: each channel answers from `handlers`; calls are recorded. */
function fakeHost(handlers: Partial<Record<CallChannel, (...args: unknown[]) => unknown>>) {
  const calls: { channel: CallChannel; args: unknown[] }[] = [];
  const api = buildHostApi(
    async (channel, args) => {
      calls.push({ channel, args });
      const handler = handlers[channel];
      if (!handler) throw new HostError({ code: 'UNKNOWN_CHANNEL', message: `no fake for ${channel}` });
      return handler(...args);
    },
    () => () => undefined,
  );
  setHost(api);
  return calls;
}

function stateOf(project: Project | undefined, revision = 'rev-1', problems: ProjectState['problems'] = []): ProjectState {
  return { path: '/tmp/p.apigw.yaml', fileName: 'p.apigw.yaml', project, problems, revision, demo: false };
}

const store = () => useProjectStore.getState();
const rename = (name: string) => (p: Project) => ({ ...p, name });

beforeEach(async () => {
  fakeHost({ 'agw:project.current': () => stateOf(makeProject()) });
  await store().load();
});

describe('project store', () => {
  it('loads the current project as a clean working copy', () => {
    expect(store().status).toBe('ready');
    expect(store().working?.name).toBe(makeProject().name);
    expect(store().dirty).toBe(false);
    expect(store().problems).toEqual([]);
  });

  it('edits, undoes and redoes, tracking dirty against the loaded copy', () => {
    store().edit('Rename', rename('one'));
    store().edit('Rename', rename('two'));
    expect(store().working?.name).toBe('two');
    expect(store().dirty).toBe(true);
    expect(store().undoLabel).toBe('Rename');

    store().undo();
    expect(store().working?.name).toBe('one');
    store().undo();
    expect(store().working?.name).toBe(makeProject().name);
    expect(store().dirty).toBe(false);
    store().undo(); // nothing left: no change
    expect(store().past).toHaveLength(0);

    store().redo();
    store().redo();
    expect(store().working?.name).toBe('two');
    expect(store().dirty).toBe(true);

    store().undo();
    store().edit('Rename', rename('three')); // a new edit drops the redo stack
    expect(store().future).toHaveLength(0);
  });

  it('merges edits with the same merge key into one undo step', () => {
    store().edit('Type', rename('a'), { merge: 'field-name' });
    store().edit('Type', rename('ab'), { merge: 'field-name' });
    store().edit('Type', rename('abc'), { merge: 'field-name' });
    expect(store().past).toHaveLength(1);
    store().undo();
    expect(store().working?.name).toBe(makeProject().name);
  });

  it("names the field whose typing the next undo or redo reverts, so Ctrl+Z in that field can undo it", () => {
    store().edit('Type', rename('a'), { merge: 'field-name' });
    store().edit('Type', rename('ab'), { merge: 'field-name' });
    expect(store().undoKey).toBe('field-name');
    store().edit('Rename', rename('other'));
    expect(store().undoKey).toBeUndefined();
    store().undo();
    expect([store().undoKey, store().redoKey]).toEqual(['field-name', undefined]);
    store().undo();
    expect([store().undoKey, store().redoKey]).toEqual([undefined, 'field-name']);
    store().redo();
    expect([store().undoKey, store().redoKey]).toEqual(['field-name', undefined]);
  });

  it("runs an edit's outside half back on undo and again on redo, and never merges it", () => {
    const ran: string[] = [];
    const effect = { undo: () => ran.push('undo'), redo: () => ran.push('redo') };
    store().edit('Rename', rename('one'), { merge: 'name' });
    store().edit('Rename names', rename('two'), { merge: 'name', effect });
    store().edit('Rename', rename('three'), { merge: 'name' });
    expect(store().past).toHaveLength(3);
    store().undo();
    expect(ran).toEqual([]);
    store().undo();
    expect(store().working?.name).toBe('one');
    expect(ran).toEqual(['undo']);
    store().undo();
    store().redo();
    expect(ran).toEqual(['undo']);
    store().redo();
    expect(store().working?.name).toBe('two');
    expect(ran).toEqual(['undo', 'redo']);
  });

  it('keeps at most the undo limit of steps', () => {
    for (let i = 0; i < UNDO_LIMIT + 20; i++) store().edit('Rename', rename(`n${i}`));
    expect(store().past).toHaveLength(UNDO_LIMIT);
  });

  it('recomputes problems live as the design changes', () => {
    store().edit('Path', (p) => ({ ...p, apis: p.apis.map((a, i) => (i === 0 ? { ...a, request: { ...a.request, path: '/items/[id]' } } : a)) }));
    const atPath = store().problems.filter((pr) => pr.path.join('.') === 'apis.0.request.path');
    expect(atPath.length).toBeGreaterThan(0);
    expect(atPath[0].message).toMatch(/id/);
    store().undo();
    expect(store().problems).toEqual([]);
  });

  it('saves the working copy with the loaded revision and clears dirty', async () => {
    const calls = fakeHost({ 'agw:project.save': (req) => stateOf((req as { project: Project }).project, 'rev-2') });
    store().edit('Rename', rename('saved'));
    expect(await store().save()).toBe(true);
    const sent = calls.find((c) => c.channel === 'agw:project.save')?.args[0] as { project: Project; revision: string; force?: boolean };
    expect(sent.revision).toBe('rev-1');
    expect(sent.project.name).toBe('saved');
    expect(store().dirty).toBe(false);
    expect(store().file?.revision).toBe('rev-2');

    // The next save names the new revision; undo past the save makes the project dirty again.
    store().undo();
    expect(store().dirty).toBe(true);
    await store().save({ force: true });
    const second = calls.filter((c) => c.channel === 'agw:project.save')[1].args[0] as { revision: string; force?: boolean };
    expect(second).toMatchObject({ revision: 'rev-2', force: true });
  });

  it('keeps the edits and reports the error when a save fails', async () => {
    const refusal: HostErrorPayload = { code: 'CHANGED_ON_DISK', message: 'not saving over /tmp/p.apigw.yaml: it changed on disk' };
    fakeHost({ 'agw:project.save': () => Promise.reject(new HostError(refusal)) });
    store().edit('Rename', rename('kept'));
    expect(await store().save()).toBe(false);
    expect(store().working?.name).toBe('kept');
    expect(store().dirty).toBe(true);
    expect(store().saving).toBe(false);
    expect(store().saveError).toMatchObject({ code: 'CHANGED_ON_DISK', message: refusal.message });
  });

  it('reports a file that failed to load as failed, with its problems', async () => {
    const problems = [{ path: ['apis', 0, 'request'], message: 'Missing request', line: 12, file: '/tmp/bad.apigw.yaml' }];
    fakeHost({ 'agw:project.open': () => stateOf(undefined, 'rev-bad', problems) });
    store().edit('Rename', rename('dropped'));
    await store().open('/tmp/bad.apigw.yaml');
    expect(store().status).toBe('failed');
    expect(store().working).toBeUndefined();
    expect(store().problems).toEqual(problems);
    expect(store().dirty).toBe(false);
    // Nothing to save: a failed file is never overwritten from here.
    expect(await store().save()).toBe(false);
  });

  it('rejects an open the host refuses and keeps the project that is open', async () => {
    fakeHost({ 'agw:project.open': () => Promise.reject(new HostError({ code: 'READ_FAILED', message: 'cannot read /nope: the file does not exist' })) });
    store().edit('Rename', rename('still-here'));
    await expect(store().open('/nope')).rejects.toMatchObject({ code: 'READ_FAILED' });
    expect(store().working?.name).toBe('still-here');
    expect(store().dirty).toBe(true);
  });

  it('shows why when no project could be loaded at all', async () => {
    fakeHost({ 'agw:project.current': () => Promise.reject(new HostError({ code: 'NO_PROJECT', message: 'No project is open yet.' })) });
    await store().load();
    expect(store().status).toBe('failed');
    expect(store().loadError?.code).toBe('NO_PROJECT');
    expect(store().problems[0].message).toBe('No project is open yet.');
  });

  it('validates big projects after a pause, or at once on request', () => {
    const big = makeProject();
    const template = big.apis[0];
    const extra = Array.from({ length: 400 }, (_, i) => ({ ...template, name: `api${i}`, request: { ...template.request, path: `/p${i}` } }));
    const apis = [...big.apis, ...extra];
    const target = big.apis.length + 5;
    useProjectStore.getState().adopt(stateOf({ ...big, apis }));
    expect(store().problems).toEqual([]);
    store().edit('Path', (p) => ({ ...p, apis: p.apis.map((a, i) => (i === target ? { ...a, request: { ...a.request, path: '/x/[id]' } } : a)) }));
    expect(store().problems).toEqual([]); // not yet: debounced
    store().checkNow();
    expect(store().problems.some((pr) => pr.path.join('.') === `apis.${target}.request.path`)).toBe(true);
  });
});

describe('fixture', () => {
  it('names the group the tests rely on', () => {
    expect(makeProject().groups[0].name).toBe(FIXTURE.group);
  });
});
