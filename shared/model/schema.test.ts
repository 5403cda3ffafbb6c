import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem } from './test-fixtures';
import { validateProject } from './validate';

describe('API visibility', () => {
  it('is PRIVATE when the design does not say, so nothing is listed publicly by accident', () => {
    const input = JSON.parse(JSON.stringify(makeProject()));
    delete input.apis[0].visibility;
    const { project, problems } = validateProject(input);
    expect(problems).toEqual([]);
    expect(project?.apis[0].visibility).toBe('PRIVATE');
  });

  it('takes PUBLIC', () => {
    const input = makeProject();
    input.apis[0].visibility = 'PUBLIC';
    expect(validateProject(input).project?.apis[0].visibility).toBe('PUBLIC');
  });

  it('refuses anything else at the field, naming the two values', () => {
    const input = JSON.parse(JSON.stringify(makeProject()));
    input.apis[1].visibility = 'public';
    const problem = onlyProblem(input);
    expect(problem.path).toEqual(['apis', 1, 'visibility']);
    expect(problem.message).toContain('PRIVATE');
    expect(problem.message).toContain('PUBLIC');
  });
});
