import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type MenuActions, type MenuCommand, buildMenuTemplate } from './menu';

function actions(overrides: Partial<MenuActions> = {}) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const external: string[] = [];
  const base: MenuActions = {
    platform: 'linux',
    isDev: false,
    recent: [{ path: '/p/R&D.apigw.yaml', name: 'R&D', openedAt: '2025-01-01T00:00:00Z' }],
    sendCommand: (command) => sent.push(command),
    openRecent: (path) => opened.push(path),
    openExternal: (url) => external.push(url),
    ...overrides,
  };
  return { base, sent, opened, external };
}

const items = (menu: MenuItemConstructorOptions[], label: string) => menu.find((item) => item.label?.replace(/&/g, '') === label)?.submenu as MenuItemConstructorOptions[];
const flat = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => menu.flatMap((item) => (Array.isArray(item.submenu) ? [item, ...flat(item.submenu)] : [item]));

describe('buildMenuTemplate', () => {
  it('sends each UI command with its accelerator', () => {
    const { base, sent } = actions();
    const all = flat(buildMenuTemplate(base));
    const byAccelerator = Object.fromEntries(all.filter((item) => item.accelerator && item.click).map((item) => [item.accelerator, item]));
    for (const accelerator of ['CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+Z', 'CmdOrCtrl+Y', 'CmdOrCtrl+K']) (byAccelerator[accelerator].click as () => void)();
    expect(sent).toEqual(['open', 'save', 'undo', 'redo', 'search']);
    expect(all.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste']));
  });

  it('lists recent projects (a & in a name is shown, not an access key) and opens them', () => {
    const { base, opened } = actions();
    const recent = items(items(buildMenuTemplate(base), 'File'), 'Open Recent');
    expect(recent[0].label).toBe('R&&D — /p/R&&D.apigw.yaml');
    (recent[0].click as () => void)();
    expect(opened).toEqual(['/p/R&D.apigw.yaml']);
    expect(items(items(buildMenuTemplate({ ...base, recent: [] }), 'File'), 'Open Recent')).toEqual([{ label: 'No recent projects', enabled: false }]);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate(actions({ isDev }).base), 'View').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('links the README when known, and uses the macOS app menu, Cmd+Shift+Z and no & on macOS', () => {
    const { base, external } = actions({ platform: 'darwin', readmeUrl: 'https://example.com/studio#readme' });
    const menu = buildMenuTemplate(base);
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(flat(menu).some((item) => item.label?.includes('&') && !item.label.includes('R&D'))).toBe(false);
    expect(flat(menu).find((item) => item.accelerator === 'Shift+Cmd+Z')).toBeDefined();
    expect(items(menu, 'File').some((item) => item.role === 'quit')).toBe(false);
    (items(menu, 'Help')[0].click as () => void)();
    expect(external).toEqual(['https://example.com/studio#readme']);
  });
});
