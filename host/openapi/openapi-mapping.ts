/**
 * Maps the operations of a dereferenced Swagger 2.0 / OpenAPI 3.x document to APIs of the design
 * model: one API per path and method, a mock backend answering the first 2xx response's example,
 * and a problem (with `where` = "GET /pets/{id}") for everything that does not carry over.
 */
import type { z } from 'zod';
import { callPath, pathUnderBasePath } from '../../shared/model/base-path';
import { NAME_RULES, nameProblem, suggestName } from '../../shared/model/names';
import { Api, type HttpMethod, type ParameterLocation, type ParameterType } from '../../shared/model/schema';
import { isObject, sampleFromSchema, typeOf } from './schema-sample';

type Obj = Record<string, unknown>;
type ApiInput = z.input<typeof Api>;
type ParameterInput = NonNullable<ApiInput['parameters']>[number];

export interface ImportProblem {
  where: string;
  message: string;
}

export interface MappedOperation {
  api: Api;
  /** `GET /pets/{id}`, as the document writes it. */
  where: string;
}

export interface MappingOptions {
  group: string;
  /** The group's BasePath: each API's path is what follows it in the document's full path (shared/model/base-path.ts). */
  basePath: string;
  /** Names of the group's existing APIs, which imported ones must not take. */
  existingNames: ReadonlySet<string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS: Record<string, ParameterLocation> = { path: 'PATH', query: 'QUERY', header: 'HEAD' };
/** OpenAPI 3 says header parameters with these names are ignored (the protocol sets them). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const FORM = 'application/x-www-form-urlencoded';
const API_NAME_MAX = NAME_RULES.api.maxLength;
const DESCRIPTION_MAX = NAME_RULES.api.descriptionMaxLength;

export function mapDocument(document: Obj, options: MappingOptions): { operations: MappedOperation[]; problems: ImportProblem[] } {
  const swagger2 = 'swagger' in document;
  const basePath = documentBasePath(document);
  const operations: MappedOperation[] = [];
  const problems: ImportProblem[] = [];
  let outsideGroup = false;
  const imported = new Set<string>();
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const problem = (message: string) => problems.push({ where, message });
      if (method === 'trace') {
        problem('TRACE is not a method API Gateway serves; the operation is left out.');
        continue;
      }
      const fullPath = modelPath(basePath, path);
      if ('problem' in fullPath) {
        problem(fullPath.problem);
        continue;
      }
      // Callers call the group's BasePath + the API's path, so the API's path is what follows the BasePath.
      const underGroup = pathUnderBasePath(options.basePath, fullPath.path);
      if (underGroup === undefined && !outsideGroup) {
        outsideGroup = true;
        problems.push({
          where: 'document',
          message:
            `Group \`${options.group}\` has base path \`${options.basePath}\`, which the document's paths (\`${fullPath.path}\`…) do not start with: ` +
            `the APIs keep the document's paths and are called at \`${callPath(options.basePath, fullPath.path)}\`…. Import into a group whose base path the paths start with to keep their addresses.`,
        });
      }
      const requestPath = { path: underGroup ?? fullPath.path };
      const context: OperationContext = { document, swagger2, operation, pathItem: item, problem };
      const name = uniqueName(apiName(operation, method, path, problem), options, imported, problem);
      imported.add(name);
      const { parameters, bodyFormat } = requestShape(context);
      const input: ApiInput = {
        name,
        group: options.group,
        description: description(operation),
        request: { method: method.toUpperCase() as HttpMethod, path: requestPath.path, ...(bodyFormat && { bodyFormat }) },
        parameters,
        ...responseShape(context),
        auth: needsApp(operation, document) ? { type: 'APP' } : { type: 'ANONYMOUS' },
      };
      const parsed = Api.safeParse(input);
      if (parsed.success) operations.push({ api: parsed.data, where });
      else problem(`The operation could not be turned into an API (${parsed.error.issues[0]?.message}); it is left out.`);
    }
  }
  return { operations, problems };
}

interface OperationContext {
  document: Obj;
  swagger2: boolean;
  operation: Obj;
  pathItem: Obj;
  problem: (message: string) => void;
}

/** `/pets/{id}` under base path `/v1` → `/v1/pets/[id]`; a parameter inside a segment has no equivalent. */
function modelPath(basePath: string, path: string): { path: string } | { problem: string } {
  const segments = path.split('/').map((segment) => segment.replace(/^\{([^{}]+)\}$/, '[$1]'));
  const mixed = segments.find((segment) => /[{}]/.test(segment));
  if (mixed) {
    return { problem: `Path segment \`${mixed}\` mixes text and a parameter; API Gateway takes a path parameter only as a whole segment (\`/[id]\`). The operation is left out.` };
  }
  const base = basePath.replace(/\/+$/, '');
  return { path: `${base}${segments.join('/')}` || '/' };
}

/** The path every operation's path follows: Swagger 2.0 `basePath`, or the path of OpenAPI 3's first server URL. */
export function documentBasePath(document: Obj): string {
  return 'swagger' in document ? stringOr(document.basePath, '') : serverPath(document.servers);
}

/** The path of the first server URL (`https://api.example.com/v1` or `/v1` → `/v1`); variables are left alone. */
function serverPath(servers: unknown): string {
  const url = Array.isArray(servers) && isObject(servers[0]) ? stringOr(servers[0].url, '') : '';
  if (url.includes('{')) return '';
  try {
    return new URL(url, 'http://server.invalid').pathname;
  } catch {
    return '';
  }
}

function apiName(operation: Obj, method: string, path: string, problem: (message: string) => void): string {
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
  const name = sanitizeApiName(operationId ?? `${method}_${path}`, `${method}_${path}`);
  if (operationId !== undefined && name !== operationId) {
    const why = nameProblem('api', operationId) ?? 'it does not fit the API name rules';
    problem(`operationId \`${operationId}\` is not a valid API name (${why.replace(/\.$/, '')}); the API is named \`${name}\`.`);
  }
  return name;
}

/**
 * An API name the cloud accepts, made from `raw` by the shared rule (shared/model/names.ts); from
 * `fallback` (method and path) when nothing of `raw` is usable, e.g. an operationId in Chinese.
 */
export function sanitizeApiName(raw: string, fallback = 'imported_api'): string {
  return suggestName('api', raw) ?? suggestName('api', fallback) ?? 'imported_api';
}

function uniqueName(name: string, options: MappingOptions, imported: ReadonlySet<string>, problem: (message: string) => void): string {
  const taken = (candidate: string) => options.existingNames.has(candidate) || imported.has(candidate);
  if (!taken(name)) return name;
  let n = 2;
  let candidate: string;
  do {
    const suffix = `_${n++}`;
    candidate = [...name].slice(0, API_NAME_MAX - suffix.length).join('') + suffix;
  } while (taken(candidate));
  problem(
    options.existingNames.has(name)
      ? `An API named \`${name}\` already exists in group \`${options.group}\`; this operation is imported as \`${candidate}\`. Rename one of them if you prefer.`
      : `Another operation of this document is also named \`${name}\`; this one is imported as \`${candidate}\`.`,
  );
  return candidate;
}

function description(operation: Obj): string | undefined {
  const text = [operation.summary, operation.description].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (text === undefined) return undefined;
  const line = text.trim().replace(/\s+/g, ' ');
  return [...line].length > DESCRIPTION_MAX ? `${[...line].slice(0, DESCRIPTION_MAX - 1).join('')}…` : line;
}

/** Parameters and body format. */
function requestShape(context: OperationContext): { parameters: ParameterInput[]; bodyFormat?: 'FORM' | 'STREAM' } {
  const { swagger2, operation, pathItem, problem } = context;
  const parameters: ParameterInput[] = [];
  const formFields: Obj[] = [];
  let stream = false;
  for (const parameter of mergedParameters(pathItem, operation)) {
    const name = stringOr(parameter.name, '');
    const place = stringOr(parameter.in, '');
    if (place === 'body') stream = true;
    else if (place === 'formData') formFields.push(parameter);
    else if (place === 'cookie') problem(`Cookie parameter \`${name}\` is not supported by API Gateway; it is left out.`);
    else if (LOCATIONS[place]) {
      if (!swagger2 && place === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue;
      const schema = swagger2 ? parameter : parameterSchema(parameter);
      const example = swagger2 ? parameter['x-example'] : firstExample(parameter) ?? (isObject(schema) ? schema.example : undefined);
      parameters.push(parameterFrom(name, LOCATIONS[place], schema, parameter.required === true, parameter.description, example, problem));
    }
  }
  let bodyFormat: 'FORM' | 'STREAM' | undefined;
  if (swagger2 && formFields.length > 0) {
    if (formFields.some((field) => field.type === 'file')) {
      problem('The form has a file field; API Gateway forms carry text only, so the body is imported as a stream without form fields.');
      bodyFormat = 'STREAM';
    } else {
      bodyFormat = 'FORM';
      for (const field of formFields) {
        parameters.push(parameterFrom(stringOr(field.name, ''), 'BODY', field, field.required === true, field.description, field['x-example'], problem));
      }
    }
  } else if (swagger2 && stream) {
    bodyFormat = 'STREAM';
  } else if (!swagger2 && isObject(operation.requestBody) && isObject(operation.requestBody.content)) {
    const content = operation.requestBody.content;
    const form = content[FORM];
    if (isObject(form)) {
      bodyFormat = 'FORM';
      const schema = isObject(form.schema) ? form.schema : {};
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
        const field = isObject(property) ? property : {};
        parameters.push(parameterFrom(name, 'BODY', field, required.has(name), field.description, field.example, problem));
      }
    } else if (Object.keys(content).length > 0) bodyFormat = 'STREAM';
  }
  return { parameters, bodyFormat };
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function mergedParameters(pathItem: Obj, operation: Obj): Obj[] {
  const byKey = new Map<string, Obj>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const parameter of list) if (isObject(parameter)) byKey.set(`${String(parameter.in)}\u0000${String(parameter.name)}`, parameter);
  }
  return [...byKey.values()];
}

