/**
 * The contract between the UI (renderer) and the host: every call the UI can make and every event
 * it can receive. Two transports carry it (docs/architecture.md, "Doors"): Electron IPC through the preload,
 * and HTTP + Server-Sent Events in browser mode. The host parses every request with these schemas:
 * the renderer is untrusted.
 *
 * Channels are `agw:<domain>.<verb>`. Responses are typed here but not parsed by the renderer.
 */
import { z } from 'zod';
import type { AccessLogRecord } from '../gateway/access-log-record';
import { Project, Stage } from '../model/schema';
import { EDITION_IDS, type EditionId } from '../purchase/editions';
import { endpointProblem } from './cloud-endpoint';
import type {
  CloudConnectionView,
  CloudProfileView,
  CloudProfiles,
  CloudRunDetail,
  CloudRunView,
  CloudStagesView,
  ConnectionTestResult,
  PlanView,
  PullPreview,
  SyncJobView,
  SyncLogEntry,
} from './cloud-views';
import type { InstanceView, InstancesView, PurchaseCheck, PurchaseContext, PurchaseProgress } from './instance-views';

export const CHANNEL_PREFIX = 'agw:';

/** A problem of a loaded or saved file, located for the status bar and the editors. */
export const FileProblem = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  file: z.string().optional(),
});
export type FileProblem = z.infer<typeof FileProblem>;

/** The project as the host has it on disk. `project` is absent when the file failed to load. */
export interface ProjectState {
  path: string;
  /** Name of the file without folders, for the title bar. */
  fileName: string;
  project?: Project;
  problems: FileProblem[];
  /** Hash of the bytes on disk; a save names it so the host can refuse to overwrite newer changes. */
  revision: string;
  /** Whether this is the bundled quickstart opened in demo mode (first start). */
  demo: boolean;
  /**
   * What the project's files said, to be shown once: when opened, state that disagrees with the
   * design (ids of objects it no longer has, a state file of another project); after a save, an
   * older file split into design and state (docs/project-file.md, "Three kinds of data").
   */
  notices?: string[];
}

/** An app's credentials as the UI may see them: never a secret, only whether it is set. */
export interface AppCredentialsView {
  app: string;
  keys: { appKey: string; secretSet: true }[];
  /** AppCodes masked to their first and last 4 characters. */
  appCodes: string[];
}

export interface ImportPreview {
  /** What the import would add, as full API definitions in the model. */
  apis: Project['apis'];
  /** Groups the import would create. */
  groups: Project['groups'];
  /** Problems found, each naming the path or operation; nothing changes until the user applies. */
  problems: { where: string; message: string }[];
  /** Swagger 2.0, OpenAPI 3.0 or 3.1, as detected. */
  format: string;
}

