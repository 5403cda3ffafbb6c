import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem, problemsOf } from '../test-fixtures';

// apis[1] is `get_user`: parameters[0] id (PATH, Long, required, min 1), [1] verbose (QUERY, Boolean,
// default false), [2] fields (QUERY, String, enum name/all, default all, regex [a-z]+), [3] X-Trace-Id (HEAD).
const at = (i: number, field: string) => ['apis', 1, 'parameters', i, field];

describe('parameter names', () => {
  it('refuses an empty name', () => {
    const project = makeProject();
    project.apis[1].parameters[3].name = ' ';
    expect(onlyProblem(project)).toMatchObject({ path: at(3, 'name'), message: expect.stringContaining('Parameter name is empty') });
  });

  it('refuses a header declared twice, comparing without case', () => {
    const project = makeProject();
    project.apis[1].parameters.push({ name: 'x-trace-id', location: 'HEAD', type: 'String', required: false });
    expect(onlyProblem(project)).toMatchObject({
      path: at(4, 'name'),
      message: expect.stringContaining('Parameter `x-trace-id` is declared twice with location HEAD (header names compare without case)'),
    });
  });

  it('allows one name in two locations', () => {
    const project = makeProject();
    project.apis[1].parameters.push({ name: 'verbose', location: 'HEAD', type: 'String', required: false });
    expect(problemsOf(project)).toEqual([]);
  });
});

describe('parameter definitions', () => {
  it('refuses min above max', () => {
    const project = makeProject();
    project.apis[1].parameters[0].max = 0;
    expect(onlyProblem(project)).toMatchObject({ path: at(0, 'max'), message: expect.stringContaining('max 0 below min 1') });
  });

  it('refuses minLength above maxLength', () => {
    const project = makeProject();
    project.apis[2].parameters[0].minLength = 201;
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 2, 'parameters', 0, 'maxLength'],
      message: expect.stringContaining('maxLength 200 below minLength 201'),
    });
  });

  it('refuses min/max on a String', () => {
    const project = makeProject();
    project.apis[1].parameters[2].min = 1;
    expect(onlyProblem(project)).toMatchObject({ path: at(2, 'min'), message: expect.stringContaining('`min` applies only to Int, Long, Float and Double') });
  });

  it('refuses a regex on a number', () => {
    const project = makeProject();
    project.apis[1].parameters[0].regex = '\\d+';
    expect(onlyProblem(project)).toMatchObject({ path: at(0, 'regex'), message: expect.stringContaining('`regex` applies only to String') });
  });

  it('refuses a regex that does not compile', () => {
    const project = makeProject();
    project.apis[1].parameters[2].regex = '[a-';
    expect(onlyProblem(project)).toMatchObject({ path: at(2, 'regex'), message: expect.stringContaining('regex `[a-`, which does not compile') });
  });

  it('refuses enum values that do not fit the type', () => {
    const project = makeProject();
    project.apis[1].parameters[0].enum = [1, 'two'];
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 1, 'parameters', 0, 'enum', 1],
      message: expect.stringContaining('Allowed value `two` of parameter `id` is not a whole number, but its type is Long'),
    });
  });

  it('refuses a default of the wrong type', () => {
    const project = makeProject();
    project.apis[1].parameters[1].default = 'yes';
    expect(onlyProblem(project)).toMatchObject({ path: at(1, 'default'), message: expect.stringContaining('Default `yes` of parameter `verbose` is not `true` or `false`') });
  });

  it('refuses an Int default outside the 32-bit range', () => {
    const project = makeProject();
    project.apis[1].parameters.push({ name: 'page', location: 'QUERY', type: 'Int', required: false, default: 3_000_000_000 });
    expect(onlyProblem(project)).toMatchObject({ path: at(4, 'default'), message: expect.stringContaining('outside the range of Int') });
  });

  it('refuses a default outside the enum, and one that breaks the regex', () => {
    const project = makeProject();
    project.apis[1].parameters[2].default = 'some';
    expect(onlyProblem(project)).toMatchObject({ path: at(2, 'default'), message: expect.stringContaining('is not one of the allowed values (name, all)') });

    const regex = makeProject();
    delete regex.apis[1].parameters[2].enum;
    regex.apis[1].parameters[2].default = 'ALL';
    expect(onlyProblem(regex)).toMatchObject({ path: at(2, 'default'), message: expect.stringContaining('does not match the regex `[a-z]+`') });
  });

  it('refuses a default on a required parameter', () => {
    const project = makeProject();
    project.apis[1].parameters[0].default = 5;
    expect(onlyProblem(project)).toMatchObject({ path: at(0, 'default'), message: expect.stringContaining('is required, so its default `5` would never be used') });
  });
});
