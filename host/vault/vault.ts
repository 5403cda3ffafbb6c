/**
 * The vault: named secrets (cloud AccessKey secrets, tokens) that stay in the host and never go into
 * a project file. Two kinds: Electron safeStorage in the desktop app, a 0600 file in browser mode.
 * Every stored value carries a version prefix, so a later format can be told from this one.
 */

/** How well the vault keeps secrets, for the UI to say plainly. */
export interface VaultProtection {
  kind: 'safeStorage' | 'file';
  /** One or two sentences for a person: where the secrets are and who could read them. */
  description: string;
  /** Whether `set` keeps values across restarts; false when the vault refuses to write. */
  persistent: boolean;
  /** Whether values on disk are encrypted with a key the operating system guards. */
  encrypted: boolean;
}

export interface Vault {
  /** The value, or undefined when nothing is stored under the name. */
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  /** Whether something was removed. Always allowed, whatever the protection. */
  delete(name: string): Promise<boolean>;
  /** The names stored, sorted; never the values. */
  list(): Promise<string[]>;
  protection(): VaultProtection;
}

export type VaultErrorCode =
  /** The name is empty, too long or has control characters. */
  | 'VAULT_BAD_NAME'
  /** The vault file or one value in it cannot be read or decrypted. */
  | 'VAULT_UNREADABLE'
  /** Writing the vault file failed; the previous file is untouched. */
  | 'VAULT_WRITE_FAILED'
  /** The OS offers no encryption now (no keyring, or called before the app was ready). */
  | 'VAULT_UNAVAILABLE'
  /** Only weak protection is available and the user has not accepted it. */
  | 'VAULT_WEAK_PROTECTION';

/** A vault failure; the message says what failed, where, and what to do, never the value. */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VaultError';
  }
}

/** The vault will not store a secret with the protection it has; the UI asks the user what to do. */
export class VaultProtectionError extends VaultError {
  constructor(code: 'VAULT_UNAVAILABLE' | 'VAULT_WEAK_PROTECTION', message: string) {
    super(code, message);
    this.name = 'VaultProtectionError';
  }
}

const MAX_NAME_LENGTH = 200;

/** Throws VaultError for a name that cannot be stored; names end up in a JSON file and in messages. */
export function checkVaultName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new VaultError('VAULT_BAD_NAME', `A vault entry name must be 1 to ${MAX_NAME_LENGTH} characters without control characters; got ${JSON.stringify(String(name).slice(0, 40))}.`);
  }
}
