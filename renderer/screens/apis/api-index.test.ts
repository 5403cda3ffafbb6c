import { describe, expect, it } from 'vitest';
import { makeProject } from '../../../shared/model/test-fixtures';
import { NO_FILTERS, filterApis, problemsPerApi, servedStages, stagesOf } from './api-index';

describe('API list index', () => {
  const project = makeProject();
  const names = (indexes: number[]) => indexes.map((i) => project.apis[i].name);

  it('filters by text over name, path and description, all words', () => {
    expect(names(filterApis(project, { ...NO_FILTERS, text: 'users' }))).toEqual(['get_user']);
    expect(names(filterApis(project, { ...NO_FILTERS, text: 'mock hello' }))).toEqual(['hello']);
    expect(filterApis(project, NO_FILTERS)).toHaveLength(project.apis.length);
  });

  it('filters by method, auth, group and stage', () => {
    expect(names(filterApis(project, { ...NO_FILTERS, method: 'POST' }))).toEqual(['echo_message']);
    expect(names(filterApis(project, { ...NO_FILTERS, auth: 'ANONYMOUS' }))).toContain('hello');
    expect(filterApis(project, { ...NO_FILTERS, group: 'nope' })).toEqual([]);
    const served = servedStages(project.deployments);
    const release = filterApis(project, { ...NO_FILTERS, stage: 'RELEASE' });
    for (const i of release) expect(stagesOf(served, project.apis[i])).toContain('RELEASE');
    const none = filterApis(project, { ...NO_FILTERS, stage: 'none' });
    for (const i of none) expect(stagesOf(served, project.apis[i])).toEqual([]);
    expect(release.length + none.length).toBeLessThanOrEqual(project.apis.length);
  });

  it('counts problems per API', () => {
    const counts = problemsPerApi([
      { path: ['apis', 2, 'request', 'path'], message: 'a' },
      { path: ['apis', 2], message: 'b' },
      { path: ['groups', 0], message: 'c' },
    ]);
    expect([...counts]).toEqual([[2, 2]]);
  });

  // How fast is bench/console.bench.ts's question (timed assertions stay out of tests); here: right at that size.
  it('filters 5,000 APIs by name and path: every match and nothing else, in list order', () => {
    const template = project.apis[0];
    const apis = Array.from({ length: 5000 }, (_, i) => ({ ...template, name: `api-${i}`, request: { ...template.request, path: `/p/${i}` } }));
    const big = { apis, deployments: [] };
    expect(filterApis(big, { ...NO_FILTERS, text: 'api-4999' })).toEqual([4999]);
    // A prefix matches every API whose name starts with it: api-49, api-490..499, api-4900..4999.
    const prefix = filterApis(big, { ...NO_FILTERS, text: 'api-49' });
    expect(prefix).toHaveLength(1 + 10 + 100);
    expect(prefix).toEqual([...prefix].sort((a, b) => a - b));
    expect(prefix.every((i) => apis[i].name.startsWith('api-49'))).toBe(true);
    // By path, and all words must match.
    expect(filterApis(big, { ...NO_FILTERS, text: '/p/1234' })).toEqual([1234]);
    expect(filterApis(big, { ...NO_FILTERS, text: 'api-12 /p/1299' })).toEqual([1299]);
    expect(filterApis(big, { ...NO_FILTERS, text: 'api-5000' })).toEqual([]);
  });
});
