/**
 * A cloud profile's keys as the vault keeps them, under `cloud-profile/<name>`: JSON
 * {accessKeyId, accessKeySecret[, securityToken], endpoint}, where `endpoint` is the OpenAPI
 * endpoint the keys were saved for (null: Alibaba Cloud's own). The console writes these entries;
 * the CLI's --profile reads them, and so does an entry a person wrote by hand.
 *
 * The rule, in SavedProfileKeys.for and nowhere else: a saved secret is only sent to the endpoint it
 * was saved for. Otherwise whoever names an endpoint (a draft from the UI, which the host does not
 * trust; a --endpoint flag) receives the AccessKeyId and a request signed with the secret, which
 * it can replay to the real cloud while the signature is fresh.
 */
import { endpointName, sameEndpoint } from '../../shared/ipc/cloud-endpoint';
import type { CloudCredentials } from '../../shared/node/cloud-credentials';
import { HostError } from '../base/host-error';

export function profileVaultName(profile: string): string {
  return `cloud-profile/${profile}`;
}

/** A saved secret asked for at another endpoint than its own: it must be typed again. */
export class SecretEndpointMismatch extends HostError {
  constructor(
    readonly profile: string,
    /** Undefined: Alibaba Cloud's own. */
    readonly savedFor: string | undefined,
    readonly asked: string | undefined,
  ) {
    super(
      'SECRET_REQUIRED',
      `The endpoint of cloud profile "${profile}" changed from ${endpointName(savedFor)} to ${endpointName(asked)}: type the AccessKeySecret again to use it there (a saved secret is only sent to the endpoint it was saved for).`,
    );
  }
}

/**
 * The keys of each SavedProfileKeys, out of the object itself so that no spread, JSON or log of it
 * carries the secret. (A WeakMap rather than a `#` field: the desktop build's security lint,
 * Electronegativity, cannot parse `#` fields.)
 */
const heldKeys = new WeakMap<SavedProfileKeys, CloudCredentials>();

/** A profile's saved keys, bound to their endpoint: the secret comes out only through `for`. */
export class SavedProfileKeys {
  constructor(
    readonly profile: string,
    credentials: CloudCredentials,
    /** The endpoint the keys were saved for; undefined: Alibaba Cloud's own (any region's). */
    readonly endpoint: string | undefined,
  ) {
    heldKeys.set(this, credentials);
  }

  /** Not a secret (the UI shows it masked); a new one needs its own secret typed. */
  get accessKeyId(): string {
    return heldKeys.get(this)!.accessKeyId;
  }

  /** The keys, to sign requests to `endpoint` (undefined: Alibaba Cloud's own); SECRET_REQUIRED for any other endpoint. */
  for(endpoint: string | undefined): CloudCredentials {
    if (!sameEndpoint(this.endpoint, endpoint)) throw new SecretEndpointMismatch(this.profile, this.endpoint, endpoint);
    return { ...heldKeys.get(this)! };
  }
}

/** The vault entry of keys saved for `endpoint` (undefined: Alibaba Cloud's own). */
export function profileKeysText(credentials: CloudCredentials, endpoint: string | undefined): string {
  return JSON.stringify({ ...credentials, endpoint: endpoint ?? null });
}

/**
 * The keys of a vault entry, or undefined when it is not one. An entry that records no endpoint
 * (written by hand, or by a console from before endpoints were recorded) is taken to be for
 * `unrecorded`: Alibaba Cloud's own unless the caller knows better (the console's own profile list).
 */
export function parseProfileKeys(profile: string, text: string, unrecorded?: string): SavedProfileKeys | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { accessKeyId, accessKeySecret, securityToken, endpoint } = parsed as Record<string, unknown>;
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string' || !accessKeyId || !accessKeySecret) return undefined;
  if (endpoint !== undefined && endpoint !== null && typeof endpoint !== 'string') return undefined;
  const credentials: CloudCredentials = { accessKeyId, accessKeySecret, ...(typeof securityToken === 'string' && securityToken ? { securityToken } : {}) };
  return new SavedProfileKeys(profile, credentials, endpoint === undefined ? unrecorded : (endpoint ?? undefined));
}
