/**
 * How the cloud's data plane answers, in one place: every error the local gateway can give, and
 * every behaviour the reference (reference/alibaba-gateway-data-plane.md) leaves UNCONFIRMED.
 * Changing a choice is one edit here; docs/local-gateway.md lists the same table for people.
 *
 * `source` says how sure we are: DOC = official docs, 3P = third-party code lists,
 * CHOSEN = made up by us in the cloud's shape (letter + HTTP status + two letters).
 */

export type Source = 'DOC' | '3P' | 'CHOSEN';

interface ErrorSpec {
  status: number;
  /** Builds X-Ca-Error-Message from the details of one call. */
  message: (detail: string) => string;
  source: Source;
}

const fixed = (text: string) => () => text;

/** Every gateway error, keyed by the X-Ca-Error-Code it answers with. */
export const GATEWAY_ERRORS = {
  // Routing and request
  I404NF: { status: 404, message: (d) => `API not found with \`${d}\``, source: 'DOC' }, // d = "GET /path"
  I405UM: { status: 405, message: (d) => `Unsupported Method \`${d}\``, source: 'DOC' },
  I404DO: { status: 404, message: (d) => `Invalid Domain \`${d}\``, source: 'DOC' },
  I400SG: { status: 400, message: fixed('Invalid Stage'), source: 'DOC' },
  I403PT: { status: 403, message: (d) => `Invalid protocol ${d} unsupported`, source: 'DOC' },
  I400PH: { status: 400, message: fixed('Invalid Request Path'), source: 'DOC' },
  I400RU: { status: 400, message: (d) => `Invalid Request Uri \`${d}\``, source: 'DOC' },
  I400HD: { status: 400, message: (d) => `Invalid Header ${d}`, source: 'DOC' },
  I400MH: { status: 400, message: (d) => `Header \`${d}\` is Required`, source: 'DOC' },
  I400BD: { status: 400, message: (d) => `Invalid Body: ${d}`, source: 'DOC' },
  I400CT: { status: 400, message: (d) => `Invalid Content-Type: \`${d}\``, source: 'DOC' },
  I413UL: { status: 413, message: fixed('Request URL too Large'), source: 'DOC' },
  I413RL: { status: 413, message: fixed('Request body too Large'), source: 'DOC' },
  // Parameters: only the missing-required message is documented; the rest follow its shape.
  I400MP: { status: 400, message: (d) => `Invalid Parameter Required \`${d}\``, source: 'DOC' },
  I400IP: { status: 400, message: (d) => `Invalid Parameter ${d}`, source: 'CHOSEN' }, // d = "`age` must be an Int"
  // App signature and AppCode
  A400MA: { status: 400, message: fixed('Need authorization'), source: '3P' },
  A401ES: { status: 401, message: fixed('Empty Signature'), source: 'CHOSEN' },
  A400IK: { status: 400, message: fixed('Invalid AppKey'), source: '3P' },
  A400IS: { status: 400, message: (d) => `Invalid Signature, Server StringToSign:\`${d}\``, source: 'CHOSEN' },
  A400SM: { status: 400, message: (d) => `Invalid Signature Method \`${d}\``, source: 'CHOSEN' },
  A400TE: { status: 400, message: fixed('Timestamp Expired'), source: 'CHOSEN' },
  A400IT: { status: 400, message: fixed('Invalid Timestamp'), source: 'CHOSEN' },
  I400NC: { status: 400, message: fixed('Nonce Used'), source: '3P' },
  I400CM: { status: 400, message: fixed('Invalid Content-MD5'), source: 'CHOSEN' },
  A401AC: { status: 401, message: fixed('Invalid AppCode'), source: '3P' },
  A400AC: { status: 400, message: fixed('AppCode authentication is not enabled for this API'), source: 'CHOSEN' },
  I403AA: { status: 403, message: fixed('Unauthorized'), source: '3P' },
  A403EP: { status: 403, message: fixed('Expiry of Authorization'), source: '3P' },
  // Plugins
  A403IP: { status: 403, message: (d) => `Access denied by IP Control \`${d}\``, source: '3P' },
  A403CO: { status: 403, message: (d) => `CORS preflight refused: ${d}`, source: 'CHOSEN' },
  // Throttling: the T429 suffix per level is not documented anywhere we found.
  T429IN: { status: 429, message: fixed('Throttled by API Flow Control'), source: 'CHOSEN' },
  T429AP: { status: 429, message: fixed('Throttled by APP Flow Control'), source: 'CHOSEN' },
  T429UR: { status: 429, message: fixed('Throttled by USER Flow Control'), source: 'CHOSEN' },
  // Backend
  D504TO: { status: 504, message: fixed('Backend service request timeout'), source: '3P' },
  D504CO: { status: 504, message: (d) => `Backend service connect failed '${d}'`, source: 'DOC' },
  D502FC: { status: 502, message: (d) => `Backend service response invalid '${d}'`, source: 'CHOSEN' },
  X500ER: { status: 500, message: fixed('Internal Error'), source: '3P' },
  X500AM: { status: 500, message: fixed('Invalid Api Meta, try deploy again or contact us via ticket'), source: 'DOC' },
  X500SV: { status: 500, message: (d) => `Stage variable \`${d}\` is not defined for this stage`, source: 'CHOSEN' },
  // Malformed HTTP that never becomes a request (answered from the socket).
  I431HL: { status: 431, message: fixed('Request Header Fields too Large'), source: 'CHOSEN' },
  I400BR: { status: 400, message: (d) => `Bad Request: ${d}`, source: 'CHOSEN' },
} satisfies Record<string, ErrorSpec>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

