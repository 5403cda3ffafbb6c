import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem } from '../test-fixtures';

describe('group settings', () => {
  it('requires the base path to start with /', () => {
    const project = makeProject();
    project.groups[0].basePath = 'v1';
    expect(onlyProblem(project)).toMatchObject({ path: ['groups', 0, 'basePath'], message: expect.stringContaining('Base path `v1` of group `demo_hello_api` must start with `/`') });
  });

  it('refuses a base path that is not a literal path', () => {
    const project = makeProject();
    project.groups[0].basePath = '/v1/[version]';
    expect(onlyProblem(project)).toMatchObject({ path: ['groups', 0, 'basePath'], message: expect.stringContaining('Base path `/v1/[version]` of group `demo_hello_api` holds `[`') });
  });

  it('requires stage variable names to be identifiers', () => {
    const project = makeProject();
    project.groups[0].stageVariables.PRE = { 'backend-host': 'pre.example.com' };
    expect(onlyProblem(project)).toMatchObject({
      path: ['groups', 0, 'stageVariables', 'PRE', 'backend-host'],
      message: expect.stringContaining('Stage variable name `backend-host` in PRE of group `demo_hello_api` is not valid'),
    });
  });
});
