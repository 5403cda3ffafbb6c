import { describe, expect, it } from 'vitest';
import { secretsFileNameFor } from '../../shared/project-file';
import { FILE_VAULT_NAME } from '../vault/file-vault';
import { SAFE_STORAGE_VAULT_NAME } from '../vault/safe-storage-vault';
import { backupPathFor } from '../../shared/node/atomic-write';
import { isSecretFileName } from './secret-files';

describe('isSecretFileName', () => {
  // The names the app really writes, taken from the code that writes them, so a rename cannot slip past.
  const written = [secretsFileNameFor('/home/u/specs/quickstart.apigw.yaml'), `/home/u/.config/apigw-studio/${FILE_VAULT_NAME}`, `C:\\Users\\u\\AppData\\${SAFE_STORAGE_VAULT_NAME}`];

  it.each(written)('knows %s, its backup and its temp files', (path) => {
    expect(isSecretFileName(path)).toBe(true);
    expect(isSecretFileName(backupPathFor(path))).toBe(true);
    expect(isSecretFileName(`${path}.tmp-4242-0a1b2c3d4e5f`)).toBe(true);
    expect(isSecretFileName(`${backupPathFor(path)}.tmp-4242-0a1b2c3d4e5f`)).toBe(true);
  });

  it.each([
    'petstore.secrets.yml',
    'PETSTORE.SECRETS.YAML',
    'vault-someday.json',
    // What Windows opens as the file itself.
    'vault-file.json.',
    'x.secrets.yaml ',
    'vault-file.json::$DATA',
  ])('knows %s', (path) => {
    expect(isSecretFileName(path)).toBe(true);
  });

  it.each(['petstore.yaml', 'quickstart.apigw.yaml', 'quickstart.apigw.yaml.bak', 'secrets.yaml.d/pet.yaml', 'vault-file.json/pet.yaml', 'my-vault-file.json', 'settings.json', 'cloud-profiles.json'])(
    'leaves %s alone',
    (path) => {
      expect(isSecretFileName(path)).toBe(false);
    },
  );
});
