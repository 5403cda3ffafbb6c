/**
 * The preload (sandboxed, bundled to dist/electron/preload.cjs): exposes `window.agw`, exactly the
 * contract (as its WireApi: results wrapped in CallOutcome) and nothing else. No ipcRenderer, no generic invoke: the page can reach only
 * the channels of shared/ipc/contract.ts, and listeners never see the IPC event (it carries
 * `sender`). The main process checks every call again; this file is a convenience, not the guard.
 */
import { type IpcRenderer, contextBridge, ipcRenderer } from 'electron';
import { type CallOutcome, EVENT_CHANNELS, type EventChannel, type WireApi, buildWireApi, isCallChannel } from '../shared/ipc/contract';

export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): WireApi {
  return buildWireApi(
    (channel, args) => {
      if (!isCallChannel(channel)) throw new Error(`Unknown call channel ${channel}`);
      return ipc.invoke(channel, ...args) as Promise<CallOutcome>;
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
