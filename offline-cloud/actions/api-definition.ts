/**
 * An API's definition as CreateApi/ModifyApi carry it (docs/alibaba-openapi.md, "APIs"): plain
 * fields plus JSON-string objects and lists. Read here into the stored ApiDefinition (keys in the
 * cloud's spelling, values checked with the design's own path and parameter rules), and turned back
 * into the shapes DescribeApi, DescribeDeployedApi and DescribeApiHistory answer with.
 */
import { parameterKey } from '../../shared/model/rules/parameters';
import { pathParameterNames, pathSyntaxProblems } from '../../shared/model/rules/path-syntax';
import { SYSTEM_PARAMETERS } from '../../shared/model/schema';
import type { ActionParams } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import type { ApiDefinition, JsonObject } from './gateway-state';
import { byteLength, checkDescription, checkName, requiredOneOf } from './gateway-values';
import { JsonFields, canonicalKeys, isJsonObject, jsonListParam, jsonObjectParam } from './json-fields';
import { actionModel, declaredPart } from '../sdk-models';
import type { SdkActionModel } from '../sdk-model-types';

/**
 * RequestHttpMethod as the SDK models list it (docs/offline-cloud.md, "Methods"): HEAD is spelled
 * HEADER, and there is no ANY.
 */
export const REQUEST_HTTP_METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'HEADER', 'TRACE', 'PATCH', 'CONNECT', 'OPTIONS'] as const;
/** ServiceHttpMethod: the same, plus HEAD and ANY (the caller's method), which one SDK model lists for the backend. */
export const SERVICE_HTTP_METHODS = [...REQUEST_HTTP_METHODS, 'HEAD', 'ANY'] as const;
const REQUEST_MODES = ['MAPPING', 'MAPPING_PASSTHROUGH', 'PASSTHROUGH'] as const;
const LOCATIONS = ['BODY', 'HEAD', 'QUERY', 'PATH'] as const;
const BACKEND_LOCATIONS = ['BODY', 'HEAD', 'QUERY'] as const;
const PARAMETER_TYPES = ['String', 'Int', 'Long', 'Float', 'Double', 'Boolean', 'Array'] as const;
const SERVICE_PROTOCOLS = ['HTTP', 'HTTPS', 'FunctionCompute', 'OSS', 'EventBridge', 'UN_SPECIFIED'] as const;
const SIGNATURE_METHODS = ['HmacSHA1', 'HmacSHA256'] as const;
/** ResultSample is documented at 32 KB; the same bound is chosen for FailResultSample (not confirmed: docs/alibaba-openapi.md, "APIs"). */
const SAMPLE_MAX_BYTES = 32 * 1024;
/** The design's limit for a mock body (schema.ts MockBackend). */
const MOCK_RESULT_MAX_BYTES = 50 * 1024;

const REQUEST_CONFIG_KEYS = ['RequestProtocol', 'RequestHttpMethod', 'RequestPath', 'RequestMode', 'BodyFormat', 'PostBodyDescription', 'BodyModel', 'EscapePathParam'];
const SERVICE_CONFIG_KEYS = [
  'ServiceProtocol', 'ServiceAddress', 'ServicePath', 'ServiceHttpMethod', 'ServiceTimeout', 'ContentTypeCatagory', 'ContentTypeValue', 'Mock', 'MockResult',
  'MockStatusCode', 'MockHeaders', 'ServiceVpcEnable', 'VpcConfig', 'FunctionComputeConfig', 'OssConfig', 'EventBridgeConfig', 'AoneAppName',
];
const LIST_KEYS = {
  RequestParameters: ['ApiParameterName', 'Location', 'ParameterType', 'Required', 'DefaultValue', 'DemoValue', 'Description', 'MaxLength', 'MinLength', 'MaxValue', 'MinValue', 'RegularExpression', 'JsonScheme', 'EnumValue', 'DocShow', 'DocOrder', 'ArrayItemsType'],
  ServiceParameters: ['ServiceParameterName', 'Location', 'ParameterType', 'ParameterCatalog'],
  ServiceParametersMap: ['RequestParameterName', 'ServiceParameterName'],
  ConstantParameters: ['ServiceParameterName', 'ConstantValue', 'Location', 'Description'],
  SystemParameters: ['ParameterName', 'ServiceParameterName', 'Location', 'DemoValue', 'Description'],
  ErrorCodeSamples: ['Code', 'Message', 'Description', 'Model'],
  ResultDescriptions: ['Id', 'Pid', 'HasChild', 'Key', 'Name', 'Mandatory', 'Type', 'Description'],
} as const;
type ListName = keyof typeof LIST_KEYS;