export interface AppInfo {
  mode: 'desktop' | 'browser';
  version: string;
  /** Where secrets are kept and how well: safeStorage (desktop) or a 0600 file (browser mode). */
  vault: {
    kind: 'safeStorage' | 'file';
    description: string;
    /** Values on disk are encrypted with a key the operating system guards (false for 0600 files and Linux's basic_text). */
    encrypted: boolean;
    /** Secrets saved now are still there after a restart (false when the vault refuses to write). */
    persistent: boolean;
  };
  dataDir: string;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

/** One call through the local gateway, as its access log records it (never a secret). */
export type { AccessLogRecord };

/** The embedded local gateway as the supervisor sees it. */
export interface GatewayStatus {
  state: 'stopped' | 'starting' | 'listening' | 'crashed' | 'restarting';
  /** Set while listening: `http://127.0.0.1:<port>`. */
  url?: string;
  port?: number;
  /** The stage a call without X-Ca-Stage gets in the debugger. */
  defaultStage: 'TEST' | 'PRE' | 'RELEASE';
  /** Crashes since the user started it; the supervisor restarts with backoff. */
  restarts: number;
  /** What happened last, for the UI: "Reloaded after save", "Crashed (exit 1); restarting in 2 s". */
  message?: string;
  /** When the project last reloaded into the gateway, and whether that version was refused. */
  lastReload?: { at: string; ok: boolean; problems: string[] };
}

const Pairs = z.array(z.tuple([z.string().max(8192), z.string().max(1_000_000)])).max(500);

/** A call the debugger makes. The host signs it (secrets never reach the UI) and sends it. */
export const DebugRequest = z.object({
  /** The local gateway, or any base URL (e.g. a group's cloud domain). */
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local') }),
    z.object({ kind: z.literal('url'), baseUrl: z.string().url() }),
    /** The group's address in the cloud the console is connected to (the offline cloud in demo mode). */
    z.object({ kind: z.literal('cloud') }),
  ]),
  group: z.string().optional(),
  api: z.string().optional(),
  stage: Stage,
  method: z.string().min(1).max(16),
  /** The API's path with parameters already filled in, e.g. `/users/42`; the host puts the group's BasePath in front. */
  path: z.string().min(1).max(131072),
  query: Pairs.default([]),
  headers: Pairs.default([]),
  body: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('form'), fields: Pairs }),
      z.object({ kind: z.literal('text'), text: z.string().max(10_000_000), contentType: z.string().max(256) }),
    ])
    .default({ kind: 'none' }),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('anonymous') }),
    z.object({ kind: z.literal('appCode'), app: z.string(), inQuery: z.boolean().default(false) }),
    z.object({
      kind: z.literal('signature'),
      app: z.string(),
      /** Which of the app's keys; its first when absent. */
      appKey: z.string().optional(),
      /** A secret typed in the debugger instead of the app's own (to see what a wrong one does). */
      secretOverride: z.string().max(1024).optional(),
      signatureMethod: z.enum(['HmacSHA256', 'HmacSHA1']).default('HmacSHA256'),
      /** Further headers to sign, beyond the x-ca-* ones. */
      extraSignedHeaders: z.array(z.string().max(256)).max(50).default([]),
      /** Fixed values instead of fresh ones, to reproduce a call. */
      timestamp: z.number().int().optional(),
      nonce: z.string().max(256).optional(),
      addContentMd5: z.boolean().default(false),
    }),
  ]),
  /** Headers removed after signing, as a proxy on the way might drop them. */
  dropAfterSigning: z.array(z.string().max(256)).max(50).default([]),
});
export type DebugRequest = z.input<typeof DebugRequest>;

/** Exactly what will be (or was) sent. */
export interface PreparedCall {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  /** The client's StringToSign, for signed calls. */
  stringToSign?: string;
  /** What the debugger wants people to know about this request whatever the answer (a nonce the signature does not cover). */
  notes?: string[];
}

/** The client's and the server's StringToSign side by side, compared line by line. */
export interface SignatureComparison {
  client: string;
  server: string;
  identical: boolean;
  lines: { client?: string; server?: string; same: boolean; /** Character ranges [start, end) that differ, per side. */ clientRanges: [number, number][]; serverRanges: [number, number][] }[];
  /** The likely cause in one sentence (wrong secret when the strings match; else which line differs). */
  likelyCause: string;
}

export interface DebugResult {
  prepared: PreparedCall;
  response?: { status: number; headers: [string, string][]; body: string; bodyEncoding: 'utf8' | 'base64'; timeMs: number; requestId?: string; errorCode?: string; errorMessage?: string };
  /** A network failure (nothing answered), in a sentence. */
  failure?: string;
  /** Present when the answer was a signature mismatch carrying the server's StringToSign. */
  signature?: SignatureComparison;
}

export interface CallSnippets {
  curl: string;
  node: string;
  python: string;
  java: string;
}

