/**
 * `Token`, on the actions whose model declares it (shared/cloud/products.ts `declaresToken`;
 * docs/offline-cloud.md "Idempotency"): the same token with the same parameters answers what the
 * first call answered and does nothing more; the same token with other parameters is refused.
 * The tokens live in the state file, so a retry after a restart is still recognised. Every other
 * action has no token: a resend there is a new call, as in the cloud.
 */
import { createHash } from 'node:crypto';
import { declaresToken } from '../../shared/cloud/products';
import type { ActionContext } from '../action-registry';
import { gatewayErrors } from './gateway-errors';
import type { GatewayState, JsonObject } from './gateway-state';
import { utcTime } from './gateway-values';

/** The protocol's own parameters: they differ between retries of one logical call. */
const NOT_FINGERPRINTED = new Set(['Format', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature', 'SecurityToken', 'Token', 'RegionId']);

/** Tokens kept per region; the oldest are forgotten first. */
const MAX_TOKENS = 5_000;

function fingerprint(raw: Readonly<Record<string, string>>): string {
  const entries = Object.entries(raw)
    .filter(([name]) => !NOT_FINGERPRINTED.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** Runs `create` once per Token; without a Token, every call creates. Only for an action that declares Token. */
export function oncePerToken(context: ActionContext, state: GatewayState, create: () => JsonObject): JsonObject {
  if (!declaresToken(context.product, context.action)) throw new Error(`offline cloud: ${context.product} ${context.action} declares no Token; it must not honour one`);
  const token = context.params.string('Token');
  if (token === undefined) return create();
  const key = `${context.action}\n${token}`;
  const print = fingerprint(context.params.raw);
  const seen = state.tokens[key];
  if (seen) {
    if (seen.Fingerprint !== print) throw gatewayErrors.tokenReused(context.action);
    return seen.Answer;
  }
  const answer = create();
  state.tokens[key] = { Action: context.action, Fingerprint: print, Answer: answer, At: utcTime(context.now) };
  const keys = Object.keys(state.tokens);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TOKENS))) delete state.tokens[old];
  return answer;
}
