/**
 * The one place IPC enters the main process (VS Code's validatedIpcMain idea). Every contract
 * channel is registered here with a handler that refuses, before anything else runs, a channel
 * outside the contract and any sender that is not the app's own main frame at app://studio; the
 * dispatcher then parses the arguments with the contract's schema. After registration ipcMain is
 * locked, so no other code can add a generic listener beside these.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CALLS, CHANNEL_PREFIX, type CallOutcome, isCallChannel } from '../../shared/ipc/contract';
import { isAppUrl } from './app-origin';

/** What the guard reads of a frame; Electron's WebFrameMain has these. */
export type SenderFrame = Pick<WebFrameMain, 'url'> & { readonly parent: SenderFrame | null };

/** What the guard reads of an invoke event. */
export interface GuardedInvokeEvent {
  readonly senderFrame: SenderFrame | null | undefined;
  readonly sender: { readonly mainFrame: SenderFrame | null | undefined };
}

export interface ContractDispatcher {
  dispatch(channel: string, rawArgs: unknown): Promise<CallOutcome>;
}

/** The part of ipcMain the guard uses (a fake in tests); `on` and friends are only locked. */
export type IpcMainLike = Pick<IpcMain, 'handle'> & Partial<Record<LockedMethod, unknown>>;

export interface GuardOptions {
  /** Whether a (main) frame may call the host; by default, exactly the app's origin. */
  isTrustedSender?(frame: SenderFrame): boolean;
  /** Where refusals are reported (channel and reason only, never the arguments). */
  log?(message: string): void;
  /** Replace ipcMain's listener methods with ones that throw; on by default. */
  lock?: boolean;
}

const LOCKED_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'handle', 'handleOnce'] as const;
type LockedMethod = (typeof LOCKED_METHODS)[number];

/** The default trust rule: the frame shows app://studio. */
export function isAppFrame(frame: SenderFrame): boolean {
  return isAppUrl(frame.url);
}

/** Why a call is refused, or undefined when it may go to the dispatcher. */
export function refusalReason(channel: string, event: GuardedInvokeEvent, isTrustedSender: (frame: SenderFrame) => boolean = isAppFrame): string | undefined {
  if (!channel.startsWith(CHANNEL_PREFIX) || !isCallChannel(channel)) return 'not a channel of the contract';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone (navigated away or destroyed)';
  const isMainFrame = frame === event.sender.mainFrame || frame.parent === null;
  if (!isMainFrame) return 'the sender is a subframe, not the main frame';
  if (!isTrustedSender(frame)) return `the sender's origin is not the app's (${originForLog(frame.url)})`;
  return undefined;
}

/** The listener ipcMain.handle runs for one channel. */
export function guardedHandler(channel: string, dispatcher: ContractDispatcher, options: GuardOptions = {}): (event: GuardedInvokeEvent, ...args: unknown[]) => Promise<CallOutcome> {
  const log = options.log ?? ((message: string) => process.stderr.write(`apigw-studio: ${message}\n`));
  return async (event, ...args) => {
    const reason = refusalReason(channel, event, options.isTrustedSender);
    if (reason) {
      log(`refused IPC call ${printable(channel)}: ${reason}`);
      throw new Error(`Refused: ${reason}`);
    }
    return dispatcher.dispatch(channel, args);
  };
}

/** Registers every channel of CALLS through the guard, then locks ipcMain against any other listener. */
export function registerContract(ipcMain: IpcMainLike, dispatcher: ContractDispatcher, options: GuardOptions = {}): void {
  for (const channel of Object.keys(CALLS)) {
    const handler = guardedHandler(channel, dispatcher, options);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => handler(event, ...args));
  }
  if (options.lock ?? true) lockIpcMain(ipcMain);
}

/**
 * After the contract is registered nothing else may listen: a stray `ipcMain.on('x')` anywhere
 * would be a door around the sender checks. Adding one throws, naming the way to do it instead.
 */
export function lockIpcMain(ipcMain: IpcMainLike): void {
  const target = ipcMain as Record<LockedMethod, unknown>;
  for (const method of LOCKED_METHODS) {
    target[method] = (channel: unknown) => {
      throw new Error(`Refused: ipcMain.${method}(${printable(String(channel))}) after the contract was registered; add the call to shared/ipc/contract.ts instead.`);
    };
  }
}

function originForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'no valid URL';
  }
}

/** A channel name from the renderer, cut short and stripped of control characters before it is logged. */
function printable(channel: string): string {
  const clean = channel.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 80)}…` : clean);
}
