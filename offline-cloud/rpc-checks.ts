/**
 * The checks made before an action runs, in this order (the order is ours): which product
 * and action (Version, Action, Format), then who calls (AccessKeyId), then the signature's common
 * parameters, Timestamp within 15 minutes, the signature itself, and a fresh SignatureNonce.
 * Signature v1.0 (pop-core: all in parameters) and V3 (the official SDKs: `Authorization:
 * ACS3-HMAC-SHA256 …` and x-acs-* headers) are both checked (docs/offline-cloud.md "Signature V3").
 */
import { type CloudProduct, productForVersion } from '../shared/cloud/products';
import type { ActionDefinition, ActionRegistry } from './action-registry';
import type { NonceStore } from '../shared/security/nonce-store';
import type { RpcRequest } from './rpc-request';
import { actionModel, paramProblems } from './sdk-models';
import type { SdkActionModel } from './sdk-model-types';
import { signRpc, signaturesMatch, stringToSign } from './rpc-signature';
import { V3_ALGORITHM, parseV3Authorization, sha256Hex, v3CanonicalRequest, v3Signature, v3StringToSign } from './rpc-signature-v3';
import type { SimAccount } from './sim-accounts';
import { simErrors } from './sim-errors';

export const TIMESTAMP_TOLERANCE_MS = 15 * 60_000;

export interface Identified {
  product: CloudProduct;
  action: string;
  definition: ActionDefinition;
}

export function identifyAction(params: Readonly<Record<string, string>>, registry: ActionRegistry): Identified {
  return identifyRequestAction({ action: params.Action, version: params.Version, format: params.Format }, registry);
}

/** The action of a v1.0 request (Action, Version, Format parameters) or a V3 one (x-acs-action, x-acs-version headers). */
export function identifyRequestAction(request: Pick<RpcRequest, 'action' | 'version' | 'format'>, registry: ActionRegistry): Identified {
  const { action, version, format } = request;
  if (!action) throw simErrors.missing('Action');
  if (!version) throw simErrors.missing('Version');
  const product = productForVersion(version);
  if (!product) throw simErrors.invalidVersion(version);
  // The answer is always JSON; XML is accepted and answered in JSON (pop-core only reads JSON).
  if (format && !/^(JSON|XML)$/i.test(format)) throw simErrors.invalidFormat(format);
  const definition = registry.find(product, action);
  if (!definition) throw simErrors.apiNotFound();
  return { product, action, definition };
}

export interface AuthContext {
  accounts: ReadonlyMap<string, SimAccount>;
  nonces: NonceStore;
  now: number;
}

/**
 * Chosen: CloudAPI's models declare no RegionId (the cloud picks the region by host); one URL
 * serves every region here, so the offline cloud takes CloudAPI's region from RegionId.
 */
const REGION_SELECTOR = 'RegionId';

/**
 * The action's own parameters against its SDK model (sdk-models.ts): a parameter the model does not
 * declare, or sends in another shape, is refused (InvalidParameter, chosen); a required one missing
 * is `Missing<Name>`; a value not of a declared number or boolean type is InvalidParameter. Actions
 * the SDK has no model for run unchecked. Returns the model for the handler's reads.
 */
export function checkModelParams(product: CloudProduct, action: string, params: Readonly<Record<string, string>>): SdkActionModel | undefined {
  const model = actionModel(product, action);
  if (!model) return undefined;
  const own = product === 'CloudAPI' && !Object.hasOwn(model.params, REGION_SELECTOR) ? withoutRegion(params) : params;
  const problems = paramProblems(model, own);
  const [undeclared] = problems.undeclared;
  if (undeclared) throw simErrors.undeclaredParameter(undeclared.name, action, undeclared.why);
  const [missing] = problems.missing;
  if (missing) throw simErrors.missing(missing);
  const [badType] = problems.badType;
  if (badType) throw simErrors.invalidParameter(badType.name, badType.why);
  return model;
}

function withoutRegion(params: Readonly<Record<string, string>>): Record<string, string> {
  const rest: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(params)) if (name !== REGION_SELECTOR) rest[name] = value;
  return rest;
}

/** Who signed the request, by the scheme it uses; throws the cloud's refusal otherwise. */
export function authenticateRequest(request: RpcRequest, context: AuthContext): SimAccount {
  return request.scheme === 'v3' ? authenticateV3(request, context) : authenticate(request.method, request.params, context);
}