const Path = z.string().min(1).max(4096);
const Name = z.string().min(1).max(200);
const ProfileName = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'A profile name is 1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit.');
/** A region id such as cn-hangzhou (the CLI's --region follows the same rule). */
export const REGION_ID_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+$/;
const Region = z.string().trim().regex(REGION_ID_PATTERN, 'A region id looks like cn-hangzhou.');
/** Where signed requests go: https://, or http:// to this computer only (cloud-endpoint.ts says why). */
const Endpoint = z
  .string()
  .trim()
  .url()
  .max(2048)
  .superRefine((value, context) => {
    const problem = endpointProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .optional();
const InstanceId = z.string().trim().min(1).max(128);
/** Idempotency token of a purchase or change: a UUID the UI keeps until the operation ended. */
export const TOKEN_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
const Token = z.string().regex(TOKEN_PATTERN, 'A token is 8 to 64 letters, digits or dashes.');
const Maintenance = z.object({ start: z.string().max(10), end: z.string().max(10) });
/** The shape only: the rules (shared/purchase) judge the values and say what is wrong. */
const PurchaseRequestSchema = z.object({
  name: z.string().max(200),
  description: z.string().max(1000).optional(),
  edition: z.enum(EDITION_IDS as [EditionId, ...EditionId[]]).optional(),
  spec: z.string().max(64).optional(),
  zones: z.array(z.string().max(64)).max(10),
  vpcId: z.string().max(128),
  subnets: z.record(z.string().max(64), z.string().max(128)),
  securityGroupId: z.string().max(128),
  publicGroups: z.boolean().optional(),
  maintenance: Maintenance.optional(),
  billing: z.discriminatedUnion('kind', [z.object({ kind: z.literal('payAsYouGo') }), z.object({ kind: z.literal('subscription'), duration: z.number().int(), cycle: z.enum(['month', 'year']) })]),
  httpsPolicy: z.string().max(64).optional(),
  instanceCidr: z.string().max(64).optional(),
});
const InstanceChangeSchema = z.object({
  name: z.string().max(200).optional(),
  description: z.string().max(1000).optional(),
  maintenance: Maintenance.optional(),
  vpcId: z.string().max(128).optional(),
  spec: z.string().max(64).optional(),
  edition: z.enum(EDITION_IDS as [EditionId, ...EditionId[]]).optional(),
  httpsPolicy: z.string().max(64).optional(),
});
const ProfileInput = z.object({
  name: ProfileName,
  previousName: ProfileName.optional(),
  region: Region,
  endpoint: Endpoint,
  /** Left out when editing: the saved one stays (the UI only ever sees it masked). */
  accessKeyId: z.string().trim().min(1).max(128).optional(),
  accessKeySecret: z.string().min(1).max(256).optional(),
});

/**
 * Every call: request schema (parsed by the host) and response type.
 * `z.tuple([])` means the call takes no argument.
 */
export const CALLS = {
  'agw:app.info': { request: z.tuple([]), response: {} as AppInfo },

  /** The project open now (the quickstart on first start). */
  'agw:project.current': { request: z.tuple([]), response: {} as ProjectState },
  'agw:project.open': { request: z.tuple([Path]), response: {} as ProjectState },
  /** Creates a new, empty project file at a path and opens it. */
  'agw:project.create': { request: z.tuple([z.object({ path: Path, name: Name })]), response: {} as ProjectState },
  /**
   * Saves the design. `revision` is the one the UI loaded; a file changed on disk since, or one
   * that failed to load, is refused unless `force` (the UI asks the user first).
   */
  'agw:project.save': {
    request: z.tuple([z.object({ project: Project, revision: z.string(), force: z.boolean().optional() })]),
    response: {} as ProjectState,
  },
  /**
   * A native file dialog in the desktop app. Browser mode has none (`supported: false`): the UI
   * then asks for a path in a text field instead.
   */
  'agw:project.chooseFile': {
    request: z.tuple([z.object({ purpose: z.enum(['open', 'save', 'import']) })]),
    response: {} as { supported: boolean; path?: string },
  },
  'agw:project.recent': { request: z.tuple([]), response: {} as RecentProject[] },
  /** The project file's text as on disk (for showing a file that failed to load). */
  'agw:project.text': { request: z.tuple([]), response: {} as { text: string } },

  /** Generates an AppKey/AppSecret pair and an AppCode with a CSPRNG into the secrets file. */
  'agw:apps.createCredentials': { request: z.tuple([z.object({ app: Name })]), response: {} as AppCredentialsView },
  'agw:apps.credentials': { request: z.tuple([z.object({ app: Name })]), response: {} as AppCredentialsView },
  /** Shows one secret, on explicit request. */
  'agw:apps.revealSecret': { request: z.tuple([z.object({ app: Name, appKey: z.string() })]), response: {} as { appSecret: string } },
  /** Replaces the secret of one key (the key stays, so callers only change the secret). */
  'agw:apps.rotateSecret': { request: z.tuple([z.object({ app: Name, appKey: z.string() })]), response: {} as AppCredentialsView },
  /** Removes an app's credentials (when the app is deleted). */
  'agw:apps.deleteCredentials': { request: z.tuple([z.object({ app: Name })]), response: {} as { ok: true } },
  /**
   * Moves apps' credentials to their apps' new names in the secrets file (the design's renames of
   * apps; undo sends the pairs back). All or none; a new name that already holds credentials is
   * refused. Answers the names whose credentials moved, never a secret.
   */
  'agw:apps.renameCredentials': {
    request: z.tuple([z.object({ renames: z.array(z.object({ from: Name, to: Name })).min(1).max(1000) })]),
    response: {} as { renamed: string[] },
  },

  /** Parses a Swagger 2.0 / OpenAPI 3.x document into APIs of a group, changing nothing. */
  'agw:import.preview': {
    request: z.tuple([
      z.object({
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('text'), text: z.string().max(20_000_000) }),
          z.object({ kind: z.literal('file'), path: Path }),
        ]),
        group: Name,
      }),
    ]),
    response: {} as ImportPreview,
  },
  /** An OpenAPI 3.0 document of the APIs a group serves in a stage (or its working copies). */
  'agw:export.openapi': {
    request: z.tuple([z.object({ group: Name, stage: Stage.optional(), format: z.enum(['yaml', 'json']) })]),
    response: {} as { text: string; fileName: string },
  },

  /** The embedded local gateway on the open project (127.0.0.1 only). */
  'agw:gateway.start': {
    request: z.tuple([z.object({ port: z.number().int().min(0).max(65535).optional(), defaultStage: Stage.optional() })]),
    response: {} as GatewayStatus,
  },
  'agw:gateway.stop': { request: z.tuple([]), response: {} as GatewayStatus },
  'agw:gateway.status': { request: z.tuple([]), response: {} as GatewayStatus },
  /** The most recent access log records (newest last), for a screen opened after calls were made. */
  'agw:gateway.recentLog': { request: z.tuple([]), response: {} as AccessLogRecord[] },

  /** Builds the exact request (signed with the app's secret on the host) without sending it. */
  'agw:debug.prepare': { request: z.tuple([DebugRequest]), response: {} as PreparedCall },
  'agw:debug.send': { request: z.tuple([DebugRequest]), response: {} as DebugResult },
  /** curl / Node / Python / Java code making the same call; the secret is a placeholder unless asked for. */
  'agw:debug.snippets': {
    request: z.tuple([DebugRequest, z.object({ includeSecret: z.boolean() })]),
    response: {} as CallSnippets,
  },

  /** Saved cloud profiles (secrets stay in the vault) and which one is in use. */
  'agw:cloud.profiles': { request: z.tuple([]), response: {} as CloudProfiles },
  /**
   * Saves a profile; its keys go into the vault with the endpoint they are for. A rename keeps the
   * secret when none is typed; a changed endpoint needs it typed (SECRET_REQUIRED).
   */
  'agw:cloud.saveProfile': { request: z.tuple([ProfileInput]), response: {} as CloudProfileView },
  'agw:cloud.deleteProfile': { request: z.tuple([z.object({ name: ProfileName })]), response: {} as CloudProfiles },
  /** Uses a profile from now on; `null`: demo mode, against the offline cloud. */
  'agw:cloud.activate': { request: z.tuple([z.object({ profile: ProfileName.nullable() })]), response: {} as CloudConnectionView },
  /**
   * Calls DescribeRegions with a saved profile, or with keys being typed (the saved secret when none
   * is typed, and only at the endpoint it was saved for: SECRET_REQUIRED elsewhere).
   */
  'agw:cloud.testConnection': {
    request: z.tuple([z.object({ profile: ProfileName.optional(), draft: ProfileInput.partial({ name: true }).optional() })]),
    response: {} as ConnectionTestResult,
  },
  /** The connection in force (starting the offline cloud in demo mode). */
  'agw:cloud.connection': { request: z.tuple([]), response: {} as CloudConnectionView },
  /** Demo mode: the offline cloud back to its seeded state; the project's demo ids are forgotten. */
  'agw:cloud.resetDemo': { request: z.tuple([]), response: {} as CloudConnectionView },
  /** Reads the cloud and says what taking it into the open design would change; changes nothing. */
  'agw:cloud.pullPreview': { request: z.tuple([]), response: {} as PullPreview },
  /** Takes the cloud's state into the open project file. */
  'agw:cloud.pullMerge': { request: z.tuple([]), response: {} as ProjectState },
  /** Plans sync of the saved design; `prune` plans deletions of what the design dropped. */
  'agw:cloud.plan': { request: z.tuple([z.object({ prune: z.boolean().default(false) })]), response: {} as PlanView },
  /**
   * Runs a reviewed plan. A plan with deletions needs `confirmation` equal to the project's name.
   * Returns at once; progress comes as `agw:cloud.job` events.
   */
  'agw:cloud.apply': { request: z.tuple([z.object({ planId: z.string().max(64), confirmation: z.string().max(256).optional() })]), response: {} as SyncJobView },
  /** Stops a running job between steps. */
  'agw:cloud.cancel': { request: z.tuple([z.object({ jobId: z.string().max(64) })]), response: {} as SyncJobView },
  /** Plans again and runs what a failed or cancelled job left (ids recorded so far make it continue, not repeat). */
  'agw:cloud.retry': { request: z.tuple([z.object({ jobId: z.string().max(64), confirmation: z.string().max(256).optional() })]), response: {} as SyncJobView },
  /** The job running now, else the last one. */
  'agw:cloud.job': { request: z.tuple([]), response: {} as SyncJobView | null },
  'agw:cloud.syncLog': { request: z.tuple([]), response: {} as SyncLogEntry[] },
  /**
   * The OpenAPI call log: runs against the cloud (sync jobs, plans, pulls, gateway purchases and
   * changes, CLI commands on this data dir), newest first, with the count of their calls.
   */
  'agw:cloud.callLog': { request: z.tuple([]), response: {} as CloudRunView[] },
  /** One run with its calls: action, status, code, request id, duration, and the parameters with credentials masked. */
  'agw:cloud.callRun': { request: z.tuple([z.object({ runId: z.string().max(64) })]), response: {} as CloudRunDetail },
  /** Per API and stage, what the design and the cloud serve; each group's address per stage. */
  'agw:cloud.stages': { request: z.tuple([]), response: {} as CloudStagesView },
  /** Deploys, abolishes or rolls back one API in one stage, in the design and then in the cloud. */
  'agw:cloud.stageAction': {
    request: z.tuple([
      z.object({
        action: z.enum(['deploy', 'abolish', 'rollback']),
        stage: Stage,
        group: Name,
        api: Name,
        toVersion: z.number().int().positive().optional(),
        description: z.string().max(200).optional(),
      }),
    ]),
    response: {} as SyncJobView,
  },

  /** The region's gateway instances (of the cloud in force), the quota, and purchases in progress. */
  'agw:instances.list': { request: z.tuple([]), response: {} as InstancesView },
  /** One instance with the API groups bound to it. */
  'agw:instances.show': { request: z.tuple([z.object({ instanceId: InstanceId })]), response: {} as InstanceView },
  /** What the region offers for a purchase (zones, VPCs, vSwitches with free IPs, security groups with rules, EIPs, instance count). */
  'agw:instances.context': { request: z.tuple([]), response: {} as PurchaseContext },
  /** Every finding of a purchase against the region as it is now; buys nothing. */
  'agw:instances.check': { request: z.tuple([PurchaseRequestSchema]), response: {} as PurchaseCheck },
  /**
   * Buys, refusing on a blocker. `token` (one per purchase, kept by the UI until it ends) makes a
   * retry return the same instance instead of buying another. The host then follows the purchase
   * to RUNNING and sets the maintenance window; progress comes in `list` and as events.
   */
  'agw:instances.buy': { request: z.tuple([z.object({ request: PurchaseRequestSchema, token: Token })]), response: {} as PurchaseProgress },
  /**
   * Looks again at a purchase that failed after it may have bought something (`canRetry`): sends
   * the recorded CreateInstance again with its own token (the cloud answers with the same gateway),
   * or follows the instance it made. Never a new purchase.
   */
  'agw:instances.retryPurchase': { request: z.tuple([z.object({ token: Token })]), response: {} as PurchaseProgress },
  /** Changes what may change (name, description, maintenance window, security group, EIP, outbound bandwidth, spec), refusing on a blocker. */
  'agw:instances.modify': { request: z.tuple([z.object({ instanceId: InstanceId, change: InstanceChangeSchema, token: Token.optional() })]), response: {} as InstanceView },
  /** Deletes an instance; `confirmation` must be its name. Refused while API groups are bound to it. */
  'agw:instances.delete': { request: z.tuple([z.object({ instanceId: InstanceId, confirmation: z.string().max(100) })]), response: {} as InstanceView },
} as const;

