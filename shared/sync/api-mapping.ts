/**
 * One API of the design ↔ CloudAPI's CreateApi/ModifyApi parameters and DescribeApi answer
 * (docs/alibaba-openapi.md, "APIs"). The design keeps defaults implicit where the cloud spells
 * everything out: every request parameter gets a ServiceParameters + ServiceParametersMap pair in
 * the cloud (as terraform sends them), and reading back drops the pairs that only say
 * "same name, same place", so a design survives the trip unchanged.
 */
import { apiCloudBlocker } from '../model/cloud-methods';
import type {
  Api,
  ApiVisibility,
  Backend,
  HttpMethod,
  ParameterLocation,
  ParameterType,
  RequestParameter,
  ServiceParameter,
  SignatureMethod,
} from '../model/schema';
import { HTTP_METHODS, SIGNATURE_METHODS, SYSTEM_PARAMETERS } from '../model/schema';
import { type CloudJson, type CloudRecord, commaList, compact, field, flag, list, num, record, text } from './cloud-values';

/** The definition part of CreateApi/ModifyApi (GroupId and ApiId are added by the caller). */
export interface ApiDefinitionParams {
  [key: string]: CloudJson;
  ApiName: string;
  Visibility: ApiVisibility;
  Description?: string;
  AuthType: 'ANONYMOUS' | 'APP';
  AppCodeAuthType?: string;
  AllowSignatureMethod?: string;
  ForceNonceCheck: boolean;
  DisableInternet: boolean;
  ResultType: string;
  ResultSample?: string;
  FailResultSample?: string;
  RequestConfig: { [key: string]: CloudJson };
  ServiceConfig: { [key: string]: CloudJson };
  RequestParameters: CloudJson[];
  ServiceParameters: CloudJson[];
  ServiceParametersMap: CloudJson[];
  ConstantParameters: CloudJson[];
  SystemParameters: CloudJson[];
  ErrorCodeSamples: CloudJson[];
}

/** What an API read from the cloud uses that the design cannot express (a VPC backend, OpenID...). */
export interface ApiFromCloud {
  api: Api;
  unsupported: string[];
}

const NUMERIC_TYPES: ReadonlySet<ParameterType> = new Set(['Int', 'Long', 'Float', 'Double']);
const SERVICE_TYPES = ['STRING', 'NUMBER', 'BOOLEAN'] as const;
const LOCATIONS: readonly ParameterLocation[] = ['PATH', 'QUERY', 'HEAD', 'BODY'];
const PARAMETER_TYPES: readonly ParameterType[] = ['String', 'Int', 'Long', 'Float', 'Double', 'Boolean'];
/** Placeholders for a mock's ServiceConfig, which the cloud requires but a mock never uses (as terraform sends them). */
const MOCK_SERVICE = { ServiceAddress: 'http://www.aliyun.com', ServiceTimeout: 10_000 };

/** The cloud spells HEAD `HEADER` (docs/alibaba-openapi.md, "APIs"). */
export function toCloudMethod(method: HttpMethod): string {
  return method === 'HEAD' ? 'HEADER' : method;
}

export function fromCloudMethod(method: string | undefined): HttpMethod | undefined {
  const upper = method?.toUpperCase();
  if (upper === 'HEADER') return 'HEAD';
  return (HTTP_METHODS as readonly string[]).includes(upper ?? '') ? (upper as HttpMethod) : undefined;
}

/** The backend type a request parameter travels as when the design does not say. */
function implicitServiceType(type: ParameterType): ServiceParameter['type'] {
  if (NUMERIC_TYPES.has(type)) return 'NUMBER';
  return type === 'Boolean' ? 'BOOLEAN' : 'STRING';
}

// ---------------------------------------------------------------------------------------------
// design → cloud

