/**
 * The vault of browser mode: a JSON file readable by its owner only (0600) in the data dir. It is
 * NOT encrypted, and says so: without an OS keychain there is no key we could keep better than
 * the file itself, and a key derived from machine data would only pretend to protect it.
 */
import { join } from 'node:path';
import { type Vault, VaultError, type VaultProtection, checkVaultName } from './vault';
import { VaultFile } from './vault-file';

export const FILE_VAULT_NAME = 'vault-file.json';
/** Version tag of a value stored as it is. */
const PLAIN_PREFIX = 'plain-v1:';

export interface FileVaultOptions {
  dataDir: string;
  /** The file's name in the data dir; FILE_VAULT_NAME by default. */
  fileName?: string;
}

export class FileVault implements Vault {
  readonly path: string;
  private readonly file: VaultFile;

  constructor(options: FileVaultOptions) {
    this.path = join(options.dataDir, options.fileName ?? FILE_VAULT_NAME);
    this.file = new VaultFile(this.path, {
      protection: 'file',
      note: 'NOT ENCRYPTED: these secrets are protected only by the file permissions (owner read/write).',
    });
  }

  async get(name: string): Promise<string | undefined> {
    checkVaultName(name);
    const stored = (await this.file.read())[name];
    if (stored === undefined) return undefined;
    if (!stored.startsWith(PLAIN_PREFIX)) {
      throw new VaultError('VAULT_UNREADABLE', `The secret ${JSON.stringify(name)} in ${this.path} is in a format this vault does not read (written by another version?); set it again.`);
    }
    return stored.slice(PLAIN_PREFIX.length);
  }

  async set(name: string, value: string): Promise<void> {
    checkVaultName(name);
    await this.file.update((entries) => {
      entries[name] = PLAIN_PREFIX + value;
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
    return {
      kind: 'file',
      description: `Secrets are saved NOT encrypted in ${this.path}, readable only by your user account (mode 0600). Anyone who can act as your user, or read your backups, can read them.`,
      persistent: true,
      encrypted: false,
    };
  }
}
