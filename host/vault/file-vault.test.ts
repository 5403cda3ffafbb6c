import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_VAULT_NAME, FileVault } from './file-vault';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'apigw-vault-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('FileVault', () => {
  it('round-trips values and lists names, never values', async () => {
    const vault = new FileVault({ dataDir });
    expect(await vault.get('cloud/default')).toBeUndefined();
    await vault.set('cloud/default', 'secret: with "quotes"\nand a line');
    await vault.set('another', 'two');
    expect(await vault.get('cloud/default')).toBe('secret: with "quotes"\nand a line');
    expect(await vault.list()).toEqual(['another', 'cloud/default']);
    // A second instance reads what the first wrote.
    expect(await new FileVault({ dataDir }).get('another')).toBe('two');
    expect(await vault.delete('another')).toBe(true);
    expect(await vault.delete('another')).toBe(false);
    expect(await vault.list()).toEqual(['cloud/default']);
  });

  it.skipIf(process.platform === 'win32')('keeps the file 0600 and tightens a file others can read', async () => {
    const vault = new FileVault({ dataDir });
    await vault.set('k', 'v');
    const path = join(dataDir, FILE_VAULT_NAME);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await chmod(path, 0o644);
    expect(await vault.get('k')).toBe('v');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('tags each value with a version prefix and says plainly that it is not encrypted', async () => {
    const vault = new FileVault({ dataDir });
    await vault.set('k', 'v');
    const data = JSON.parse(await readFile(join(dataDir, FILE_VAULT_NAME), 'utf8'));
    expect(data.entries).toEqual({ k: 'plain-v1:v' });
    expect(data.note).toMatch(/NOT ENCRYPTED/);
    expect(vault.protection()).toMatchObject({ kind: 'file', persistent: true, encrypted: false });
    expect(vault.protection().description).toMatch(/NOT encrypted/);
  });

  it('writes atomically: no temp files are left, concurrent sets all land', async () => {
    const vault = new FileVault({ dataDir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`k${i}`, `v${i}`)));
    expect((await vault.list()).length).toBe(20);
    expect(await readdir(dataDir)).toEqual([FILE_VAULT_NAME]);
  });

  it('never overwrites a vault file it cannot read, and says what to do', async () => {
    const path = join(dataDir, FILE_VAULT_NAME);
    await writeFile(path, '{ not json', { mode: 0o600 });
    const vault = new FileVault({ dataDir });
    await expect(vault.set('k', 'v')).rejects.toMatchObject({ code: 'VAULT_UNREADABLE', message: expect.stringMatching(/not valid JSON.*Move it aside/) });
    expect(await readFile(path, 'utf8')).toBe('{ not json');
  });

  it('treats names as names, not object keys, and refuses bad ones', async () => {
    const vault = new FileVault({ dataDir });
    await vault.set('__proto__', 'p');
    expect(await vault.get('__proto__')).toBe('p');
    expect(await vault.get('toString')).toBeUndefined();
    expect(await new FileVault({ dataDir }).get('__proto__')).toBe('p');
    await expect(vault.set('', 'v')).rejects.toMatchObject({ code: 'VAULT_BAD_NAME' });
    await expect(vault.set('a\nb', 'v')).rejects.toMatchObject({ code: 'VAULT_BAD_NAME' });
  });
});
