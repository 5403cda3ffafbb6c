/**
 * What the UI sees of the cloud: profiles (never a secret), the connection in force, plans,
 * sync jobs and their log, and what the cloud's stages serve. Plain data: the host builds these
 * from the cloud's answers and the design; the renderer only shows them.
 */
import type { Stage } from '../model/schema';
import type { MergeLine } from '../sync/import-snapshot';
import type { PlanLine } from '../sync/plan-types';

/** A saved cloud profile as the UI may see it: the AccessKeyId masked, the secret only as "set". */
export interface CloudProfileView {
  name: string;
  region: string;
  /** An OpenAPI endpoint instead of Alibaba Cloud's own (a proxy, an offline cloud); absent for the real one. */
  endpoint?: string;
  /** `LTAI****abcd`. */
  accessKeyId: string;
  secretSet: boolean;
}

export interface CloudProfiles {
  profiles: CloudProfileView[];
  /** The profile in use; absent: demo mode (the offline cloud). */
  active?: string;
}

/** A profile as the user types it. The secret may be left out when editing: the saved one stays. */
export interface CloudProfileInput {
  name: string;
  /** The profile's name before this edit (a rename); absent for a new one. */
  previousName?: string;
  region: string;
  endpoint?: string;
  /** Left out when editing: the saved one stays. */
  accessKeyId?: string;
  /** Left out when editing: the saved one stays. */
  accessKeySecret?: string;
}

/** A cloud failure as the UI shows it: the cloud's own code, message and request id. */
export interface CloudFailure {
  code: string;
  message: string;
  requestId?: string;
  /** The OpenAPI action that failed, e.g. `CloudAPI CreateApi`. */
  action?: string;
  /** What to do about it, in a sentence. */
  advice?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** One sentence: "Connected to cn-hangzhou as LTAI****abcd (14 regions)." or what failed. */
  message: string;
  regions?: { id: string; name: string }[];
  failure?: CloudFailure;
}

/** Which cloud the console talks to now. */
export interface CloudConnectionView {
  mode: 'demo' | 'profile';
  /** The profile's name; "Demo" in demo mode. */
  label: string;
  region: string;
  /** The OpenAPI endpoint, as a person should read it. */
  endpoint: string;
  /** `LTAI****abcd` of the keys in use. */
  accessKeyId: string;
  /** Where this connection records cloud ids in the project file (`cloud.<profileKey>`). */
  profileKey: string;
  /** Demo mode: the offline cloud running inside the app. */
  demo?: { cloudUrl: string; gatewayUrl: string; dataDir: string };
}

export interface PullPreview {
  /** What taking the cloud's state into the open design would add or change. */
  lines: MergeLine[];
  /** What the cloud holds that the design cannot express, one sentence each. */
  notes: string[];
  counts: { groups: number; apis: number; throttlingPolicies: number; apps: number; plugins: number };
}

/** A plan ready for review; `planId` names it when applying, so what runs is what was reviewed. */
export interface PlanView {
  planId: string;
  region: string;
  profileKey: string;
  madeAt: string;
  /** Whether deletions of objects the design dropped were planned (the user's opt-in). */
  prune: boolean;
  lines: PlanLine[];
  counts: { changes: number; creates: number; updates: number; deletions: number; conflicts: number; drift: number; neverSynced: number };
}

export type SyncStepState = 'pending' | 'running' | 'done' | 'failed' | 'left';

export interface SyncStepView {
  name: string;
  kind: PlanLine['kind'];
  op: PlanLine['op'];
  state: SyncStepState;
}

/** One run against the cloud (an apply, a deploy, a rollback) as it goes and once it ended. */
export interface SyncJobView {
  id: string;
  /** "Apply 12 changes", "Deploy hello to RELEASE". */
  title: string;
  kind: 'apply' | 'deploy' | 'abolish' | 'rollback';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Asked to stop: the steps running finish, no new one starts. */
  cancelling: boolean;
  startedAt: string;
  endedAt?: string;
  profileKey: string;
  total: number;
  done: number;
  steps: SyncStepView[];
  failure?: CloudFailure;
  /** What a retry would run again (set once a job failed or was cancelled): a plan of everything, or one API's stage. */
  retry?: { kind: SyncJobView['kind']; prune: boolean; stage?: Stage; group?: string; api?: string };
}