export function apiToParams(api: Api): ApiDefinitionParams {
  const auth = api.auth;
  const params: ApiDefinitionParams = {
    ApiName: api.name,
    // As the design says (PRIVATE by default): PUBLIC lists the API for every user once in RELEASE.
    Visibility: api.visibility,
    Description: api.description,
    AuthType: auth.type,
    ForceNonceCheck: auth.type === 'APP' ? auth.forceNonceCheck : false,
    DisableInternet: false,
    ResultType: api.result?.type ?? 'JSON',
    ResultSample: api.result?.sample,
    FailResultSample: api.result?.failSample,
    RequestConfig: compact({
      RequestProtocol: api.request.protocols.join(','),
      RequestHttpMethod: toCloudMethod(api.request.method),
      RequestPath: api.request.path,
      RequestMode: api.request.mode,
      BodyFormat: api.request.bodyFormat,
    }),
    ServiceConfig: serviceConfig(api.backend),
    RequestParameters: api.parameters.map((parameter, index) => requestParameterToCloud(parameter, index)),
    ...serviceParameterPairs(api),
    ConstantParameters: api.constantParameters.map((constant) =>
      compact({ ServiceParameterName: constant.name, ConstantValue: constant.value, Location: constant.location, Description: constant.description }),
    ),
    SystemParameters: api.systemParameters.map((system) => ({ ParameterName: system.name, ServiceParameterName: system.serviceParameter, Location: system.location })),
    ErrorCodeSamples: api.errorCodes.map((sample) => compact({ Code: sample.code, Message: sample.message, Description: sample.description })),
  };
  if (auth.type === 'APP') {
    params.AppCodeAuthType = auth.appCodeAuthType;
    params.AllowSignatureMethod = auth.signatureMethods.join(',');
  }
  return compact(params);
}

/**
 * The parameters CreateApi/ModifyApi send for `api`. Throws when the design holds what the cloud
 * does not take (a request method of ANY): the planner marks such an API as a conflict, and this
 * keeps anything else from sending it.
 */
export function apiToSendParams(api: Api): ApiDefinitionParams {
  const blocker = apiCloudBlocker(api);
  if (blocker) throw new Error(`not sending ${blocker}`);
  return apiToParams(api);
}

function serviceConfig(backend: Backend): { [key: string]: CloudJson } {
  if (backend.type === 'MOCK') {
    return {
      ServiceProtocol: 'HTTP',
      ...MOCK_SERVICE,
      Mock: 'TRUE',
      MockResult: backend.body,
      MockStatusCode: backend.statusCode,
      MockHeaders: backend.headers.map((header) => ({ HeaderName: header.name, HeaderValue: header.value })),
      ServiceVpcEnable: 'FALSE',
    };
  }
  return compact({
    ServiceProtocol: backend.address.toLowerCase().startsWith('https:') ? 'HTTPS' : 'HTTP',
    ServiceAddress: backend.address,
    ServicePath: backend.path,
    ServiceHttpMethod: toCloudMethod(backend.method),
    ServiceTimeout: backend.timeout,
    ContentTypeCatagory: backend.contentType.category,
    ContentTypeValue: backend.contentType.value,
    Mock: 'FALSE',
    ServiceVpcEnable: 'FALSE',
  });
}

function requestParameterToCloud(parameter: RequestParameter, index: number): CloudJson {
  return compact({
    ApiParameterName: parameter.name,
    Location: parameter.location,
    ParameterType: parameter.type,
    Required: parameter.required ? 'REQUIRED' : 'OPTIONAL',
    DefaultValue: parameter.default === undefined ? undefined : String(parameter.default),
    DemoValue: parameter.demo === undefined ? undefined : String(parameter.demo),
    Description: parameter.description,
    MinLength: parameter.minLength,
    MaxLength: parameter.maxLength,
    MinValue: parameter.min,
    MaxValue: parameter.max,
    RegularExpression: parameter.regex,
    EnumValue: parameter.enum?.map(String).join(','),
    DocShow: 'PUBLIC',
    DocOrder: index,
  });
}

/** Explicit mappings first, in the design's order (so they read back in that order), then the implicit ones. */
function serviceParameterPairs(api: Api): Pick<ApiDefinitionParams, 'ServiceParameters' | 'ServiceParametersMap'> {
  const declared = new Set(api.parameters.map((parameter) => parameter.name));
  const explicit = api.serviceParameters.filter((mapping) => declared.has(mapping.requestParameter));
  const mapped = new Set(explicit.map((mapping) => mapping.requestParameter));
  const implicit = api.parameters
    .filter((parameter) => !mapped.has(parameter.name))
    .map((parameter): ServiceParameter => ({ requestParameter: parameter.name, name: parameter.name, location: parameter.location, type: implicitServiceType(parameter.type) }));
  const pairs = [...explicit, ...implicit];
  return {
    ServiceParameters: pairs.map((mapping) => ({ ServiceParameterName: mapping.name, Location: mapping.location, ParameterType: mapping.type, ParameterCatalog: 'REQUEST' })),
    ServiceParametersMap: pairs.map((mapping) => ({ RequestParameterName: mapping.requestParameter, ServiceParameterName: mapping.name })),
  };
}

