import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem, problemsOf } from '../test-fixtures';

describe('naming rules', () => {
  it('refuses a name the cloud refuses, at its field, with the name to use instead', () => {
    const project = makeProject();
    project.throttlingPolicies[0].name = '_low_qps';
    expect(onlyProblem(project)).toMatchObject({
      path: ['throttlingPolicies', 0, 'name'],
      message: 'Throttling policy name `_low_qps`: Alibaba Cloud wants throttling policy names to start with a letter or a digit; use `low_qps`.',
    });
  });

  it("suggests a name nobody in the scope has, not even another name's suggestion", () => {
    const project = makeProject();
    project.groups[0].name = 'demo-hello-api';
    project.groups.push({ name: 'demo_hello_api', basePath: '/two', stageVariables: {} }, { name: 'demo hello api', basePath: '/three', stageVariables: {} });
    project.apis.forEach((api) => (api.group = 'demo_hello_api'));
    project.deployments.forEach((d) => (d.group = 'demo_hello_api'));
    const messages = problemsOf(project).filter((p) => p.path[0] === 'groups').map((p) => p.message);
    expect(messages).toEqual([expect.stringContaining('use `demo_hello_api_2`'), expect.stringContaining('use `demo_hello_api_3`')]);
  });

  it('refuses two groups of one name', () => {
    const project = makeProject();
    project.groups.push({ ...project.groups[0], stageVariables: {} });
    expect(onlyProblem(project)).toMatchObject({
      path: ['groups', 1, 'name'],
      message: expect.stringContaining('Group name `demo_hello_api` is used twice in the project (first at groups[0])'),
    });
  });

  it('refuses two APIs of one name in a group, but not across groups', () => {
    const project = makeProject();
    project.apis.push({ ...project.apis[0], request: { ...project.apis[0].request, path: '/hello-again' } });
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 3, 'name'], message: expect.stringContaining('is used twice in group `demo_hello_api`') });

    const other = makeProject();
    other.groups.push({ name: 'other_group', basePath: '/', stageVariables: {} });
    other.apis.push({ ...other.apis[0], group: 'other_group' });
    expect(problemsOf(other)).toEqual([]);
  });

  it('refuses two apps of one name', () => {
    const project = makeProject();
    project.apps.push({ name: project.apps[0].name });
    expect(onlyProblem(project)).toMatchObject({ path: ['apps', 1, 'name'], message: expect.stringContaining('App name `demo_caller_app` is used twice') });
  });

  it('limits group descriptions to 180 characters and policy descriptions to 200', () => {
    const project = makeProject();
    project.groups[0].description = 'x'.repeat(181);
    expect(onlyProblem(project)).toMatchObject({ path: ['groups', 0, 'description'], message: expect.stringContaining('at most 180') });

    const policy = makeProject();
    policy.throttlingPolicies[0].description = 'x'.repeat(200);
    expect(problemsOf(policy)).toEqual([]);
    policy.throttlingPolicies[0].description = 'x'.repeat(201);
    expect(onlyProblem(policy)).toMatchObject({ path: ['throttlingPolicies', 0, 'description'], message: expect.stringContaining('at most 200') });
  });

  it('limits deployment notes to 200 characters', () => {
    const project = makeProject();
    project.deployments[1].history[0].description = 'x'.repeat(201);
    expect(onlyProblem(project)).toMatchObject({ path: ['deployments', 1, 'history', 0, 'description'], message: expect.stringContaining('at most 200') });
  });
});
