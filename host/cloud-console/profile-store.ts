/**
 * Cloud profiles: what a person may see (name, region, endpoint, AccessKeyId) in
 * `<dataDir>/cloud-profiles.json`, and the keys in the vault as `cloud-profile/<name>` with the
 * endpoint they were saved for (host/sync/profile-keys.ts, the same entry the CLI's `--profile`
 * reads). The secret never leaves this module except inside the credentials handed to the cloud
 * client, and only for the endpoint it was saved for.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CloudProfileInput, CloudProfileView, CloudProfiles } from '../../shared/ipc/cloud-views';
import type { CloudCredentials } from '../../shared/node/cloud-credentials';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { HostError } from '../base/host-error';
import { SerialQueue } from '../base/serial-queue';
import { type SavedProfileKeys, parseProfileKeys, profileKeysText, profileVaultName } from '../sync';
import type { Vault } from '../vault';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';

export const PROFILES_FILE = 'cloud-profiles.json';

const StoredProfile = z.object({ name: z.string(), region: z.string(), endpoint: z.string().optional(), accessKeyId: z.string() });
const StoredProfiles = z.object({ profiles: z.array(StoredProfile).default([]), active: z.string().optional() });
type StoredProfile = z.infer<typeof StoredProfile>;
type StoredProfiles = z.infer<typeof StoredProfiles>;

/** A profile with its keys (for its own endpoint), for the connection only. */
export interface ProfileWithKeys extends StoredProfile {
  credentials: CloudCredentials;
}

export class ProfileStore {
  readonly path: string;
  private readonly queue = new SerialQueue();

  constructor(
    dataDir: string,
    private readonly vault: Vault,
  ) {
    this.path = join(dataDir, PROFILES_FILE);
  }

  async list(): Promise<CloudProfiles> {
    const stored = await this.read();
    const names = new Set(await this.vault.list());
    return {
      profiles: stored.profiles.map((profile) => viewOf(profile, names.has(profileVaultName(profile.name)))),
      active: stored.active,
    };
  }

  /**
   * Saves a profile; a rename moves its vault entry, and a missing secret keeps the saved one as
   * long as the endpoint stays: a new endpoint needs the secret typed (SECRET_REQUIRED).
   */
  save(input: CloudProfileInput): Promise<CloudProfileView> {
    return this.queue.run(async () => {
      const stored = await this.read();
      const previous = input.previousName ?? input.name;
      const existing = stored.profiles.find((profile) => profile.name === previous);
      if (input.previousName !== undefined && !existing) throw new HostError('NOT_FOUND', `There is no cloud profile "${input.previousName}" to change.`);
      if (input.name !== previous && stored.profiles.some((profile) => profile.name === input.name)) {
        throw new HostError('ALREADY_EXISTS', `A cloud profile "${input.name}" exists already; choose another name.`);
      }
      if (!existing && stored.profiles.some((profile) => profile.name === input.name)) {
        throw new HostError('ALREADY_EXISTS', `A cloud profile "${input.name}" exists already; edit it, or choose another name.`);
      }
      const kept = existing ? await this.savedKeys(existing) : undefined;
      // A new AccessKeyId with the old secret would never work: a changed id needs its secret typed.
      if (input.accessKeyId !== undefined && kept && input.accessKeyId !== kept.accessKeyId && input.accessKeySecret === undefined) {
        throw new HostError('BAD_REQUEST', `Type the AccessKeySecret that belongs to the new AccessKeyId of profile "${input.name}".`);
      }
      const { accessKeyId, accessKeySecret } = keysOfEdit(kept, input);
      if (accessKeySecret === undefined) throw new HostError('BAD_REQUEST', `Type the AccessKeySecret of profile "${input.name}": none is saved yet.`);
      if (accessKeyId === undefined) throw new HostError('BAD_REQUEST', `Type the AccessKeyId of profile "${input.name}": none is saved yet.`);
      const profile: StoredProfile = { name: input.name, region: input.region, accessKeyId, ...(input.endpoint ? { endpoint: input.endpoint } : {}) };
      // The secret first: a profile listed without its keys would be useless.
      await this.vault.set(profileVaultName(profile.name), profileKeysText({ accessKeyId, accessKeySecret }, profile.endpoint));
      if (existing && existing.name !== profile.name) await this.vault.delete(profileVaultName(existing.name));
      const profiles = existing ? stored.profiles.map((item) => (item === existing ? profile : item)) : [...stored.profiles, profile];
      const active = stored.active === previous ? profile.name : stored.active;
      await this.write({ profiles, active });
      return viewOf(profile, true);
    });
  }

