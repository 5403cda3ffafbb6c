/**
 * The JSON file both vault kinds keep their entries in: mode 0600 in a 0700 folder, replaced
 * atomically, one change at a time. Only encoded values go in; what they mean is the vault's
 * business. A file that fails to parse is never overwritten: the user's secrets may still be in it.
 */
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { VaultError } from './vault';

export const VAULT_FILE_MODE = 0o600;
const VAULT_FORMAT = 'apigw-studio-vault';
const VAULT_FORMAT_VERSION = 1;

export type VaultEntries = Record<string, string>;

export interface VaultFileOptions {
  /** What the vault kind is, written into the file for a person who opens it. */
  protection: 'safeStorage' | 'file';
  /** A line written into the file for a person who opens it. */
  note: string;
}

export class VaultFile {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly options: VaultFileOptions,
  ) {}

  /** The entries on disk; none when the file does not exist yet. */
  read(): Promise<VaultEntries> {
    return this.serially(() => this.load());
  }

  /** Applies `change` to the entries on disk and writes the result, unless it returns false. */
  update(change: (entries: VaultEntries) => boolean | void): Promise<void> {
    return this.serially(async () => {
      const entries = await this.load();
      if (change(entries) === false) return;
      await this.write(entries);
    });
  }

  /** Removes one entry; whether there was one (the file is not rewritten when there was not). */
  async remove(name: string): Promise<boolean> {
    let removed = false;
    await this.update((entries) => {
      if (!(name in entries)) return false;
      delete entries[name];
      removed = true;
    });
    return removed;
  }

  /** The names stored, sorted; never the values. */
  async names(): Promise<string[]> {
    return Object.keys(await this.read()).sort();
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async load(): Promise<VaultEntries> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as VaultEntries;
      throw new VaultError('VAULT_UNREADABLE', `Could not read the vault ${this.path}: ${(error as Error).message}. Check its permissions.`, { cause: error });
    }
    await this.tightenMode();
    return parseVaultText(text, this.path);
  }

  private async write(entries: VaultEntries): Promise<void> {
    const sorted = Object.fromEntries(Object.keys(entries).sort().map((name) => [name, entries[name]]));
    const text = `${JSON.stringify({ format: VAULT_FORMAT, version: VAULT_FORMAT_VERSION, protection: this.options.protection, note: this.options.note, entries: sorted }, null, 2)}\n`;
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, text, { mode: VAULT_FILE_MODE });
    } catch (error) {
      throw new VaultError('VAULT_WRITE_FAILED', `Could not save the vault ${this.path}: ${(error as Error).message}; the file on disk is unchanged. Check that the folder is writable.`, { cause: error });
    }
  }

  /** A vault file that others can read (copied by hand, restored from a backup) is made owner-only again. */
  private async tightenMode(): Promise<void> {
    if (process.platform === 'win32') return;
    const mode = (await stat(this.path)).mode & 0o777;
    if ((mode & 0o077) !== 0) await chmod(this.path, VAULT_FILE_MODE);
  }
}

function parseVaultText(text: string, path: string): VaultEntries {
  const unreadable = (why: string) =>
    new VaultError('VAULT_UNREADABLE', `The vault ${path} ${why}; it was left as it is. Move it aside to start an empty vault (its secrets must then be entered again).`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unreadable('is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== VAULT_FORMAT) throw unreadable('is not a vault file of API Gateway Studio');
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (version !== VAULT_FORMAT_VERSION) throw unreadable(`has format version ${String(version)}, which this version of API Gateway Studio does not know`);
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw unreadable('has no entries object');
  // A null-prototype map, so an entry named `__proto__` or `toString` is just a name.
  const result = Object.create(null) as VaultEntries;
  for (const [name, value] of Object.entries(entries)) {
    if (typeof value !== 'string') throw unreadable(`has a value that is not a string under ${JSON.stringify(name)}`);
    result[name] = value;
  }
  return result;
}
