/**
 * The preload (sandboxed, bundled to dist/electron/preload.cjs): exposes `window.agw`, exactly the
 * contract's HostApi and nothing else. No ipcRenderer, no generic invoke: the page can reach only
 * the channels of shared/ipc/contract.ts, and listeners never see the IPC event (it carries
 * `sender`). The main process checks every call again; this file is a convenience, not the guard.
 */
import { type IpcRenderer, contextBridge, ipcRenderer } from 'electron';
import { type CallOutcome, EVENT_CHANNELS, type EventChannel, type HostApi, type HostErrorPayload, buildHostApi, isCallChannel } from '../shared/ipc/contract';

/** The Error a failed call rejects with: the host's message, plus its `code` and `problems`. */
export class HostCallError extends Error {
  readonly code: string;
  readonly problems?: HostErrorPayload['problems'];

  constructor(payload: HostErrorPayload) {
    super(payload.message);
    this.name = 'HostError';
    this.code = payload.code;
    if (payload.problems) this.problems = payload.problems;
  }
}

export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): HostApi {
  return buildHostApi(
    async (channel, args) => {
      if (!isCallChannel(channel)) throw new Error(`Unknown call channel ${channel}`);
      const outcome = (await ipc.invoke(channel, ...args)) as CallOutcome;
      if (outcome.ok) return outcome.result;
      throw new HostCallError(outcome.error);
    },
    (channel: EventChannel, listener) => {
      if (!EVENT_CHANNELS.includes(channel)) throw new Error(`Unknown event channel ${channel}`);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  );
}

contextBridge.exposeInMainWorld('agw', createPreloadApi(ipcRenderer));
