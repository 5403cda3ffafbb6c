import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/ipc/contract';
import { FIXTURE, makeMockApi, makeProject } from '../../../shared/model/test-fixtures';
import { describeProblemPath, importBlockers, mergeImport } from './import-check';

const preview = (apis: ImportPreview['apis'], groups: ImportPreview['groups'] = []): ImportPreview => ({ apis, groups, problems: [], format: 'OpenAPI 3.0' });

describe('import check', () => {
  it('adds new groups and the APIs after the existing ones', () => {
    const project = makeProject();
    const merged = mergeImport(project, preview([makeMockApi('list_pets', '/pets', 'pets')], [{ name: 'pets', basePath: '/', stageVariables: {} }]));
    expect(merged.groups.map((g) => g.name)).toEqual([FIXTURE.group, 'pets']);
    expect(merged.apis.at(-1)?.name).toBe('list_pets');
    expect(importBlockers(project, preview([makeMockApi('list_pets', '/pets', 'pets')], [{ name: 'pets', basePath: '/', stageVariables: {} }]))).toEqual([]);
  });

  it('does not add a group that already exists', () => {
    const project = makeProject();
    const merged = mergeImport(project, preview([makeMockApi('list_pets', '/pets')], [{ name: FIXTURE.group, basePath: '/', stageVariables: {} }]));
    expect(merged.groups).toHaveLength(1);
  });

  it('reports only the problems the import adds, naming the imported API', () => {
    const project = makeProject();
    const clash = preview([makeMockApi('hello', '/hello-again')]);
    const blockers = importBlockers(project, clash);
    expect(blockers).toHaveLength(1);
    expect(blockers[0].message).toMatch(/used twice/);
    expect(describeProblemPath(mergeImport(project, clash), blockers[0])).toBe('GET /hello-again (hello) name');
  });
});
