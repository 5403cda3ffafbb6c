/**
 * How the cloud's data plane answers, in one place: every error the local gateway can give, and
 * every behaviour Alibaba's sources leave unconfirmed (docs/alibaba-data-plane.md,
 * "Not confirmed"). Changing a choice is one edit here; docs/local-gateway.md lists the same table
 * for people.
 *
 * `evidence` says how sure we are, and the console shows it next to every answer:
 * - `documented`: Alibaba's published pages give this code, its HTTP status and its message
 *   template. The docs row (docs/local-gateway.md, "Error codes") names the page. What fills a
 *   template's `${Reason}` is still our wording.
 * - `choice`: the pages we could read do not confirm it. The code is either one that only
 *   third-party lists name or one we made up in the cloud's shape (a letter, the HTTP status,
 *   two letters). The docs row says which.
 */
import { formatSignatureMismatchMessage } from '../signature/mismatch-message';

export type Evidence = 'documented' | 'choice';

interface ErrorSpec {
  status: number;
  /** Builds X-Ca-Error-Message from the details of one call (the template's placeholders, in order). */
  message: (...details: string[]) => string;
  evidence: Evidence;
}

const fixed = (text: string) => () => text;

/** Every gateway error, keyed by the X-Ca-Error-Code it answers with. */
export const GATEWAY_ERRORS = {
  // Routing and request
  // `API not found ${Reason}`; the reason is written the way a real answer writes it: "with `GET /path`".
  I404NF: { status: 404, message: (d) => `API not found with \`${d}\``, evidence: 'documented' }, // d = "GET /path"
  I405UM: { status: 405, message: (method) => `Unsupported Method \`${method}\``, evidence: 'documented' },
  I404DO: { status: 404, message: (d) => `Invalid Domain \`${d}\``, evidence: 'documented' },
  I400SG: { status: 400, message: fixed('Invalid Stage'), evidence: 'documented' },
  I403PT: { status: 403, message: (d) => `Invalid protocol ${d} unsupported`, evidence: 'documented' },
  I400PA: { status: 400, message: (d) => `Invalid Request Path \`${d}\``, evidence: 'documented' },
  I400RU: { status: 400, message: (d) => `Invalid Request Uri \`${d}\``, evidence: 'documented' },
  I400HD: { status: 400, message: (name, reason = '') => `Invalid Header \`${name}\`${reason === '' ? '' : ' ' + reason}`, evidence: 'documented' },
  I400MH: { status: 400, message: (d) => `Header \`${d}\` is Required`, evidence: 'documented' },
  I400BD: { status: 400, message: (d) => `Invalid Body: ${d}`, evidence: 'documented' },
  I400CT: { status: 400, message: (d) => `Invalid Content-Type: \`${d}\``, evidence: 'documented' },
  I413UL: { status: 413, message: fixed('Request URL too Large'), evidence: 'documented' },
  I413RL: { status: 413, message: fixed('Request body too Large'), evidence: 'documented' },
  // Parameters: only the missing-required message is documented; the rest follow its shape.
  I400MP: { status: 400, message: (d) => `Invalid Parameter Required \`${d}\``, evidence: 'documented' },
  I400IP: { status: 400, message: (d) => `Invalid Parameter ${d}`, evidence: 'choice' }, // d = "`age` must be an Int"
  // App signature and AppCode
  A400MA: { status: 400, message: fixed('Need authorization'), evidence: 'choice' },
  A401ES: { status: 401, message: fixed('Empty Signature'), evidence: 'choice' },
  A400IK: { status: 400, message: fixed('Invalid AppKey'), evidence: 'documented' },
  // d = the server's StringToSign; the message writes it between backticks with every newline as `#`.
  A403IS: { status: 403, message: (d) => formatSignatureMismatchMessage(d), evidence: 'documented' },
  A400SM: { status: 400, message: (d) => `Invalid Signature Method \`${d}\``, evidence: 'choice' },
  A400TE: { status: 400, message: fixed('Timestamp Expired'), evidence: 'choice' },
  A400IT: { status: 400, message: fixed('Invalid Timestamp'), evidence: 'choice' },
  I400NC: { status: 400, message: fixed('Nonce Used'), evidence: 'choice' },
  I400CM: { status: 400, message: fixed('Invalid Content-MD5'), evidence: 'choice' },
  A400AC: { status: 400, message: (reason) => `Invalid AppCode ${reason}`, evidence: 'documented' }, // reason = "`not found`"
  A403AC: { status: 403, message: fixed('AppCode authentication is not enabled for this API'), evidence: 'choice' },
  I403AA: { status: 403, message: fixed('Unauthorized'), evidence: 'choice' },
  A403EP: { status: 403, message: fixed('Expiry of Authorization'), evidence: 'choice' },
  // Plugins
  A403IP: { status: 403, message: (d) => `Access denied by IP Control \`${d}\``, evidence: 'choice' },
  A403CO: { status: 403, message: (d) => `CORS preflight refused: ${d}`, evidence: 'choice' },
  // Throttling: the T429 suffix per level is not documented anywhere we found.
  T429IN: { status: 429, message: fixed('Throttled by API Flow Control'), evidence: 'choice' },
  T429AP: { status: 429, message: fixed('Throttled by APP Flow Control'), evidence: 'choice' },
  T429UR: { status: 429, message: fixed('Throttled by USER Flow Control'), evidence: 'choice' },
  // Backend
  D504TO: { status: 504, message: fixed('Backend service request timeout'), evidence: 'choice' },
  D504CO: { status: 504, message: (d) => `Backend service connect failed \`${d}\``, evidence: 'documented' },
  D502FC: { status: 502, message: (d) => `Backend service response invalid '${d}'`, evidence: 'choice' },
  X500ER: { status: 500, message: fixed('Internal Error'), evidence: 'choice' },
  X500AM: { status: 500, message: fixed('Invalid Api Meta, try deploy again or contact us via ticket'), evidence: 'documented' },
  X500SV: { status: 500, message: (d) => `Stage variable \`${d}\` is not defined for this stage`, evidence: 'choice' },
  // Malformed HTTP that never becomes a request (answered from the socket).
  I400BR: { status: 400, message: (d) => `Bad Request: ${d}`, evidence: 'choice' },
  // A request that did not arrive in time (Node's headersTimeout / requestTimeout); HTTP's own status for it.
  I408RT: { status: 408, message: (d) => `Request Timeout: ${d}`, evidence: 'choice' },
} satisfies Record<string, ErrorSpec>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