function parameterSchema(parameter: Obj): Obj {
  if (isObject(parameter.schema)) return parameter.schema;
  if (isObject(parameter.content)) {
    const media = Object.values(parameter.content)[0];
    if (isObject(media) && isObject(media.schema)) return media.schema;
  }
  return {};
}

function firstExample(holder: Obj): unknown {
  if ('example' in holder) return holder.example;
  if (isObject(holder.examples)) {
    const first = Object.values(holder.examples)[0];
    if (isObject(first) && 'value' in first) return first.value;
  }
  return undefined;
}

function parameterFrom(
  name: string,
  location: ParameterLocation,
  schema: Obj,
  required: boolean,
  text: unknown,
  example: unknown,
  problem: (message: string) => void,
): ParameterInput {
  const type = parameterType(schema);
  if (type.note) problem(`Parameter \`${name}\` ${type.note}`);
  const parameter: ParameterInput = { name, location, type: type.type, required: location === 'PATH' || required };
  const numeric = ['Int', 'Long', 'Float', 'Double'].includes(type.type);
  if (numeric && typeof schema.minimum === 'number') parameter.min = schema.minimum;
  if (numeric && typeof schema.maximum === 'number') parameter.max = schema.maximum;
  if (type.type === 'String') {
    if (isCount(schema.minLength)) parameter.minLength = schema.minLength;
    if (isCount(schema.maxLength)) parameter.maxLength = schema.maxLength;
    if (typeof schema.pattern === 'string') parameter.regex = schema.pattern;
  }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter(isScalar);
    if (values.length > 0) parameter.enum = values;
  }
  // The cloud uses a default only for optional parameters.
  if (!parameter.required && isScalar(schema.default)) parameter.default = schema.default;
  if (typeof text === 'string' && text.trim() !== '') parameter.description = text.trim();
  if (isScalar(example)) parameter.demo = example;
  else if (example !== undefined && example !== null) parameter.demo = JSON.stringify(example);
  return parameter;
}

