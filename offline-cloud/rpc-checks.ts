/**
 * The checks made before an action runs, in this order (the order is ours): which product
 * and action (Version, Action, Format), then who calls (AccessKeyId), then the signature's common
 * parameters, Timestamp within 15 minutes, the signature itself, and a fresh SignatureNonce.
 */
import { type CloudProduct, productForVersion } from '../electron/cloud/products';
import type { ActionDefinition, ActionRegistry } from './action-registry';
import type { NonceStore } from '../shared/security/nonce-store';
import { signRpc, signaturesMatch, stringToSign } from './rpc-signature';
import type { SimAccount } from './sim-accounts';
import { simErrors } from './sim-errors';

export const TIMESTAMP_TOLERANCE_MS = 15 * 60_000;

export interface Identified {
  product: CloudProduct;
  action: string;
  definition: ActionDefinition;
}

export function identifyAction(params: Readonly<Record<string, string>>, registry: ActionRegistry): Identified {
  const action = params.Action;
  if (!action) throw simErrors.missing('Action');
  const version = params.Version;
  if (!version) throw simErrors.missing('Version');
  const product = productForVersion(version);
  if (!product) throw simErrors.invalidVersion(version);
  // The answer is always JSON; XML is accepted and answered in JSON (pop-core only reads JSON).
  if (params.Format && !/^(JSON|XML)$/i.test(params.Format)) throw simErrors.invalidFormat(params.Format);
  const definition = registry.find(product, action);
  if (!definition) throw simErrors.apiNotFound();
  return { product, action, definition };
}

export interface AuthContext {
  accounts: ReadonlyMap<string, SimAccount>;
  nonces: NonceStore;
  now: number;
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

/** ISO 8601 in UTC as the SDKs send it: `2024-01-01T00:00:00Z`, milliseconds allowed. */
export function parseTimestamp(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}