  delete(name: string): Promise<CloudProfiles> {
    return this.queue.run(async () => {
      const stored = await this.read();
      if (!stored.profiles.some((profile) => profile.name === name)) throw new HostError('NOT_FOUND', `There is no cloud profile "${name}".`);
      await this.vault.delete(profileVaultName(name));
      const next = { profiles: stored.profiles.filter((profile) => profile.name !== name), active: stored.active === name ? undefined : stored.active };
      await this.write(next);
      const names = new Set(await this.vault.list());
      return { profiles: next.profiles.map((profile) => viewOf(profile, names.has(profileVaultName(profile.name)))), active: next.active };
    });
  }

  /** `undefined`: demo mode. */
  setActive(name: string | undefined): Promise<void> {
    return this.queue.run(async () => {
      const stored = await this.read();
      if (name !== undefined && !stored.profiles.some((profile) => profile.name === name)) throw new HostError('NOT_FOUND', `There is no cloud profile "${name}".`);
      await this.write({ ...stored, active: name });
    });
  }

  /** The active profile with its keys, or undefined in demo mode. */
  async active(): Promise<ProfileWithKeys | undefined> {
    const stored = await this.read();
    if (stored.active === undefined) return undefined;
    return this.withKeys(stored.active);
  }

  async withKeys(name: string): Promise<ProfileWithKeys> {
    const profile = (await this.read()).profiles.find((item) => item.name === name);
    if (!profile) throw new HostError('NOT_FOUND', `There is no cloud profile "${name}".`);
    const saved = await this.savedKeys(profile);
    if (!saved) throw new HostError('NOT_FOUND', `The keys of cloud profile "${name}" are not in the vault (removed, or saved on another computer); edit the profile and type them again.`);
    return { ...profile, credentials: saved.for(profile.endpoint) };
  }

  /**
   * The keys a connection test of an edit would use (`name`: the saved profile being edited, if
   * any): see keysOfEdit. A name that is not a saved profile contributes no keys.
   */
  async keysOfDraft(name: string | undefined, typed: Pick<CloudProfileInput, 'accessKeyId' | 'accessKeySecret' | 'endpoint'>): Promise<Partial<CloudCredentials>> {
    const profile = name === undefined ? undefined : (await this.read()).profiles.find((item) => item.name === name);
    return keysOfEdit(profile ? await this.savedKeys(profile) : undefined, typed);
  }

  /** The vault entry of a listed profile; one saved before entries recorded their endpoint is for the profile's. */
  private async savedKeys(profile: StoredProfile): Promise<SavedProfileKeys | undefined> {
    const text = await this.vault.get(profileVaultName(profile.name));
    // Not keys: reported as missing keys, which the user fixes by typing them again.
    return text === undefined ? undefined : parseProfileKeys(profile.name, text, profile.endpoint);
  }

  private async read(): Promise<StoredProfiles> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: [] };
      throw error;
    }
    try {
      return StoredProfiles.parse(JSON.parse(text));
    } catch (error) {
      throw new HostError('BAD_REQUEST', `${this.path} is not a list of cloud profiles (${(error as Error).message.split('\n')[0]}); fix or remove it.`);
    }
  }

  private async write(profiles: StoredProfiles): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true, mode: DATA_DIR_MODE });
    await writeFileAtomic(this.path, `${JSON.stringify(profiles, null, 2)}\n`, { backup: true, mode: DATA_FILE_MODE });
  }
}

/**
 * The keys an edit uses: those typed, else the saved ones. A saved secret goes only with its own
 * AccessKeyId, and only to the endpoint it was saved for (SECRET_REQUIRED for another one).
 */
function keysOfEdit(kept: SavedProfileKeys | undefined, typed: Pick<CloudProfileInput, 'accessKeyId' | 'accessKeySecret' | 'endpoint'>): Partial<CloudCredentials> {
  const accessKeyId = typed.accessKeyId ?? kept?.accessKeyId;
  if (typed.accessKeySecret !== undefined) return { accessKeyId, accessKeySecret: typed.accessKeySecret };
  if (!kept || accessKeyId !== kept.accessKeyId) return { accessKeyId };
  return kept.for(typed.endpoint || undefined);
}

function viewOf(profile: StoredProfile, secretSet: boolean): CloudProfileView {
  return { name: profile.name, region: profile.region, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}), accessKeyId: maskAccessKeyId(profile.accessKeyId), secretSet };
}
