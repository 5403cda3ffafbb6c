import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Project } from '../../shared/model/schema';
import { validateProject } from '../../shared/model/validate';
import { parseProjectText } from '../../shared/project-file';
import { ImportService } from './import-service';
import { sanitizeApiName } from './openapi-mapping';
import { openApiPetstore, swaggerPetstore } from './testing/openapi-documents';

const QUICKSTART = fileURLToPath(new URL('../../examples/quickstart.apigw.yaml', import.meta.url));

let dir: string;
let quickstart: Project;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-import-'));
  quickstart = parseProjectText(await readFile(QUICKSTART, 'utf8'), QUICKSTART).project!;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const importer = (project?: Project) => new ImportService({ currentProject: () => project });

describe('import preview', () => {
  it('maps a Swagger 2.0 file of 20 paths to 20 APIs of a new group', async () => {
    const path = join(dir, 'petstore.swagger.yaml');
    await writeFile(path, stringify(swaggerPetstore()));
    const preview = await importer(quickstart).preview({ source: { kind: 'file', path }, group: 'pet_store' });

    expect(preview.format).toBe('Swagger 2.0');
    expect(preview.apis).toHaveLength(20);
    // The document's basePath becomes the group's BasePath; the APIs keep the paths that follow it.
    expect(preview.groups).toEqual([{ name: 'pet_store', basePath: '/v2', stageVariables: {}, description: 'Imported from Swagger Pet Store' }]);
    const api = (name: string) => preview.apis.find((a) => a.name === name)!;

    expect(api('listPets').request).toMatchObject({ method: 'GET', path: '/pets' });
    expect(api('listPets').parameters).toEqual([
      { name: 'limit', location: 'QUERY', type: 'Int', required: false, default: 20, min: 1, max: 100 },
      { name: 'status', location: 'QUERY', type: 'String', required: true, enum: ['available', 'sold'] },
      { name: 'tags', location: 'QUERY', type: 'String', required: false },
    ]);
    expect(JSON.parse((api('listPets').backend as { body: string }).body)).toEqual([{ id: 0, name: 'doggie', tags: [{ id: 0, name: 'string' }] }]);

    expect(api('getPet').request.path).toBe('/pets/[petId]');
    expect(api('getPet').parameters).toEqual([
      { name: 'petId', location: 'PATH', type: 'Long', required: true, description: 'The pet' },
      { name: 'X-Request-Id', location: 'HEAD', type: 'String', required: false, maxLength: 8, regex: '[a-f0-9]{8}' },
    ]);

    expect(api('updatePetWithForm').request).toMatchObject({ method: 'POST', bodyFormat: 'FORM' });
    expect(api('updatePetWithForm').parameters.filter((p) => p.location === 'BODY')).toEqual([
      { name: 'name', location: 'BODY', type: 'String', required: true, demo: 'rex' },
      { name: 'weight', location: 'BODY', type: 'Float', required: false, min: 0 },
    ]);

    expect(api('addPet')).toMatchObject({ request: { bodyFormat: 'STREAM' }, auth: { type: 'APP' }, backend: { type: 'MOCK', statusCode: 201 } });
    expect(JSON.parse(api('addPet').result!.sample!)).toEqual({ id: 7, name: 'doggie' });
    expect(api('listPets').auth).toEqual({ type: 'ANONYMOUS' });

    expect(preview.problems).toEqual([
      { where: 'GET /pets', message: expect.stringContaining('`tags` is of type array') },
      { where: 'GET /store/inventory', message: expect.stringContaining('operationId `get inventory!` is not a valid API name') },
    ]);
    expect(api('get_inventory').request.path).toBe('/store/inventory');
  });

  it('maps an OpenAPI 3.0 text of 20 paths, refs and form body included, to a valid project', async () => {
    const preview = await importer(quickstart).preview({ source: { kind: 'text', text: JSON.stringify(openApiPetstore()) }, group: 'pet_store' });
    expect(preview.format).toBe('OpenAPI 3.0.3');
    expect(preview.apis).toHaveLength(20);
    const api = (name: string) => preview.apis.find((a) => a.name === name)!;

    expect(preview.groups[0].basePath).toBe('/v1');
    expect(api('getPet').request.path).toBe('/pets/[petId]');
    expect(api('getPet').parameters).toEqual([
      { name: 'petId', location: 'PATH', type: 'String', required: true, minLength: 1 },
      { name: 'X-Trace', location: 'HEAD', type: 'Boolean', required: false },
    ]);
    expect(api('updatePetForm').request).toMatchObject({ method: 'PUT', path: '/pets/[petId]/form', bodyFormat: 'FORM' });
    expect(api('updatePetForm').parameters.filter((p) => p.location === 'BODY')).toEqual([
      { name: 'name', location: 'BODY', type: 'String', required: true, maxLength: 30 },
      { name: 'age', location: 'BODY', type: 'Int', required: false, min: 0 },
    ]);
    expect(api('updatePetForm').backend).toMatchObject({ type: 'MOCK', statusCode: 204, body: '' });
    expect(api('createPet')).toMatchObject({ request: { bodyFormat: 'STREAM' }, auth: { type: 'APP' } });
    expect(api('get_health').backend).toMatchObject({ body: 'OK', headers: [{ name: 'Content-Type', value: 'text/plain' }] });
    expect(api('get_health').result).toEqual({ type: 'TEXT', sample: 'OK' });
    expect(api('report_3').backend).toMatchObject({ body: JSON.stringify({ report: 'r3' }, null, 2) });

    expect(preview.problems).toEqual([{ where: 'GET /pets', message: 'Cookie parameter `session` is not supported by API Gateway; it is left out.' }]);
    const wouldBe = { ...quickstart, groups: [...quickstart.groups, ...preview.groups], apis: [...quickstart.apis, ...preview.apis] };
    expect(validateProject(wouldBe).problems).toEqual([]);
  });

  it('puts the APIs under an existing group\'s BasePath, keeping the addresses the document gives', async () => {
    const document = { openapi: '3.0.3', info: { title: 'Versioned', version: '1' }, servers: [{ url: '/v1' }], paths: { '/pets': { get: { operationId: 'pets', responses: { '200': { description: 'ok' } } } } } };
    const withGroup = (basePath: string): Project => ({ ...quickstart, groups: [...quickstart.groups, { name: 'shop', basePath, stageVariables: {} }] });
    const text = JSON.stringify(document);

    const same = await importer(withGroup('/v1/')).preview({ source: { kind: 'text', text }, group: 'shop' });
    expect(same.apis[0].request.path).toBe('/pets');
    expect(same.problems).toEqual([]);

    const root = await importer(withGroup('/')).preview({ source: { kind: 'text', text }, group: 'shop' });
    expect(root.apis[0].request.path).toBe('/v1/pets');
    expect(root.problems).toEqual([]);

    const other = await importer(withGroup('/v2')).preview({ source: { kind: 'text', text }, group: 'shop' });
    expect(other.apis[0].request.path).toBe('/v1/pets');
    expect(other.problems).toEqual([{ where: 'document', message: expect.stringContaining('Group `shop` has base path `/v2`, which the document\'s paths (`/v1/pets`…) do not start with') }]);
  });

  it('keeps a document base path the design cannot hold as a BasePath in the API paths', async () => {
    const document = { swagger: '2.0', info: { title: 'Odd', version: '1' }, basePath: '/a%20b', paths: { '/x': { get: { operationId: 'getX', responses: { '200': { description: 'ok' } } } } } };
    const preview = await importer(quickstart).preview({ source: { kind: 'text', text: JSON.stringify(document) }, group: 'odd' });
    expect(preview.groups[0].basePath).toBe('/');
    expect(preview.apis[0].request.path).toBe('/a%20b/x');
  });

  it('renames an operation whose name an API of the group already has, and reports its route collision', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'Hello again', version: '1' },
      paths: {
        '/hello': { get: { operationId: 'hello', responses: { '200': { description: 'ok' } } } },
        '/hello/{name}': { get: { operationId: 'greet', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } },
      },
    };
    const preview = await importer(quickstart).preview({ source: { kind: 'text', text: stringify(document) }, group: 'demo_hello_api' });
    expect(preview.groups).toEqual([]);
    expect(preview.apis.map((api) => api.name)).toEqual(['hello_2', 'greet']);
    expect(preview.problems).toEqual([
      { where: 'GET /hello', message: expect.stringContaining('An API named `hello` already exists in group `demo_hello_api`; this operation is imported as `hello_2`') },
      { where: 'GET /hello', message: expect.stringContaining('has the same route as API `hello`') },
    ]);
  });

  it('goes on with an invalid document, saying so, and names duplicates within it', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'Sloppy' },
      paths: {
        '/a': { get: { operationId: 'same_name', responses: { '200': { description: 'ok' } } } },
        '/b': { get: { operationId: 'same_name', responses: { '200': { description: 'ok' } } } },
        '/files/{name}.json': { get: { responses: { '200': { description: 'ok' } } } },
        '/trace': { trace: { responses: { '200': { description: 'ok' } } } },
      },
    };
    const preview = await importer().preview({ source: { kind: 'text', text: JSON.stringify(document) }, group: 'sloppy_group' });
    expect(preview.apis.map((api) => api.name)).toEqual(['same_name', 'same_name_2']);
    expect(preview.problems.map((problem) => problem.where)).toEqual(['document', 'GET /b', 'GET /files/{name}.json', 'TRACE /trace']);
    expect(preview.problems[0].message).toMatch(/^The document is not valid OpenAPI 3\.0\.3: /);
    expect(preview.problems[2].message).toContain('mixes text and a parameter');
  });

  it('refuses what is not an API document, and resolves no external reference from text', async () => {
    await expect(importer().preview({ source: { kind: 'text', text: 'just: [text' }, group: 'some_group' })).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    await expect(importer().preview({ source: { kind: 'text', text: 'name: not an api' }, group: 'some_group' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('not a Swagger 2.0 or OpenAPI 3.x document'),
    });
    await expect(importer().preview({ source: { kind: 'file', path: join(dir, 'missing.yaml') }, group: 'some_group' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('the file does not exist'),
    });
    await writeFile(join(dir, 'secret.yaml'), 'type: string\nexample: do-not-read-me\n');
    const document = {
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: join(dir, 'secret.yaml') } } } } } } } },
    };
    const refused = await importer().preview({ source: { kind: 'text', text: JSON.stringify(document) }, group: 'some_group' }).catch((error: Error) => error);
    expect(refused).toMatchObject({
      code: 'IMPORT_FAILED',
      message: `Cannot import the pasted text: $ref "${join(dir, 'secret.yaml')}" (at #/paths/~1x/get/responses/200/content/application~1json/schema in the pasted text) refers to another file, and pasted text has no folder to look in; import the document as a file, with what it refers to in the same folder.`,
    });
    expect(everythingIn(refused)).not.toContain('do-not-read-me');
  });
});

