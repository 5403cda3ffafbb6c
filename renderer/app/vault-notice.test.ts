import { describe, expect, it } from 'vitest';
import { vaultNotice } from './vault-notice';

describe('vaultNotice', () => {
  it('is green only when secrets are encrypted and persistent', () => {
    expect(vaultNotice({ kind: 'safeStorage', description: 'Keychain', encrypted: true, persistent: true })).toEqual({
      severity: 'success',
      headline: 'Encrypted with the operating system’s secure storage.',
    });
  });

  it('warns about 0600 files (browser mode) and Linux basic_text accepted as weak protection', () => {
    expect(vaultNotice({ kind: 'file', description: '0600', encrypted: false, persistent: true })).toMatchObject({ severity: 'warning', headline: expect.stringMatching(/not encrypted/) });
    expect(vaultNotice({ kind: 'safeStorage', description: 'basic_text', encrypted: false, persistent: true })).toMatchObject({ severity: 'warning', headline: expect.stringMatching(/without real encryption/) });
  });

  it('warns, first of all, when the vault refuses to save (no keyring)', () => {
    expect(vaultNotice({ kind: 'safeStorage', description: 'no keyring', encrypted: false, persistent: false })).toMatchObject({ severity: 'warning', headline: expect.stringMatching(/not saved/) });
  });
});