/** The wrapper item names DescribeApi uses for each list (`RequestParameters.RequestParameter[]`). */
const LIST_ITEMS: Record<ListName, string> = {
  RequestParameters: 'RequestParameter',
  ServiceParameters: 'ServiceParameter',
  ServiceParametersMap: 'ServiceParameterMap',
  ConstantParameters: 'ConstantParameter',
  SystemParameters: 'SystemParameter',
  ErrorCodeSamples: 'ErrorCodeSample',
  ResultDescriptions: 'ResultDescription',
};

function readList(params: ActionParams, name: ListName): JsonFields[] {
  return jsonListParam(params, name).map((item, index) => new JsonFields(canonicalKeys(item, LIST_KEYS[name]), name, `[${index + 1}]`));
}

function checkPath(param: string, key: string, path: string, wildcard: boolean): void {
  const problems = pathSyntaxProblems(path, `${key}`, wildcard);
  if (problems.length > 0) throw gatewayErrors.invalid(param, problems[0].replace(/\.$/, ''));
}

function requestMethod(fields: JsonFields): string {
  const value = fields.text('RequestHttpMethod')?.toUpperCase();
  if (value === 'HEAD') throw gatewayErrors.invalid('RequestConfig', 'RequestConfig.RequestHttpMethod takes HEADER for HEAD requests (the cloud spells HEAD that way), not "HEAD"');
  if (value === 'ANY') throw gatewayErrors.invalid('RequestConfig', `RequestConfig.RequestHttpMethod takes one method (${REQUEST_HTTP_METHODS.join(', ')}); ANY is not one of them`);
  return fields.oneOf('RequestHttpMethod', REQUEST_HTTP_METHODS);
}

function readRequestConfig(params: ActionParams): JsonObject {
  const raw = jsonObjectParam(params, 'RequestConfig', true) as JsonObject;
  const fields = new JsonFields(canonicalKeys(raw, REQUEST_CONFIG_KEYS), 'RequestConfig', 'RequestConfig');
  const protocols = fields.requiredText('RequestProtocol').split(',').map((item) => item.trim()).filter(Boolean);
  const canonicalProtocols = protocols.map((protocol) => {
    const match = ['HTTP', 'HTTPS', 'WebSocket'].find((candidate) => candidate.toLowerCase() === protocol.toLowerCase());
    if (!match) throw gatewayErrors.invalid('RequestConfig', `RequestConfig.RequestProtocol must list HTTP, HTTPS or WebSocket (comma-separated), not "${protocol}"`);
    return match;
  });
  const path = fields.requiredText('RequestPath');
  checkPath('RequestConfig', 'RequestConfig.RequestPath', path, true);
  const bodyFormat = fields.text('BodyFormat') === undefined ? undefined : fields.oneOf('BodyFormat', ['FORM', 'STREAM'] as const);
  return {
    ...fields.object,
    RequestProtocol: canonicalProtocols.join(','),
    RequestHttpMethod: requestMethod(fields),
    RequestPath: path,
    RequestMode: fields.oneOf('RequestMode', REQUEST_MODES),
    ...(bodyFormat ? { BodyFormat: bodyFormat } : {}),
  };
}

/** Nested backend settings: PascalCase keys; FunctionCompute's documented `fcRegionId` comes back as RegionId. */
function nestedConfig(value: JsonObject | undefined): JsonObject | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key === 'fcRegionId' ? 'RegionId' : key.charAt(0).toUpperCase() + key.slice(1), inner]));
}

function readMockHeaders(fields: JsonFields): JsonObject[] {
  let value = fields.object.MockHeaders;
  if (value === undefined || value === null) return [];
  // DescribeApi answers `{MockHeader: [...]}`; a plain array is the documented request form.
  if (isJsonObject(value) && Array.isArray(value.MockHeader)) value = value.MockHeader;
  if (!Array.isArray(value)) throw gatewayErrors.invalid('ServiceConfig', 'ServiceConfig.MockHeaders must be a list of {HeaderName, HeaderValue}');
  return value.map((item, index) => {
    if (!isJsonObject(item)) throw gatewayErrors.invalid('ServiceConfig', `ServiceConfig.MockHeaders[${index + 1}] must be {HeaderName, HeaderValue}`);
    const header = new JsonFields(canonicalKeys(item, ['HeaderName', 'HeaderValue']), 'ServiceConfig', `ServiceConfig.MockHeaders[${index + 1}]`);
    return { HeaderName: header.requiredText('HeaderName'), HeaderValue: header.text('HeaderValue') ?? '' };
  });
}

