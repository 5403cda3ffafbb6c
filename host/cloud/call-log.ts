/**
 * The OpenAPI call log (docs/sync.md "The OpenAPI call log"): every run against the cloud with
 * the calls it made, one file per run in `<dataDir>/cloud-calls/` (0600, the folder 0700), the
 * last RUNS_KEPT runs. The console and the CLI write to the same folder when they share a data
 * dir, each only its own files, so neither can lose the other's runs.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CloudFailure, CloudRunDetail, CloudRunView } from '../../shared/ipc/cloud-views';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';
import { HostError } from '../base/host-error';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { CloudError } from './cloud-error';
import { CallRun, type CallRunMeta, type CallRunRecord, currentCallRun, inCallRun } from './call-run';

export const CALL_LOG_DIR = 'cloud-calls';
export const RUNS_KEPT = 200;

/** `<start time>-<run id>.json`: names sort by start, and a run is found by its id without reading the others. */
const FILE_NAME = /^(\d{8}T\d{9}Z)-([\w-]{1,64})\.json$/;

export interface CallLogOptions {
  dataDir: string;
  log?: (line: string) => void;
}

export class CallLog {
  readonly dir: string;
  /** Runs of this process not saved yet: running (a purchase being followed), or being written. */
  private readonly live = new Map<string, CallRun>();
  /** Saved files never change: their views are read once. */
  private readonly views = new Map<string, CloudRunView>();
  private readonly saving = new Set<Promise<void>>();

  constructor(private readonly options: CallLogOptions) {
    this.dir = join(options.dataDir, CALL_LOG_DIR);
  }

  /** A run of its own, saved when it finishes (a run without calls is not kept). */
  start(meta: CallRunMeta): CallRun {
    const run = new CallRun(meta, (record) => {
      if (record.run.callCount === 0) return void this.live.delete(run.id);
      const saved = this.save(record)
        .catch((error: unknown) => this.options.log?.(`OpenAPI call log: could not write ${this.dir}: ${(error as Error).message}`))
        .finally(() => {
          this.live.delete(run.id);
          this.saving.delete(saved);
        });
      this.saving.add(saved);
    });
    this.live.set(run.id, run);
    return run;
  }

  /**
   * Runs `work` as a run of its own, ended by how it ends (done, or failed with what it threw);
   * inside a run still going on (a CLI command), `work` is part of that one. A finished run can
   * still be "in force" for a timer it started; work begun there is a run of its own.
   */
  async run<T>(meta: CallRunMeta, work: () => Promise<T>): Promise<T> {
    const current = currentCallRun();
    if (current && !current.finished) return work();
    const run = this.start(meta);
    try {
      const result = await inCallRun(run, work);
      run.end({ state: 'done' });
      return result;
    } catch (error) {
      run.end({ state: 'failed', failure: runFailure(error) });
      throw error;
    }
  }

  /** Resolves when every finished run has been written. */
  async flush(): Promise<void> {
    await Promise.all([...this.saving]);
  }

  /** Runs newest first: this process's running ones, then the saved ones. */
  async list(): Promise<CloudRunView[]> {
    const running = [...this.live.values()].map((run) => run.view()).filter((view) => view.callCount > 0);
    const saved: CloudRunView[] = [];
    const shown = new Set(running.map((view) => view.id));
    for (const name of (await this.files()).slice(0, RUNS_KEPT)) {
      if (shown.has(FILE_NAME.exec(name)?.[2] ?? '')) continue;
      let view = this.views.get(name);
      if (!view) {
        view = (await this.read(name))?.run;
        if (view) this.views.set(name, view);
      }
      if (view) saved.push(view);
    }
    return [...running, ...saved].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, RUNS_KEPT);
  }

  /** One run with its calls. */
  async get(id: string): Promise<CloudRunDetail> {
    const live = this.live.get(id);
    if (live) return live.detail();
    const name = (await this.files()).find((candidate) => FILE_NAME.exec(candidate)?.[2] === id);
    const record = name ? await this.read(name) : undefined;
    if (!record) throw new HostError('NOT_FOUND', `The call log holds no run ${id}: only the last ${RUNS_KEPT} runs are kept; list the runs again.`);
    return record;
  }

  private async save(record: CallRunRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: DATA_DIR_MODE });
    const stamp = record.run.startedAt.replace(/[-:.]/g, '');
    await writeFileAtomic(join(this.dir, `${stamp}-${record.run.id}.json`), `${JSON.stringify(record)}\n`, { mode: DATA_FILE_MODE });
    for (const old of (await this.files()).slice(RUNS_KEPT)) {
      this.views.delete(old);
      await rm(join(this.dir, old), { force: true });
    }
  }

  /** The run files, newest first. */
  private async files(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((name) => FILE_NAME.test(name)).sort((a, b) => b.localeCompare(a));
  }

  private async read(name: string): Promise<CallRunRecord | undefined> {
    try {
      const parsed = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as Partial<CallRunRecord>;
      return parsed.run && Array.isArray(parsed.calls) ? (parsed as CallRunRecord) : undefined;
    } catch {
      // Removed meanwhile (pruned by another process), or not ours: skip it rather than fail the screen.
      return undefined;
    }
  }
}

/** What ended a run, in the cloud's words when the cloud refused (its code, the action, the request id). */
function runFailure(error: unknown): CloudFailure {
  const cloud = error instanceof CloudError ? error : (error as { cause?: unknown } | undefined)?.cause;
  if (cloud instanceof CloudError) return { code: cloud.code, message: cloud.message, action: `${cloud.product} ${cloud.action}`, ...(cloud.requestId ? { requestId: cloud.requestId } : {}) };
  const code = (error as { code?: unknown } | undefined)?.code;
  return { code: typeof code === 'string' ? code : 'FAILED', message: error instanceof Error ? error.message : String(error) };
}
