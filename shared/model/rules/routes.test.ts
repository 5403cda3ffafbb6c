import { describe, expect, it } from 'vitest';
import { makeMockApi, makeProject, onlyProblem, problemsOf } from '../test-fixtures';

describe('duplicate routes', () => {
  it('finds two APIs whose paths differ only in parameter names', () => {
    const project = makeProject();
    const twin = makeMockApi('get-user-again', '/users/[uid]');
    twin.parameters.push({ name: 'uid', location: 'PATH', type: 'String', required: true });
    project.apis.push(twin);
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 3, 'request', 'path'],
      message: expect.stringContaining('API `get-user-again` (GET /users/[uid]) has the same route as API `get-user` (GET /users/[id])'),
    });
  });

  it('treats ANY as every method', () => {
    const project = makeProject();
    const any = makeMockApi('hello-any', '/hello');
    any.request.method = 'ANY';
    project.apis.push(any);
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 3, 'request', 'path'], message: expect.stringContaining('same route as API `hello`') });
  });

  it('lets another method or another group use the same path', () => {
    const project = makeProject();
    const post = makeMockApi('hello-post', '/hello');
    post.request.method = 'POST';
    project.groups.push({ name: 'other-group', basePath: '/', stageVariables: {} });
    project.apis.push(post, makeMockApi('hello-other', '/hello', 'other-group'));
    expect(problemsOf(project)).toEqual([]);
  });

  it('finds collisions among the snapshots deployed to a stage', () => {
    const project = makeProject();
    const renamed = makeMockApi('hello-two', '/hello-two');
    project.apis.push(renamed);
    // Its TEST snapshot was taken while its path still was /hello.
    const snapshot = makeMockApi('hello-two', '/hello');
    project.deployments.push({ group: renamed.group, api: 'hello-two', stage: 'TEST', history: [{ version: 1, at: '2025-02-01T00:00:00Z', definition: snapshot }] });
    expect(onlyProblem(project)).toMatchObject({
      path: ['deployments', 3, 'history', 0, 'definition', 'request', 'path'],
      message: expect.stringContaining('same route as API `hello` (GET /hello) in group `demo-hello-api` in stage TEST'),
    });
  });
});
