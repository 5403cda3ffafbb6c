/**
 * A command that talks to the cloud (pull, plan, apply, deploy, rollback, gateway) is a run of the
 * OpenAPI call log, kept in the data dir beside the console's runs (Cloud → History shows both);
 * with --verbose, each request is also printed on stderr as it answers.
 */
import type { CloudCallView, CloudRunKind } from '../../shared/ipc/cloud-views';
import { CallLog } from '../cloud';
import type { CallRun } from '../cloud';
import { defaultDataDir } from '../base/app-paths';
import { EXIT, absolutePath } from './cli-io';
import type { CommandContext } from './command';

export const VERBOSE_HELP = '--verbose       Print each OpenAPI call on stderr: action, HTTP status, code, request id, duration';

export interface CommandRun {
  run: CallRun;
  /** Ends the run with the command's exit status (none: it threw) and writes it to the log. */
  finish(status: number | undefined): Promise<void>;
}

/** `command` is the name as printed, e.g. `apply` or `gateway buy`. */
export function startCommandRun(command: string, context: CommandContext): CommandRun {
  const { values, io } = context;
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const dataDir = text('data') ? absolutePath(io, text('data')!) : defaultDataDir();
  const log = new CallLog({ dataDir, log: (line) => io.err(`apigw-studio ${command}: ${line}`) });
  const project = text('project');
  const run = log.start({ title: `apigw-studio ${command}`, kind: runKind(command), source: 'cli', ...(project ? { project: absolutePath(io, project) } : {}) });
  if (values.verbose === true) run.onCall((call) => io.err(callLine(call)));
  return {
    run,
    async finish(status) {
      // The process is about to end: what it still followed (a purchase) is not waited for.
      run.end({ state: status === undefined || status === EXIT.problems ? 'failed' : 'done' }, { now: true });
      await log.flush();
    },
  };
}

/** `CreateApi 200 0B1C…-… 83 ms`; a refusal adds its code, a retry its attempt; `-` where no answer came. */
export function callLine(call: CloudCallView): string {
  const code = call.code ? ` ${call.code}` : '';
  const attempt = call.attempt > 1 ? ` (attempt ${call.attempt})` : '';
  return `${call.action} ${call.status ?? '-'}${code} ${call.requestId ?? '-'} ${call.durationMs} ms${attempt}`;
}

function runKind(command: string): CloudRunKind {
  if (command === 'gateway buy') return 'purchase';
  if (command.startsWith('gateway')) return 'gateway';
  return (['pull', 'plan', 'apply', 'deploy', 'rollback'] as const).find((kind) => kind === command) ?? 'gateway';
}