function readServiceConfig(params: ActionParams): JsonObject {
  const raw = jsonObjectParam(params, 'ServiceConfig', true) as JsonObject;
  const fields = new JsonFields(canonicalKeys(raw, SERVICE_CONFIG_KEYS), 'ServiceConfig', 'ServiceConfig');
  const protocol = fields.oneOf('ServiceProtocol', SERVICE_PROTOCOLS);
  const timeout = fields.number('ServiceTimeout', { min: 1, max: 600_000, integer: true });
  if (timeout === undefined) throw gatewayErrors.invalid('ServiceConfig', 'ServiceConfig.ServiceTimeout is required (milliseconds)');
  const mock = fields.flag('Mock');
  const vpc = fields.flag('ServiceVpcEnable');
  const config: JsonObject = { ...fields.object, ServiceProtocol: protocol, ServiceTimeout: timeout, Mock: mock, ServiceVpcEnable: vpc };

  if (mock === 'TRUE') {
    const result = fields.text('MockResult') ?? '';
    if (byteLength(result) > MOCK_RESULT_MAX_BYTES) throw gatewayErrors.invalid('ServiceConfig', `ServiceConfig.MockResult is larger than ${MOCK_RESULT_MAX_BYTES} bytes`);
    config.MockResult = result;
    config.MockStatusCode = fields.number('MockStatusCode', { min: 100, max: 599, integer: true }) ?? 200;
  }
  config.MockHeaders = readMockHeaders(fields);
  const category = fields.text('ContentTypeCatagory');
  if (category !== undefined) config.ContentTypeCatagory = fields.oneOf('ContentTypeCatagory', ['DEFAULT', 'CUSTOM', 'CLIENT'] as const);

  for (const key of ['VpcConfig', 'FunctionComputeConfig', 'OssConfig', 'EventBridgeConfig']) {
    const value = nestedConfig(fields.nested(key, false));
    if (value) config[key] = value;
  }
  const needs = (key: string, why: string) => {
    if (!config[key]) throw gatewayErrors.invalid('ServiceConfig', `ServiceConfig.${key} is required ${why}`);
  };
  if (vpc === 'TRUE') needs('VpcConfig', 'when ServiceVpcEnable is TRUE');
  else if (mock === 'FALSE' && protocol === 'FunctionCompute') needs('FunctionComputeConfig', 'for a FunctionCompute backend');
  else if (mock === 'FALSE' && protocol === 'OSS') needs('OssConfig', 'for an OSS backend');
  else if (mock === 'FALSE' && protocol === 'EventBridge') needs('EventBridgeConfig', 'for an EventBridge backend');

  const httpBackend = mock === 'FALSE' && vpc === 'FALSE' && (protocol === 'HTTP' || protocol === 'HTTPS');
  const address = fields.text('ServiceAddress');
  if (httpBackend || address !== undefined) {
    if (address === undefined) throw gatewayErrors.invalid('ServiceConfig', 'ServiceConfig.ServiceAddress is required for an HTTP backend, e.g. http://api.example.com:8080');
    if (!/^https?:\/\/[^\s/?]+\/?$/i.test(address)) {
      throw gatewayErrors.invalid('ServiceConfig', `ServiceConfig.ServiceAddress "${address}" must be a scheme, host and port only, e.g. http://api.example.com:8080 (the path goes in ServicePath)`);
    }
  }
  const path = fields.text('ServicePath');
  if (httpBackend && path === undefined) throw gatewayErrors.invalid('ServiceConfig', 'ServiceConfig.ServicePath is required for an HTTP backend, e.g. /users/[id]');
  if (path !== undefined) checkPath('ServiceConfig', 'ServiceConfig.ServicePath', path, false);
  if (httpBackend || fields.text('ServiceHttpMethod') !== undefined) config.ServiceHttpMethod = fields.oneOf('ServiceHttpMethod', SERVICE_HTTP_METHODS);
  return config;
}

