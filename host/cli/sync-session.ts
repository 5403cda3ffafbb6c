/**
 * What the sync commands (pull, plan, apply, deploy, rollback) share: their connection options,
 * opening the project and the cloud, the terminal (colours, the confirmation prompt), and turning
 * failures into a message and an exit status.
 */
import { createInterface } from 'node:readline/promises';
import type { ParseArgsConfig } from 'node:util';
import { type CloudClient, CloudError, createCloudClient, currentCallRun, inCallRun } from '../cloud';
import { cloudStatePathFor } from '../../shared/project-file';
import { defaultDataDir } from '../base/app-paths';
import type { ApplyProgress, ApplyResult } from '../sync';
import { type Connection, ConnectionError, PullCache, projectFileRecorder, resolveConnection } from '../sync';
import { WorkspaceError } from '../base/workspace-error';
import { type CliIo, EXIT, absolutePath, displayPath, plural } from './cli-io';
import type { CommandContext } from './command';
import { VERBOSE_HELP, startCommandRun } from './command-calls';
import { type Style, formatLine } from './plan-format';

export const CONNECTION_OPTIONS: ParseArgsConfig['options'] = {
  project: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  endpoint: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
};

export const CONNECTION_HELP = [
  '--project F     The project file (required)',
  '--region R      The region, e.g. cn-hangzhou (required)',
  '--profile P     Cloud keys saved in the vault as cloud-profile/P; default: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET',
  '--endpoint URL  Another OpenAPI endpoint, e.g. the offline cloud (apigw-studio cloud-sim); with no keys, its demo account',
  `--data DIR      The app's data dir, for the vault and the sync cache (default ${defaultDataDir()})`,
  '--json          Print JSON instead of text',
  VERBOSE_HELP,
  'Ids are recorded beside the project in <name>.state/cloud/<P|env|endpoint>/<region>.yaml. See docs/sync.md.',
];

export interface SyncSession {
  io: CliIo;
  /** Absolute path of the project file. */
  path: string;
  /** As the user should see it. */
  shown: string;
  /** The cloud-state file this session records ids in, as the user named the project's folder. */
  shownState: string;
  connection: Connection;
  client: CloudClient;
  cache: PullCache;
  style: Style;
  json: boolean;
  /** Whether a person can answer a question (stdin and stdout are a terminal). */
  interactive: boolean;
  /** Says something about the project's files that does not stop the command, once, on stderr. */
  note: (text: string) => void;
}

/** The command's failure as an exit status: what failed, where, what to do, on stderr. */
export class CommandFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function openSession(command: string, { values, io, positionals }: CommandContext): Promise<SyncSession> {
  const statusOnUsage = EXIT.usage;
  if (positionals.length > 0) throw new CommandFailure(statusOnUsage, `apigw-studio ${command}: unexpected argument ${positionals[0]}; give the project file with --project`);
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const project = text('project');
  const region = text('region');
  if (!project) throw new CommandFailure(statusOnUsage, `apigw-studio ${command}: which project? give --project F`);
  if (!region) throw new CommandFailure(statusOnUsage, `apigw-studio ${command}: which region? give --region R, e.g. --region cn-hangzhou`);
  const dataDir = text('data') ? absolutePath(io, text('data')!) : defaultDataDir();
  let connection: Connection;
  try {
    connection = await resolveConnection({ region, profile: text('profile'), endpoint: text('endpoint'), dataDir, env: process.env });
  } catch (error) {
    if (error instanceof ConnectionError) throw new CommandFailure(statusOnUsage, `apigw-studio ${command}: ${error.message}`);
    throw error;
  }
  const json = values.json === true;
  if (connection.notice) io.err(`apigw-studio ${command}: ${connection.notice}`);
  currentCallRun()?.setCloud(connection.profileKey);
  const client = createCloudClient({ region, endpoint: connection.endpoint, credentials: connection.credentials });
  const path = absolutePath(io, project);
  return {
    io,
    path,
    shown: displayPath(io, path),
    shownState: displayPath(io, cloudStatePathFor(path, connection.profileKey)),
    connection,
    client,
    cache: await PullCache.open(dataDir, connection.identity),
    style: { colour: !json && process.stdout.isTTY === true && !process.env.NO_COLOR },
    json,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    note: noteOnce(io),
  };
}

