/**
 * Sync jobs: one run against the cloud at a time (an apply, a deploy, a rollback), its steps as
 * they go (told to the UI a few times a second at most), cancelling between steps, and a log of
 * past runs in `<dataDir>/sync-log.json` (newest first, the last 200). Each job is also a run of
 * the OpenAPI call log, under the job's id, with every call it made.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CloudFailure, SyncJobView, SyncLogEntry, SyncStepView } from '../../shared/ipc/cloud-views';
import type { PlanLine } from '../../shared/sync/plan-types';
import type { CallLog } from '../cloud';
import { adviceFor, type CallRun, CloudError, inCallRun } from '../cloud';
import { HostError } from '../base/host-error';
import { SerialQueue } from '../base/serial-queue';
import type { ApplyProgress, ApplyResult } from '../sync';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';

export const SYNC_LOG_FILE = 'sync-log.json';
const LOG_LIMIT = 200;
/** At most this often a running job is reported (its start and end always are). */
const REPORT_EVERY_MS = 150;

export interface JobSpec {
  title: string;
  kind: SyncJobView['kind'];
  profileKey: string;
  /** The project file's path, for the log. */
  project: string;
  lines: PlanLine[];
  retry: NonNullable<SyncJobView['retry']>;
  /** The project file's revision once the run ended (a retry continues only the same design). */
  revision: () => Promise<string>;
}

export type JobRun = (control: { signal: AbortSignal; onProgress: (event: ApplyProgress) => void }) => Promise<ApplyResult>;

export class SyncJobs {
  private job?: { view: SyncJobView; abort: AbortController; lines: PlanLine[]; endRevision?: string };
  private reportTimer?: NodeJS.Timeout;
  private readonly logQueue = new SerialQueue();
  private readonly logPath: string;

  constructor(private readonly options: { dataDir: string; emit: (job: SyncJobView) => void; calls?: CallLog; log?: (line: string) => void }) {
    this.logPath = join(options.dataDir, SYNC_LOG_FILE);
  }

  current(): SyncJobView | null {
    return this.job ? structuredClone(this.job.view) : null;
  }

  running(): boolean {
    return this.job?.view.state === 'running';
  }

  find(id: string): SyncJobView {
    if (this.job?.view.id !== id) throw new HostError('NOT_FOUND', 'That sync job is no longer the current one; look at the sync log for how it ended.');
    return this.current()!;
  }

  /** Refuses while another job runs: two runs writing the same ids could record the wrong ones. */
  assertIdle(): void {
    if (this.running()) throw new HostError('BUSY', `"${this.job!.view.title}" is still running; wait for it or cancel it first.`);
  }

  /** Starts `run` in the background; the answer is the job as it starts. */
  start(spec: JobSpec, run: JobRun): SyncJobView {
    this.assertIdle();
    const view: SyncJobView = {
      id: randomUUID(),
      title: spec.title,
      kind: spec.kind,
      state: 'running',
      cancelling: false,
      startedAt: new Date().toISOString(),
      profileKey: spec.profileKey,
      total: spec.lines.length,
      done: 0,
      steps: spec.lines.map((line): SyncStepView => ({ name: line.name, kind: line.kind, op: line.op, state: 'pending' })),
    };
    const abort = new AbortController();
    this.job = { view, abort, lines: spec.lines };
    this.report(true);
    const index = new Map(spec.lines.map((line, i) => [line, i]));
    const calls = this.options.calls?.start({ id: view.id, title: spec.title, kind: spec.kind, source: 'console', profileKey: spec.profileKey, project: spec.project });
    const onProgress = (event: ApplyProgress) => {
      const step = view.steps[index.get(event.line) ?? -1];
      if (!step) return;
      step.state = event.state === 'start' ? 'running' : event.state;
      view.done = view.steps.filter((candidate) => candidate.state === 'done').length;
      this.report(false);
    };
    const control = { signal: abort.signal, onProgress };
    void (calls ? inCallRun(calls, () => run(control)) : run(control))
      .catch((error: unknown): ApplyResult => {
        // Thrown rather than returned (a save of the record failed): what finished stays finished.
        const done = spec.lines.filter((line) => view.steps[index.get(line)!].state === 'done');
        const running = spec.lines.filter((line) => view.steps[index.get(line)!].state === 'running');
        return { ok: false, done, left: spec.lines.filter((line) => !done.includes(line)), failed: { lines: running, error } };
      })
      .then((result) => this.finish(view, spec, result, index, calls));
    return structuredClone(view);
  }

