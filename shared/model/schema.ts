/**
 * The design model: the shape of a project file, in the cloud's own vocabulary
 * (CloudAPI 2016-07-14 field names, camelCased), so that sync is a mapping, not a translation.
 *
 * This file describes shape only (types, enums, required fields). Rules that relate fields to
 * each other (references, duplicates, limits in order) live in validate.ts, and name rules in
 * names.ts, so each rule has one home.
 */
import { z } from 'zod';

/** The three stages every group has, as in the cloud. */
export const STAGES = ['TEST', 'PRE', 'RELEASE'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'] as const;
export const HttpMethod = z.enum(HTTP_METHODS);
export type HttpMethod = z.infer<typeof HttpMethod>;

export const ParameterLocation = z.enum(['PATH', 'QUERY', 'HEAD', 'BODY']);
export type ParameterLocation = z.infer<typeof ParameterLocation>;

/** Request parameter types, spelled as the cloud's ParameterType. */
export const ParameterType = z.enum(['String', 'Int', 'Long', 'Float', 'Double', 'Boolean']);
export type ParameterType = z.infer<typeof ParameterType>;

/** A scalar that YAML may give as a number or boolean; the model keeps it as the user wrote it. */
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export const RequestParameter = z.strictObject({
  name: z.string(),
  location: ParameterLocation,
  type: ParameterType.default('String'),
  required: z.boolean().default(false),
  default: Scalar.optional(),
  /** Inclusive range, for Int/Long/Float/Double. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Inclusive length range, for String. */
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().nonnegative().optional(),
  /** A JavaScript regular expression the whole value must match, for String. */
  regex: z.string().optional(),
  /** Allowed values (the cloud's EnumValue, a comma list there). */
  enum: z.array(Scalar).optional(),
  demo: Scalar.optional(),
  description: z.string().optional(),
});
export type RequestParameter = z.infer<typeof RequestParameter>;

export const RequestMode = z.enum(['MAPPING', 'MAPPING_PASSTHROUGH', 'PASSTHROUGH']);
export type RequestMode = z.infer<typeof RequestMode>;

export const RequestConfig = z.strictObject({
  protocols: z.array(z.enum(['HTTP', 'HTTPS'])).min(1).default(['HTTP', 'HTTPS']),
  method: HttpMethod,
  /** `/users/[id]`; a trailing `/*` matches every sub-path. */
  path: z.string(),
  mode: RequestMode.default('MAPPING'),
  /** How a POST/PUT/PATCH body is read in MAPPING mode: form fields or one stream. */
  bodyFormat: z.enum(['FORM', 'STREAM']).optional(),
});
export type RequestConfig = z.infer<typeof RequestConfig>;

export const Header = z.strictObject({ name: z.string(), value: z.string() });
export type Header = z.infer<typeof Header>;

export const MockBackend = z.strictObject({
  type: z.literal('MOCK'),
  statusCode: z.number().int().default(200),
  /** Sent as written, for every call. At most 50 KB (the cloud's MockResult limit). */
  body: z.string().default(''),
  headers: z.array(Header).default([]),
});
export type MockBackend = z.infer<typeof MockBackend>;

export const HttpBackend = z.strictObject({
  type: z.literal('HTTP'),
  /** Scheme, host and port only, e.g. `http://127.0.0.1:#backendPort#`; `#name#` is a stage variable. */
  address: z.string(),
  /** Backend path; may hold `[param]` segments and `#name#` stage variables. */
  path: z.string(),
  method: HttpMethod,
  /** Milliseconds (the cloud's ServiceTimeout). */
  timeout: z.number().int().default(10_000),
  /** The cloud's ContentTypeCatagory/ContentTypeValue: CLIENT passes the caller's Content-Type on. */
  contentType: z
    .strictObject({
      category: z.enum(['CLIENT', 'DEFAULT', 'CUSTOM']).default('CLIENT'),
      value: z.string().optional(),
    })
    .default({ category: 'CLIENT' }),
});
export type HttpBackend = z.infer<typeof HttpBackend>;

export const Backend = z.discriminatedUnion('type', [MockBackend, HttpBackend]);
export type Backend = z.infer<typeof Backend>;

/** Backend-side parameter types, as the cloud's ServiceParameters.ParameterType. */
export const ServiceParameterType = z.enum(['STRING', 'NUMBER', 'BOOLEAN']);

/**
 * Where a request parameter goes at the backend. A request parameter without an entry here is
 * passed under its own name and location (what the cloud console proposes by default).
 */
export const ServiceParameter = z.strictObject({
  requestParameter: z.string(),
  name: z.string(),
  location: ParameterLocation,
  type: ServiceParameterType.default('STRING'),
});
export type ServiceParameter = z.infer<typeof ServiceParameter>;

export const ConstantParameter = z.strictObject({
  name: z.string(),
  value: z.string(),
  location: z.enum(['HEAD', 'QUERY', 'BODY']),
  description: z.string().optional(),
});
export type ConstantParameter = z.infer<typeof ConstantParameter>;

/** Values the gateway fills in for the backend (docs/alibaba-data-plane.md, "Parameters"). */
export const SYSTEM_PARAMETERS = [
  'CaClientIp',
  'CaDomain',
  'CaRequestHandleTime',
  'CaAppId',
  'CaRequestId',
  'CaHttpSchema',
  'CaProxy',
  'CaApiName',
  'CaClientUa',
  'CaCloudMarketInstanceId',
  'CaAppKey',
  'CaAppExtendInfo',
  'CaStage',
  'CaInstanceId',
  'CaSourceVpcId',
] as const;

export const SystemParameter = z.strictObject({
  name: z.enum(SYSTEM_PARAMETERS),
  /** Name the backend receives it under. */
  serviceParameter: z.string(),
  location: z.enum(['HEAD', 'QUERY', 'BODY']),
});
export type SystemParameter = z.infer<typeof SystemParameter>;

export const SIGNATURE_METHODS = ['HmacSHA256', 'HmacSHA1'] as const;
export const SignatureMethod = z.enum(SIGNATURE_METHODS);
export type SignatureMethod = z.infer<typeof SignatureMethod>;

export const Auth = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ANONYMOUS') }),
  z.strictObject({
    type: z.literal('APP'),
    /** The cloud's AllowSignatureMethod: HmacSHA256 alone, or both. */
    signatureMethods: z.array(SignatureMethod).min(1).default(['HmacSHA256']),
    /** DEFAULT follows the group (AppCode off unless listed on Marketplace); HEADER_QUERY also takes `?AppCode=`. */
    appCodeAuthType: z.enum(['DEFAULT', 'DISABLE', 'HEADER', 'HEADER_QUERY']).default('DEFAULT'),
    forceNonceCheck: z.boolean().default(false),
  }),
]);
export type Auth = z.infer<typeof Auth>;

