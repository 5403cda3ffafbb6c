/**
 * The message channel to the console that started the gateway: a Node IPC channel when it was
 * started with child_process.fork (browser mode, tests), Electron's `process.parentPort` when it
 * was started with utilityProcess.fork (the desktop app, where runAsNode is off).
 */

export interface ParentChannel {
  send(message: object): void;
  /** Every message from the console; returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Called once when the console goes away (the Node channel only: Electron ends utility processes itself). */
  onGone(listener: () => void): () => void;
  /** A utility process's port keeps it alive: the CLI exits explicitly when serving ends. */
  readonly keepsProcessAlive: boolean;
}

/** Electron's `process.parentPort`: an event emitter of `{ data }` message events. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The channel to the console, or undefined when the gateway runs on its own (a terminal). */
export function parentChannel(): ParentChannel | undefined {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) return utilityChannel(port);
  if (typeof process.send === 'function') return nodeChannel();
  return undefined;
}

function utilityChannel(port: ParentPort): ParentChannel {
  return {
    send: (message) => port.postMessage(message),
    onMessage(listener) {
      const onEvent = (event: { data: unknown }) => listener(event.data);
      port.on('message', onEvent);
      return () => port.off('message', onEvent);
    },
    onGone: () => () => {},
    keepsProcessAlive: true,
  };
}

function nodeChannel(): ParentChannel {
  return {
    send(message) {
      // Dropped once the console is gone.
      if (process.connected) process.send!(message);
    },
    onMessage(listener) {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
    onGone(listener) {
      process.on('disconnect', listener);
      return () => process.off('disconnect', listener);
    },
    keepsProcessAlive: false,
  };
}