describe('import from a file', () => {
  const SECRET = 'AccessKeySecretThatMustStayHome';
  const documentWithRef = (ref: string) => ({
    openapi: '3.0.3',
    info: { title: 'refs', version: '1' },
    paths: { '/pet': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } },
  });
  const WHERE = '(at #/paths/~1pet/get/responses/200/content/application~1json/schema in petstore.yaml)';
  /** The folder the spec is imported from, inside `dir`; `dir` itself plays the rest of the disk. */
  let specs: string;
  let outsideSecret: string;
  beforeEach(async () => {
    specs = join(dir, 'specs');
    await mkdir(specs);
    outsideSecret = join(dir, 'vault-file.json');
    await writeFile(outsideSecret, JSON.stringify({ entries: { 'cloud-profile/default': SECRET } }));
  });
  const importSpec = (document: object) =>
    writeFile(join(specs, 'petstore.yaml'), stringify(document)).then(() => importer().preview({ source: { kind: 'file', path: join(specs, 'petstore.yaml') }, group: 'refs_group' }));
  const refusal = (document: object) => importSpec(document).then((preview) => ({ preview }) as never, (error: Error) => error);

  it('follows a local ref and a ref to a file in the same folder or below it', async () => {
    await mkdir(join(specs, 'schemas'));
    await writeFile(join(specs, 'schemas', 'pet.yaml'), 'type: object\nproperties: {tag: {$ref: "../tag.yaml"}}\nexample: {name: from-the-side-file}\n');
    await writeFile(join(specs, 'tag.yaml'), 'type: string\n');
    const document = {
      ...documentWithRef('./schemas/pet.yaml'),
      paths: {
        '/pet': documentWithRef('./schemas/pet.yaml').paths['/pet'],
        '/owner': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Owner' } } } } } } },
      },
      components: { schemas: { Owner: { type: 'object', example: { name: 'from-components' } } } },
    };
    const preview = await importSpec(document);
    const body = (path: string) => JSON.parse((preview.apis.find((api) => api.request.path === path)!.backend as { body: string }).body);
    expect(body('/pet')).toEqual({ name: 'from-the-side-file' });
    expect(body('/owner')).toEqual({ name: 'from-components' });
  });

  it('refuses an absolute path out of the folder, naming the ref, without reading it', async () => {
    const error = await refusal(documentWithRef(outsideSecret));
    expect(error).toMatchObject({
      code: 'IMPORT_FAILED',
      message: `Cannot import ${join(specs, 'petstore.yaml')}: $ref "${outsideSecret}" ${WHERE} points outside the folder of petstore.yaml (${specs}); only files in that folder can be referenced.`,
    });
    expect(everythingIn(error)).not.toContain(SECRET);
  });

  it('refuses `..` out of the folder, from the document or from a file it refers to', async () => {
    await writeFile(join(dir, 'outside.yaml'), `type: string\nexample: ${SECRET}\n`);
    const error = await refusal(documentWithRef('../outside.yaml'));
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining(`$ref "../outside.yaml" ${WHERE} points outside the folder of petstore.yaml (${specs})`) });
    expect(everythingIn(error)).not.toContain(SECRET);

    await writeFile(join(specs, 'pet.yaml'), 'type: object\nproperties: {secret: {$ref: "../vault-file.json#/entries"}}\n');
    const nested = await refusal(documentWithRef('pet.yaml'));
    expect(nested).toMatchObject({ message: expect.stringContaining('$ref "../vault-file.json" (at #/properties/secret in pet.yaml) points outside the folder of petstore.yaml') });
    expect(everythingIn(nested)).not.toContain(SECRET);
  });

  it('refuses a symbolic link in the folder that leads out of it', async () => {
    await symlink(outsideSecret, join(specs, 'pet.json'));
    const error = await refusal(documentWithRef('./pet.json'));
    expect(error).toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining(`$ref "./pet.json" ${WHERE} points outside the folder of petstore.yaml (${specs}) through a symbolic link`),
    });
    expect(everythingIn(error)).not.toContain(SECRET);
  });

  it('refuses a secrets file even in the folder, and even behind a harmless name', async () => {
    await writeFile(join(specs, 'petstore.secrets.yaml'), `apps: {a: {keys: [{appKey: k, appSecret: ${SECRET}}]}}\n`);
    const error = await refusal(documentWithRef('petstore.secrets.yaml#/apps'));
    expect(error).toMatchObject({ message: expect.stringContaining(`$ref "petstore.secrets.yaml" ${WHERE} is a secrets file (app secrets or cloud keys), which an import never reads`) });
    expect(everythingIn(error)).not.toContain(SECRET);

    await symlink(join(specs, 'petstore.secrets.yaml'), join(specs, 'apps.yaml'));
    const hidden = await refusal(documentWithRef('apps.yaml#/apps'));
    expect(hidden).toMatchObject({ message: expect.stringContaining(`$ref "apps.yaml" ${WHERE} is a secrets file`) });
    expect(everythingIn(hidden)).not.toContain(SECRET);
  });

  it('refuses to import a secrets file itself', async () => {
    const error = await importer().preview({ source: { kind: 'file', path: outsideSecret }, group: 'refs_group' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: `Cannot import ${outsideSecret}: it is a secrets file (app secrets or cloud keys), not an API document.` });
    expect(everythingIn(error)).not.toContain(SECRET);
  });

  it('never fetches a URL ref, and says so', async () => {
    let fetched = 0;
    const server = createServer((_req, res) => {
      fetched++;
      res.end(`type: string\nexample: ${SECRET}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await refusal(documentWithRef(`http://127.0.0.1:${port}/x.yaml`));
      expect(error).toMatchObject({
        code: 'IMPORT_FAILED',
        message: expect.stringContaining(`$ref "http://127.0.0.1:${port}/x.yaml" ${WHERE} is a URL; an import never fetches anything (the app works offline)`),
      });
      expect(everythingIn(error)).not.toContain(SECRET);
      expect(fetched).toBe(0);
    } finally {
      server.close();
    }
  });
});

/** An error's message, its own fields and its causes, or a preview, as one text to search. */
function everythingIn(value: unknown): string {
  const parts: string[] = [];
  for (let item = value; item !== undefined && item !== null; item = item instanceof Error ? item.cause : undefined) {
    parts.push(item instanceof Error ? `${item.message} ${item.stack ?? ''} ${JSON.stringify(item)}` : JSON.stringify(item));
  }
  return parts.join('\n');
}

describe('sanitizeApiName', () => {
  it.each([
    ['getPet', 'getPet'],
    ['get pet!', 'get_pet'],
    ['get_/pets/{id}', 'get_pets_id'],
    ['1st', 'api_1st'],
    ['ab', 'ab__'],
    ['x'.repeat(80), 'x'.repeat(50)],
    ['get-pet-by-id', 'get_pet_by_id'],
  ])('%s → %s', (raw, name) => {
    expect(sanitizeApiName(raw)).toBe(name);
  });

  it('falls back to method and path when nothing of the operationId is usable (the cloud takes no Chinese API names)', () => {
    expect(sanitizeApiName('查询用户', 'get_/users')).toBe('get_users');
  });
});
