/** How the vault protects secrets, green only when they are both encrypted and kept (see vaultNotice). */
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import type { AppInfo } from '../../../shared/ipc/contract';
import { vaultNotice } from '../../app/vault-notice';

export function VaultAlert({ vault, label = 'Secrets storage', lead }: { vault: AppInfo['vault']; label?: string; lead?: ReactNode }) {
  const notice = vaultNotice(vault);
  return (
    <Alert severity={notice.severity} aria-label={label}>
      {lead}
      <strong>{notice.headline}</strong> {vault.description}
    </Alert>
  );
}
