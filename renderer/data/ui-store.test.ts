import { beforeEach, describe, expect, it } from 'vitest';
import { buildHostApi } from '../../shared/ipc/contract';
import type { ProjectState } from '../../shared/ipc/contract';
import { makeProject } from '../../shared/model/test-fixtures';
import { fieldId, problemIndex, problemsUnder } from './fields';
import { setHost } from './host';
import { onChangedOnDisk, onOpened } from './project-events';
import { useProjectStore } from './project-store';
import { locateField, useUiStore } from './ui-store';

const ui = () => useUiStore.getState();
let opens = 0;
const state = (revision: string, name = 'p'): ProjectState => ({
  path: '/tmp/p.apigw.yaml',
  fileName: 'p.apigw.yaml',
  project: { ...makeProject(), name },
  problems: [],
  revision,
  demo: false,
});

beforeEach(() => {
  opens = 0;
  setHost(
    buildHostApi(
      async (channel) => {
        if (channel === 'agw:project.open') return state(`rev-${++opens + 1}`, 'from-disk');
        throw new Error(`no fake for ${channel}`);
      },
      () => () => undefined,
    ),
  );
  useProjectStore.getState().adopt(state('rev-1'));
  useUiStore.setState({ area: 'apis', selection: undefined, notices: [], focusRequest: undefined });
});

describe('ui store', () => {
  it('focusField shows the area and thing that hold the field, then asks for focus', () => {
    const project = makeProject();
    ui().focusField(['apis', 1, 'request', 'path']);
    expect(ui().area).toBe('apis');
    expect(ui().selection).toEqual({ kind: 'api', group: project.apis[1].group, api: project.apis[1].name });
    expect(ui().focusRequest?.path).toEqual(['apis', 1, 'request', 'path']);
    const seq = ui().focusRequest!.seq;
    ui().focusDone(seq);
    expect(ui().focusRequest).toBeUndefined();
  });

  it('locates fields of every part of the project', () => {
    const project = makeProject();
    expect(locateField(project, ['groups', 0, 'basePath']).area).toBe('groups');
    expect(locateField(project, ['deployments', 0, 'history', 0]).area).toBe('stages');
    expect(locateField(project, ['throttlingPolicies', 0, 'apiDefault']).selection).toEqual({ kind: 'throttlingPolicy', name: project.throttlingPolicies[0].name });
    expect(locateField(project, ['authorizations', 0, 'app'])).toEqual({ area: 'apps', selection: { kind: 'authorization', index: 0 } });
    expect(locateField(project, ['plugins', 1]).area).toBe('plugins');
    expect(locateField(project, ['name']).area).toBe('settings');
  });

  it('queues and dismisses notices', () => {
    ui().notify('Saved', 'success');
    ui().notify('Oops', 'error');
    expect(ui().notices.map((n) => n.message)).toEqual(['Saved', 'Oops']);
    ui().dismiss(ui().notices[0].id);
    expect(ui().notices.map((n) => n.severity)).toEqual(['error']);
  });
});

describe('field helpers', () => {
  it('makes DOM ids from paths', () => {
    expect(fieldId(['apis', 3, 'request', 'path'])).toBe('field-apis-3-request-path');
    expect(fieldId(['groups', 0, 'stageVariables', 'TEST', 'my.var'])).toBe('field-groups-0-stageVariables-TEST-my_var');
  });

  it('indexes problems by exact path and finds those under a prefix', () => {
    const problems = [
      { path: ['apis', 1, 'request', 'path'], message: 'a' },
      { path: ['apis', 1, 'request', 'path'], message: 'b' },
      { path: ['apis', 10], message: 'c' },
    ];
    expect(problemIndex(problems).get(JSON.stringify(['apis', 1, 'request', 'path']))).toEqual(['a', 'b']);
    expect(problemsUnder(problems, ['apis', 1]).map((p) => p.message)).toEqual(['a', 'b']);
  });
});

describe('project events', () => {
  it('reloads a clean project that changed on disk', async () => {
    onChangedOnDisk({ path: '/tmp/p.apigw.yaml', revision: 'rev-x' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useProjectStore.getState().working?.name).toBe('from-disk');
    expect(ui().notices.at(-1)?.message).toMatch(/changed on disk/);
  });

  it('keeps unsaved edits when the file changes on disk, and says so', () => {
    useProjectStore.getState().edit('Rename', (p) => ({ ...p, name: 'mine' }));
    onChangedOnDisk({ path: '/tmp/p.apigw.yaml', revision: 'rev-x' });
    expect(useProjectStore.getState().working?.name).toBe('mine');
    expect(useProjectStore.getState().changedOnDisk).toBe(true);
  });

  it('ignores the echo of its own open and adopts another project when clean', () => {
    onOpened(state('rev-1', 'echo'));
    expect(useProjectStore.getState().working?.name).toBe('p');
    onOpened({ ...state('rev-9', 'other'), path: '/tmp/other.apigw.yaml' });
    expect(useProjectStore.getState().working?.name).toBe('other');
  });
});