export const ResultConfig = z.strictObject({
  type: z.enum(['JSON', 'TEXT', 'BINARY', 'XML', 'HTML', 'PASSTHROUGH']).default('JSON'),
  sample: z.string().optional(),
  failSample: z.string().optional(),
});

export const ErrorCodeSample = z.strictObject({
  code: z.string(),
  message: z.string(),
  description: z.string().optional(),
});

/**
 * The cloud's Visibility (CreateApi/ModifyApi, docs/sync.md "API visibility"): PUBLIC lists the
 * API for every user once it is published to RELEASE; PRIVATE does not. PRIVATE unless the design
 * says otherwise, so nothing is listed publicly by accident.
 */
export const API_VISIBILITIES = ['PRIVATE', 'PUBLIC'] as const;
export const ApiVisibility = z.enum(API_VISIBILITIES);
export type ApiVisibility = z.infer<typeof ApiVisibility>;

/** An API as designed (the working copy). A deployment snapshots this whole object. */
export const Api = z.strictObject({
  name: z.string(),
  group: z.string(),
  description: z.string().optional(),
  visibility: ApiVisibility.default('PRIVATE'),
  request: RequestConfig,
  parameters: z.array(RequestParameter).default([]),
  backend: Backend,
  serviceParameters: z.array(ServiceParameter).default([]),
  constantParameters: z.array(ConstantParameter).default([]),
  systemParameters: z.array(SystemParameter).default([]),
  auth: Auth.default({ type: 'ANONYMOUS' }),
  result: ResultConfig.optional(),
  errorCodes: z.array(ErrorCodeSample).default([]),
});
export type Api = z.infer<typeof Api>;

