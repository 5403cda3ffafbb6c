/**
 * A Swagger 2.0 document's operations as the CreateApi parameters they become, so ImportSwagger
 * checks them with exactly CreateApi's rules. The document is read with
 * @apidevtools/swagger-parser; external `$ref`s are never followed (a document must not make
 * the offline cloud read files or fetch URLs).
 *
 * The cloud's own `x-aliyun-apigateway-*` extensions were not researched (docs/alibaba-openapi.md,
 * "Swagger import"); the offline cloud reads two of its own (docs/offline-cloud.md):
 * `x-aliyun-apigateway-auth-type` (APP, ANONYMOUS) and `x-aliyun-apigateway-backend` ({type: HTTP,
 * address, path, method, timeout} or {type: MOCK, result, statusCode}). Without a backend, an
 * operation becomes a mock answering its 200 response's example.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { NAME_RULES, suggestName } from '../../shared/model/names';
import { gatewayErrors } from './gateway-errors';
import type { JsonObject } from './gateway-state';
import { isJsonObject } from './json-fields';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const LOCATIONS: Record<string, string> = { path: 'PATH', query: 'QUERY', header: 'HEAD', formData: 'BODY' };
const DEFAULT_TIMEOUT_MS = 10_000;

type SwaggerDocument = Exclude<Parameters<typeof SwaggerParser.validate>[0], string>;

export interface SwaggerOperation {
  method: string;
  /** The request path, `[name]` for `{name}`, under the document's basePath. */
  path: string;
  /** CreateApi's parameters, JSON-string fields as text. */
  params: Record<string, string>;
  /** The operation as the document gives it (dereferenced), for DryRunSwagger's ApiSwagger. */
  source: JsonObject;
}

