/**
 * The one error type of every OpenAPI call, whatever went wrong: the cloud said no (a `Code`),
 * the network failed, the answer did not come in time, or it was not JSON. It never holds the
 * request's parameters or the credentials, only what the answer and the call's name say.
 */
import type { CloudProduct } from '../../shared/cloud/products';

/** service: the cloud answered with a Code; config: the call was never sent (no keys, a bad endpoint, a value that cannot be sent). */
export type CloudErrorKind = 'service' | 'network' | 'timeout' | 'response' | 'config' | 'unknown';

export interface CloudErrorFields {
  kind: CloudErrorKind;
  code: string;
  /** The cloud's `Message` as it sent it (for SignatureDoesNotMatch it ends with the server's string to sign). */
  message: string;
  product: CloudProduct;
  action: string;
  endpoint: string;
  requestId?: string;
  hostId?: string;
  recommend?: string;
  httpStatus?: number;
  /** How many requests were sent before giving up. */
  attempts?: number;
}

export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly code: string;
  readonly product: CloudProduct;
  readonly action: string;
  readonly endpoint: string;
  readonly requestId?: string;
  readonly hostId?: string;
  readonly recommend?: string;
  readonly httpStatus?: number;
  readonly attempts: number;

  constructor(fields: CloudErrorFields) {
    super(fields.message);
    this.name = 'CloudError';
    this.kind = fields.kind;
    this.code = fields.code;
    this.product = fields.product;
    this.action = fields.action;
    this.endpoint = fields.endpoint;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
    this.httpStatus = fields.httpStatus;
    this.attempts = fields.attempts ?? 1;
  }

  /** A copy that records how many attempts were made. */
  withAttempts(attempts: number): CloudError {
    return new CloudError({ ...this.fields(), attempts });
  }

  fields(): CloudErrorFields {
    const { kind, code, message, product, action, endpoint, requestId, hostId, recommend, httpStatus, attempts } = this;
    return { kind, code, message, product, action, endpoint, requestId, hostId, recommend, httpStatus, attempts };
  }

  /** What failed, where, why, and what to do: the line a person sees. */
  get summary(): string {
    const request = this.requestId ? ` (RequestId ${this.requestId})` : '';
    const tries = this.attempts > 1 ? ` after ${this.attempts} attempts` : '';
    return `${this.product} ${this.action} at ${this.endpoint} failed${tries}: ${this.code}: ${this.message}${request}. ${adviceFor(this)}`;
  }
}

/** What to do about a failure, in a sentence. */
export function adviceFor(error: CloudError): string {
  const code = error.code;
  if (code.startsWith('InvalidAccessKeyId')) return 'Check the AccessKeyId of the cloud profile and that it belongs to this endpoint.';
  if (code === 'SignatureDoesNotMatch') return 'Check the AccessKeySecret of the cloud profile.';
  if (code.startsWith('InvalidTimeStamp')) return "Check this computer's clock: the cloud accepts at most 15 minutes of difference.";
  if (code.startsWith('Throttling')) return 'The cloud is limiting calls; wait a little and try again.';
  if (code === 'ServiceUnavailable' || code === 'InternalError') return 'The cloud had a temporary problem; try again later.';
  if (code.startsWith('Forbidden')) return 'Grant this account (RAM user) permission for the action.';
  if (error.kind === 'network') return 'Check the network connection and the endpoint address.';
  if (error.kind === 'timeout') return 'The cloud did not answer in time; try again, or allow a longer timeout.';
  if (error.kind === 'response') return 'The endpoint is probably not an Alibaba Cloud OpenAPI endpoint; check its address.';
  if (code === 'MissingCredentials') return 'Choose a cloud profile, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.';
  return error.recommend ? `See ${error.recommend}` : 'Check the parameters of the call.';
}

interface CallContext {
  product: CloudProduct;
  action: string;
  endpoint: string;
}

/** Turns whatever pop-core (or the socket under it) rejected with into a CloudError. */
export function toCloudError(raw: unknown, context: CallContext): CloudError {
  if (raw instanceof CloudError) return raw;
  const base = { product: context.product, action: context.action, endpoint: context.endpoint };
  const object = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;

  // pop-core: an Error whose `data` is the parsed answer carrying `Code`.
  if (typeof object.code === 'string' && isRecord(object.data) && typeof object.data.Code === 'string') {
    const data = object.data;
    const entry = isRecord(object.entry) && isRecord(object.entry.response) ? object.entry.response : undefined;
    return new CloudError({
      ...base,
      kind: 'service',
      code: data.Code as string,
      message: typeof data.Message === 'string' ? data.Message : String(data.Code),
      requestId: stringOrUndefined(data.RequestId),
      hostId: stringOrUndefined(data.HostId),
      recommend: stringOrUndefined(data.Recommend),
      httpStatus: typeof entry?.statusCode === 'number' ? entry.statusCode : undefined,
    });
  }
  // httpx: `RequestTimeoutError` with "ConnectTimeout: ..." or "ReadTimeout(n)...".
  if (object.name === 'RequestTimeoutError') {
    return new CloudError({ ...base, kind: 'timeout', code: 'RequestTimeout', message: `no answer in time (${firstLine(object.message)})` });
  }
  // Node socket errors: ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND...
  if (typeof object.code === 'string' && /^E[A-Z_]+$/.test(object.code)) {
    return new CloudError({ ...base, kind: 'network', code: object.code, message: `cannot reach the endpoint (${object.code})` });
  }
  // json-bigint throws a plain object, not an Error, when the body is not JSON (an HTML error page).
  if (object.name === 'SyntaxError') {
    const text = typeof object.text === 'string' ? object.text.replace(/\s+/g, ' ').trim().slice(0, 120) : '';
    return new CloudError({ ...base, kind: 'response', code: 'InvalidResponse', message: `the answer is not JSON${text ? `: "${text}"` : ''}` });
  }
  return new CloudError({ ...base, kind: 'unknown', code: 'UnknownError', message: firstLine(object.message ?? raw) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function firstLine(value: unknown): string {
  return String(value).split('\n')[0].trim();
}
