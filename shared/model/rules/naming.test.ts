import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem, problemsOf } from '../test-fixtures';

describe('naming rules', () => {
  it('refuses a name that does not start with a letter', () => {
    const project = makeProject();
    project.throttlingPolicies[0].name = '_low-qps';
    expect(onlyProblem(project)).toMatchObject({ path: ['throttlingPolicies', 0, 'name'], message: expect.stringContaining('must start with a letter') });
  });

  it('refuses two groups of one name', () => {
    const project = makeProject();
    project.groups.push({ ...project.groups[0], stageVariables: {} });
    expect(onlyProblem(project)).toMatchObject({
      path: ['groups', 1, 'name'],
      message: expect.stringContaining('Group name `demo-hello-api` is used twice in the project (first at groups[0])'),
    });
  });

  it('refuses two APIs of one name in a group, but not across groups', () => {
    const project = makeProject();
    project.apis.push({ ...project.apis[0], request: { ...project.apis[0].request, path: '/hello-again' } });
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 3, 'name'], message: expect.stringContaining('is used twice in group `demo-hello-api`') });

    const other = makeProject();
    other.groups.push({ name: 'other-group', basePath: '/', stageVariables: {} });
    other.apis.push({ ...other.apis[0], group: 'other-group' });
    expect(problemsOf(other)).toEqual([]);
  });

  it('refuses two apps of one name', () => {
    const project = makeProject();
    project.apps.push({ name: project.apps[0].name });
    expect(onlyProblem(project)).toMatchObject({ path: ['apps', 1, 'name'], message: expect.stringContaining('App name `demo-caller-app` is used twice') });
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