export function authenticate(method: string, params: Readonly<Record<string, string>>, context: AuthContext): SimAccount {
  const accessKeyId = params.AccessKeyId;
  if (!accessKeyId) throw simErrors.missing('AccessKeyId');
  const account = context.accounts.get(accessKeyId);
  if (!account) throw simErrors.accessKeyNotFound();

  const signatureMethod = params.SignatureMethod;
  if (!signatureMethod) throw simErrors.missing('SignatureMethod');
  if (signatureMethod !== 'HMAC-SHA1') throw simErrors.signatureMethod(signatureMethod);
  const signatureVersion = params.SignatureVersion;
  if (!signatureVersion) throw simErrors.missing('SignatureVersion');
  if (signatureVersion !== '1.0') throw simErrors.signatureVersion(signatureVersion);

  const timestamp = params.Timestamp;
  if (!timestamp) throw simErrors.missing('Timestamp');
  const time = parseTimestamp(timestamp);
  if (time === undefined) throw simErrors.timestampFormat();
  if (Math.abs(context.now - time) > TIMESTAMP_TOLERANCE_MS) throw simErrors.timestampExpired();

  const nonce = params.SignatureNonce;
  if (!nonce) throw simErrors.missing('SignatureNonce');
  const signature = params.Signature;
  if (!signature) throw simErrors.missing('Signature');
  if (!signaturesMatch(signRpc(method, params, account.accessKeySecret), signature)) {
    throw simErrors.signatureMismatch(stringToSign(method, params));
  }
  // Only a correctly signed request uses up its nonce: a forged one cannot burn someone else's.
  // Per AccessKeyId: one account's nonces never refuse another's.
  // Kept as long as the request's Timestamp is accepted: until it is TIMESTAMP_TOLERANCE_MS old.
  if (context.nonces.seen(`${accessKeyId}\n${nonce}`, context.now, time + TIMESTAMP_TOLERANCE_MS)) throw simErrors.nonceUsed();
  return account;
}

/** Headers a V3 request must carry and sign: what the action, the moment and the body are. */
const V3_REQUIRED_HEADERS = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

/**
 * Signature V3 as the official SDKs send it (docs/offline-cloud.md "Signature V3"). The server
 * recomputes the canonical request from what it received, over the headers the client lists in
 * SignedHeaders, which must include `host` and every `x-acs-*` header sent.
 */
export function authenticateV3(request: RpcRequest, context: AuthContext): SimAccount {
  const header = (name: string) => request.headers[name]?.[0];
  const authorization = parseV3Authorization(header('authorization') ?? '');
  if (!authorization) throw simErrors.incompleteSignature('the Authorization header is not "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>"');
  if (authorization.algorithm !== V3_ALGORITHM) throw simErrors.incompleteSignature(`the signature algorithm ${authorization.algorithm} is not served here; sign with ${V3_ALGORITHM}`);
  const account = context.accounts.get(authorization.accessKeyId);
  if (!account) throw simErrors.accessKeyNotFound();

  for (const name of V3_REQUIRED_HEADERS) if (!header(name)) throw simErrors.incompleteSignature(`the ${name} header is missing`);
  const signed = new Set(authorization.signedHeaders);
  const unsigned = Object.keys(request.headers).filter((name) => (name === 'host' || name.startsWith('x-acs-')) && !signed.has(name));
  if (unsigned.length > 0) throw simErrors.incompleteSignature(`SignedHeaders must list ${unsigned.join(', ')}`);
  const notSent = authorization.signedHeaders.filter((name) => request.headers[name] === undefined);
  if (notSent.length > 0) throw simErrors.incompleteSignature(`SignedHeaders lists ${notSent.join(', ')}, which the request does not carry`);

  const time = parseTimestamp(header('x-acs-date') as string);
  if (time === undefined) throw simErrors.timestampFormat();
  if (Math.abs(context.now - time) > TIMESTAMP_TOLERANCE_MS) throw simErrors.timestampExpired();

  const contentSha256 = header('x-acs-content-sha256') as string;
  const canonicalRequest = v3CanonicalRequest({ method: request.method, query: request.query, headers: request.headers, signedHeaders: authorization.signedHeaders, contentSha256 });
  const serverStringToSign = v3StringToSign(canonicalRequest);
  if (!signaturesMatch(v3Signature(serverStringToSign, account.accessKeySecret), authorization.signature.toLowerCase())) {
    throw simErrors.signatureMismatchV3(canonicalRequest, serverStringToSign);
  }
  // The signature covers the body only through this hash: a body that is not what was hashed was changed on the way.
  if (sha256Hex(request.body) !== contentSha256.toLowerCase()) throw simErrors.bodyHashMismatch();
  const nonce = header('x-acs-signature-nonce') as string;
  if (context.nonces.seen(`${account.accessKeyId}\n${nonce}`, context.now, time + TIMESTAMP_TOLERANCE_MS)) throw simErrors.nonceUsed();
  return account;
}

/** ISO 8601 in UTC as the SDKs send it: `2024-01-01T00:00:00Z`, milliseconds allowed. */
export function parseTimestamp(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}
