/** The main window: sandboxed, isolated, no Node, loading the UI from app://studio. */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './app-origin';

export const WINDOW_TITLE = 'API Gateway Studio';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the window never flashes white before the UI paints.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      preload: preloadPath,
    },
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  url?: string;
  log?: (message: string) => void;
}

export function createMainWindow(BrowserWindowClass: typeof BrowserWindow, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url ?? APP_START_URL).catch((error: Error) => {
    (options.log ?? ((message) => process.stderr.write(`apigw-studio: ${message}\n`)))(`could not load the UI: ${error.message}. Run \`npm run build\` and start again.`);
  });
  return window;
}

/** Brings a window to the front, restoring it when minimised (a second launch focuses the first). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