export type CallChannel = keyof typeof CALLS;
export type CallArgs<C extends CallChannel> = z.infer<(typeof CALLS)[C]['request']>;
export type CallResult<C extends CallChannel> = (typeof CALLS)[C]['response'];

/** Every event the host sends to the UI. */
export interface Events {
  /** The open project file changed on disk (another editor, git checkout). */
  'agw:project.changedOnDisk': { path: string; revision: string };
  /** A different project was opened (another window, the CLI). */
  'agw:project.opened': ProjectState;
  /** The local gateway changed state (started, listening, reloaded, crashed, restarting, stopped). */
  'agw:gateway.status': GatewayStatus;
  /** Calls through the local gateway, batched (at most a few batches a second). */
  'agw:gateway.log': AccessLogRecord[];
  /** A command from the desktop app's menu, carried out by the UI like its own buttons. */
  'agw:menu.command': { command: 'open' | 'save' | 'undo' | 'redo' | 'search' };
  /** A sync job started, made progress, or ended. */
  'agw:cloud.job': SyncJobView;
  /** The connection in force changed (another profile, demo mode, the offline cloud reset). */
  'agw:cloud.connection': CloudConnectionView;
  /** A purchase the host follows moved on (submitted, creating, running, failed). */
  'agw:instances.purchase': PurchaseProgress;
}
export type EventChannel = keyof Events;
// Written as a record so that the compiler refuses an event of Events missing here (it would never be forwarded).
const EVENT_CHANNEL_SET: Record<EventChannel, true> = {
  'agw:project.changedOnDisk': true,
  'agw:project.opened': true,
  'agw:menu.command': true,
  'agw:gateway.status': true,
  'agw:gateway.log': true,
  'agw:cloud.job': true,
  'agw:cloud.connection': true,
  'agw:instances.purchase': true,
};
export const EVENT_CHANNELS = Object.keys(EVENT_CHANNEL_SET) as EventChannel[];

