/**
 * A small, valid project for tests: one group with three APIs (mock, HTTP with a path parameter,
 * signed POST), deployments with a rollback, a throttling policy, an app, an authorization and
 * both plug-in types. Each call returns a fresh copy, so tests may change it freely.
 */
import type { z } from 'zod';
import type { FieldPath, Problem } from './problems';
import { formatPath } from './problems';
import { PROJECT_FORMAT, Project } from './schema';
import type { Api, HttpBackend, MockBackend, ProjectInput } from './schema';
import { validateProject } from './validate';

type ApiInput = z.input<typeof Api>;

/** Names used by the fixture, for tests that refer to them. */
export const FIXTURE = {
  group: 'demo_hello_api',
  app: 'demo_caller_app',
  policy: 'demo_low_qps',
  /** apis[0] MOCK, apis[1] HTTP with `[id]`, apis[2] signed POST. */
  apis: ['hello', 'get_user', 'echo_message'],
} as const;

function fixtureInput(): ProjectInput {
  const group = FIXTURE.group;
  const hello: ApiInput = {
    name: 'hello',
    group,
    description: 'Says hello from a mock backend.',
    request: { method: 'GET', path: '/hello' },
    backend: { type: 'MOCK', statusCode: 200, body: '{"message":"hello"}', headers: [{ name: 'Content-Type', value: 'application/json' }] },
  };
  const getUser: ApiInput = {
    name: 'get_user',
    group,
    request: { method: 'GET', path: '/users/[id]' },
    parameters: [
      { name: 'id', location: 'PATH', type: 'Long', required: true, min: 1 },
      { name: 'verbose', location: 'QUERY', type: 'Boolean', default: false },
      { name: 'fields', location: 'QUERY', type: 'String', enum: ['name', 'all'], default: 'all', regex: '[a-z]+', maxLength: 10 },
      { name: 'X-Trace-Id', location: 'HEAD' },
    ],
    backend: {
      type: 'HTTP',
      address: 'http://#backendHost#:#backendPort#',
      path: '/v1/users/[uid]',
      method: 'GET',
      timeout: 5000,
    },
    serviceParameters: [{ requestParameter: 'id', name: 'uid', location: 'PATH', type: 'NUMBER' }],
    constantParameters: [{ name: 'X-Source', value: 'gateway', location: 'HEAD' }],
    systemParameters: [{ name: 'CaClientIp', serviceParameter: 'X-Client-Ip', location: 'HEAD' }],
    auth: { type: 'APP' },
  };
  const echo: ApiInput = {
    name: 'echo_message',
    group,
    request: { method: 'POST', path: '/echo', bodyFormat: 'FORM' },
    parameters: [{ name: 'message', location: 'BODY', required: true, minLength: 1, maxLength: 200 }],
    backend: {
      type: 'HTTP',
      address: 'http://127.0.0.1:8081',
      path: '/echo',
      method: 'POST',
      contentType: { category: 'CUSTOM', value: 'application/x-www-form-urlencoded; charset=UTF-8' },
    },
    auth: { type: 'APP', signatureMethods: ['HmacSHA256', 'HmacSHA1'], forceNonceCheck: true },
  };
  const ref = (api: string, stage: 'TEST' | 'PRE' | 'RELEASE') => ({ group, api, stage });

  return {
    format: PROJECT_FORMAT,
    name: 'demo',
    groups: [
      {
        name: group,
        description: 'Demo APIs.',
        basePath: '/',
        stageVariables: {
          TEST: { backendHost: '127.0.0.1', backendPort: '8081' },
          RELEASE: { backendHost: 'api.example.com', backendPort: '80' },
        },
      },
    ],
    apis: [hello, getUser, echo],
    deployments: [
      { ...ref('hello', 'TEST'), history: [{ version: 1, at: '2025-01-10T08:00:00Z', definition: hello }] },
      { ...ref('hello', 'RELEASE'), history: [{ version: 1, at: '2025-01-11T08:00:00Z', description: 'First release', definition: hello }] },
      {
        ...ref('get_user', 'TEST'),
        history: [
          { version: 1, at: '2025-01-10T09:00:00Z', definition: getUser },
          { version: 2, at: '2025-01-12T09:00:00Z' },
          { version: 3, at: '2025-01-13T09:00:00.500+08:00', definition: getUser, rollbackOf: 1 },
        ],
      },
    ],
    throttlingPolicies: [
      {
        name: FIXTURE.policy,
        unit: 'MINUTE',
        apiDefault: 100,
        userDefault: 50,
        appDefault: 20,
        specials: [{ type: 'APP', key: FIXTURE.app, limit: 60 }],
        bindings: [ref('hello', 'TEST'), ref('get_user', 'TEST')],
      },
    ],
    apps: [{ name: FIXTURE.app, description: 'Calls the demo APIs.' }],
    authorizations: [{ app: FIXTURE.app, ...ref('get_user', 'TEST'), expiresAt: '2030-01-01T00:00:00Z' }],
    plugins: [
      {
        name: 'demo_office_only',
        type: 'ipControl',
        ipControl: {
          type: 'ALLOW',
          items: [{ blocks: ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32'] }, { blocks: ['192.168.0.0/16'], app: FIXTURE.app }],
        },
        bindings: [ref('get_user', 'TEST')],
      },
      {
        name: 'demo_web_cors',
        type: 'cors',
        cors: { allowOrigins: ['https://app.example.com', 'https://*.example.com', 'http://localhost:3000'] },
        bindings: [ref('hello', 'TEST')],
      },
    ],
  };
}

/** A fresh valid project with defaults filled in; `overrides` replace whole top-level fields. */
export function makeProject(overrides: Partial<Project> = {}): Project {
  return { ...Project.parse(fixtureInput()), ...overrides };
}

/** A mock API of the fixture's group, e.g. to fill a project with many routes. */
export function makeMockApi(name: string, path: string, group: string = FIXTURE.group): Api {
  return {
    name,
    group,
    visibility: 'PRIVATE',
    request: { protocols: ['HTTP', 'HTTPS'], method: 'GET', path, mode: 'MAPPING' },
    parameters: [],
    backend: { type: 'MOCK', statusCode: 200, body: `{"api":"${name}"}`, headers: [] },
    serviceParameters: [],
    constantParameters: [],
    systemParameters: [],
    auth: { type: 'ANONYMOUS' },
    errorCodes: [],
  };
}

/** The problems `validateProject` finds in `project`. */
export function problemsOf(project: unknown): Problem[] {
  return validateProject(project).problems;
}

/** The only problem of `project`; throws, listing them all, when there is not exactly one. */
export function onlyProblem(project: unknown): Problem {
  const problems = problemsOf(project);
  if (problems.length !== 1) {
    const listed = problems.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n');
    throw new Error(`Expected exactly one problem, found ${problems.length}:\n${listed}`);
  }
  return problems[0];
}

/** Messages of the problems at exactly `path`. */
export function messagesAt(project: unknown, path: FieldPath): string[] {
  const wanted = formatPath(path);
  return problemsOf(project)
    .filter((problem) => formatPath(problem.path) === wanted)
    .map((problem) => problem.message);
}

/** The HTTP backend of `api`, for tests that change it; throws for a mock. */
export function httpBackend(api: Api): HttpBackend {
  if (api.backend.type !== 'HTTP') throw new Error(`API ${api.name} has a ${api.backend.type} backend, not HTTP.`);
  return api.backend;
}

/** The mock backend of `api`, for tests that change it; throws for HTTP. */
export function mockBackend(api: Api): MockBackend {
  if (api.backend.type !== 'MOCK') throw new Error(`API ${api.name} has a ${api.backend.type} backend, not MOCK.`);
  return api.backend;
}
