/**
 * main.ts wired to a fake `electron` module (the binary cannot run here) and the real host
 * services over a temporary app folder and data dir.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALLS, type CallOutcome } from '../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { defaultDataDir } from '../host/base/app-paths';

const fake = vi.hoisted(() => ({
  appRoot: '',
  dataDir: '',
  /** What happened, in order, for the before-ready checks. */
  order: [] as string[],
  windows: [] as {
    options: { title?: string; webPreferences?: Record<string, unknown> };
    url?: string;
    shown: number;
    webContents: { sent: [string, unknown][]; windowOpenHandler?: (details: { url: string }) => unknown; emit(event: string, ...args: unknown[]): boolean };
  }[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string; method?: string }) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<CallOutcome>>(),
  permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  menuTemplate: [] as MenuItemConstructorOptions[],
  openedExternally: [] as string[],
  errorBoxes: [] as string[],
  quits: 0,
  app: undefined as unknown as { emit(event: string, ...args: unknown[]): boolean },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => (fake.order.push('lock'), true),
    whenReady: () => (fake.order.push('whenReady'), Promise.resolve()),
    getAppPath: () => fake.appRoot,
    getPath: (name: string) => (name === 'userData' ? fake.dataDir : `/nowhere/${name}`),
    // Recorded only: the tests keep their own data dir.
    setPath: (name: string, path: string) => fake.order.push(`setPath ${name} ${path}`),
    quit: () => void fake.quits++,
    exit: (code: number) => fake.errorBoxes.push(`exit ${code}`),
  });
  fake.app = app;

  class FakeWebContents extends EventEmitter {
    sent: [string, unknown][] = [];
    windowOpenHandler?: (details: { url: string }) => unknown;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    url?: string;
    shown = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      fake.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows = () => windows;
    static getFocusedWindow = () => null;
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {
      this.shown++;
    }
    focus() {}
  }

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ((fake.menuTemplate = template), { template }),
      setApplicationMenu: () => fake.order.push('menu'),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push(`${title}: ${content}`),
      showMessageBox: async (...args: unknown[]) => (fake.errorBoxes.push(JSON.stringify(args.at(-1))), { response: 0 }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<CallOutcome>) => fake.ipcHandlers.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => (fake.order.push('privileged'), fake.privileged.push(...schemes)),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => (fake.order.push(`handle ${scheme}`), fake.protocolHandlers.set(scheme, handler)),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => (fake.permissionCheck = handler),
        setDevicePermissionHandler: () => {},
      },
    },
    shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
  };
});

