/**
 * The offline cloud's error answers: the codes, messages and HTTP statuses of
 * docs/alibaba-openapi.md, "Error answers", in one catalogue. Where the sources leave a code open,
 * the choice is marked here and in docs/offline-cloud.md.
 */
import { ADMIN_FILE_NAME } from './sim-data-dir';

export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SimError';
    // The official SDKs tell success from failure by the HTTP status alone: an error answered
    // with a 2xx would be taken as success (docs/offline-cloud.md "Errors").
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`offline cloud: the error ${code} must have a 4xx or 5xx status, not ${status}`);
  }
}

export const simErrors = {
  /** The modern gateway form `Missing{Name}` (docs/alibaba-openapi.md, "Error answers"), used for every parameter. */
  missing: (name: string) => new SimError(`Missing${name}`, `${name} is mandatory for this action.`, 400),
  /** Chosen for every bad value no source gives a specific code for. */
  invalidParameter: (name: string, why: string) => new SimError('InvalidParameter', `The specified parameter ${name} is not valid: ${why}.`, 400),
  invalidFormat: (format: string) => new SimError('InvalidParameter.Format', `Specified parameter Format "${format}" is not valid; use JSON or XML.`, 400),
  invalidVersion: (version: string) => new SimError('InvalidVersion', `Specified parameter Version "${version}" is not valid.`, 400),
  apiNotFound: () => new SimError('InvalidApi.NotFound', 'Specified api is not found, please check your url and method.', 404),
  unsupportedMethod: (method: string) => new SimError('UnsupportedHTTPMethod', `This http method (${method}) is not supported; use GET or POST.`, 400),
  accessKeyNotFound: () => new SimError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404),
  signatureMethod: (method: string) => new SimError('InvalidSignatureMethod', `Specified signature method "${method}" is not valid; use HMAC-SHA1.`, 400),
  signatureVersion: (version: string) => new SimError('InvalidParameter', `The specified parameter SignatureVersion "${version}" is not valid: use 1.0.`, 400),
  signatureMismatch: (serverStringToSign: string) =>
    new SimError('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`, 400),
  /**
   * Signature V3: the same code and form as v1.0's, with the server's canonical request before its
   * StringToSign (chosen: whether the cloud echoes them for V3 is not confirmed).
   */
  signatureMismatchV3: (canonicalRequest: string, serverStringToSign: string) =>
    new SimError(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server canonical request is:${canonicalRequest} server string to sign is:${serverStringToSign}`,
      400,
    ),
  /** Chosen: a V3 body whose SHA-256 is not the signed x-acs-content-sha256 was changed after signing. */
  bodyHashMismatch: () =>
    new SimError('SignatureDoesNotMatch', 'Specified signature is not matched with our calculation: the x-acs-content-sha256 header is not the SHA-256 of the request body.', 400),
  /** A malformed or unsupported V3 Authorization, or a signing header missing or left unsigned. */
  incompleteSignature: (why: string) => new SimError('IncompleteSignature', `The request signature does not conform to Aliyun standards: ${why}.`, 400),
  /**
   * Chosen: a parameter the action's SDK model does not declare (the cloud is inferred to ignore
   * it; the offline cloud refuses it so a client that sends one finds out before the cloud).
   */
  undeclaredParameter: (name: string, action: string, why: string) =>
    new SimError('InvalidParameter', `The specified parameter ${name} is not valid: ${action} does not take it (${why}). The official SDK model is the contract; leave it out.`, 400),
  nonceUsed: () => new SimError('SignatureNonceUsed', 'Specified signature nonce was used already.', 400),
  timestampFormat: () => new SimError('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.', 400),
  timestampExpired: () => new SimError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.', 400),
  throttled: () => new SimError('Throttling.User', 'Request was denied due to user flow control.', 400),
  /** Chosen: ECS/VPC's own code for a region they do not serve. */
  regionNotFound: (regionId: string) => new SimError('InvalidRegionId.NotFound', `The specified RegionId "${regionId}" does not exist in the offline cloud.`, 404),
  /** Chosen: the `Invalid{Name}.NotFound` form ECS and VPC use for a missing resource. */
  notFound: (name: string, id: string) => new SimError(`Invalid${name}.NotFound`, `The specified ${name} "${id}" does not exist.`, 404),
  /** DryRun=true on a read that would pass: the cloud's answer, never the data. */
  dryRun: () => new SimError('DryRunOperation', 'Request validation has been passed with DryRun flag set.', 400),
  internal: () => new SimError('InternalError', 'The request processing has failed due to some unknown error, exception or failure.', 500),
  tooLarge: (limit: number) => new SimError('InvalidParameter', `The request is larger than ${limit} bytes.`, 400),
  /** Chosen (sim-guard.ts): a Host other than this server's own, as a DNS-rebinding page sends. */
  foreignHost: (host: string | undefined, served: readonly string[]) =>
    new SimError(
      'Forbidden.Host',
      `The offline cloud answers only requests whose Host header is ${served.join(' or ')}, not ${host === undefined ? 'a request without one' : `"${host}"`}. Point the client at http://${served[0]}.`,
      403,
    ),
  /** Chosen (sim-guard.ts): a request a web page made (the browser said so in Origin or Sec-Fetch-Site). */
  fromBrowser: (sign: string) =>
    new SimError(
      'Forbidden.Browser',
      `The offline cloud serves SDKs and CLIs, not web pages: this request came from a browser (${sign}) and was refused. Call it with pop-core, an Alibaba Cloud SDK or the CLI.`,
      403,
    ),
  /** Chosen (sim-guard.ts): /_sim/ without this start's admin token. */
  adminToken: (presented: boolean) =>
    new SimError(
      'Forbidden.AdminToken',
      `${presented ? 'The X-Sim-Admin-Token header is not this start\'s admin token' : '/_sim/ needs the admin token in the X-Sim-Admin-Token header'}: apigw-studio cloud-sim prints it at start (Admin token:) and keeps it in ${ADMIN_FILE_NAME} in its data dir while it runs.`,
      403,
    ),
};

/** Statuses for codes given by name only (fault injection), from the table of docs/alibaba-openapi.md, "Error answers". */
export function statusForCode(code: string): number {
  if (code === 'InternalError') return 500;
  if (code === 'ServiceUnavailable') return 503;
  if (code.startsWith('Forbidden')) return 403;
  if (code.endsWith('.NotFound')) return 404;
  return 400;
}

/** The JSON body of an error, in the cloud's field order. */
export function errorBody(error: SimError, requestId: string, hostId: string, product?: string): Record<string, string> {
  const query = [`q=${encodeURIComponent(error.code)}`, product ? `product=${product}` : '', `requestId=${requestId}`].filter(Boolean).join('&');
  return { RequestId: requestId, Message: error.message, Recommend: `https://api.aliyun.com/troubleshoot?${query}`, HostId: hostId, Code: error.code };
}
