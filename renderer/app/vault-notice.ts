/** How the Settings page presents the vault: green only when secrets are both encrypted and kept. */
import type { AppInfo } from '../../shared/ipc/contract';

export interface VaultNotice {
  severity: 'success' | 'warning';
  /** One short sentence before the host's own description. */
  headline: string;
}

export function vaultNotice(vault: AppInfo['vault']): VaultNotice {
  if (!vault.persistent) return { severity: 'warning', headline: 'Secrets are not saved: they are gone when the app closes.' };
  if (!vault.encrypted) {
    return { severity: 'warning', headline: vault.kind === 'file' ? 'Kept in a file only you can read, but not encrypted.' : 'Saved without real encryption.' };
  }
  return { severity: 'success', headline: 'Encrypted with the operating system’s secure storage.' };
}
