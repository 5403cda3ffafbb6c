/**
 * The desktop app's main process. This file only wires: the pieces live in electron/main/ and take
 * the Electron objects they use as parameters (so they run in tests without the Electron binary),
 * and the host's services are the same ones browser mode runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import { type AppInfo, EVENT_CHANNELS, type EventChannel, type Events } from '../shared/ipc/contract';
import { defaultDataDir } from '../host/base/app-paths';
import { type HostServices, createHostServices } from '../host/app';
import { projectPathFromArgv } from './main/argv';
import { createNativeChooseFile } from './main/file-dialogs';
import { utilityProcessFork } from './main/gateway-fork';
import { isAppFrame, registerContract } from './main/ipc-guard';
import { type MenuCommand, installMenu } from './main/menu';
import { registerAppScheme, serveAppScheme } from './main/protocol';
import { denyAllPermissions, guardAllWebContents, isSafeExternalUrl, openExternalSafely } from './main/security';
import { StartupMarks } from './main/startup-marks';
import { createMainWindow, focusWindow } from './main/window';
import { SafeStorageVault } from '../host/vault';
import type { VaultProtection } from '../host/vault';

const log = (message: string) => process.stderr.write(`apigw-studio: ${message}\n`);
const startup = new StartupMarks(process.env.APIGW_STUDIO_STARTUP_LOG === '1' ? log : undefined);
startup.mark('main-start');

// One data folder per user for both modes (host/base/app-paths.ts), whatever name Electron would derive.
app.setPath('userData', defaultDataDir());

// Both must happen before `ready`: Electron accepts privileged schemes only then, and the guards
// must be on every web contents from the first one.
registerAppScheme(protocol);
guardAllWebContents(app, shell, log);

if (app.requestSingleInstanceLock()) {
  start().catch((error: Error) => {
    dialog.showErrorBox('API Gateway Studio could not start', `${error.message}\n\nStart it again; if this keeps happening, start it from a terminal to see the log.`);
    app.exit(1);
  });
} else {
  // Another instance runs: it receives our argv through 'second-instance' and opens the project.
  app.quit();
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  let mainWindow: BrowserWindow | undefined;
  /** Set once the services are up; a second launch may arrive before that. */
  let services: HostServices | undefined = undefined;
  /** A project named by a second launch before the services were up; opened once they are. */
  let pendingPath: string | undefined;
  const frontWindow = () => BrowserWindow.getFocusedWindow() ?? (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

  const sendToWindows = <E extends EventChannel>(channel: E, payload: Events[E]) => {
    for (const window of BrowserWindow.getAllWindows()) if (!window.isDestroyed()) window.webContents.send(channel, payload);
  };
  const sendCommand = (command: MenuCommand) => frontWindow()?.webContents.send('agw:menu.command', { command });

  const openProject = async (path: string) => {
    if (!services) {
      pendingPath = path;
      return;
    }
    // Named on a command line or picked in the File menu: the user chose it, outside the page.
    const outcome = await services.openChosen(path);
    if (!outcome.ok) {
      const window = frontWindow();
      const box = { type: 'error' as const, message: `Could not open ${path}`, detail: outcome.error.message };
      await (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
    }
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
    const path = projectPathFromArgv(argv, workingDirectory);
    if (path) void openProject(path);
  });

  await app.whenReady();
  startup.mark('app-ready');
  denyAllPermissions(session.defaultSession);
  serveAppScheme(protocol, join(appRoot, 'dist', 'renderer'));

  const dataDir = app.getPath('userData');
  const vault = new SafeStorageVault({ dataDir, safeStorage });
  const startServices = (projectPath: string | undefined) =>
    createHostServices({
      dataDir,
      appRoot,
      projectPath,
      mode: 'desktop',
      chooseFile: createNativeChooseFile(dialog, frontWindow),
      vault: vaultInfo(vault.protection()),
      secretVault: vault,
      log,
      forkGateway: utilityProcessFork(() => utilityProcess),
      // Packaged, there are neither sources nor tsx: the gateway is the bundle scripts/build-electron.mjs makes.
      gatewayEntry: app.isPackaged ? join(appRoot, 'dist', 'local-gateway', 'gateway.cjs') : undefined,
    });
  const requested = projectPathFromArgv(process.argv, process.cwd());
  let hostServices: HostServices;
  try {
    hostServices = await startServices(requested);
  } catch (error) {
    if (requested === undefined) throw error;
    // The file named on the command line is unreadable: say so, then start as if none was named.
    dialog.showErrorBox(`Could not open ${requested}`, (error as Error).message);
    hostServices = await startServices(undefined);
  }
  services = hostServices;
  registerContract(ipcMain, hostServices.dispatcher, { isTrustedSender: isAppFrame, log });
  startup.mark('services-ready');

  const readmeUrl = readmeUrlOf(appRoot);
  const refreshMenu = async () => {
    const recent = await hostServices.handlers['agw:project.recent']().catch(() => []);
    installMenu(Menu, {
      platform: process.platform,
      isDev: !app.isPackaged,
      recent,
      readmeUrl,
      sendCommand,
      openRecent: (path) => void openProject(path),
      openExternal: (url) => openExternalSafely(shell, url, log),
    });
  };
  for (const channel of EVENT_CHANNELS) {
    hostServices.events.on(channel, (payload) => sendToWindows(channel, payload));
  }
  // Opening a project changes the recent list the File menu shows.
  hostServices.events.on('agw:project.opened', () => void refreshMenu());
  hostServices.events.on('agw:gateway.status', (status) => {
    if (status.state === 'listening') startup.mark('gateway-listening');
  });
  // The menu needs the recent projects (a file read): not worth holding the window back for.
  void refreshMenu();

  const preloadPath = join(appRoot, 'dist', 'electron', 'preload.cjs');
  mainWindow = createMainWindow(BrowserWindow, { preloadPath, log });
  startup.mark('window-created');
  // Electron sends ready-to-show once the page has painted for the first time.
  mainWindow.once('ready-to-show', () => startup.mark('window-shown'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(BrowserWindow, { preloadPath, log });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  quitAfterClosing(hostServices);
  if (pendingPath) void openProject(pendingPath);
}

/** What the UI shows about the vault (Settings): how it protects secrets, and whether it keeps them. */
function vaultInfo(protection: VaultProtection): AppInfo['vault'] {
  return { kind: protection.kind, description: protection.description, encrypted: protection.encrypted, persistent: protection.persistent };
}

/** Holds the quit until the services have closed (file watchers, pending saves), once. */
function quitAfterClosing(services: HostServices): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    services
      .close()
      .catch((error: Error) => log(`closing the services failed: ${error.message}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

/** package.json's homepage, when it is an https address; the Help menu's README link. */
function readmeUrlOf(appRoot: string): string | undefined {
  try {
    const { homepage } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { homepage?: unknown };
    return typeof homepage === 'string' && isSafeExternalUrl(homepage) ? homepage : undefined;
  } catch {
    return undefined;
  }
}