/** integer → Int (int64 → Long), number → Double (float → Float), boolean, string; the rest travel as String. */
function parameterType(schema: Obj): { type: ParameterType; note?: string } {
  const type = typeOf(schema);
  switch (type) {
    case 'integer':
      return { type: schema.format === 'int64' ? 'Long' : 'Int' };
    case 'number':
      return { type: schema.format === 'float' ? 'Float' : 'Double' };
    case 'boolean':
      return { type: 'Boolean' };
    case 'string':
    case undefined:
      return { type: 'String' };
    default:
      return { type: 'String', note: `is of type ${type}, which API Gateway parameters do not have; it is imported as a String (send it serialized).` };
  }
}

/** The mock backend and result sample, from the first 2xx response. */
function responseShape(context: OperationContext): Pick<ApiInput, 'backend' | 'result'> {
  const responses = isObject(context.operation.responses) ? context.operation.responses : {};
  const code = Object.keys(responses).find((key) => /^2(\d\d|XX)$/i.test(key)) ?? ('default' in responses ? 'default' : undefined);
  const response = code === undefined ? undefined : responses[code];
  const statusCode = code !== undefined && /^\d{3}$/.test(code) ? Number(code) : 200;
  const sample = isObject(response) ? responseSample(context, response) : undefined;
  if (!sample) return { backend: { type: 'MOCK', statusCode, body: '' } };
  return {
    backend: { type: 'MOCK', statusCode, body: sample.body, headers: [{ name: 'Content-Type', value: sample.contentType }] },
    result: { type: resultType(sample.contentType), sample: sample.body },
  };
}

