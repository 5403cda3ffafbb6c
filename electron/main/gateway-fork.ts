/**
 * Starts the local gateway with Electron's utilityProcess.fork: a Node process that works with the
 * runAsNode fuse off. The gateway talks over `process.parentPort` there (local-gateway/parent-channel.ts).
 * Electron's object is a parameter, so this module loads without the Electron binary.
 */
import type { utilityProcess } from 'electron';
import type { ForkGateway } from '../../host/gateway-supervisor';

type UtilityProcessModule = Pick<typeof utilityProcess, 'fork'>;

/** `utilityProcess` is looked up when a gateway starts (always after `ready`, which Electron requires). */
export function utilityProcessFork(electronUtilityProcess: () => UtilityProcessModule): ForkGateway {
  return (spawn, events) => {
    const child = electronUtilityProcess().fork(spawn.modulePath, spawn.args, {
      env: spawn.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      serviceName: 'API Gateway Studio local gateway',
    });
    let ended = false;
    child.on('message', (message: unknown) => events.onMessage(message));
    child.stderr?.on('data', (chunk: Buffer | string) => events.onStderr(String(chunk)));
    child.on('exit', (code: number) => {
      if (ended) return;
      ended = true;
      events.onExit(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      kill(force = false) {
        // utilityProcess.kill() is SIGTERM on POSIX; a gateway that ignores it is ended by pid.
        if (!force) child.kill();
        else if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      },
    };
  };
}