// ---------------------------------------------------------------------------------------------
// cloud → design

/**
 * The design's API from a DescribeApi (or DescribeDeployedApi / DescribeApiHistory) answer.
 * `names` gives the design's group name (the answer only has the cloud's GroupId/GroupName).
 */
export function apiFromCloud(detail: CloudRecord, names: { group: string; name?: string }): ApiFromCloud {
  const unsupported: string[] = [];
  const requestConfig = record(field(detail, 'RequestConfig')) ?? {};
  const serviceConfigRecord = record(field(detail, 'ServiceConfig')) ?? {};
  const parameters = list(field(detail, 'RequestParameters')).map((item) => requestParameterFromCloud(item, unsupported));
  const method = fromCloudMethod(text(requestConfig, 'RequestHttpMethod'));
  if (!method) unsupported.push(`request method ${text(requestConfig, 'RequestHttpMethod') ?? '(none)'}`);

  const api: Api = {
    name: names.name ?? text(detail, 'ApiName') ?? '',
    group: names.group,
    visibility: text(detail, 'Visibility')?.toUpperCase() === 'PUBLIC' ? 'PUBLIC' : 'PRIVATE',
    request: requestFromCloud(requestConfig, method ?? 'GET'),
    parameters,
    backend: backendFromCloud(serviceConfigRecord, unsupported),
    serviceParameters: serviceParametersFromCloud(detail, parameters),
    constantParameters: list(field(detail, 'ConstantParameters')).map((item) =>
      compact({
        name: text(item, 'ServiceParameterName') ?? '',
        value: text(item, 'ConstantValue') ?? '',
        location: headQueryBody(text(item, 'Location')),
        description: text(item, 'Description'),
      }),
    ),
    systemParameters: systemParametersFromCloud(detail, unsupported),
    auth: authFromCloud(detail, unsupported),
    errorCodes: list(field(detail, 'ErrorCodeSamples')).map((item) =>
      compact({ code: text(item, 'Code') ?? '', message: text(item, 'Message') ?? '', description: text(item, 'Description') }),
    ),
  };
  const description = text(detail, 'Description');
  if (description !== undefined) api.description = description;
  const result = resultFromCloud(detail);
  if (result) api.result = result;
  if (record(field(detail, 'OpenIdConnectConfig')) && text(detail, 'AuthType') === 'APPOPENID') unsupported.push('OpenID Connect');
  if (flag(detail, 'BackendEnable')) unsupported.push('a separately defined backend (BackendEnable)');
  return { api: orderedApi(api), unsupported };
}

/** Keys in the schema's order, so an API read from the cloud compares and prints like a designed one. */
function orderedApi(api: Api): Api {
  const { name, group, description, visibility, request, parameters, backend, serviceParameters, constantParameters, systemParameters, auth, result, errorCodes } = api;
  return compact({ name, group, description, visibility, request, parameters, backend, serviceParameters, constantParameters, systemParameters, auth, result, errorCodes });
}

function requestFromCloud(config: CloudRecord, method: HttpMethod): Api['request'] {
  const protocols = commaList(text(config, 'RequestProtocol'))
    .map((protocol) => protocol.toUpperCase())
    .filter((protocol): protocol is 'HTTP' | 'HTTPS' => protocol === 'HTTP' || protocol === 'HTTPS');
  const mode = text(config, 'RequestMode');
  const bodyFormat = text(config, 'BodyFormat')?.toUpperCase();
  return compact({
    protocols: protocols.length > 0 ? protocols : ['HTTP', 'HTTPS'],
    method,
    path: text(config, 'RequestPath') ?? '/',
    mode: mode === 'MAPPING_PASSTHROUGH' || mode === 'PASSTHROUGH' ? mode : 'MAPPING',
    bodyFormat: bodyFormat === 'FORM' || bodyFormat === 'STREAM' ? bodyFormat : undefined,
  });
}

