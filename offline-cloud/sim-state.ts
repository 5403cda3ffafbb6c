/**
 * The offline cloud's data: per account, per region, the network resources it was seeded with
 * and whatever later action modules keep (API groups, instances...) under their own name. Kept
 * in one JSON file, replaced atomically (temp file + rename) after every write; a file that
 * cannot be read is never overwritten. The file and its dir are the user's only (sim-data-dir.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_FILE_NAME, prepareDataDir, writeDataFile } from './sim-data-dir';
import { seedRegion } from './sim-seed';
import { SIM_REGIONS } from './sim-regions';
import type { AccountState, RegionState } from './sim-records';

export interface SimStateFile {
  format: 'apigw-studio offline cloud';
  version: 1;
  accounts: Record<string, AccountState>;
}

export { STATE_FILE_NAME };

/** A module's own slice of a region's data, created on first use. */
export function moduleState<T>(region: RegionState, name: string, init: () => T): T {
  if (!(name in region.modules)) region.modules[name] = init();
  return region.modules[name] as T;
}

export class SimStateStore {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly state: SimStateFile,
    /** Absent: kept in memory only. */
    readonly dataDir: string | undefined,
  ) {}

  /** The state file, when there is one. */
  get path(): string | undefined {
    return this.dataDir === undefined ? undefined : join(this.dataDir, STATE_FILE_NAME);
  }

  /** Loads `<dataDir>/offline-cloud-state.json`, or starts empty (in memory when no dataDir). */
  static async open(dataDir: string | undefined): Promise<SimStateStore> {
    const empty: SimStateFile = { format: 'apigw-studio offline cloud', version: 1, accounts: {} };
    if (!dataDir) return new SimStateStore(empty, undefined);
    await prepareDataDir(dataDir);
    const path = join(dataDir, STATE_FILE_NAME);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SimStateStore(empty, dataDir);
      throw new Error(`cannot read the offline cloud's state ${path}: ${(error as Error).message}`);
    }
    return new SimStateStore(parseState(text, path), dataDir);
  }

  /** The account's data, seeding every region it does not have yet. Says whether anything was added. */
  ensureAccount(accountId: string): boolean {
    const account = (this.state.accounts[accountId] ??= { accountId, regions: {} });
    let added = false;
    for (const region of SIM_REGIONS) {
      if (account.regions[region.regionId]) continue;
      account.regions[region.regionId] = { network: seedRegion(accountId, region), modules: {} };
      added = true;
    }
    return added;
  }

  account(accountId: string): AccountState {
    this.ensureAccount(accountId);
    return this.state.accounts[accountId];
  }

  /**
   * Writes the whole state. Saves run one after another, each writing the state as it is when it
   * starts, so the last save always holds the last change.
   */
  save(): Promise<void> {
    const dataDir = this.dataDir;
    if (!dataDir) return Promise.resolve();
    const next = this.saving.then(() => writeDataFile(dataDir, STATE_FILE_NAME, `${JSON.stringify(this.state, null, 1)}\n`));
    this.saving = next.then(
      () => undefined,
      () => undefined,
    );
    return next.then(() => undefined);
  }
}

function parseState(text: string, path: string): SimStateFile {
  const fail = (why: string) =>
    new Error(`the offline cloud's state ${path} ${why}; it was left as it is. Move it away to start again from the seed data, or repair it.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fail(`is not valid JSON (${(error as Error).message})`);
  }
  const state = parsed as Partial<SimStateFile>;
  if (state?.format !== 'apigw-studio offline cloud' || state.version !== 1 || typeof state.accounts !== 'object' || state.accounts === null) {
    throw fail('is not an offline cloud state file of version 1');
  }
  return state as SimStateFile;
}