const REPO = fileURLToPath(new URL('..', import.meta.url));
let tmp: string;
let otherProject: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'apigw-main-'));
  fake.appRoot = join(tmp, 'app');
  fake.dataDir = join(tmp, 'user-data');
  await mkdir(join(fake.appRoot, 'examples'), { recursive: true });
  await mkdir(join(fake.appRoot, 'dist', 'renderer'), { recursive: true });
  await copyFile(join(REPO, 'package.json'), join(fake.appRoot, 'package.json'));
  for (const name of ['quickstart.apigw.yaml', 'quickstart.secrets.yaml']) await copyFile(join(REPO, 'examples', name), join(fake.appRoot, 'examples', name));
  await writeFile(join(fake.appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>API Gateway Studio</title>');
  otherProject = join(tmp, 'other.apigw.yaml');
  await copyFile(join(REPO, 'examples', 'quickstart.apigw.yaml'), otherProject);

  await import('./main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 15_000 });
});

afterAll(async () => {
  // Quitting closes the services (file watchers), as the app does.
  const event = { preventDefault: () => {} };
  fake.app.emit('before-quit', event);
  await vi.waitFor(() => expect(fake.quits).toBeGreaterThan(0));
  await rm(tmp, { recursive: true, force: true });
});

const window = () => fake.windows[0];
const appFrame = { url: 'app://studio/index.html', parent: null };

describe('main.ts', () => {
  it('starts without an error, registering the app scheme before ready and serving it after', () => {
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.order.indexOf('privileged')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.order.indexOf('whenReady')).toBeLessThan(fake.order.indexOf('handle app'));
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('keeps its data in the per-user folder browser mode uses, set before the single-instance lock', () => {
    expect(fake.order[0]).toBe(`setPath userData ${defaultDataDir()}`);
    expect(fake.order.indexOf('lock')).toBeGreaterThan(0);
  });

  it('opens a sandboxed, isolated window with no Node, loading app://studio', () => {
    const { options, url } = window();
    expect(options.title).toBe('API Gateway Studio');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      preload: join(fake.appRoot, 'dist', 'electron', 'preload.cjs'),
    });
    expect(url).toBe('app://studio/index.html');
  });

  it('prevents navigation and redirects away from app://studio, and <webview>', () => {
    const contents = window().webContents;
    const attempt = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { url, preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'app://studio.evil/index.html')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'app://studio/index.html#/apis')).toBe(false);
    expect(attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('denies every new window, opening only https links in the browser', () => {
    const open = window().webContents.windowOpenHandler!;
    for (const url of ['https://www.alibabacloud.com/help/en/api-gateway', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://studio/index.html']) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual(['https://www.alibabacloud.com/help/en/api-gateway']);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) fake.permissionRequest!({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(fake.permissionCheck!({}, 'clipboard-read', 'app://studio', {})).toBe(false);
  });

  it('serves index.html with the CSP header through app:// and refuses a way out of dist/renderer', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const index = await serve({ url: 'app://studio/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const outside = await serve({ url: 'app://studio/../package.json' });
    expect(outside.status).toBe(403);
    expect(await outside.text()).not.toContain('"version"');
  });

  it('answers the contract over IPC for the app frame only, with the desktop vault', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.keys(CALLS).sort());
    const info = fake.ipcHandlers.get('agw:app.info')!;
    const outcome = await info({ senderFrame: appFrame, sender: { mainFrame: appFrame } });
    expect(outcome).toMatchObject({ ok: true, result: { mode: 'desktop', dataDir: fake.dataDir, vault: { kind: 'safeStorage', encrypted: true, persistent: true } } });
    const evil = { url: 'https://evil.example/', parent: null };
    await expect(info({ senderFrame: evil, sender: { mainFrame: evil } })).rejects.toThrow(/^Refused: /);
  });

  it('has a menu whose commands go to the window as agw:menu.command, with the recent projects', () => {
    const labels = fake.menuTemplate.map((item) => item.label?.replace(/&/g, '') ?? item.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const file = fake.menuTemplate.find((item) => item.label?.replace(/&/g, '') === 'File')!.submenu as MenuItemConstructorOptions[];
    const save = file.find((item) => item.label?.replace(/&/g, '') === 'Save')!;
    expect(save.accelerator).toBe('CmdOrCtrl+S');
    (save.click as () => void)();
    expect(window().webContents.sent).toContainEqual(['agw:menu.command', { command: 'save' }]);
    const recent = file.find((item) => item.label?.replace(/&/g, '') === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label).join('\n')).toMatch(/quickstart\.apigw\.yaml/);
    const edit = fake.menuTemplate.find((item) => item.label?.replace(/&/g, '') === 'Edit')!.submenu as MenuItemConstructorOptions[];
    expect(edit.find((item) => item.accelerator === 'CmdOrCtrl+K')?.label?.replace(/&/g, '')).toBe('Find…');
  });

  it('focuses the window on a second launch and opens the project it names, forwarding the event', async () => {
    const shownBefore = window().shown;
    fake.app.emit('second-instance', {}, ['/usr/bin/apigw-studio', '--original-process-start-time=1', 'other.apigw.yaml'], tmp, {});
    expect(window().shown).toBe(shownBefore + 1);
    await vi.waitFor(() => expect(window().webContents.sent.find(([channel]) => channel === 'agw:project.opened')?.[1]).toMatchObject({ path: otherProject }));
    expect(fake.errorBoxes).toEqual([]);
  });
});
