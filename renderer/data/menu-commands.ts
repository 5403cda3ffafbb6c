/** Commands from the desktop app's menu (none arrive in browser mode). */
import type { Events } from '../../shared/ipc/contract';
import { host } from './host';

export type MenuCommand = Events['agw:menu.command']['command'];

/** Calls `handler` for each menu command; returns the unsubscribe function. */
export function onMenuCommand(handler: (command: MenuCommand) => void): () => void {
  return host().on('agw:menu.command', (payload) => handler(payload.command));
}