export const Group = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  basePath: z.string().default('/'),
  /** Per-stage variables, used as `#name#` in backend addresses and paths. */
  stageVariables: z.partialRecord(Stage, z.record(z.string(), z.string())).default({}),
  /**
   * Where the group answers (ModifyApiGroupNetworkPolicy, docs/sync.md "Internet access"):
   * `internet` is its InternetEnable. Absent: sync leaves the cloud's setting as it is. Internet
   * access is the group's, not the gateway's: a dedicated instance has no EIP of its own.
   */
  network: z.strictObject({ internet: z.boolean() }).optional(),
});
export type Group = z.infer<typeof Group>;

/** Points at one API of one group. */
const ApiRef = { group: z.string(), api: z.string() };
/** Points at one API in one stage. */
export const ApiStageRef = z.strictObject({ ...ApiRef, stage: Stage });
export type ApiStageRef = z.infer<typeof ApiStageRef>;

/** One entry of a stage's history: a deployment (with the snapshot served) or an abolishment. */
export const DeploymentRecord = z.strictObject({
  version: z.number().int().positive(),
  /** ISO 8601 UTC time. */
  at: z.string(),
  description: z.string().optional(),
  /** The API as it was deployed; absent when this record abolished the API from the stage. */
  definition: Api.optional(),
  /** Set when this record re-deployed an earlier version. */
  rollbackOf: z.number().int().positive().optional(),
});
export type DeploymentRecord = z.infer<typeof DeploymentRecord>;

/** The history of one API in one stage, oldest first; the last record is what the stage serves. */
export const Deployment = z.strictObject({ ...ApiStageRef.shape, history: z.array(DeploymentRecord).min(1) });
export type Deployment = z.infer<typeof Deployment>;

export const ThrottlingUnit = z.enum(['SECOND', 'MINUTE', 'HOUR', 'DAY']);
export type ThrottlingUnit = z.infer<typeof ThrottlingUnit>;

export const ThrottlingPolicy = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  unit: ThrottlingUnit,
  /** Calls per unit for each bound API (required, as in the cloud). */
  apiDefault: z.number().int().positive(),
  /** Calls per unit for one account (all its apps), per API. */
  userDefault: z.number().int().positive().optional(),
  /** Calls per unit for one app, per API. */
  appDefault: z.number().int().positive().optional(),
  /** Overrides for one app (by app name) or one user (by account id). */
  specials: z
    .array(z.strictObject({ type: z.enum(['APP', 'USER']), key: z.string(), limit: z.number().int().positive() }))
    .default([]),
  bindings: z.array(ApiStageRef).default([]),
});
export type ThrottlingPolicy = z.infer<typeof ThrottlingPolicy>;

/** An app. Its AppKey/AppSecret pairs and AppCodes live in the secrets file, never here. */
export const App = z.strictObject({ name: z.string(), description: z.string().optional() });
export type App = z.infer<typeof App>;

export const Authorization = z.strictObject({
  app: z.string(),
  ...ApiStageRef.shape,
  /** ISO 8601 UTC time after which calls are refused (the cloud's AuthValidTime); absent = never. */
  expiresAt: z.string().optional(),
  description: z.string().optional(),
});
export type Authorization = z.infer<typeof Authorization>;

export const IpControlConfig = z.strictObject({
  type: z.enum(['ALLOW', 'REFUSE']),
  items: z
    .array(
      z.strictObject({
        /** IPv4/IPv6 addresses or CIDR blocks. */
        blocks: z.array(z.string()).min(1),
        /** Limits this item to one app (by name). */
        app: z.string().optional(),
      }),
    )
    .min(1),
});
export type IpControlConfig = z.infer<typeof IpControlConfig>;

