/**
 * A run against the cloud (a sync job, a plan, a pull, a gateway purchase, a CLI command) and the
 * OpenAPI calls it made, for the call log (docs/sync.md "The OpenAPI call log").
 *
 * The run is the async context the work runs in, not an option of a client: one run may open
 * several clients (a purchase is followed on fresh connections) and one client may serve work
 * of different runs. The client tells `currentCallRun()` of every request it sends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CloudCallView, CloudFailure, CloudRunDetail, CloudRunKind, CloudRunView } from '../../shared/ipc/cloud-views';
import type { CloudCallEvent } from './call-event';

/** The calls kept of one run: the first ones and the latest ones; a long wait (a purchase polled for 30 minutes) drops its middle. */
export const FIRST_CALLS_KEPT = 100;
export const LATEST_CALLS_KEPT = 400;
/** A parameter's value is kept up to this many characters (an OpenAPI document sent to ImportSwagger is not). */
export const VALUE_CHARS_KEPT = 2_000;

export interface CallRunMeta {
  /** Given when the run is also something else with an id (a sync job). */
  id?: string;
  title: string;
  kind: CloudRunKind;
  source: CloudRunView['source'];
  profileKey?: string;
  project?: string;
}

export interface RunOutcome {
  state: Exclude<CloudRunView['state'], 'running'>;
  failure?: CloudFailure;
  steps?: { done: number; total: number };
}

/** What a finished run leaves: its view and its calls, as the log stores them. */
export type CallRunRecord = CloudRunDetail;

const inForce = new AsyncLocalStorage<CallRun>();

/** The run the current work belongs to, if any. */
export function currentCallRun(): CallRun | undefined {
  return inForce.getStore();
}

/** Runs `work` as part of `run`: every OpenAPI call it makes, however deep, is recorded there. */
export function inCallRun<T>(run: CallRun, work: () => Promise<T>): Promise<T> {
  return inForce.run(run, work);
}

/**
 * Keeps the run in force open until the returned function is called: for work that goes on
 * after the call that started it answered (a purchase is followed until its gateway runs).
 */
export function holdCallRun(): () => void {
  return currentCallRun()?.hold() ?? (() => undefined);
}

export class CallRun {
  readonly id: string;
  readonly startedAt = new Date().toISOString();
  private readonly meta: CallRunMeta;
  private readonly first: CloudCallView[] = [];
  private latest: CloudCallView[] = [];
  private count = 0;
  private failed = 0;
  private holds = 0;
  private outcome?: RunOutcome;
  private failure?: CloudFailure;
  private endedAt?: string;
  private readonly listeners = new Set<(call: CloudCallView) => void>();

  /** `onFinish` is told once, when the run has ended and nothing holds it open any more. */
  constructor(
    meta: CallRunMeta,
    private readonly onFinish?: (record: CallRunRecord) => void,
  ) {
    this.meta = { ...meta };
    this.id = meta.id ?? randomUUID();
  }

  get finished(): boolean {
    return this.endedAt !== undefined;
  }

  /** Says which cloud the run talks to, once known (the session opened inside it says so). */
  setCloud(profileKey: string): void {
    this.meta.profileKey ??= profileKey;
  }

  /** One request as the client saw it; after the run finished, it is no longer recorded. */
  record(event: CloudCallEvent): void {
    if (this.finished) return;
    const kept: CloudCallView = {
      product: event.product,
      action: event.action,
      attempt: event.attempt,
      params: boundValues(event.params),
      ...(event.status !== undefined ? { status: event.status } : {}),
      ...(event.ok ? {} : { code: event.code ?? 'UnknownError' }),
      ...(event.requestId ? { requestId: event.requestId } : {}),
      durationMs: Math.round(event.durationMs),
      at: event.at,
    };
    this.count += 1;
    if (!event.ok) this.failed += 1;
    if (this.first.length < FIRST_CALLS_KEPT) this.first.push(kept);
    else {
      this.latest.push(kept);
      if (this.latest.length > LATEST_CALLS_KEPT * 2) this.latest = this.latest.slice(-LATEST_CALLS_KEPT);
    }
    for (const listener of this.listeners) listener(kept);
  }

  /** Told of each call as it is recorded (the CLI's --verbose); returns the unsubscribe. */
  onCall(listener: (call: CloudCallView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** See holdCallRun. */
  hold(): () => void {
    if (this.finished) return () => undefined;
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.finishIfDone();
    };
  }

  /** Work that goes on after the run's first answer failed (a purchase that never came up): the run ends failed. */
  markFailed(failure: CloudFailure): void {
    this.failure = keptFailure(failure);
  }

  /** The work ended; the run finishes once nothing holds it open, or at once with `now` (a process about to exit). */
  end(outcome: RunOutcome, options: { now?: boolean } = {}): void {
    this.outcome ??= outcome.failure ? { ...outcome, failure: keptFailure(outcome.failure) } : outcome;
    if (options.now) this.holds = 0;
    this.finishIfDone();
  }

  view(): CloudRunView {
    const state = this.outcome ? (this.failure && this.outcome.state === 'done' ? 'failed' : this.outcome.state) : 'running';
    const failure = this.outcome?.failure ?? this.failure;
    return {
      id: this.id,
      title: this.meta.title,
      kind: this.meta.kind,
      source: this.meta.source,
      state: this.finished ? state : 'running',
      startedAt: this.startedAt,
      ...(this.endedAt ? { endedAt: this.endedAt } : {}),
      ...(this.meta.profileKey ? { profileKey: this.meta.profileKey } : {}),
      ...(this.meta.project ? { project: this.meta.project } : {}),
      callCount: this.count,
      failedCalls: this.failed,
      omittedCalls: this.count - this.first.length - this.latestKept().length,
      ...(this.outcome?.steps ? { steps: this.outcome.steps } : {}),
      ...(failure ? { failure } : {}),
    };
  }

  /** The calls kept, oldest first. */
  calls(): CloudCallView[] {
    return [...this.first, ...this.latestKept()];
  }

  /** The run as the log keeps and shows it. */
  detail(): CallRunRecord {
    const run = this.view();
    return { run, calls: this.calls(), ...(run.omittedCalls > 0 ? { omittedAfter: this.first.length } : {}) };
  }

  private latestKept(): CloudCallView[] {
    return this.latest.slice(-LATEST_CALLS_KEPT);
  }

  private finishIfDone(): void {
    if (this.finished || !this.outcome || this.holds > 0) return;
    this.endedAt = new Date().toISOString();
    this.listeners.clear();
    this.onFinish?.(this.detail());
  }
}

/**
 * A failure as the log keeps it: SignatureDoesNotMatch's message ends with the server's string to
 * sign, which holds every parameter unmasked; the log keeps the sentence before it.
 */
function keptFailure(failure: CloudFailure): CloudFailure {
  const cut = failure.message.search(/\s*server string to sign is:/i);
  return cut < 0 ? failure : { ...failure, message: `${failure.message.slice(0, cut)} (the server's string to sign is left out of the log)` };
}

function boundValues(params: Record<string, string>): Record<string, string> {
  const bounded: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    bounded[name] = value.length > VALUE_CHARS_KEPT ? `${value.slice(0, VALUE_CHARS_KEPT)}… (${value.length - VALUE_CHARS_KEPT} more characters)` : value;
  }
  return bounded;
}