function backendFromCloud(config: CloudRecord, unsupported: string[]): Backend {
  if (text(config, 'Mock')?.toUpperCase() === 'TRUE') {
    return {
      type: 'MOCK',
      statusCode: num(config, 'MockStatusCode') ?? 200,
      body: text(config, 'MockResult') ?? '',
      headers: list(field(config, 'MockHeaders')).map((header) => ({ name: text(header, 'HeaderName') ?? '', value: text(header, 'HeaderValue') ?? '' })),
    };
  }
  const protocol = text(config, 'ServiceProtocol')?.toUpperCase();
  if (protocol && protocol !== 'HTTP' && protocol !== 'HTTPS') unsupported.push(`a ${text(config, 'ServiceProtocol')} backend`);
  if (text(config, 'ServiceVpcEnable')?.toUpperCase() === 'TRUE') unsupported.push('a VPC backend (ServiceVpcEnable)');
  const category = text(config, 'ContentTypeCatagory')?.toUpperCase();
  return {
    type: 'HTTP',
    address: text(config, 'ServiceAddress') ?? '',
    path: text(config, 'ServicePath') ?? '/',
    method: fromCloudMethod(text(config, 'ServiceHttpMethod')) ?? 'GET',
    timeout: num(config, 'ServiceTimeout') ?? 10_000,
    contentType: compact({
      category: category === 'DEFAULT' || category === 'CUSTOM' ? category : 'CLIENT',
      value: text(config, 'ContentTypeValue'),
    }),
  };
}

function requestParameterFromCloud(item: CloudRecord, unsupported: string[]): RequestParameter {
  const typeText = text(item, 'ParameterType');
  const type = PARAMETER_TYPES.find((candidate) => candidate.toLowerCase() === typeText?.toLowerCase()) ?? 'String';
  if (typeText && !PARAMETER_TYPES.some((candidate) => candidate.toLowerCase() === typeText.toLowerCase())) {
    unsupported.push(`parameter type ${typeText} of ${text(item, 'ApiParameterName')}`);
  }
  const enumText = text(item, 'EnumValue');
  const parameter: RequestParameter = compact({
    name: text(item, 'ApiParameterName') ?? '',
    location: location(text(item, 'Location')),
    type,
    required: text(item, 'Required')?.toUpperCase() === 'REQUIRED',
    default: scalarFromCloud(text(item, 'DefaultValue'), type),
    min: num(item, 'MinValue'),
    max: num(item, 'MaxValue'),
    minLength: num(item, 'MinLength'),
    maxLength: num(item, 'MaxLength'),
    regex: text(item, 'RegularExpression'),
    enum: enumText === undefined ? undefined : commaList(enumText).map((value) => scalarFromCloud(value, type) as string | number | boolean),
    demo: scalarFromCloud(text(item, 'DemoValue'), type),
    description: text(item, 'Description'),
  });
  return parameter;
}

