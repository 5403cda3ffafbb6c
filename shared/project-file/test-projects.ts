/**
 * Projects for tests (here, in host/workspace and in the CLI). Built from input through the
 * real validation, so they carry the defaults a loaded project has.
 */
import type { Project, ProjectInput } from '../model/schema';
import { validateProject } from '../model/validate';

export function projectFrom(input: ProjectInput): Project {
  const { project, problems } = validateProject(input);
  if (!project || problems.length > 0) throw new Error(`test project is invalid: ${JSON.stringify(problems)}`);
  return project;
}

/** Two groups, a mock with a multi-line body, an HTTP backend, an app and its authorization. */
export function smallProject(): Project {
  return projectFrom({
    format: 'apigw-studio/v1',
    name: 'shop',
    groups: [{ name: 'orders' }, { name: 'users', basePath: '/u', stageVariables: { TEST: { port: '8080' } } }],
    apis: [
      {
        name: 'list_orders',
        group: 'orders',
        request: { method: 'GET', path: '/orders' },
        backend: { type: 'MOCK', body: '[\n  {"id": 1}\n]\n', headers: [{ name: 'Content-Type', value: 'application/json' }] },
      },
      {
        name: 'get_user',
        group: 'users',
        request: { method: 'GET', path: '/users/[id]' },
        parameters: [{ name: 'id', location: 'PATH', required: true }],
        backend: { type: 'HTTP', address: 'http://127.0.0.1:#port#', path: '/users/[id]', method: 'GET' },
        auth: { type: 'APP' },
      },
    ],
    apps: [{ name: 'caller' }],
    authorizations: [{ app: 'caller', group: 'users', api: 'get_user', stage: 'TEST' }],
  });
}

/** A project of about `megabytes` MB of YAML (many APIs with long mock bodies); `tag` makes variants differ. */
export function largeProject(megabytes: number, tag: string): Project {
  const body = `{"tag": "${tag}", "padding": "${'x'.repeat(900)}"}\n{"line": 2}\n`;
  const count = Math.ceil((megabytes * 1024 * 1024) / 1200);
  return projectFrom({
    format: 'apigw-studio/v1',
    name: `large-${tag}`,
    groups: [{ name: 'bulk' }],
    apis: Array.from({ length: count }, (_, i) => ({
      name: `api_${i}`,
      group: 'bulk',
      description: `API number ${i} of variant ${tag}`,
      request: { method: 'GET' as const, path: `/items/${i}` },
      backend: { type: 'MOCK' as const, body },
    })),
  });
}