export const CorsConfig = z.strictObject({
  allowOrigins: z.array(z.string()).default(['*']),
  allowMethods: z.array(z.string()).default(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
  allowHeaders: z.array(z.string()).default([]),
  exposeHeaders: z.array(z.string()).default([]),
  allowCredentials: z.boolean().default(false),
  maxAge: z.number().int().nonnegative().default(172800),
});
export type CorsConfig = z.infer<typeof CorsConfig>;

const pluginBase = { name: z.string(), description: z.string().optional(), bindings: z.array(ApiStageRef).default([]) };
export const Plugin = z.discriminatedUnion('type', [
  z.strictObject({ ...pluginBase, type: z.literal('ipControl'), ipControl: IpControlConfig }),
  z.strictObject({ ...pluginBase, type: z.literal('cors'), cors: CorsConfig }),
]);
export type Plugin = z.infer<typeof Plugin>;

/** Cloud ids recorded by sync for one `<profile>/<region>`, keyed by the design's names. */
export const CloudIds = z.strictObject({
  syncedAt: z.string().optional(),
  groups: z.record(z.string(), z.string()).default({}),
  /** Keyed `<group>/<api>`. */
  apis: z.record(z.string(), z.string()).default({}),
  apps: z.record(z.string(), z.string()).default({}),
  throttlingPolicies: z.record(z.string(), z.string()).default({}),
  plugins: z.record(z.string(), z.string()).default({}),
  /** What sync last left in the cloud, to tell drift: a short hash per object (`api:<group>/<api>`...). */
  fingerprints: z.record(z.string(), z.string()).optional(),
  /**
   * The relations sync made, per scope (`vars:<group>/<stage>`, `throttling:<group>/<stage>`,
   * `plugins:<plugin>`, `auths:<app>`): sync removes only these, never ones made elsewhere.
   */
  relations: z.record(z.string(), z.array(z.string())).optional(),
  /** What sync deployed, keyed `<group>/<api>/<stage>`: design version → the cloud's HistoryVersion ('' until known). */
  deployed: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** Creates sent but not yet confirmed (an interrupted apply), keyed `<kind>:<name>` → when first sent (older files: a token; only the keys count). */
  pending: z.record(z.string(), z.string()).optional(),
});
export type CloudIds = z.infer<typeof CloudIds>;

export const PROJECT_FORMAT = 'apigw-studio/v1';

/**
 * How the local gateway serves this project, beyond what each stage deploys. Local only: sync
 * never sends it. In the design file, so the whole team (and `apigw-local serve`) gets the same.
 */
export const LocalGatewaySettings = z.strictObject({
  /** The group that also answers on the gateway's own address, `127.0.0.1:<port>` (docs/local-gateway.md, "Groups and hosts"). */
  defaultGroup: z.string().optional(),
});
export type LocalGatewaySettings = z.infer<typeof LocalGatewaySettings>;

export const Project = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  name: z.string(),
  description: z.string().optional(),
  groups: z.array(Group).default([]),
  apis: z.array(Api).default([]),
  deployments: z.array(Deployment).default([]),
  throttlingPolicies: z.array(ThrottlingPolicy).default([]),
  apps: z.array(App).default([]),
  authorizations: z.array(Authorization).default([]),
  plugins: z.array(Plugin).default([]),
  localGateway: LocalGatewaySettings.optional(),
  /** Keyed `<profile>/<region>`. Written by sync. */
  cloud: z.record(z.string(), CloudIds).default({}),
});
export type Project = z.infer<typeof Project>;
export type ProjectInput = z.input<typeof Project>;

/** An app's credentials, kept in `<name>.secrets.yaml` (0600) or the vault; never in the project. */
export const AppSecrets = z.strictObject({
  keys: z.array(z.strictObject({ appKey: z.string(), appSecret: z.string() })).default([]),
  appCodes: z.array(z.string()).default([]),
});
export type AppSecrets = z.infer<typeof AppSecrets>;

export const SecretsFile = z.strictObject({
  /** Keyed by app name. */
  apps: z.record(z.string(), AppSecrets).default({}),
});
export type SecretsFile = z.infer<typeof SecretsFile>;
