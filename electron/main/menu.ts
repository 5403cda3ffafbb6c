/**
 * The application menu. Commands the UI carries out (open, save, undo, redo, find) are sent to it
 * as the contract's `agw:menu.command` event, so the menu and the UI's own buttons do the same
 * thing; clipboard, zoom and quit are the platform's own roles.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { Events, RecentProject } from '../../shared/ipc/contract';

export type MenuCommand = Events['agw:menu.command']['command'];

export const API_GATEWAY_DOCS_URL = 'https://www.alibabacloud.com/help/en/api-gateway';

export interface MenuActions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only while developing. */
  isDev: boolean;
  recent: readonly RecentProject[];
  /** The README's https address, when package.json names one (homepage). */
  readmeUrl?: string;
  sendCommand(command: MenuCommand): void;
  openRecent(path: string): void;
  openExternal(url: string): void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = actions.platform === 'darwin';
  // `&` marks the access key on Windows and Linux; macOS has none, so it goes.
  const label = (text: string) => (mac ? text.replace(/&/g, '') : text);
  const command = (text: string, name: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label: label(text),
    accelerator,
    click: () => actions.sendCommand(name),
  });

  const recent: MenuItemConstructorOptions[] =
    actions.recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : actions.recent.map((project) => ({ label: literal(`${project.name} — ${project.path}`, mac), click: () => actions.openRecent(project.path) }));

  const file: MenuItemConstructorOptions = {
    label: label('&File'),
    submenu: [
      command('&Open…', 'open', 'CmdOrCtrl+O'),
      { label: label('Open &Recent'), submenu: recent },
      { type: 'separator' },
      command('&Save', 'save', 'CmdOrCtrl+S'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: label('&Quit') } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: label('&Edit'),
    submenu: [
      command('&Undo', 'undo', 'CmdOrCtrl+Z'),
      command('&Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'CmdOrCtrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('&Find…', 'search', 'CmdOrCtrl+K'),
    ],
  };

  // Light or dark follows the system setting (the UI reads prefers-color-scheme), so no menu item.
  const view: MenuItemConstructorOptions = {
    label: label('&View'),
    submenu: [
      ...(actions.isDev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const { readmeUrl } = actions;
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: label('&Help'),
    submenu: [
      // eng-disable OPEN_EXTERNAL_JS_CHECK -- package.json's homepage, kept only when https (main.ts readmeUrlOf); main.ts passes openExternalSafely
      ...(readmeUrl ? [{ label: label('API Gateway Studio &README'), click: () => actions.openExternal(readmeUrl) }] : []),
      // eng-disable OPEN_EXTERNAL_JS_CHECK -- a constant https address, through openExternalSafely
      { label: label('Alibaba Cloud API Gateway &documentation'), click: () => actions.openExternal(API_GATEWAY_DOCS_URL) },
    ],
  };

  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}

/** A label shown as written: a `&` in a project name is not an access key. */
function literal(text: string, mac: boolean): string {
  return mac ? text : text.replace(/&/g, '&&');
}

export function installMenu(MenuClass: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, actions: MenuActions): void {
  MenuClass.setApplicationMenu(MenuClass.buildFromTemplate(buildMenuTemplate(actions)));
}