type Domain<C extends string> = C extends `agw:${infer D}.${string}` ? D : never;
type DomainCalls<D extends string> = {
  [C in CallChannel as C extends `agw:${D}.${infer V}` ? V : never]: (...args: CallArgs<C>) => Promise<CallResult<C>>;
};

/**
 * What the renderer receives at start (from the preload or the browser transport); it cannot tell
 * which. One method per channel (`agw.project.open(path)`), nothing generic, so the preload
 * exposes exactly the contract.
 */
export type HostApi = { [D in Domain<CallChannel>]: DomainCalls<D> } & {
  on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void): () => void;
};

/**
 * What the preload exposes as `window.agw`: the contract with every result wrapped in a
 * CallOutcome instead of thrown. Electron's contextBridge keeps only the message of an Error that
 * crosses it (electron/electron#25596), which would lose the `code` the UI acts on
 * (CHANGED_ON_DISK → "save anyway?"); a plain object crosses intact.
 */
export type WireApi = {
  [D in Domain<CallChannel>]: {
    [C in CallChannel as C extends `agw:${D}.${infer V}` ? V : never]: (...args: CallArgs<C>) => Promise<CallOutcome<CallResult<C>>>;
  };
} & Pick<HostApi, 'on'>;

type Invoke = (channel: CallChannel, args: unknown[]) => Promise<unknown>;
type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