function readRequestParameters(params: ActionParams, requestPath: string): JsonObject[] {
  const seen = new Set<string>();
  const list = readList(params, 'RequestParameters').map((fields) => {
    const name = fields.requiredText('ApiParameterName');
    const location = fields.oneOf('Location', LOCATIONS);
    const key = parameterKey(name, location);
    if (seen.has(key)) throw gatewayErrors.invalid('RequestParameters', `parameter "${name}" is declared twice with Location ${location}${location === 'HEAD' ? ' (header names compare without case)' : ''}`);
    seen.add(key);
    const regex = fields.text('RegularExpression');
    if (regex !== undefined) {
      try {
        new RegExp(regex);
      } catch {
        throw gatewayErrors.invalid('RequestParameters', `parameter "${name}" has a RegularExpression that does not compile: ${regex}`);
      }
    }
    const numbers: JsonObject = {};
    for (const bound of ['MaxLength', 'MinLength', 'MaxValue', 'MinValue', 'DocOrder']) {
      const value = fields.number(bound);
      if (value !== undefined) numbers[bound] = value;
    }
    return {
      ...fields.object,
      ApiParameterName: name,
      Location: location,
      ParameterType: fields.oneOf('ParameterType', PARAMETER_TYPES, 'String'),
      Required: fields.oneOf('Required', ['REQUIRED', 'OPTIONAL'] as const, 'OPTIONAL'),
      ...numbers,
    };
  });
  // Path segments and PATH parameters must agree, as the design's request-path rule says.
  const inPath = new Set(pathParameterNames(requestPath));
  const declared = new Set(list.filter((item) => item.Location === 'PATH').map((item) => String(item.ApiParameterName)));
  for (const name of inPath) {
    if (!declared.has(name)) throw gatewayErrors.invalid('RequestParameters', `the request path ${requestPath} has [${name}] but no RequestParameters item "${name}" with Location PATH`);
  }
  for (const name of declared) {
    if (!inPath.has(name)) throw gatewayErrors.invalid('RequestParameters', `parameter "${name}" has Location PATH but the request path ${requestPath} has no [${name}] segment`);
  }
  return list;
}

interface BackendLists {
  ServiceParameters: JsonObject[];
  ServiceParametersMap: JsonObject[];
  ConstantParameters: JsonObject[];
  SystemParameters: JsonObject[];
}

function readBackendParameters(params: ActionParams, requestParameters: JsonObject[]): BackendLists {
  const ServiceParameters = readList(params, 'ServiceParameters').map((fields) => ({
    ...fields.object,
    ServiceParameterName: fields.requiredText('ServiceParameterName'),
    Location: fields.oneOf('Location', LOCATIONS),
    ParameterType: fields.text('ParameterType') ?? 'STRING',
    ...(fields.text('ParameterCatalog') !== undefined ? { ParameterCatalog: fields.oneOf('ParameterCatalog', ['REQUEST', 'CONSTANT', 'SYSTEM'] as const) } : {}),
  }));
  const requestNames = new Set(requestParameters.map((item) => String(item.ApiParameterName)));
  const serviceByName = new Map(ServiceParameters.map((item) => [String(item.ServiceParameterName), item]));
  const ServiceParametersMap = readList(params, 'ServiceParametersMap').map((fields) => {
    const requestName = fields.requiredText('RequestParameterName');
    const serviceName = fields.requiredText('ServiceParameterName');
    if (!requestNames.has(requestName)) throw gatewayErrors.invalid('ServiceParametersMap', `RequestParameterName "${requestName}" is not one of the RequestParameters`);
    if (!serviceByName.has(serviceName)) throw gatewayErrors.invalid('ServiceParametersMap', `ServiceParameterName "${serviceName}" is not one of the ServiceParameters`);
    return { ...fields.object, RequestParameterName: requestName, ServiceParameterName: serviceName };
  });
  const ConstantParameters = readList(params, 'ConstantParameters').map((fields) => ({
    ...fields.object,
    ServiceParameterName: fields.requiredText('ServiceParameterName'),
    ConstantValue: fields.text('ConstantValue') ?? '',
    Location: fields.oneOf('Location', BACKEND_LOCATIONS),
  }));
  const SystemParameters = readList(params, 'SystemParameters').map((fields) => ({
    ...fields.object,
    ParameterName: fields.oneOf('ParameterName', SYSTEM_PARAMETERS),
    ServiceParameterName: fields.requiredText('ServiceParameterName'),
    Location: fields.oneOf('Location', BACKEND_LOCATIONS),
  }));

  // Each backend parameter has one source: a mapped request parameter, a constant or a system value.
  const sources = [
    ...ServiceParametersMap.map((entry) => ({ name: String(entry.ServiceParameterName), location: String(serviceByName.get(String(entry.ServiceParameterName))?.Location), from: 'ServiceParametersMap' })),
    ...ConstantParameters.map((entry) => ({ name: String(entry.ServiceParameterName), location: String(entry.Location), from: 'ConstantParameters' })),
    ...SystemParameters.map((entry) => ({ name: String(entry.ServiceParameterName), location: String(entry.Location), from: 'SystemParameters' })),
  ];
  const taken = new Map<string, string>();
  for (const source of sources) {
    const key = parameterKey(source.name, source.location);
    const earlier = taken.get(key);
    if (earlier) throw gatewayErrors.invalid(source.from, `backend parameter "${source.name}" (${source.location}) is already filled from ${earlier}; give it one source`);
    taken.set(key, source.from);
  }
  return { ServiceParameters, ServiceParametersMap, ConstantParameters, SystemParameters };
}