  /** The project file's revision when job `id` ended; undefined while it runs or for an older job. */
  endRevision(id: string): string | undefined {
    return this.job?.view.id === id ? this.job.endRevision : undefined;
  }

  cancel(id: string): SyncJobView {
    const job = this.job;
    if (job?.view.id !== id) throw new HostError('NOT_FOUND', 'That sync job is no longer the current one.');
    if (job.view.state === 'running') {
      job.view.cancelling = true;
      job.abort.abort();
      this.report(true);
    }
    return this.current()!;
  }

  async log(): Promise<SyncLogEntry[]> {
    try {
      const parsed = JSON.parse(await readFile(this.logPath, 'utf8')) as { entries?: SyncLogEntry[] };
      return Array.isArray(parsed.entries) ? parsed.entries : [];
    } catch {
      // No log yet, or one another version wrote: start again rather than fail the screen.
      return [];
    }
  }

  private async finish(view: SyncJobView, spec: JobSpec, result: ApplyResult, index: Map<PlanLine, number>, calls?: CallRun): Promise<void> {
    // No progress report may go out while the end is being recorded: it would announce the end early.
    clearTimeout(this.reportTimer);
    this.reportTimer = undefined;
    const mark = (lines: PlanLine[], state: SyncStepView['state']) => {
      for (const line of lines) {
        const step = view.steps[index.get(line) ?? -1];
        if (step) step.state = state;
      }
    };
    mark(result.done, 'done');
    mark(result.left, 'left');
    if (result.failed) mark(result.failed.lines, 'failed');
    view.done = view.steps.filter((step) => step.state === 'done').length;
    view.state = result.ok ? 'done' : result.cancelled ? 'cancelled' : 'failed';
    view.cancelling = false;
    view.endedAt = new Date().toISOString();
    if (result.failed) view.failure = failureOf(result.failed.error);
    if (!result.ok) view.retry = spec.retry;
    calls?.end({ state: view.state as Exclude<SyncJobView['state'], 'running'>, steps: { done: view.done, total: view.total }, ...(view.failure ? { failure: view.failure } : {}) });
    const revision = await spec.revision().catch(() => undefined);
    if (this.job?.view === view) this.job.endRevision = revision;
    const entry: SyncLogEntry = {
      id: view.id,
      title: view.title,
      kind: view.kind,
      state: view.state as SyncLogEntry['state'],
      startedAt: view.startedAt,
      endedAt: view.endedAt,
      profileKey: view.profileKey,
      project: spec.project,
      done: view.done,
      total: view.total,
      ...(view.failure ? { failure: view.failure } : {}),
    };
    await this.logQueue
      .run(async () => {
        const entries = [entry, ...(await this.log())].slice(0, LOG_LIMIT);
        await mkdir(this.options.dataDir, { recursive: true, mode: DATA_DIR_MODE });
        await writeFileAtomic(this.logPath, `${JSON.stringify({ entries }, null, 1)}\n`, { mode: DATA_FILE_MODE });
      })
      .catch((error: unknown) => this.options.log?.(`sync log: could not write ${this.logPath}: ${(error as Error).message}`));
    // Announced only once its log entry is written: whoever reacts to the end (the UI reading the
    // log, a test removing the data dir) finds the job's record there.
    this.report(true);
  }

  private report(now: boolean): void {
    if (now) {
      clearTimeout(this.reportTimer);
      this.reportTimer = undefined;
      if (this.job) this.options.emit(structuredClone(this.job.view));
      return;
    }
    this.reportTimer ??= setTimeout(() => {
      this.reportTimer = undefined;
      if (this.job) this.options.emit(structuredClone(this.job.view));
    }, REPORT_EVERY_MS);
  }
}

/** What the UI shows of a failure: the cloud's code, message and request id; ours otherwise. */
export function failureOf(error: unknown): CloudFailure {
  if (error instanceof CloudError) {
    return { code: error.code, message: error.message, requestId: error.requestId, action: `${error.product} ${error.action}`, advice: adviceFor(error) };
  }
  if (error instanceof HostError) return { code: error.code, message: error.message };
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof CloudError) return failureOf(cause);
  return { code: (error as { code?: string })?.code ?? 'FAILED', message: error instanceof Error ? error.message : String(error) };
}