/** One past sync, newest first in the log. */
export interface SyncLogEntry {
  id: string;
  title: string;
  kind: SyncJobView['kind'];
  state: Exclude<SyncJobView['state'], 'running'>;
  startedAt: string;
  endedAt: string;
  profileKey: string;
  project: string;
  done: number;
  total: number;
  failure?: CloudFailure;
}

/**
 * One request sent to a cloud's OpenAPI, as the call log keeps it (docs/sync.md "The OpenAPI call
 * log"): never the signature, the AccessKeySecret or any answer's body; credentials the
 * parameters carry (AppSecret, AppCode, ...) as `****`, the AccessKeyId as `LTAI****abcd`.
 */
export interface CloudCallView {
  product: string;
  action: string;
  /** 1 for the first request of a call, 2 for its first retry... */
  attempt: number;
  /** The call's parameters, masked: what was sent besides the signing fields pop-core adds. */
  params: Record<string, string>;
  /** The answer's HTTP status; absent when none came (a timeout, a reset connection). */
  status?: number;
  /** The cloud's `Code` of a refusal, or what failed on the way (RequestTimeout, ECONNRESET); absent for a success. */
  code?: string;
  requestId?: string;
  durationMs: number;
  /** When it was sent. */
  at: string;
}

/** What a run against the cloud was: a sync job, a plan, a pull, a gateway purchase, a change or delete of a gateway. */
export type CloudRunKind = SyncJobView['kind'] | 'plan' | 'pull' | 'purchase' | 'gateway';

/** One run against the cloud (from the console or a CLI command) with the count of its calls; newest first in the log. */
export interface CloudRunView {
  id: string;
  /** "Apply 12 changes", "Plan", "Buy gateway prod_gw", "apigw-studio apply". */
  title: string;
  kind: CloudRunKind;
  source: 'console' | 'cli';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  startedAt: string;
  endedAt?: string;
  /** Which cloud and region (`demo/cn-hangzhou`, `prod/cn-shanghai`). */
  profileKey?: string;
  /** The project file, for a sync. */
  project?: string;
  /** Requests sent, retries included (those left out of the record too). */
  callCount: number;
  failedCalls: number;
  /** Requests in the middle of a long run that the record leaves out (it keeps the first and the latest). */
  omittedCalls: number;
  /** A sync job's steps. */
  steps?: { done: number; total: number };
  failure?: CloudFailure;
}

/** A run with the calls it recorded, oldest first. */
export interface CloudRunDetail {
  run: CloudRunView;
  calls: CloudCallView[];
  /** When the run left calls out (`run.omittedCalls`): they came after this many of `calls`. */
  omittedAfter?: number;
}

/** One stage of one API: what the design says it serves and what the cloud serves. */
export interface StageComparison {
  /** The design's current record for the stage (absent: never deployed). */
  design?: { version: number; at: string; description?: string; abolished: boolean; rollbackOf?: number };
  /** What the cloud's stage serves (absent: nothing). */
  cloud?: { historyVersion: string; designVersion?: number };
  state: 'in-sync' | 'differs' | 'not-in-cloud' | 'only-in-cloud' | 'not-deployed';
  /** Earlier design versions with a definition, for "roll back to". */
  earlier: number[];
}

export interface CloudStagesView {
  profileKey: string;
  apis: { group: string; api: string; method: string; path: string; synced: boolean; stages: Record<Stage, StageComparison> }[];
  groups: {
    name: string;
    synced: boolean;
    subDomain?: string;
    /** The BasePath callers put before each API's path: the cloud's, else the design's. */
    basePath: string;
    /** `callUrl` is the group's address without the BasePath; `howTo` a curl line with it. */
    stages: { stage: Stage; callUrl: string; hostHeader?: string; howTo: string }[];
  }[];
}

export interface StageActionRequest {
  action: 'deploy' | 'abolish' | 'rollback';
  stage: Stage;
  group: string;
  api: string;
  /** rollback: the version to serve again (default the one before the current one). */
  toVersion?: number;
  description?: string;
}