function readSignatureMethods(params: ActionParams): string {
  const list = params.commaList('AllowSignatureMethod');
  if (!list || list.length === 0) return 'HmacSHA256';
  return list
    .map((method) => {
      const match = SIGNATURE_METHODS.find((candidate) => candidate.toLowerCase() === method.toLowerCase());
      if (!match) throw gatewayErrors.invalid('AllowSignatureMethod', `use HmacSHA256 or HmacSHA1,HmacSHA256, not "${method}"`);
      return match;
    })
    .join(',');
}

function readSample(params: ActionParams, name: string): string {
  const text = params.string(name) ?? '';
  if (byteLength(text) > SAMPLE_MAX_BYTES) throw gatewayErrors.invalid(name, `it is larger than ${SAMPLE_MAX_BYTES} bytes`);
  return text;
}

/** The definition in a CreateApi or ModifyApi call, checked; throws InvalidParameter naming the field. */
export function readApiDefinition(params: ActionParams): ApiDefinition {
  const ApiName = checkName('api', 'ApiName', params.required('ApiName'));
  const Visibility = requiredOneOf(params, 'Visibility', ['PUBLIC', 'PRIVATE'] as const);
  const RequestConfig = readRequestConfig(params);
  const ServiceConfig = readServiceConfig(params);
  const AuthType = params.oneOf('AuthType', ['APP', 'ANONYMOUS', 'APPOPENID'] as const, 'APP');
  const OpenIdConnectConfig = jsonObjectParam(params, 'OpenIdConnectConfig', AuthType === 'APPOPENID');
  const RequestParameters = readRequestParameters(params, String(RequestConfig.RequestPath));
  const BackendEnable = params.bool('BackendEnable') ?? false;
  const BackendId = params.string('BackendId') ?? '';
  if (BackendEnable && !BackendId) throw gatewayErrors.invalid('BackendId', 'BackendEnable=true needs the BackendId of the backend to use');
  return {
    ApiName,
    Visibility,
    AuthType,
    AppCodeAuthType: params.oneOf('AppCodeAuthType', ['DEFAULT', 'DISABLE', 'HEADER', 'HEADER_QUERY'] as const, 'DEFAULT'),
    AllowSignatureMethod: readSignatureMethods(params),
    Description: checkDescription('api', 'Description', params.string('Description')),
    ForceNonceCheck: params.bool('ForceNonceCheck') ?? false,
    DisableInternet: params.bool('DisableInternet') ?? false,
    WebSocketApiType: params.oneOf('WebSocketApiType', ['COMMON', 'REGISTER', 'UNREGISTER', 'NOTIFY'] as const, 'COMMON'),
    ResultType: params.oneOf('ResultType', ['JSON', 'TEXT', 'BINARY', 'XML', 'HTML', 'PASSTHROUGH'] as const, 'JSON'),
    ResultSample: readSample(params, 'ResultSample'),
    FailResultSample: readSample(params, 'FailResultSample'),
    ResultBodyModel: params.string('ResultBodyModel') ?? '',
    RequestConfig,
    ServiceConfig,
    ...(OpenIdConnectConfig ? { OpenIdConnectConfig } : {}),
    RequestParameters,
    ...readBackendParameters(params, RequestParameters),
    ErrorCodeSamples: readList(params, 'ErrorCodeSamples').map((fields) => ({ ...fields.object, Code: fields.requiredText('Code'), Message: fields.text('Message') ?? '' })),
    ResultDescriptions: readList(params, 'ResultDescriptions').map((fields) => fields.object),
    BackendEnable,
    BackendId,
  };
}

