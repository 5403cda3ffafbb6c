/**
 * The one door into the host for both transports (Electron IPC and browser mode's HTTP): checks
 * the channel, parses the arguments with the contract's schema (the renderer is untrusted), lets
 * a path in the arguments through only when the user chose it (FileAccess), calls the handler,
 * and turns whatever it throws into a HostErrorPayload.
 */
import { z } from 'zod';
import { CALLS, type CallArgs, type CallChannel, type CallOutcome, type CallResult, isCallChannel } from '../../shared/ipc/contract';
import type { FileAccess, PathPurpose } from './file-access';
import { INTERNAL_ERROR_MESSAGE, toHostErrorPayload } from './host-error';

/** One handler per channel of the contract, taking its parsed arguments. */
export type HostHandlers = { [C in CallChannel]: (...args: CallArgs<C>) => Promise<CallResult<C>> };

export interface Dispatcher {
  /** Never throws: a refusal or failure comes back as `{ ok: false, error }`. */
  dispatch(channel: string, rawArgs: unknown): Promise<CallOutcome>;
}

export interface DispatcherOptions {
  /** Checks every path a call names; the host services' own in the app, absent only in transport tests. */
  files?: FileAccess;
  /** Where a bug's details go (the UI gets only a generic message); stderr by default. */
  onInternalError?: (channel: string, error: unknown) => void;
}

const MAX_ISSUES_SHOWN = 3;

/** Where a call names a file: its purpose, how to read the path, and how to hand the handler the checked one. */
interface PathArgument<C extends CallChannel> {
  purpose: PathPurpose;
  path(args: CallArgs<C>): string | undefined;
  with(args: CallArgs<C>, path: string): CallArgs<C>;
}

const PATH_ARGUMENTS: { [C in CallChannel]?: PathArgument<C> } = {
  'agw:project.open': { purpose: 'open', path: ([path]) => path, with: (_args, path) => [path] },
  'agw:project.create': { purpose: 'create', path: ([request]) => request.path, with: ([request], path) => [{ ...request, path }] },
  'agw:import.preview': {
    purpose: 'import',
    path: ([request]) => (request.source.kind === 'file' ? request.source.path : undefined),
    with: ([request], path) => [{ ...request, source: { kind: 'file', path } }],
  },
};

export function createDispatcher(handlers: HostHandlers, options: DispatcherOptions = {}): Dispatcher {
  const onInternalError = options.onInternalError ?? logInternalError;
  return {
    async dispatch(channel, rawArgs) {
      if (!isCallChannel(channel)) {
        return failure('UNKNOWN_CHANNEL', `${shortChannel(channel)} is not a call of API Gateway Studio; the UI and the host may be different versions.`);
      }
      const parsed = CALLS[channel].request.safeParse(rawArgs);
      if (!parsed.success) return failure('BAD_REQUEST', badRequestMessage(channel, parsed.error));
      try {
        const args = await checkedPaths(channel, parsed.data, options.files);
        const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
        return { ok: true, result: await handler(...(args as unknown[])) };
      } catch (error) {
        const payload = toHostErrorPayload(error);
        if (payload.code === 'INTERNAL' && payload.message === INTERNAL_ERROR_MESSAGE) onInternalError(channel, error);
        return { ok: false, error: payload };
      }
    },
  };
}

/** The arguments with a named file replaced by the path FileAccess allowed (links resolved); throws when it refuses. */
async function checkedPaths<C extends CallChannel>(channel: C, args: CallArgs<C>, files: FileAccess | undefined): Promise<CallArgs<C>> {
  const argument = PATH_ARGUMENTS[channel] as PathArgument<C> | undefined;
  const path = argument?.path(args);
  if (!argument || path === undefined || !files) return args;
  return argument.with(args, await files.check(path, argument.purpose));
}

function failure(code: string, message: string): CallOutcome {
  return { ok: false, error: { code, message } };
}

/** Names the first few fields that are wrong, without echoing the values sent. */
function badRequestMessage(channel: CallChannel, error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const at = issue.path.length > 0 ? `argument ${issue.path.map(String).join('.')}` : 'the arguments';
    return `${at}: ${issue.message}`;
  });
  const more = error.issues.length > MAX_ISSUES_SHOWN ? ` (and ${error.issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return `Bad request to ${channel}: ${issues.join('; ')}${more}.`;
}

/** A channel name from the network, cut short and stripped of control characters before it is echoed. */
function shortChannel(channel: string): string {
  const clean = channel.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 80)}…` : clean);
}

function logInternalError(channel: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`apigw-studio: ${channel} failed: ${detail}\n`);
}
