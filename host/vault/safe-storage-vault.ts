/**
 * The vault of the desktop app: each value encrypted by Electron's safeStorage (the OS keychain:
 * Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux) and kept in a 0600 file. The
 * key never leaves the OS; we neither derive one from machine data nor use our own cipher or IV.
 *
 * On Linux without a keyring Electron falls back to `basic_text`: a key built into Chromium,
 * which is no protection at all. Then set() refuses unless the user accepted weak protection.
 */
import { join } from 'node:path';
import { type Vault, VaultError, type VaultProtection, VaultProtectionError, checkVaultName } from './vault';
import { VaultFile } from './vault-file';

export const SAFE_STORAGE_VAULT_NAME = 'vault-safe-storage.json';
/** Version tag of a value encrypted by safeStorage, then base64. */
const ENCRYPTED_PREFIX = 'v1:';

/** The part of Electron's safeStorage the vault uses; main.ts passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageVaultOptions {
  dataDir: string;
  safeStorage: SafeStorageLike;
  /** The user accepted Linux's `basic_text` fallback (a built-in key) after being told what it means. */
  allowWeakProtection?: boolean;
  /** process.platform by default; for tests and messages. */
  platform?: NodeJS.Platform;
  fileName?: string;
}

type Strength =
  | { state: 'strong'; keychain: string }
  | { state: 'weak' }
  | { state: 'unavailable'; why: string };

export class SafeStorageVault implements Vault {
  readonly path: string;
  private readonly file: VaultFile;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly options: SafeStorageVaultOptions) {
    this.path = join(options.dataDir, options.fileName ?? SAFE_STORAGE_VAULT_NAME);
    this.platform = options.platform ?? process.platform;
    this.file = new VaultFile(this.path, {
      protection: 'safeStorage',
      note: 'Values are encrypted with the operating system keychain (Electron safeStorage) of the user who saved them.',
    });
  }

  async get(name: string): Promise<string | undefined> {
    checkVaultName(name);
    const stored = (await this.file.read())[name];
    if (stored === undefined) return undefined;
    if (!stored.startsWith(ENCRYPTED_PREFIX)) {
      throw new VaultError('VAULT_UNREADABLE', `The secret ${JSON.stringify(name)} in ${this.path} is in a format this vault does not read (written by another version?); set it again.`);
    }
    const strength = this.strength();
    if (strength.state === 'unavailable') throw new VaultProtectionError('VAULT_UNAVAILABLE', `Cannot read the secret ${JSON.stringify(name)}: ${strength.why}`);
    try {
      return this.options.safeStorage.decryptString(Buffer.from(stored.slice(ENCRYPTED_PREFIX.length), 'base64'));
    } catch (error) {
      throw new VaultError(
        'VAULT_UNREADABLE',
        `The secret ${JSON.stringify(name)} in ${this.path} could not be decrypted: it was saved by another user, on another machine, or before the system keychain was reset. Set it again.`,
        { cause: error },
      );
    }
  }

  async set(name: string, value: string): Promise<void> {
    checkVaultName(name);
    const strength = this.strength();
    if (strength.state === 'unavailable') throw new VaultProtectionError('VAULT_UNAVAILABLE', `Not saving the secret ${JSON.stringify(name)}: ${strength.why}`);
    if (strength.state === 'weak' && !this.options.allowWeakProtection) {
      throw new VaultProtectionError(
        'VAULT_WEAK_PROTECTION',
        `Not saving the secret ${JSON.stringify(name)}: no keyring was found (Electron would use its basic_text fallback, a key built into the app), so it would be stored as good as unencrypted. Start a keyring (GNOME Keyring or KWallet) and restart, or choose to save it with weak protection.`,
      );
    }
    const encrypted = this.options.safeStorage.encryptString(value);
    await this.file.update((entries) => {
      entries[name] = ENCRYPTED_PREFIX + encrypted.toString('base64');
    });
  }

  async delete(name: string): Promise<boolean> {
    checkVaultName(name);
    return this.file.remove(name);
  }

  list(): Promise<string[]> {
    return this.file.names();
  }

  protection(): VaultProtection {
    const strength = this.strength();
    if (strength.state === 'strong') {
      return { kind: 'safeStorage', description: `Secrets are encrypted with ${strength.keychain} and saved in ${this.path}.`, persistent: true, encrypted: true };
    }
    if (strength.state === 'unavailable') {
      return { kind: 'safeStorage', description: `Secrets cannot be saved: ${strength.why}`, persistent: false, encrypted: false };
    }
    if (this.options.allowWeakProtection) {
      return {
        kind: 'safeStorage',
        description: `No keyring was found, so secrets are saved in ${this.path} with a key built into the app (basic_text): anyone who can read that file can read them.`,
        persistent: true,
        encrypted: false,
      };
    }
    return {
      kind: 'safeStorage',
      description: 'No keyring was found (only the basic_text fallback, a key built into the app), so secrets are not saved. Start a keyring (GNOME Keyring or KWallet) and restart, or allow weak protection.',
      persistent: false,
      encrypted: false,
    };
  }

  /** Asked each time: availability changes when the app becomes ready or a keyring starts. */
  private strength(): Strength {
    const { safeStorage } = this.options;
    const backend = this.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend === 'unknown') return { state: 'unavailable', why: 'the system keychain is not ready yet (the app has not finished starting). Try again in a moment.' };
    if (!safeStorage.isEncryptionAvailable()) return { state: 'unavailable', why: 'the operating system offers no encryption to this app (no keychain or keyring is available).' };
    if (backend === 'basic_text') return { state: 'weak' };
    return { state: 'strong', keychain: keychainName(this.platform, backend) };
  }
}

function keychainName(platform: NodeJS.Platform, backend: string | undefined): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows DPAPI (your user account)';
  if (backend === 'gnome_libsecret') return 'the GNOME keyring (libsecret)';
  if (backend?.startsWith('kwallet')) return 'KWallet';
  return 'the system keychain';
}
