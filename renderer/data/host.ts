/**
 * The one HostApi the data layer uses. main.tsx installs the real one (transport.ts); the store
 * tests install a fake. Kept apart from transport.ts so the stores never touch the DOM.
 */
import type { HostApi } from '../../shared/ipc/contract';

let current: HostApi | undefined;

export function setHost(api: HostApi): void {
  current = api;
}

export function host(): HostApi {
  if (!current) throw new Error('The UI started without a connection to the host (setHost was not called).');
  return current;
}
