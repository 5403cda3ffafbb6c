/**
 * What pull keeps between runs for one account, endpoint and region, so an unchanged cloud costs
 * only its list calls: each API's definition with the ModifiedTime it had, what each stage served
 * at each HistoryVersion, and the groups' StageIds (which never change). A file in the data dir,
 * replaced atomically; one that cannot be read is ignored (the next pull reads everything again).
 *
 * Apply "pins" what it wrote (it knows the content but not yet the cloud's ModifiedTime or
 * HistoryVersion); the next listing, if it comes soon, adopts the cloud's values for those.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Stage } from '../../shared/model/schema';
import type { CloudRecord } from '../../shared/sync/cloud-values';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';

/** A pin older than this is not trusted: someone may have changed the API since. */
const PIN_WINDOW_MS = 10 * 60_000;
/**
 * ModifiedTime has whole seconds: a definition read within this long after it changed could miss
 * a second change in the same second, so it is read again next time.
 */
const SAME_SECOND_GUARD_MS = 2_000;

interface CachedApi {
  /** '' while pinned by apply. */
  modifiedTime: string;
  /** When it was read (or written, for a pin). */
  at: string;
  /** Written by apply (a pin whose ModifiedTime the listing told): what it holds is known, not read. */
  ours?: boolean;
  detail: CloudRecord;
}

interface CachedDeployment {
  /** '' while pinned by apply. */
  version: string;
  at: string;
  detail: CloudRecord;
}

interface CacheFile {
  format: 'apigw-studio sync cache';
  version: 1;
  apis: Record<string, CachedApi>;
  /** `<ApiId>/<stage>`. */
  deployed: Record<string, CachedDeployment>;
  stageIds: Record<string, Partial<Record<Stage, string>>>;
}

function emptyFile(): CacheFile {
  return { format: 'apigw-studio sync cache', version: 1, apis: {}, deployed: {}, stageIds: {} };
}

export class PullCache {
  private changed = false;

  private constructor(
    private file: CacheFile,
    /** Absent: kept in memory only. */
    readonly path: string | undefined,
    private readonly now: () => number,
  ) {}

  static memory(now: () => number = Date.now): PullCache {
    return new PullCache(emptyFile(), undefined, now);
  }

  /** The cache of one endpoint, account and region in `<dataDir>/sync-cache/`. */
  static async open(dataDir: string, identity: { endpoint: string; accessKeyId: string; region: string }, now: () => number = Date.now): Promise<PullCache> {
    const name = createHash('sha256').update(`${identity.endpoint}\n${identity.accessKeyId}\n${identity.region}`).digest('hex').slice(0, 24);
    const path = join(dataDir, 'sync-cache', `${name}.json`);
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
      if (parsed.format === 'apigw-studio sync cache' && parsed.version === 1) return new PullCache({ ...emptyFile(), ...parsed } as CacheFile, path, now);
    } catch {
      // Missing or unreadable: start empty; the next save replaces it.
    }
    return new PullCache(emptyFile(), path, now);
  }

  /** The cached definition, if it is still the cloud's at `modifiedTime`. */
  apiDetail(apiId: string, modifiedTime: string | undefined): CloudRecord | undefined {
    const entry = this.file.apis[apiId];
    if (!entry || !modifiedTime) return undefined;
    if (entry.modifiedTime === '') {
      if (this.now() - Date.parse(entry.at) > PIN_WINDOW_MS) return undefined;
      // Apply's own write: the listing tells its ModifiedTime.
      entry.modifiedTime = modifiedTime;
      entry.ours = true;
      this.changed = true;
      return entry.detail;
    }
    if (entry.modifiedTime !== modifiedTime) return undefined;
    return !entry.ours && Date.parse(entry.at) - Date.parse(modifiedTime) < SAME_SECOND_GUARD_MS ? undefined : entry.detail;
  }

  putApiDetail(apiId: string, modifiedTime: string, detail: CloudRecord): void {
    this.file.apis[apiId] = { modifiedTime, at: new Date(this.now()).toISOString(), detail };
    this.changed = true;
  }

  /** Apply wrote this definition just now. */
  pinApiDetail(apiId: string, detail: CloudRecord): void {
    this.putApiDetail(apiId, '', detail);
  }

  deployedDetail(apiId: string, stage: Stage, version: string): CloudRecord | undefined {
    const entry = this.file.deployed[`${apiId}/${stage}`];
    if (!entry) return undefined;
    if (entry.version === '') {
      if (this.now() - Date.parse(entry.at) > PIN_WINDOW_MS) return undefined;
      entry.version = version;
      this.changed = true;
      return entry.detail;
    }
    return entry.version === version ? entry.detail : undefined;
  }

  putDeployedDetail(apiId: string, stage: Stage, version: string, detail: CloudRecord): void {
    this.file.deployed[`${apiId}/${stage}`] = { version, at: new Date(this.now()).toISOString(), detail };
    this.changed = true;
  }

  pinDeployedDetail(apiId: string, stage: Stage, detail: CloudRecord): void {
    this.putDeployedDetail(apiId, stage, '', detail);
  }

  stageIds(groupId: string): Partial<Record<Stage, string>> | undefined {
    return this.file.stageIds[groupId];
  }

  putStageIds(groupId: string, stageIds: Partial<Record<Stage, string>>): void {
    this.file.stageIds[groupId] = stageIds;
    this.changed = true;
  }

  /** Drops entries of APIs and groups the cloud no longer has. */
  keepOnly(apiIds: ReadonlySet<string>, groupIds: ReadonlySet<string>): void {
    for (const id of Object.keys(this.file.apis)) if (!apiIds.has(id)) this.drop(this.file.apis, id);
    for (const key of Object.keys(this.file.deployed)) if (!apiIds.has(key.slice(0, key.indexOf('/')))) this.drop(this.file.deployed, key);
    for (const id of Object.keys(this.file.stageIds)) if (!groupIds.has(id)) this.drop(this.file.stageIds, id);
  }

  private drop(record: Record<string, unknown>, key: string): void {
    delete record[key];
    this.changed = true;
  }

  async save(): Promise<void> {
    if (!this.path || !this.changed) return;
    await mkdir(join(this.path, '..'), { recursive: true, mode: DATA_DIR_MODE });
    await writeFileAtomic(this.path, JSON.stringify(this.file), { mode: DATA_FILE_MODE });
    this.changed = false;
  }
}