function noteOnce(io: CliIo): (text: string) => void {
  const said = new Set<string>();
  return (text) => {
    if (said.has(text)) return;
    said.add(text);
    io.err(`note: ${text}`);
  };
}

/**
 * The project as sync reads and records it: the design with its local state, and the ids of the
 * session's profile key in their cloud-state file (docs/project-file.md, "Three kinds of data").
 */
export function openRecorder(session: SyncSession): ReturnType<typeof projectFileRecorder> {
  return projectFileRecorder(session.path, session.connection.profileKey, undefined, session.note);
}

/**
 * Runs a sync command, turning the ways it can fail into a message and a status: 2 for a usage
 * mistake or an unreadable file, 1 for the rest; `onlyOne` makes every failure 1 (plan
 * --detailed-exitcode keeps 2 for "changes"). The command is a run of the OpenAPI call log.
 */
export async function runSyncCommand(command: string, context: CommandContext, body: () => Promise<number>, onlyOne = false): Promise<number> {
  const calls = startCommandRun(command, context);
  let status: number | undefined;
  try {
    status = await inCallRun(calls.run, body);
    return status;
  } catch (error) {
    context.io.err(failureMessage(command, error, context.io));
    if (onlyOne) return EXIT.problems;
    if (error instanceof CommandFailure) return error.status;
    if (error instanceof WorkspaceError && error.code === 'READ_FAILED') return EXIT.usage;
    return EXIT.problems;
  } finally {
    await calls.finish(status);
  }
}

function failureMessage(command: string, error: unknown, io: CliIo): string {
  if (error instanceof CommandFailure) return error.message;
  if (error instanceof CloudError) return `apigw-studio ${command}: ${error.summary}`;
  if (error instanceof WorkspaceError) return `apigw-studio ${command}: ${error.message.split(error.path).join(displayPath(io, error.path))}`;
  if (error instanceof Error) return `apigw-studio ${command}: ${error.message}`;
  return `apigw-studio ${command}: ${String(error)}`;
}

/** Asks before changing the cloud; refuses when nobody can answer and --yes was not given. */
export async function confirm(session: SyncSession, command: string, question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!session.interactive) {
    throw new CommandFailure(EXIT.problems, `apigw-studio ${command}: not changing the cloud without a confirmation, and there is no terminal to ask on; run it again with --yes`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`${question} Only "yes" is accepted: `);
    return answer.trim() === 'yes';
  } finally {
    prompt.close();
  }
}

/** Prints each line as apply finishes it (text mode only). */
export function progressPrinter(session: SyncSession): (event: ApplyProgress) => void {
  return (event) => {
    if (session.json || event.state === 'start') return;
    const [head] = formatLine(event.line, session.style);
    session.io.out(`${event.state === 'done' ? 'done ' : 'FAILED '}${head}`);
  };
}

/** The end of an apply: what was done, or what failed and how to go on. */
export function reportApply(session: SyncSession, command: string, result: ApplyResult): number {
  const { io } = session;
  if (session.json) {
    io.out(JSON.stringify({ ok: result.ok, done: result.done, left: result.left, error: result.failed ? errorJson(result.failed.error) : undefined }, null, 2));
    return result.ok ? EXIT.ok : EXIT.problems;
  }
  if (result.ok) {
    io.out(`Applied ${plural(result.done.length, 'change')}; the cloud ids are recorded in ${session.shownState}.`);
    return EXIT.ok;
  }
  const error = result.failed?.error;
  const why = error instanceof CloudError ? error.summary : error instanceof Error ? error.message : String(error);
  io.err(`apigw-studio ${command}: stopped at ${result.failed?.lines.map((line) => line.name).join(', ')}: ${why}`);
  io.err(
    `${plural(result.done.length, 'change')} done and recorded in ${session.shownState}; ${plural(result.left.length, 'change')} left. ` +
      `Fix the cause, then run apigw-studio ${command} again: it continues from here.`,
  );
  return EXIT.problems;
}

function errorJson(error: unknown): unknown {
  if (error instanceof CloudError) return { ...error.fields(), summary: error.summary };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** `--api g/a` given once or more. */
export function apiKeys(values: CommandContext['values']): string[] | undefined {
  const raw = values.api;
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}
