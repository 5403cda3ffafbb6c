/** Starts the gateway with child_process.fork and its IPC channel (browser mode and tests). */
import { fork } from 'node:child_process';
import type { ForkGateway } from './gateway-process';

export const forkWithNode: ForkGateway = (spawn, events) => {
  const child = fork(spawn.modulePath, spawn.args, {
    env: spawn.env,
    // The host's own flags (an inspector, a test runner's loader) are not the gateway's.
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let ended = false;
  const end = (code: number | null, signal: string | null) => {
    if (ended) return;
    ended = true;
    events.onExit(code, signal);
  };
  child.on('message', (message) => events.onMessage(message));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => events.onStderr(text));
  child.on('exit', (code, signal) => end(code, signal));
  // Not started at all (no such file, too many processes): reported as an exit.
  child.on('error', (error) => {
    events.onStderr(`${error.message}\n`);
    if (child.pid === undefined) end(null, null);
  });
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (child.connected) child.send(message);
    },
    kill(force = false) {
      child.kill(force ? 'SIGKILL' : 'SIGTERM');
    },
  };
};
