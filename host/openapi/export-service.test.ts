import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Api, Project } from '../../shared/model/schema';
import { parseProjectText } from '../../shared/project-file';
import { ExportService } from './export-service';
import { ImportService } from './import-service';
import { openApiPetstore, swaggerPetstore } from './testing/openapi-documents';

const QUICKSTART = fileURLToPath(new URL('../../examples/quickstart.apigw.yaml', import.meta.url));

async function quickstart(): Promise<Project> {
  return parseProjectText(await readFile(QUICKSTART, 'utf8'), QUICKSTART).project!;
}

const routes = (apis: Api[]) => apis.map((api) => `${api.request.method} ${api.request.path}`).sort();
/** What a caller sees of an API: route, parameters, body format, auth type, mock answer. */
const callerView = (api: Api) => ({
  route: `${api.request.method} ${api.request.path}`,
  bodyFormat: api.request.bodyFormat,
  parameters: api.parameters.map(({ description: _d, ...parameter }) => parameter),
  auth: api.auth.type,
  status: api.backend.type === 'MOCK' ? api.backend.statusCode : undefined,
});

describe('export to OpenAPI', () => {
  it('writes the working copies of a group as OpenAPI 3.0.3 YAML', async () => {
    const project = await quickstart();
    const { text, fileName } = await new ExportService({ currentProject: () => project }).openApi({ group: 'demo_hello_api', format: 'yaml' });
    expect(fileName).toBe('demo_hello_api.openapi.yaml');
    const document = parse(text);
    expect(document).toMatchObject({ openapi: '3.0.3', info: { title: 'demo_hello_api', version: 'working copy' } });
    expect(Object.keys(document.paths)).toEqual(['/hello', '/secure/hello', '/limited', '/users/{id}']);
    expect(document.paths['/hello'].get).toMatchObject({
      operationId: 'hello',
      responses: { '200': { content: { 'application/json': { example: { message: 'Hello from Alibaba Cloud API Gateway' } } } } },
    });
    expect(document.paths['/users/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, description: "The user's id.", schema: { type: 'string' } },
    ]);
    expect(document.paths['/secure/hello'].get.security).toEqual([{ AppSignature: [] }, { AppCode: [] }]);
    expect(Object.keys(document.components.securitySchemes)).toEqual(['AppSignature', 'AppCode']);
  });

  it('writes what a stage serves as JSON, named after group and stage', async () => {
    const project = await quickstart();
    const exporter = new ExportService({ currentProject: () => project });
    const release = await exporter.openApi({ group: 'demo_hello_api', stage: 'RELEASE', format: 'json' });
    expect(release.fileName).toBe('demo_hello_api-RELEASE.openapi.json');
    expect(Object.keys(JSON.parse(release.text).paths)).toEqual(['/hello', '/secure/hello', '/limited']);
    const pre = await exporter.openApi({ group: 'demo_hello_api', stage: 'PRE', format: 'json' });
    expect(JSON.parse(pre.text).paths).toEqual({});
    await expect(exporter.openApi({ group: 'no_such_group', format: 'json' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(new ExportService({ currentProject: () => undefined }).openApi({ group: 'x', format: 'json' })).rejects.toMatchObject({ code: 'NO_PROJECT' });
  });

  it('round trip: exporting the quickstart and importing it gives the same routes', async () => {
    const project = await quickstart();
    const { text } = await new ExportService({ currentProject: () => project }).openApi({ group: 'demo_hello_api', format: 'yaml' });
    const preview = await new ImportService({ currentProject: () => project }).preview({ source: { kind: 'text', text }, group: 'hello_again' });
    expect(routes(preview.apis)).toEqual(routes(project.apis));
    expect(preview.apis.map((api) => api.name)).toEqual(project.apis.map((api) => api.name));
    expect(preview.problems).toEqual([]);
  });

  it('writes the group\'s BasePath as the server URL, and round-trips it through the import', async () => {
    const quick = await quickstart();
    const project: Project = { ...quick, groups: quick.groups.map((group) => ({ ...group, basePath: '/v1' })) };
    const { text } = await new ExportService({ currentProject: () => project }).openApi({ group: 'demo_hello_api', format: 'json' });
    const document = JSON.parse(text);
    expect(document.servers).toEqual([{ url: '/v1', description: expect.any(String) }]);
    expect(Object.keys(document.paths)).toContain('/hello');

    // Into a new group: the BasePath comes back and the paths stay the APIs' own.
    const fresh = await new ImportService({ currentProject: () => quick }).preview({ source: { kind: 'text', text }, group: 'hello_again' });
    expect(fresh.groups).toMatchObject([{ name: 'hello_again', basePath: '/v1' }]);
    expect(routes(fresh.apis)).toEqual(routes(project.apis));
    expect(fresh.problems).toEqual([]);
    // Into the group it came from: the same paths, not /v1/v1/hello.
    const others: Project = { ...project, apis: [] };
    const again = await new ImportService({ currentProject: () => others }).preview({ source: { kind: 'text', text }, group: 'demo_hello_api' });
    expect(routes(again.apis)).toEqual(routes(project.apis));
    expect(again.problems).toEqual([]);
  });

  it('writes no server for BasePath /', async () => {
    const project = await quickstart();
    const { text } = await new ExportService({ currentProject: () => project }).openApi({ group: 'demo_hello_api', format: 'json' });
    expect(JSON.parse(text).servers).toBeUndefined();
  });

  it.each([
    ['Swagger 2.0', swaggerPetstore],
    ['OpenAPI 3.0', openApiPetstore],
  ])('round trip of an imported %s pet store keeps routes, parameters, bodies and auth', async (_name, document) => {
    const empty = await quickstart();
    const first = await new ImportService({ currentProject: () => empty }).preview({ source: { kind: 'text', text: JSON.stringify(document()) }, group: 'pet_store' });
    const project: Project = { ...empty, groups: [...empty.groups, ...first.groups], apis: [...empty.apis, ...first.apis] };
    const { text } = await new ExportService({ currentProject: () => project }).openApi({ group: 'pet_store', format: 'json' });
    const second = await new ImportService({ currentProject: () => empty }).preview({ source: { kind: 'text', text }, group: 'pet_store' });
    expect(routes(second.apis)).toEqual(routes(first.apis));
    expect(second.apis.map(callerView)).toEqual(first.apis.map(callerView));
  });
});
