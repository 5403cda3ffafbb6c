import { describe, expect, it } from 'vitest';
import { httpBackend, makeProject, messagesAt, onlyProblem, problemsOf } from '../test-fixtures';

// apis[0] hello: GET /hello (MOCK, no parameters); apis[1] get_user: GET /users/[id], backend
// path /v1/users/[uid] with serviceParameters id → uid (PATH).
const requestPath = (i: number) => ['apis', i, 'request', 'path'];

describe('path syntax', () => {
  it('requires a leading slash', () => {
    const project = makeProject();
    project.apis[0].request.path = 'hello';
    expect(onlyProblem(project)).toMatchObject({ path: requestPath(0), message: expect.stringContaining('Request path `hello` must start with `/`') });
  });

  it('refuses an empty segment but allows a trailing slash', () => {
    const project = makeProject();
    project.apis[0].request.path = '/a//b';
    expect(onlyProblem(project)).toMatchObject({ path: requestPath(0), message: expect.stringContaining('empty segment (`//`)') });
    project.apis[0].request.path = '/hello/';
    expect(problemsOf(project)).toEqual([]);
  });

  it('refuses a parameter that is not a whole segment', () => {
    const project = makeProject();
    project.apis[1].request.path = '/users/user-[id]';
    expect(messagesAt(project, requestPath(1))).toContainEqual(expect.stringContaining('mixes text and a parameter in `user-[id]`'));
  });

  it('refuses a parameter with an invalid name', () => {
    const project = makeProject();
    project.apis[1].request.path = '/users/[id]/[1x]';
    expect(messagesAt(project, requestPath(1))).toContainEqual(expect.stringContaining('path parameter `[1x]` with an invalid name'));
  });

  it('allows `/*` only as the last segment', () => {
    const project = makeProject();
    project.apis[0].request.path = '/hello/*';
    expect(problemsOf(project)).toEqual([]);
    project.apis[0].request.path = '/hello/*/more';
    expect(onlyProblem(project)).toMatchObject({ path: requestPath(0), message: expect.stringContaining('only allowed as the whole last segment') });
  });
});

describe('path parameters', () => {
  it('refuses a parameter used twice in one path', () => {
    const project = makeProject();
    project.apis[1].request.path = '/users/[id]/[id]';
    expect(onlyProblem(project)).toEqual({ path: requestPath(1), message: 'Path parameter [id] is declared twice in `/users/[id]/[id]`. Rename one of them.' });
  });

  it('requires every [name] in the path to be a PATH parameter', () => {
    const project = makeProject();
    project.apis[0].request.path = '/hello/[who]';
    expect(onlyProblem(project)).toMatchObject({
      path: requestPath(0),
      message: expect.stringContaining('Path parameter [who] in `/hello/[who]` is not declared. Add a parameter named `who` with location PATH.'),
    });
  });

  it('requires every PATH parameter to appear in the path', () => {
    const project = makeProject();
    project.apis[0].parameters.push({ name: 'who', location: 'PATH', type: 'String', required: true });
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 0, 'parameters', 0, 'location'],
      message: expect.stringContaining('has location PATH, but the request path `/hello` has no [who] segment'),
    });
  });
});

describe('backend path', () => {
  it('requires [name] to be a backend PATH parameter', () => {
    const project = makeProject();
    httpBackend(project.apis[1]).path = '/v1/users/[userId]';
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 1, 'backend', 'path'],
      message: expect.stringContaining('uses [userId], but no PATH parameter reaches the backend under that name'),
    });
  });

  it('accepts a request PATH parameter passed on under its own name', () => {
    const project = makeProject();
    project.apis[1].serviceParameters = [];
    httpBackend(project.apis[1]).path = '/v1/users/[id]';
    expect(problemsOf(project)).toEqual([]);
  });

  it('requires a leading slash', () => {
    const project = makeProject();
    httpBackend(project.apis[2]).path = 'echo';
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 2, 'backend', 'path'], message: expect.stringContaining('Backend path `echo` must start with `/`') });
  });
});