function responseSample(context: OperationContext, response: Obj): { body: string; contentType: string } | undefined {
  if (context.swagger2) {
    const examples = isObject(response.examples) ? response.examples : {};
    const exampleType = Object.keys(examples).find(isJson) ?? Object.keys(examples)[0];
    if (exampleType !== undefined) return { body: bodyText(examples[exampleType], exampleType), contentType: exampleType };
    if (!isObject(response.schema)) return undefined;
    const produces = [context.operation.produces, context.document.produces].find(Array.isArray) ?? [];
    const contentType = produces.find((t): t is string => typeof t === 'string' && isJson(t)) ?? 'application/json';
    return { body: bodyText(sampleFromSchema(response.schema), contentType), contentType };
  }
  const content = isObject(response.content) ? response.content : {};
  const contentType = Object.keys(content).find(isJson) ?? Object.keys(content)[0];
  const media = contentType === undefined ? undefined : content[contentType];
  if (!contentType || !isObject(media)) return undefined;
  const value = firstExample(media) ?? (isObject(media.schema) && isJson(contentType) ? sampleFromSchema(media.schema) : undefined);
  return value === undefined ? undefined : { body: bodyText(value, contentType), contentType };
}

function bodyText(value: unknown, contentType: string): string {
  if (typeof value === 'string' && !isJson(contentType)) return value;
  return JSON.stringify(value, null, 2);
}

function resultType(contentType: string): 'JSON' | 'XML' | 'HTML' | 'TEXT' {
  if (isJson(contentType)) return 'JSON';
  if (/xml/i.test(contentType)) return 'XML';
  if (/html/i.test(contentType)) return 'HTML';
  return 'TEXT';
}

function isJson(contentType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(contentType) || contentType === '*/*';
}

/** APP auth when the operation (or the document) requires some security scheme; `[{}]` means optional. */
function needsApp(operation: Obj, document: Obj): boolean {
  const security = Array.isArray(operation.security) ? operation.security : document.security;
  return Array.isArray(security) && security.some((requirement) => isObject(requirement) && Object.keys(requirement).length > 0);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