/** `GET /users/[id]`: what an API answers, for route checks and summaries. */
export function apiRoute(definition: ApiDefinition): { method: string; path: string } {
  return { method: String(definition.RequestConfig.RequestHttpMethod), path: String(definition.RequestConfig.RequestPath) };
}

function serviceConfigView(config: JsonObject): JsonObject {
  const headers = Array.isArray(config.MockHeaders) ? config.MockHeaders : [];
  return { ...config, MockHeaders: { MockHeader: headers } };
}

function wrapped(definition: ApiDefinition, name: ListName): Record<string, JsonObject[]> {
  return { [LIST_ITEMS[name]]: definition[name] };
}

/** The actions that show an API's definition; each response model declares a different part of it. */
export type DefinitionAction = 'DescribeApi' | 'DescribeDeployedApi' | 'DescribeApiHistory';

/**
 * The fields DescribeApi, DescribeDeployedApi and DescribeApiHistory share, as much of them as the
 * action's response model declares (docs/offline-cloud.md "The SDK models are the contract"): e.g.
 * DescribeApi has no ResultDescriptions and DescribeDeployedApi no BackendConfig, and none of them
 * shows a ServiceParameter's ParameterCatalog, which CreateApi takes.
 */
export function definitionView(definition: ApiDefinition, shownBy: DefinitionAction = 'DescribeApi'): JsonObject {
  return declaredPart(actionModel('CloudAPI', shownBy) as SdkActionModel, fullDefinitionView(definition)) as JsonObject;
}

function fullDefinitionView(definition: ApiDefinition): JsonObject {
  return {
    ApiName: definition.ApiName,
    Description: definition.Description,
    Visibility: definition.Visibility,
    AuthType: definition.AuthType,
    AllowSignatureMethod: definition.AllowSignatureMethod,
    ForceNonceCheck: definition.ForceNonceCheck,
    DisableInternet: definition.DisableInternet,
    WebSocketApiType: definition.WebSocketApiType,
    ResultType: definition.ResultType,
    ResultSample: definition.ResultSample,
    FailResultSample: definition.FailResultSample,
    ResultBodyModel: definition.ResultBodyModel,
    RequestConfig: definition.RequestConfig,
    ServiceConfig: serviceConfigView(definition.ServiceConfig),
    OpenIdConnectConfig: definition.OpenIdConnectConfig ?? {},
    RequestParameters: wrapped(definition, 'RequestParameters'),
    ServiceParameters: wrapped(definition, 'ServiceParameters'),
    ServiceParametersMap: wrapped(definition, 'ServiceParametersMap'),
    ConstantParameters: wrapped(definition, 'ConstantParameters'),
    SystemParameters: wrapped(definition, 'SystemParameters'),
    CustomSystemParameters: { CustomSystemParameter: [] },
    ErrorCodeSamples: wrapped(definition, 'ErrorCodeSamples'),
    ResultDescriptions: wrapped(definition, 'ResultDescriptions'),
    BackendEnable: definition.BackendEnable,
    BackendConfig: { BackendId: definition.BackendId, BackendName: '', BackendType: '' },
  };
}

/** DescribeDeployedApi's (and DescribeApiHistory's) ServiceConfig also carries the VPC id at its top (docs/alibaba-openapi.md, "Publishing and history"). */
export function deployedDefinitionView(definition: ApiDefinition, shownBy: 'DescribeDeployedApi' | 'DescribeApiHistory' = 'DescribeDeployedApi'): JsonObject {
  const view = definitionView(definition, shownBy);
  const vpcConfig = definition.ServiceConfig.VpcConfig;
  const vpcId = isJsonObject(vpcConfig) && typeof vpcConfig.VpcId === 'string' ? vpcConfig.VpcId : '';
  return { ...view, ServiceConfig: { ...(view.ServiceConfig as JsonObject), VpcId: vpcId } };
}

/** DescribeApi's own Mock fields: OPEN/CLOSED, unlike ServiceConfig's TRUE/FALSE. */
export function mockView(definition: ApiDefinition): { Mock: string; MockResult: string } {
  const open = definition.ServiceConfig.Mock === 'TRUE';
  return { Mock: open ? 'OPEN' : 'CLOSED', MockResult: open ? String(definition.ServiceConfig.MockResult ?? '') : '' };
}