function splitChannel(channel: CallChannel): [domain: string, verb: string] {
  const [domain, verb] = channel.slice(CHANNEL_PREFIX.length).split('.');
  return [domain, verb];
}

/** One method per channel over a transport's two primitives, frozen. */
function buildApi(invoke: Invoke, subscribe: Subscribe): unknown {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of Object.keys(CALLS) as CallChannel[]) {
    const [domain, verb] = splitChannel(channel);
    (api[domain] ??= {})[verb] = (...args: unknown[]) => invoke(channel, args);
  }
  return Object.freeze({
    ...api,
    on: (channel: EventChannel, listener: (payload: unknown) => void) => {
      if (!EVENT_CHANNELS.includes(channel)) throw new Error(`Unknown event channel ${channel}`);
      return subscribe(channel, listener);
    },
  });
}

/** The HostApi over a transport whose `invoke` resolves with results and rejects with errors. */
export function buildHostApi(invoke: Invoke, subscribe: Subscribe): HostApi {
  return buildApi(invoke, subscribe) as HostApi;
}

/** The preload's WireApi: `invoke` resolves with the host's CallOutcome, success or not. */
export function buildWireApi(invoke: (channel: CallChannel, args: unknown[]) => Promise<CallOutcome>, subscribe: Subscribe): WireApi {
  return buildApi(invoke, subscribe) as WireApi;
}

/** Calls one channel through a WireApi (the renderer's side of the preload). */
export function callWire(wire: WireApi, channel: CallChannel, args: unknown[]): Promise<CallOutcome> {
  const [domain, verb] = splitChannel(channel);
  const method = (wire as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<CallOutcome>>>)[domain][verb];
  return method(...args);
}

/** An error the host returns to the UI: what failed and what to do, never a stack or a secret. */
export interface HostErrorPayload {
  code: string;
  message: string;
  problems?: FileProblem[];
}

export function isCallChannel(channel: string): channel is CallChannel {
  return Object.prototype.hasOwnProperty.call(CALLS, channel);
}

/**
 * What a transport carries back for one call: the result, or the error the host mapped it to.
 * Browser mode sends it as the JSON body of `POST /api/call/<channel>`.
 */
export type CallOutcome<T = unknown> = { ok: true; result: T } | { ok: false; error: HostErrorPayload };