/** A refusal by the gateway itself, ready to be sent: status + the two X-Ca-Error headers. */
export interface GatewayError {
  code: GatewayErrorCode;
  status: number;
  message: string;
}

export function gatewayError(code: GatewayErrorCode, detail = ''): GatewayError {
  const spec: ErrorSpec = GATEWAY_ERRORS[code];
  return { code, status: spec.status, message: spec.message(detail) };
}

/**
 * Behaviours the reference leaves open, with what we chose. Code reads these values; the docs
 * table is generated from the same entries (see docs/local-gateway.md).
 */
export const GATEWAY_CHOICES = {
  /** X-Ca-Timestamp is accepted this far in the past AND the future (the cloud says "15 minutes"). */
  timestampWindowMs: 15 * 60_000,
  /** A nonce is remembered this long and refused when seen again, whether or not the API forces nonces. */
  nonceTtlMs: 15 * 60_000,
  /** Upper bound on remembered nonces per gateway process; the oldest are dropped first. */
  nonceMemoryMax: 200_000,
  /** Query parameter carrying an AppCode when the API allows HEADER_QUERY. */
  appCodeQueryParameter: 'AppCode',
  /** Signed header names are sorted by UTF-16 code unit, case-sensitively, as every official SDK does. */
  signedHeaderSort: 'code-unit',
  /** The path is signed exactly as it came on the wire (not percent-decoded). */
  signPathDecoded: false,
  /** Body size limit before the body is read or hashed (I413RL); configurable per gateway. */
  defaultMaxBodyBytes: 8 * 1024 * 1024,
  /** Request-URI limit (I413UL). */
  maxUrlBytes: 128 * 1024,
  /** Gateway errors carry an empty body: everything is in X-Ca-Error-Code/-Message. */
  errorBody: '',
  /** Throttling counts in fixed windows aligned to the unit (second, minute, hour, UTC day). */
  throttlingWindow: 'fixed',
  /** A preflight (OPTIONS + Access-Control-Request-Method) with no CORS plugin bound is refused (A403CO). */
  preflightWithoutCorsPlugin: 'refuse',
  /** `#name#` in a backend address or path is replaced by the stage variable `name`. */
  stageVariableSyntax: '#name#',
  /**
   * A BasePath's trailing `/` is dropped before the request path is put after it (`/v2/` + `/pets`
   * = `/v2/pets`); that the BasePath prefixes every path is documented (shared/model/base-path.ts).
   */
  basePathTrailingSlash: 'dropped',
  /** Overlapping paths: exact segments beat [param] segments beat a trailing /*. */
  routePriority: 'exact > param > wildcard',
  /** CaRequestHandleTime is sent as an ISO 8601 UTC time with milliseconds. */
  requestHandleTimeFormat: 'iso8601',
  /**
   * The Alibaba Cloud account that owns every app locally (the "user" of throttling and the key
   * of USER specials): all apps of a project share one account, as they would in one cloud account.
   */
  localAccountId: '1000000000000001',
  /**
   * CaAppId and the AppId of IP-control/throttling specials, locally: a 10-digit number derived
   * from the app name (FNV-1a 32-bit, offset by 1e9), stable across runs; not the cloud's AppId.
   */
  localAppIdDerivation: 'fnv1a32(name) + 1e9',
  /**
   * Throttling checks the most specific level first (APP → T429AP, USER → T429UR, API → T429IN)
   * and reports the first one that is full; a refused call consumes no quota at any level.
   */
  throttlingOrder: 'APP > USER > API, refused calls not counted',
  /**
   * An ipControl plugin applies to a call through its items without an app plus the items of the
   * calling app. ALLOW: with none applicable the call passes, else its IP must be in one of them.
   */
  ipControlItems: 'general items + items of the calling app',
  /** Several throttling policies or CORS plugins bound to one API and stage: the last in the file wins. */
  duplicateBindings: 'last wins',
  /** A CORS plugin with an empty allowHeaders answers a preflight with the headers it asked for. */
  corsEmptyAllowHeaders: 'echo Access-Control-Request-Headers',
  /** Node's limit on the request line + headers: room for a 128 KB URL plus ordinary headers. */
  maxHeaderBytes: 192 * 1024,
  /** A trailing `/*` also matches the bare prefix (`/files/*` answers `/files`). */
  wildcardMatchesBarePrefix: true,
  /** What a request path `/a/*` matched after `/a/` is appended to the backend path (`/b` → `/b/rest`). */
  wildcardRemainderToBackend: 'appended',
  /** A required parameter sent empty (`?name=`) is refused like a missing one (I400MP). */
  requiredRejectsEmpty: true,
  /** Boolean parameters accept `true`/`false` in any case, nothing else. */
  booleanValues: 'true|false, case-insensitive',
  /** In MAPPING mode these client headers still reach the backend (undeclared ones are dropped). */
  mappingForwardedHeaders: ['accept', 'accept-encoding', 'accept-language', 'user-agent'],
  /** Backend Content-Type for ContentTypeCatagory DEFAULT. */
  defaultBackendContentType: 'application/x-www-form-urlencoded; charset=UTF-8',
  /** Value of the CaProxy system parameter. */
  caProxy: 'AliCloudApiGateway',
  /** Value of CaInstanceId locally; CaCloudMarketInstanceId, CaAppExtendInfo, CaSourceVpcId are empty. */
  caInstanceId: 'local-gateway',
  /** CaHttpSchema is the lower-case scheme of the call (`http` locally). */
  caHttpSchema: 'lower-case scheme',
  /**
   * The local gateway listens on plain HTTP only, so it also serves APIs whose RequestProtocol is
   * HTTPS alone (else they could not be tried offline); the cloud would answer I403PT.
   */
  servesHttpsOnlyApisOverHttp: true,
  /**
   * Header values (error messages, mock headers) outside printable ASCII are sent as their UTF-8
   * bytes; control characters are percent-encoded so a value can never break the header block.
   */
  headerValueEncoding: 'utf8 bytes, controls as %XX',
  /** Incoming header bytes are read as UTF-8 (reference §1.1: the Java demo sends UTF-8 raw). */
  incomingHeaderEncoding: 'utf8',
  /** A backend that resets a reused keep-alive connection before answering is retried once (cloud: since 2023). */
  backendRetryOnReusedSocket: 1,
  /**
   * The local stand-in for each group's bound domains: every group answers on `<group>.localhost`,
   * and the group of a one-group project also on the gateway's own address (127.0.0.1, localhost,
   * [::1] on its port). Any other Host is refused with I404DO, as the cloud refuses an unbound
   * domain; that also keeps DNS-rebinding pages away from local backends.
   */
  localGroupHosts: '<group>.localhost; with one group also 127.0.0.1, localhost and [::1] on the gateway port',
} as const;
