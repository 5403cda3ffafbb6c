import { describe, expect, it } from 'vitest';
import { makeProject } from '../../shared/model/test-fixtures';
import { search } from './search-index';

describe('search', () => {
  const project = makeProject();

  it('finds APIs by name, path and method, groups and apps', () => {
    expect(search(project, 'hello').map((i) => `${i.kind}:${i.label}`)).toContain('API:hello');
    expect(search(project, '/users').map((i) => i.label)).toEqual(['get_user']);
    expect(search(project, 'post echo').map((i) => i.label)).toEqual(['echo_message']);
    expect(search(project, project.groups[0].name)[0]).toMatchObject({ kind: 'Group', area: 'groups' });
    expect(search(project, project.apps[0].name)[0]).toMatchObject({ kind: 'App', selection: { kind: 'app', name: project.apps[0].name } });
  });

  it('puts names that start with the query first and finds nothing for an empty query', () => {
    const names = search(project, 'e').map((i) => i.label);
    expect(names.indexOf('echo_message')).toBeLessThan(names.indexOf('hello'));
    expect(search(project, '   ')).toEqual([]);
  });
});
