import { describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/model/schema';
import { makeProject } from '../../../shared/model/test-fixtures';
import { deployApi } from '../../../shared/model/stages';
import { apiYaml, sameDefinition, stageCell } from './stage-view';

describe('stageCell', () => {
  it('shows what a stage serves and whether the working copy differs', () => {
    const project = makeProject();
    const [hello, getUser] = project.apis;
    expect(stageCell(project, hello, 'TEST')).toMatchObject({ differs: false, last: { version: 1 } });
    expect(stageCell(project, hello, 'PRE')).toMatchObject({ last: undefined, served: undefined, differs: false });
    expect(stageCell(project, getUser, 'TEST').last?.rollbackOf).toBe(1);

    const edited = { ...project, apis: project.apis.map((a, i) => (i === 0 ? { ...a, description: 'changed' } : a)) };
    expect(stageCell(edited, edited.apis[0], 'TEST').differs).toBe(true);
    const redeployed = deployApi(edited, { group: hello.group, api: hello.name }, 'TEST', { at: '2025-02-01T00:00:00Z' });
    expect(stageCell(redeployed, redeployed.apis[0], 'TEST')).toMatchObject({ differs: false, last: { version: 2 } });
  });

  it('treats a default written out and a default left out as the same definition', () => {
    const api = makeProject().apis[0];
    const { errorCodes: _defaulted, ...bare } = api;
    expect(sameDefinition(api, bare as Api)).toBe(true);
    expect(sameDefinition(api, { ...api, description: 'other' })).toBe(false);
    expect(apiYaml(api)).toContain('name: hello');
    expect(apiYaml(api)).not.toContain('errorCodes');
    expect(apiYaml(undefined)).toBe('');
  });
});
