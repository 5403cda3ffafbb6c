import { describe, expect, it } from 'vitest';
import type { Api, Project } from './schema';
import { FIXTURE, httpBackend, makeMockApi, makeProject, messagesAt, onlyProblem, problemsOf } from './test-fixtures';
import { validateProject } from './validate';

function definitionAt(project: Project, deployment: number, record: number): Api {
  const definition = project.deployments[deployment].history[record].definition;
  if (!definition) throw new Error('fixture changed');
  return definition;
}

describe('validateProject', () => {
  it('finds no problem in the valid fixture and returns it parsed', () => {
    const result = validateProject(makeProject());
    expect(result.problems).toEqual([]);
    expect(result.project?.groups[0].name).toBe(FIXTURE.group);
  });

  it('returns every rule problem at once', () => {
    const project = makeProject();
    project.apis[0].request.path = 'hello';
    project.throttlingPolicies[0].userDefault = 500;
    project.groups[0].basePath = 'v1';
    const paths = problemsOf(project).map((problem) => problem.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['apis.0.request.path', 'throttlingPolicies.0.userDefault', 'groups.0.basePath']),
    );
  });

  it('checks the snapshot each stage serves, but not older records of its history', () => {
    const project = makeProject();
    // deployments[2] is get_user in TEST; history[0] is an older version, history[2] is served.
    httpBackend(definitionAt(project, 2, 0)).timeout = 0;
    expect(problemsOf(project)).toEqual([]);
    httpBackend(definitionAt(project, 2, 2)).timeout = 0;
    expect(onlyProblem(project)).toMatchObject({
      path: ['deployments', 2, 'history', 2, 'definition', 'backend', 'timeout'],
      message: expect.stringContaining('(This is the copy of API `get_user` deployed to TEST as version 3: fix the API and deploy it again.)'),
    });
  });

  it('validates a project with 5,000 APIs deployed to TEST', () => {
    const project = makeProject();
    for (let i = 0; i < 5000; i++) {
      const api = makeMockApi(`bulk_api_${i}`, `/bulk/${i}/[id]`);
      api.parameters.push({ name: 'id', location: 'PATH', type: 'String', required: true });
      project.apis.push(api);
      project.deployments.push({ group: api.group, api: api.name, stage: 'TEST', history: [{ version: 1, at: '2025-01-01T00:00:00Z', definition: api }] });
    }
    expect(problemsOf(project)).toEqual([]);
  });
});

describe('shape problems read well', () => {
  it('lists the allowed fields for an unknown one and points at it', () => {
    const input: Record<string, unknown> = makeProject();
    (input.apis as Record<string, unknown>[])[0].foo = 1;
    const problem = onlyProblem(input);
    expect(problem.path).toEqual(['apis', 0, 'foo']);
    expect(problem.message).toMatch(/^Unknown field `foo`\. Allowed here: name, group, description, visibility, request,/);
  });

  it('lists the valid values of an enum', () => {
    const input = makeProject() as unknown as { apis: { request: { method: string } }[] };
    input.apis[0].request.method = 'GETT';
    expect(onlyProblem(input)).toEqual({
      path: ['apis', 0, 'request', 'method'],
      message: '`GETT` is not a valid method. Use one of: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, ANY.',
    });
  });

  it('names a missing field', () => {
    const input = makeProject() as unknown as { apis: { request: { path?: string } }[] };
    delete input.apis[0].request.path;
    expect(messagesAt(input, ['apis', 0, 'request', 'path'])).toEqual(['`path` is required.']);
  });

  it('says which type was expected and what was found', () => {
    const input = makeProject() as unknown as { apis: { parameters: { min?: unknown }[] }[] };
    input.apis[1].parameters[0].min = 'abc';
    expect(onlyProblem(input)).toEqual({ path: ['apis', 1, 'parameters', 0, 'min'], message: 'Expected a number, got text `abc`.' });
  });

  it('names the options of a discriminated union', () => {
    const input = makeProject() as unknown as { apis: { backend: { type: string } }[] };
    input.apis[0].backend.type = 'MOCKX';
    expect(messagesAt(input, ['apis', 0, 'backend', 'type'])).toEqual(['`MOCKX` is not a valid type. Use one of: MOCK, HTTP.']);
  });

  it('explains a number below its minimum (CORS maxAge ≥ 0)', () => {
    const project = makeProject();
    const cors = project.plugins[1];
    if (cors.type !== 'cors') throw new Error('fixture changed');
    cors.cors.maxAge = -1;
    expect(onlyProblem(project)).toEqual({ path: ['plugins', 1, 'cors', 'maxAge'], message: '`maxAge` must be at least 0, got -1.' });
  });

  it('says what a root that is not a map is', () => {
    expect(problemsOf(null)).toEqual([{ path: [], message: 'Expected a map of fields, got an empty value (null).' }]);
  });
});
