import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem } from '../test-fixtures';

// deployments[2] is get_user in TEST: versions 1, 2 (abolished), 3 (rollback of 1).
describe('deployment histories', () => {
  it('requires versions to increase', () => {
    const project = makeProject();
    project.deployments[2].history[1].version = 1;
    expect(onlyProblem(project)).toMatchObject({ path: ['deployments', 2, 'history', 1, 'version'], message: expect.stringContaining('Version 1 follows version 1') });
  });

  it('requires `at` to be a date-time', () => {
    const project = makeProject();
    project.deployments[0].history[0].at = 'yesterday';
    expect(onlyProblem(project)).toMatchObject({ path: ['deployments', 0, 'history', 0, 'at'], message: expect.stringContaining('`yesterday` is not an ISO 8601 date-time') });
  });

  it('allows one history per API and stage', () => {
    const project = makeProject();
    project.deployments.push({ ...project.deployments[0] });
    expect(onlyProblem(project)).toMatchObject({ path: ['deployments', 3], message: expect.stringContaining('has a second TEST history (first at deployments[0])') });
  });

  it('requires a rollback to name an earlier version', () => {
    const project = makeProject();
    project.deployments[2].history[2].rollbackOf = 3;
    expect(onlyProblem(project)).toMatchObject({
      path: ['deployments', 2, 'history', 2, 'rollbackOf'],
      message: expect.stringContaining('rolls back to version 3, which is not an earlier version of this history. Earlier versions: 1, 2.'),
    });
  });
});