/** A refusal by the gateway itself, ready to be sent: status + the two X-Ca-Error headers. */
export interface GatewayError {
  code: GatewayErrorCode;
  status: number;
  message: string;
}

/** `details` fill the code's message template, in order (most templates have one placeholder). */
export function gatewayError(code: GatewayErrorCode, ...details: string[]): GatewayError {
  const spec: ErrorSpec = GATEWAY_ERRORS[code];
  return { code, status: spec.status, message: spec.message(...(details.length === 0 ? [''] : details)) };
}

/** How the console labels each kind of evidence, next to the code. */
export const EVIDENCE_LABELS: Record<Evidence, string> = {
  documented: 'documented by Alibaba',
  choice: 'our choice, not confirmed',
};

export interface ErrorEvidence {
  evidence: Evidence;
  /** EVIDENCE_LABELS of it. */
  label: string;
  /** Where a person reads the code's row, with its source: a place in this repository. */
  docsRow: string;
}

/**
 * The evidence behind an X-Ca-Error-Code, for the console to show next to it; undefined for a
 * code the local gateway never gives (a real cloud may answer with codes we do not know).
 */
export function errorEvidence(code: string | undefined): ErrorEvidence | undefined {
  if (code === undefined || !Object.hasOwn(GATEWAY_ERRORS, code)) return undefined;
  const evidence = GATEWAY_ERRORS[code as GatewayErrorCode].evidence;
  return { evidence, label: EVIDENCE_LABELS[evidence], docsRow: `docs/local-gateway.md, "Error codes", row ${code}` };
}

/**
 * Behaviours Alibaba's sources leave open, with what we chose. Code reads these values; the docs
 * table is generated from the same entries (see docs/local-gateway.md).
 */
export const GATEWAY_CHOICES = {
  /** X-Ca-Timestamp is accepted this far in the past AND the future (the cloud says "15 minutes"). */
  timestampWindowMs: 15 * 60_000,
  /**
   * A used nonce is refused, whether or not the API forces nonces, until its X-Ca-Timestamp +
   * timestampWindowMs (as long as the request itself would be accepted); a nonce sent without a
   * timestamp, for this long after it was used. Nothing else makes the gateway forget one.
   */
  nonceTtlMs: 15 * 60_000,
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
  /**
   * The URL and the header names and values together, at most (the cloud's limit is not
   * documented). A request over it is refused with I413UL when its URL is over maxUrlBytes, else
   * with I400HD naming its largest header.
   */
  maxHeaderBytes: 192 * 1024,
  /**
   * Node's parser limit on the same bytes, set well above maxHeaderBytes so that up to it the
   * gateway sees the request and can tell a long URL from a long header. It stays at least
   * maxUrlBytes + 64 KB (one socket read), which headerOverflowAnswer relies on.
   */
  parserMaxHeaderBytes: 1024 * 1024,
  /**
   * A request over parserMaxHeaderBytes never becomes a request: it is answered from the socket
   * by the last piece Node read, which starts past maxUrlBytes. I413UL when that piece is still
   * the request line (its end is in it, or it is one run of URL characters), else I400HD naming
   * the header. A header of over 64 KB without spaces in such a request is taken for the URL.
   */
  headerOverflowAnswer: 'I413UL while the request line is being read, else I400HD',
  /**
   * The methods the gateway knows: the cloud's RequestHttpMethod values. Any other method
   * (PROPFIND, PURGE…) is refused with I405UM; a known method that no API of the path takes is
   * I404NF, as Alibaba documents.
   */
  gatewayMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'],
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
  /** Incoming header bytes are read as UTF-8: the Java demo sends UTF-8 raw (docs/alibaba-data-plane.md, "Signature headers"). */
  incomingHeaderEncoding: 'utf8',
  /** A backend that resets a reused keep-alive connection before answering is retried once (cloud: since 2023). */
  backendRetryOnReusedSocket: 1,
  /**
   * The local stand-in for each group's bound domains: every group answers on `<group>.localhost`,
   * and the project's default group (or its only group) also on the gateway's own address
   * (127.0.0.1, localhost, [::1] on its port); the rule is shared/gateway/local-hosts.ts. Any other
   * Host is refused with I404DO, as the cloud refuses an unbound domain; that also keeps
   * DNS-rebinding pages away from local backends.
   */
  localGroupHosts: '<group>.localhost; the default group (or the only one) also on 127.0.0.1, localhost and [::1] on the gateway port',
} as const;
