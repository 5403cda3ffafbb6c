/**
 * Swagger 2.0 and OpenAPI 3.0 documents for the import/export tests: a pet store of 20 paths
 * each, with path, query and header parameters, a form body, a JSON body, component $refs,
 * examples and security on some operations.
 */

type Obj = Record<string, unknown>;

/** Paths 5..20 of both documents: simple reads, so the interesting ones stay readable. */
function fillerPaths(count: number, response: (name: string) => Obj): Record<string, Obj> {
  const paths: Record<string, Obj> = {};
  for (let i = 1; i <= count; i++) {
    paths[`/reports/r${i}`] = { get: { operationId: `report_${i}`, summary: `Report number ${i}`, responses: { '200': response(`r${i}`) } } };
  }
  return paths;
}

export function swaggerPetstore(): Obj {
  return {
    swagger: '2.0',
    info: { title: 'Swagger Pet Store', version: '1.0.0' },
    basePath: '/v2',
    consumes: ['application/json'],
    produces: ['application/json'],
    securityDefinitions: { api_key: { type: 'apiKey', name: 'api_key', in: 'header' } },
    definitions: {
      Pet: {
        type: 'object',
        required: ['name'],
        properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string', example: 'doggie' }, tags: { type: 'array', items: { $ref: '#/definitions/Tag' } } },
      },
      Tag: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    },
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          summary: 'Lists pets',
          parameters: [
            { name: 'limit', in: 'query', type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 20 },
            { name: 'status', in: 'query', type: 'string', enum: ['available', 'sold'], required: true },
            { name: 'tags', in: 'query', type: 'array', items: { type: 'string' } },
          ],
          responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } },
        },
        post: {
          operationId: 'addPet',
          security: [{ api_key: [] }],
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
          responses: { '201': { description: 'created', examples: { 'application/json': { id: 7, name: 'doggie' } } } },
        },
      },
      '/pets/{petId}': {
        parameters: [{ name: 'petId', in: 'path', required: true, type: 'integer', format: 'int64', description: 'The pet' }],
        get: {
          operationId: 'getPet',
          parameters: [{ name: 'X-Request-Id', in: 'header', type: 'string', pattern: '[a-f0-9]{8}', maxLength: 8 }],
          responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } }, '404': { description: 'missing' } },
        },
      },
      '/pets/{petId}/update': {
        post: {
          operationId: 'updatePetWithForm',
          consumes: ['application/x-www-form-urlencoded'],
          parameters: [
            { name: 'petId', in: 'path', required: true, type: 'integer', format: 'int64' },
            { name: 'name', in: 'formData', type: 'string', required: true, 'x-example': 'rex' },
            { name: 'weight', in: 'formData', type: 'number', format: 'float', minimum: 0 },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/store/inventory': {
        get: { operationId: 'get inventory!', produces: ['application/json'], responses: { '200': { description: 'ok', schema: { type: 'object', properties: { sold: { type: 'integer' } } } } } },
      },
      ...fillerPaths(15, (name) => ({ description: 'ok', examples: { 'application/json': { report: name } } })),
    },
  };
}

export function openApiPetstore(): Obj {
  return {
    openapi: '3.0.3',
    info: { title: 'OpenAPI Pet Store', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/v1' }],
    components: {
      schemas: {
        Pet: { type: 'object', properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string' }, born: { type: 'string', format: 'date' } } },
        Error: { type: 'object', properties: { code: { type: 'integer' }, message: { type: 'string' } } },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: { PetId: { name: 'petId', in: 'path', required: true, schema: { type: 'string', minLength: 1 } } },
    },
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 }, example: 10 },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
            { name: 'Accept', in: 'header', schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } } },
        },
        post: {
          operationId: 'createPet',
          security: [{ bearer: [] }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          responses: { '201': { description: 'created', content: { 'application/json': { example: { id: 1, name: 'rex' } } } } },
        },
      },
      '/pets/{petId}': {
        parameters: [{ $ref: '#/components/parameters/PetId' }],
        get: {
          operationId: 'getPet',
          parameters: [{ name: 'X-Trace', in: 'header', schema: { type: 'boolean' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, default: { description: 'error' } },
        },
      },
      '/pets/{petId}/form': {
        parameters: [{ $ref: '#/components/parameters/PetId' }],
        put: {
          operationId: 'updatePetForm',
          requestBody: {
            content: {
              'application/x-www-form-urlencoded': {
                schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 30 }, age: { type: 'integer', minimum: 0 } } },
              },
            },
          },
          responses: { '204': { description: 'done' } },
        },
      },
      '/health': { get: { summary: 'Health', responses: { '200': { description: 'ok', content: { 'text/plain': { example: 'OK' } } } } } },
      ...fillerPaths(15, (name) => ({ description: 'ok', content: { 'application/json': { examples: { one: { value: { report: name } } } } } })),
    },
  };
}