/** Parses, dereferences and validates the document; InvalidParameter (Data) when it cannot be used. */
export async function readSwagger(data: string, format: 'json' | 'yaml'): Promise<JsonObject> {
  let parsed: unknown;
  try {
    parsed = format === 'json' ? JSON.parse(data) : parseYaml(data);
  } catch (error) {
    throw gatewayErrors.invalid('Data', `it is not ${format.toUpperCase()} (${firstLine(error)}); check DataFormat`);
  }
  if (!isJsonObject(parsed) || String(parsed.swagger) !== '2.0') {
    throw gatewayErrors.invalid('Data', 'ImportSwagger takes a Swagger 2.0 document (swagger: "2.0" at the top)');
  }
  try {
    const document = await new SwaggerParser().validate(parsed as unknown as SwaggerDocument, { resolve: { external: false }, dereference: { circular: 'ignore' } });
    return document as unknown as JsonObject;
  } catch (error) {
    throw gatewayErrors.invalid('Data', `it is not a valid Swagger 2.0 document: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 2).join(': ').slice(0, 300);
}

/** operationId when it is a valid API name; otherwise one made from it (or from method and path) by the shared name rule. */
function apiNameFor(operation: JsonObject, method: string, path: string): string {
  const fromPath = `${method}_${path}`;
  const wanted = typeof operation.operationId === 'string' && operation.operationId ? operation.operationId : fromPath;
  return suggestName('api', wanted) ?? suggestName('api', fromPath) ?? 'imported_api';
}

function parameterType(parameter: JsonObject): string {
  if (parameter.type === 'integer') return parameter.format === 'int64' ? 'Long' : 'Int';
  if (parameter.type === 'number') return parameter.format === 'float' ? 'Float' : 'Double';
  if (parameter.type === 'boolean') return 'Boolean';
  if (parameter.type === 'array') return 'Array';
  return 'String';
}

function requestParameter(parameter: JsonObject): JsonObject {
  const entry: JsonObject = {
    ApiParameterName: String(parameter.name),
    Location: LOCATIONS[String(parameter.in)],
    ParameterType: parameterType(parameter),
    Required: parameter.required === true ? 'REQUIRED' : 'OPTIONAL',
    Description: typeof parameter.description === 'string' ? parameter.description : '',
  };
  if (parameter.default !== undefined) entry.DefaultValue = String(parameter.default);
  if (Array.isArray(parameter.enum)) entry.EnumValue = parameter.enum.map(String).join(',');
  if (typeof parameter.maximum === 'number') entry.MaxValue = parameter.maximum;
  if (typeof parameter.minimum === 'number') entry.MinValue = parameter.minimum;
  if (typeof parameter.maxLength === 'number') entry.MaxLength = parameter.maxLength;
  if (typeof parameter.minLength === 'number') entry.MinLength = parameter.minLength;
  if (typeof parameter.pattern === 'string') entry.RegularExpression = parameter.pattern;
  return entry;
}

/** The 200 (or first 2xx) response's example, as text. */
function successExample(operation: JsonObject): string {
  const responses = isJsonObject(operation.responses) ? operation.responses : {};
  const key = Object.keys(responses).find((code) => code === '200') ?? Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  const response = key ? responses[key] : undefined;
  const examples = isJsonObject(response) && isJsonObject(response.examples) ? response.examples : undefined;
  const example = examples ? Object.values(examples)[0] : undefined;
  if (example === undefined) return '';
  return typeof example === 'string' ? example : JSON.stringify(example);
}

function serviceConfig(operation: JsonObject, document: JsonObject, method: string, example: string): JsonObject {
  const backend = operation['x-aliyun-apigateway-backend'] ?? document['x-aliyun-apigateway-backend'];
  if (isJsonObject(backend) && String(backend.type ?? 'HTTP').toUpperCase() === 'HTTP') {
    const address = String(backend.address ?? '');
    return {
      ServiceProtocol: address.startsWith('https:') ? 'HTTPS' : 'HTTP',
      ServiceAddress: address,
      ServicePath: String(backend.path ?? ''),
      ServiceHttpMethod: String(backend.method ?? method),
      ServiceTimeout: Number(backend.timeout ?? DEFAULT_TIMEOUT_MS),
      Mock: 'FALSE',
    };
  }
  const mock = isJsonObject(backend) ? backend : {};
  return { ServiceProtocol: 'HTTP', ServiceTimeout: DEFAULT_TIMEOUT_MS, Mock: 'TRUE', MockResult: String(mock.result ?? example), MockStatusCode: Number(mock.statusCode ?? 200) };
}

/** Every operation of the document, in document order. */
export function swaggerOperations(document: JsonObject): SwaggerOperation[] {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const basePath = typeof document.basePath === 'string' ? document.basePath.replace(/\/+$/, '') : '';
  const schemes = Array.isArray(document.schemes) ? document.schemes.map((scheme) => String(scheme).toUpperCase()).filter((scheme) => scheme === 'HTTP' || scheme === 'HTTPS') : [];
  const operations: SwaggerOperation[] = [];
  for (const [swaggerPath, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isJsonObject) : [];
    for (const lower of METHODS) {
      const operation = item[lower];
      if (!isJsonObject(operation)) continue;
      const method = lower.toUpperCase();
      const path = `${basePath}${swaggerPath}`.replace(/\{([^}]+)\}/g, '[$1]') || '/';
      // An operation's parameter replaces a path-level one with the same name and location.
      const own = Array.isArray(operation.parameters) ? operation.parameters.filter(isJsonObject) : [];
      const merged = [...shared.filter((base) => !own.some((other) => other.name === base.name && other.in === base.in)), ...own];
      const example = successExample(operation);
      const authType = operation['x-aliyun-apigateway-auth-type'] ?? document['x-aliyun-apigateway-auth-type'];
      const params: Record<string, string> = {
        ApiName: apiNameFor(operation, lower, swaggerPath),
        Visibility: 'PUBLIC',
        AuthType: typeof authType === 'string' ? authType : 'APP',
        Description: String(operation.summary ?? operation.description ?? '').slice(0, NAME_RULES.api.descriptionMaxLength),
        RequestConfig: JSON.stringify({
          RequestProtocol: schemes.length > 0 ? schemes.join(',') : 'HTTP,HTTPS',
          // The cloud spells HEAD as HEADER in RequestHttpMethod (docs/offline-cloud.md "Methods").
          RequestHttpMethod: method === 'HEAD' ? 'HEADER' : method,
          RequestPath: path,
          RequestMode: 'MAPPING',
          ...(merged.some((parameter) => parameter.in === 'body') ? { BodyFormat: 'STREAM' } : merged.some((parameter) => parameter.in === 'formData') ? { BodyFormat: 'FORM' } : {}),
        }),
        ServiceConfig: JSON.stringify(serviceConfig(operation, document, method, example)),
        RequestParameters: JSON.stringify(merged.filter((parameter) => LOCATIONS[String(parameter.in)]).map(requestParameter)),
        ResultSample: example,
      };
      operations.push({ method, path, params, source: operation });
    }
  }
  return operations;
}