/** The cloud keeps values as text; numbers and booleans come back typed for the parameter's type. */
function scalarFromCloud(value: string | undefined, type: ParameterType): string | number | boolean | undefined {
  if (value === undefined) return undefined;
  if (NUMERIC_TYPES.has(type) && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (type === 'Boolean' && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

function serviceParametersFromCloud(detail: CloudRecord, parameters: RequestParameter[]): ServiceParameter[] {
  const services = list(field(detail, 'ServiceParameters'));
  const map = list(field(detail, 'ServiceParametersMap'));
  const out: ServiceParameter[] = [];
  map.forEach((entry, index) => {
    const requestName = text(entry, 'RequestParameterName');
    const serviceName = text(entry, 'ServiceParameterName');
    const parameter = parameters.find((candidate) => candidate.name === requestName);
    if (!parameter || serviceName === undefined) return;
    // The pairs are sent in one order; fall back to a search by name for answers that reorder them.
    const sameIndex = services[index] && text(services[index], 'ServiceParameterName') === serviceName ? services[index] : undefined;
    const service = sameIndex ?? services.find((candidate) => text(candidate, 'ServiceParameterName') === serviceName);
    const typeText = text(service, 'ParameterType')?.toUpperCase();
    const mapping: ServiceParameter = {
      requestParameter: parameter.name,
      name: serviceName,
      location: service ? location(text(service, 'Location')) : parameter.location,
      type: SERVICE_TYPES.find((candidate) => candidate === typeText) ?? implicitServiceType(parameter.type),
    };
    const implicit = mapping.name === parameter.name && mapping.location === parameter.location && mapping.type === implicitServiceType(parameter.type);
    if (!implicit) out.push(mapping);
  });
  return out;
}

function systemParametersFromCloud(detail: CloudRecord, unsupported: string[]): Api['systemParameters'] {
  const out: Api['systemParameters'] = [];
  for (const item of list(field(detail, 'SystemParameters'))) {
    const name = text(item, 'ParameterName');
    if (!(SYSTEM_PARAMETERS as readonly string[]).includes(name ?? '')) {
      unsupported.push(`system parameter ${name ?? '(none)'}`);
      continue;
    }
    out.push({
      name: name as (typeof SYSTEM_PARAMETERS)[number],
      serviceParameter: text(item, 'ServiceParameterName') ?? '',
      location: headQueryBody(text(item, 'Location')),
    });
  }
  return out;
}

function authFromCloud(detail: CloudRecord, unsupported: string[]): Api['auth'] {
  const type = text(detail, 'AuthType')?.toUpperCase() ?? 'ANONYMOUS';
  if (type === 'ANONYMOUS') return { type: 'ANONYMOUS' };
  if (type !== 'APP') unsupported.push(`auth type ${type}`);
  const methods = commaList(text(detail, 'AllowSignatureMethod')).filter((method): method is SignatureMethod =>
    (SIGNATURE_METHODS as readonly string[]).includes(method),
  );
  const appCode = text(detail, 'AppCodeAuthType')?.toUpperCase();
  return {
    type: 'APP',
    signatureMethods: methods.length > 0 ? methods : ['HmacSHA256'],
    appCodeAuthType: appCode === 'DISABLE' || appCode === 'HEADER' || appCode === 'HEADER_QUERY' ? appCode : 'DEFAULT',
    forceNonceCheck: flag(detail, 'ForceNonceCheck') ?? false,
  };
}

/** `result` is written only when it says more than the cloud's default (JSON, no samples). */
function resultFromCloud(detail: CloudRecord): Api['result'] {
  const typeText = text(detail, 'ResultType')?.toUpperCase() ?? 'JSON';
  const types = ['JSON', 'TEXT', 'BINARY', 'XML', 'HTML', 'PASSTHROUGH'] as const;
  const type = types.find((candidate) => candidate === typeText) ?? 'JSON';
  const sample = text(detail, 'ResultSample');
  const failSample = text(detail, 'FailResultSample');
  if (type === 'JSON' && sample === undefined && failSample === undefined) return undefined;
  return compact({ type, sample, failSample });
}

function location(value: string | undefined): ParameterLocation {
  const upper = value?.toUpperCase() === 'HEADER' ? 'HEAD' : value?.toUpperCase();
  return LOCATIONS.find((candidate) => candidate === upper) ?? 'QUERY';
}

function headQueryBody(value: string | undefined): 'HEAD' | 'QUERY' | 'BODY' {
  const at = location(value);
  return at === 'PATH' ? 'QUERY' : at;
}

// ---------------------------------------------------------------------------------------------
// parameters → answer (what the cloud would show; used by tests and by the offline cloud)

/** DescribeApi's answer for an API created with `params`: the same fields, lists wrapped as the cloud wraps them. */
export function describeApiShape(params: ApiDefinitionParams, ids: { ApiId?: string; GroupId?: string } = {}): CloudRecord {
  const serviceConfig = { ...params.ServiceConfig };
  const mockHeaders = serviceConfig.MockHeaders;
  if (Array.isArray(mockHeaders)) serviceConfig.MockHeaders = { MockHeader: mockHeaders };
  const mock = serviceConfig.Mock === 'TRUE';
  return {
    ...ids,
    ApiName: params.ApiName,
    Description: params.Description ?? '',
    Visibility: params.Visibility,
    AuthType: params.AuthType,
    AppCodeAuthType: params.AppCodeAuthType ?? '',
    AllowSignatureMethod: params.AllowSignatureMethod ?? '',
    ForceNonceCheck: params.ForceNonceCheck,
    DisableInternet: params.DisableInternet,
    ResultType: params.ResultType,
    ResultSample: params.ResultSample ?? '',
    FailResultSample: params.FailResultSample ?? '',
    Mock: mock ? 'OPEN' : 'CLOSED',
    MockResult: mock ? (serviceConfig.MockResult ?? '') : '',
    RequestConfig: params.RequestConfig,
    ServiceConfig: serviceConfig,
    RequestParameters: { RequestParameter: params.RequestParameters },
    ServiceParameters: { ServiceParameter: params.ServiceParameters },
    ServiceParametersMap: { ServiceParameterMap: params.ServiceParametersMap },
    ConstantParameters: { ConstantParameter: params.ConstantParameters },
    SystemParameters: { SystemParameter: params.SystemParameters },
    ErrorCodeSamples: { ErrorCodeSample: params.ErrorCodeSamples },
  };
}
