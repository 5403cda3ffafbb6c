// host/vault's door: what the rest of the host may use. Where secrets live: the OS keychain through Electron's safeStorage, or a 0600 file vault in browser mode and tests.
export { FileVault } from './file-vault';
export { SafeStorageVault } from './safe-storage-vault';
export type { Vault, VaultProtection } from './vault';
