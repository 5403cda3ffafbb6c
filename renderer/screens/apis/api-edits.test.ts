import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { addApi, apiReferences, deleteApi, duplicateApi, hasReferences, newMockApi, renameApi, updateApi } from './api-edits';

const group = FIXTURE.group;

describe('API edits', () => {
  it('creates a valid mock API and declares its path parameters', () => {
    const api = newMockApi({ group, name: 'get_item', method: 'GET', path: '/items/[id]' });
    expect(api.parameters).toEqual([{ name: 'id', location: 'PATH', type: 'String', required: true }]);
    const project = addApi(makeProject(), api);
    expect(validateProject(project).problems).toEqual([]);
  });

  it('lists and deletes everything that references an API, leaving nothing dangling', () => {
    const project = makeProject();
    // Find an API the fixture references from several places.
    const ref = { group, api: project.authorizations[0].api };
    const refs = apiReferences(project, ref);
    expect(hasReferences(refs)).toBe(true);
    expect(refs.authorizations.length).toBeGreaterThan(0);

    const after = deleteApi(project, ref);
    expect(after.apis.some((a) => a.name === ref.api)).toBe(false);
    expect(hasReferences(apiReferences(after, ref))).toBe(false);
    expect(validateProject(after).problems).toEqual([]);
  });

  it('renames an API with its histories, authorizations and bindings following', () => {
    const project = makeProject();
    const from = { group, api: project.authorizations[0].api };
    const renamed = renameApi(project, from, { group, api: 'renamed_api' });
    expect(validateProject(renamed).problems).toEqual([]);
    expect(hasReferences(apiReferences(renamed, from))).toBe(false);
    expect(apiReferences(renamed, { group, api: 'renamed_api' })).toEqual(apiReferences(project, from));
  });

  it('duplicates an API under a new name and path, with no problems', () => {
    const project = makeProject();
    const { project: after, copy } = duplicateApi(project, { group, api: 'hello' });
    expect(copy).toEqual({ group, api: 'hello_copy' });
    const index = after.apis.findIndex((a) => a.name === 'hello_copy');
    expect(index).toBe(after.apis.findIndex((a) => a.name === 'hello') + 1);
    expect(after.apis[index].request.path).toBe('/hello-copy');
    expect(validateProject(after).problems).toEqual([]);
    expect(duplicateApi(after, { group, api: 'hello' }).copy.api).toBe('hello_copy2');
    // Parameterised paths keep their parameters.
    const second = duplicateApi(project, { group, api: 'get_user' });
    expect(validateProject(second.project).problems).toEqual([]);
  });

  it('updates one API (deploying it is the Deploy dialog\'s: screens/common/deploy-edits.test.ts)', () => {
    const project = makeProject();
    const changed = updateApi(project, { group, api: 'hello' }, (api) => ({ ...api, description: 'changed' }));
    expect(changed.apis.find((a) => a.name === 'hello')?.description).toBe('changed');
    expect(updateApi(project, { group, api: 'missing' }, (a) => a)).toBe(project);
  });
});
