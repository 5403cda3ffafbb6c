/**
 * An OpenAPI 3.0.3 document of a group's APIs: paths with their parameters, a form or stream
 * request body, the response the mock (or the result sample) gives, and the auth as security
 * schemes. The inverse of openapi-mapping.ts for what both can express.
 */
import { basePathPrefix } from '../../shared/model/base-path';
import type { Api, Group, ParameterType, RequestParameter } from '../../shared/model/schema';

type Obj = Record<string, unknown>;

const ANY_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const OPENAPI_LOCATION = { PATH: 'path', QUERY: 'query', HEAD: 'header' } as const;
const TYPE_SCHEMA: Record<ParameterType, Obj> = {
  String: { type: 'string' },
  Int: { type: 'integer', format: 'int32' },
  Long: { type: 'integer', format: 'int64' },
  Float: { type: 'number', format: 'float' },
  Double: { type: 'number', format: 'double' },
  Boolean: { type: 'boolean' },
};

export const SECURITY_SCHEMES = {
  AppSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Ca-Signature',
    description: 'API Gateway app signature: X-Ca-Key, X-Ca-Signature and X-Ca-Signature-Headers, signed with the AppSecret.',
  },
  AppCode: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'API Gateway AppCode: `Authorization: APPCODE <AppCode>`.' },
};

export function openApiDocument(group: Group, apis: Api[], version: string): Obj {
  const paths: Record<string, Obj> = {};
  let secured = false;
  for (const api of apis) {
    const path = api.request.path.replace(/\[([^\]]*)\]/g, '{$1}');
    const methods = api.request.method === 'ANY' ? ANY_METHODS : [api.request.method.toLowerCase()];
    for (const method of methods) {
      const operationId = api.request.method === 'ANY' ? `${api.name}_${method}` : api.name;
      (paths[path] ??= {})[method] = operation(api, operationId);
    }
    secured ||= api.auth.type === 'APP';
  }
  // The group's BasePath is the (relative) server URL and the paths stay the APIs' own: a client
  // calls server + path = BasePath + path, as the gateway serves it, and the import reads the
  // server's path back as the BasePath, so the document round-trips to the same group and paths
  // (writing BasePath + path into `paths` would import as `/v1/v1/hello` under BasePath `/v1`).
  const base = basePathPrefix(group.basePath);
  return {
    openapi: '3.0.3',
    info: { title: group.name, version, ...(group.description && { description: group.description }) },
    ...(base !== '' && { servers: [{ url: base, description: "The group's base path; prepend the group's domain." }] }),
    paths,
    ...(secured && { components: { securitySchemes: SECURITY_SCHEMES } }),
  };
}

function operation(api: Api, operationId: string): Obj {
  const parameters = api.parameters.filter((p) => p.location !== 'BODY').map(parameterObject);
  const body = requestBody(api);
  return {
    operationId,
    ...(api.description && { summary: api.description }),
    ...(parameters.length > 0 && { parameters }),
    ...(body && { requestBody: body }),
    responses: responses(api),
    ...(api.auth.type === 'APP' && { security: security(api) }),
  };
}

function parameterObject(parameter: RequestParameter): Obj {
  return {
    name: parameter.name,
    in: OPENAPI_LOCATION[parameter.location as keyof typeof OPENAPI_LOCATION],
    // OpenAPI requires path parameters to be required.
    required: parameter.location === 'PATH' || parameter.required,
    ...(parameter.description && { description: parameter.description }),
    schema: schemaOf(parameter),
    ...(parameter.demo !== undefined && { example: parameter.demo }),
  };
}

function schemaOf(parameter: RequestParameter): Obj {
  return {
    ...TYPE_SCHEMA[parameter.type],
    ...(parameter.min !== undefined && { minimum: parameter.min }),
    ...(parameter.max !== undefined && { maximum: parameter.max }),
    ...(parameter.minLength !== undefined && { minLength: parameter.minLength }),
    ...(parameter.maxLength !== undefined && { maxLength: parameter.maxLength }),
    ...(parameter.regex !== undefined && { pattern: parameter.regex }),
    ...(parameter.enum !== undefined && { enum: parameter.enum }),
    ...(parameter.default !== undefined && { default: parameter.default }),
  };
}

function requestBody(api: Api): Obj | undefined {
  const fields = api.parameters.filter((p) => p.location === 'BODY');
  if (fields.length > 0 || api.request.bodyFormat === 'FORM') {
    const required = fields.filter((p) => p.required).map((p) => p.name);
    const schema = {
      type: 'object',
      properties: Object.fromEntries(
        fields.map((p) => [p.name, { ...schemaOf(p), ...(p.description && { description: p.description }), ...(p.demo !== undefined && { example: p.demo }) }]),
      ),
      ...(required.length > 0 && { required }),
    };
    return { required: required.length > 0, content: { 'application/x-www-form-urlencoded': { schema } } };
  }
  if (api.request.bodyFormat === 'STREAM') {
    return { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
  }
  return undefined;
}

function responses(api: Api): Obj {
  const { backend } = api;
  const status = backend.type === 'MOCK' ? String(backend.statusCode) : '200';
  const body = backend.type === 'MOCK' && backend.body !== '' ? backend.body : api.result?.sample;
  const declared = backend.type === 'MOCK' ? backend.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value : undefined;
  const response: Obj = { description: api.result?.type === 'PASSTHROUGH' ? 'The backend response, passed through' : 'Success' };
  if (body !== undefined && body !== '') {
    const json = parseJson(body);
    const contentType = declared?.split(';')[0].trim() ?? (json === undefined ? 'text/plain' : 'application/json');
    response.content = { [contentType]: { example: json === undefined || !/json/i.test(contentType) ? body : json } };
  }
  return { [status]: response };
}

function security(api: Api): Obj[] {
  const auth = api.auth.type === 'APP' ? api.auth : undefined;
  const appCode = auth !== undefined && (auth.appCodeAuthType === 'HEADER' || auth.appCodeAuthType === 'HEADER_QUERY');
  return [{ AppSignature: [] }, ...(appCode ? [{ AppCode: [] }] : [])];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
