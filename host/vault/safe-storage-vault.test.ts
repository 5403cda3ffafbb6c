import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAFE_STORAGE_VAULT_NAME, type SafeStorageLike, SafeStorageVault } from './safe-storage-vault';
import { VaultProtectionError } from './vault';

/** Stands in for the OS keychain: a random key per instance, so another "user" cannot decrypt. */
function fakeSafeStorage(backend?: string, available = true): SafeStorageLike & { calls: number } {
  const key = randomBytes(32);
  const keyId = randomBytes(4);
  const xor = (data: Buffer) => Buffer.from(data.map((byte, i) => byte ^ key[i % key.length]));
  return {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(plainText) {
      this.calls++;
      return Buffer.concat([keyId, xor(Buffer.from(plainText, 'utf8'))]);
    },
    decryptString(encrypted) {
      if (!encrypted.subarray(0, 4).equals(keyId)) throw new Error('encrypted with another key');
      return xor(encrypted.subarray(4)).toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'apigw-safe-vault-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('SafeStorageVault', () => {
  it('round-trips through the encryptor and stores v1: + base64 of the ciphertext, 0600', async () => {
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const vault = new SafeStorageVault({ dataDir, safeStorage, platform: 'linux' });
    await vault.set('cloud/default', 'LTAI-secret-value');
    expect(await vault.get('cloud/default')).toBe('LTAI-secret-value');
    expect(await vault.list()).toEqual(['cloud/default']);

    const text = await readFile(join(dataDir, SAFE_STORAGE_VAULT_NAME), 'utf8');
    expect(text).not.toContain('LTAI-secret-value');
    const stored: string = JSON.parse(text).entries['cloud/default'];
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(safeStorage.decryptString(Buffer.from(stored.slice(3), 'base64'))).toBe('LTAI-secret-value');
    if (process.platform !== 'win32') expect((await stat(join(dataDir, SAFE_STORAGE_VAULT_NAME))).mode & 0o777).toBe(0o600);
    expect(vault.protection()).toMatchObject({ kind: 'safeStorage', persistent: true, encrypted: true, description: expect.stringMatching(/GNOME keyring/) });
  });

  it('refuses to persist on Linux basic_text unless weak protection was allowed, and says so', async () => {
    const safeStorage = fakeSafeStorage('basic_text');
    const vault = new SafeStorageVault({ dataDir, safeStorage, platform: 'linux' });
    expect(vault.protection()).toMatchObject({ persistent: false, encrypted: false, description: expect.stringMatching(/No keyring/) });
    const refusal = vault.set('k', 'v');
    await expect(refusal).rejects.toBeInstanceOf(VaultProtectionError);
    await expect(refusal).rejects.toMatchObject({ code: 'VAULT_WEAK_PROTECTION' });
    expect(safeStorage.calls).toBe(0);
    expect(await vault.list()).toEqual([]);

    const allowed = new SafeStorageVault({ dataDir, safeStorage, platform: 'linux', allowWeakProtection: true });
    expect(allowed.protection()).toMatchObject({ persistent: true, encrypted: false, description: expect.stringMatching(/basic_text/) });
    await allowed.set('k', 'v');
    expect(await allowed.get('k')).toBe('v');
  });

  it('refuses when the OS offers no encryption or is not ready yet', async () => {
    const none = new SafeStorageVault({ dataDir, safeStorage: fakeSafeStorage(undefined, false), platform: 'darwin' });
    await expect(none.set('k', 'v')).rejects.toMatchObject({ code: 'VAULT_UNAVAILABLE' });
    expect(none.protection().persistent).toBe(false);
    const early = new SafeStorageVault({ dataDir, safeStorage: fakeSafeStorage('unknown'), platform: 'linux' });
    await expect(early.set('k', 'v')).rejects.toMatchObject({ code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/not ready/) });
  });

  it('names the entry it cannot decrypt (another user or machine), and still deletes it', async () => {
    await new SafeStorageVault({ dataDir, safeStorage: fakeSafeStorage(), platform: 'darwin' }).set('k', 'value');
    const otherUser = new SafeStorageVault({ dataDir, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    await expect(otherUser.get('k')).rejects.toMatchObject({ code: 'VAULT_UNREADABLE', message: expect.stringMatching(/"k".*Set it again/) });
    expect(await otherUser.delete('k')).toBe(true);
    expect(await otherUser.get('k')).toBeUndefined();
  });
});
