/**
 * The local gateway as a process the supervisor starts: what it is started with, how it is
 * talked to, and the messages it sends (local-gateway/cli.ts, `serve --secrets-from-parent`).
 * Two ways to start one: child_process.fork (node-fork.ts; browser mode, tests) and Electron's
 * utilityProcess.fork (electron/main/gateway-fork.ts; the desktop app, where runAsNode is off).
 */
import type { AccessLogRecord } from '../../shared/ipc/contract';
import type { SecretsFile } from '../../shared/model/schema';

/** What to run. Never holds a secret: secrets go over the message channel only. */
export interface GatewaySpawn {
  /** The gateway program (bin/apigw-local.js, or a bundle of local-gateway/cli.ts). */
  modulePath: string;
  args: string[];
  env: Record<string, string>;
}

/** What the supervisor hears from one process. */
export interface GatewayProcessEvents {
  onMessage(message: unknown): void;
  /** Once, when the process has ended (or failed to start): its exit code, or the signal that ended it. */
  onExit(code: number | null, signal: string | null): void;
  /** Text the process wrote to stderr (problems that stopped it from starting). */
  onStderr(text: string): void;
}

export interface GatewayProcess {
  readonly pid: number | undefined;
  send(message: ParentMessage): void;
  /** Asks it to end (SIGTERM); with `force`, ends it at once (SIGKILL). */
  kill(force?: boolean): void;
}

/** Starts a gateway process; injectable so the desktop app can use utilityProcess.fork. */
export type ForkGateway = (spawn: GatewaySpawn, events: GatewayProcessEvents) => GatewayProcess;

/** Messages to the gateway. */
export type ParentMessage = { type: 'secrets'; secrets: SecretsFile } | { type: 'stop' };

/** Messages from the gateway, as the supervisor acts on them. */
export type ChildMessage =
  | { type: 'listening'; port: number }
  /** Records of calls in the order they were logged, a batch at a time (local-gateway/access-to-parent.ts). */
  | { type: 'access'; records: AccessLogRecord[] }
  | { type: 'reload'; ok: boolean; problems: string[]; cause?: 'secrets' };

/** Checks a message from the process (it is ours, but a bug there must not break the host). */
export function parseChildMessage(message: unknown): ChildMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'listening' && typeof m.port === 'number') return { type: 'listening', port: m.port };
  if (m.type === 'access' && Array.isArray(m.records)) {
    const records = m.records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
    return { type: 'access', records: records.map(accessRecordOf) };
  }
  if (m.type === 'reload' && typeof m.ok === 'boolean') {
    const problems = Array.isArray(m.problems) ? m.problems.filter((p): p is string => typeof p === 'string') : [];
    return { type: 'reload', ok: m.ok, problems, cause: m.cause === 'secrets' ? 'secrets' : undefined };
  }
  return undefined;
}

/** Only the contract's fields: nothing else the gateway may add reaches the UI. */
function accessRecordOf(r: Record<string, unknown>): AccessLogRecord {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return {
    time: text(r.time) ?? new Date().toISOString(),
    requestId: text(r.requestId) ?? '',
    group: text(r.group),
    api: text(r.api),
    stage: text(r.stage),
    method: text(r.method) ?? '-',
    path: text(r.path) ?? '-',
    host: text(r.host),
    groupBy: r.groupBy === 'default-group' || r.groupBy === 'only-group' ? r.groupBy : undefined,
    status: number(r.status) ?? 0,
    errorCode: text(r.errorCode),
    errorMessage: text(r.errorMessage),
    app: text(r.app),
    latencyMs: number(r.latencyMs) ?? 0,
    backendLatencyMs: number(r.backendLatencyMs),
    clientIp: text(r.clientIp) ?? '',
  };
}
