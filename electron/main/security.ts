/**
 * Electron's security checklist, applied to every web contents the app ever creates: navigation
 * only within app://studio, no new windows (https links go to the system browser), no <webview>,
 * and every permission (camera, notifications, clipboard read, ...) denied.
 */
import type { App, Event as ElectronEvent, HandlerDetails, Session, Shell, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';

export type SecurityLog = (message: string) => void;

const defaultLog: SecurityLog = (message) => process.stderr.write(`apigw-studio: ${message}\n`);

/** Only https, and no user:password@ that could dress one host up as another. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Opens an https URL in the system browser; anything else is refused and logged. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string, log: SecurityLog = defaultLog): void {
  if (!isSafeExternalUrl(url)) {
    log(`refused to open ${describeUrl(url)} outside the app: only https links are opened`);
    return;
  }
  // eng-disable OPEN_EXTERNAL_JS_CHECK -- the one place that opens links: https only, no user:password@, checked just above
  shell.openExternal(url).catch((error: Error) => log(`could not open a link in the browser: ${error.message}`));
}

/** Registers the per-contents guards on every web contents, before any window exists. */
export function guardAllWebContents(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>, log: SecurityLog = defaultLog): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, log));
}

export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, log: SecurityLog = defaultLog): void {
  const stayInApp = (kind: string) => (event: ElectronEvent<{ url: string }>, url?: string) => {
    const target = event.url ?? url ?? '';
    if (isAppUrl(target)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${describeUrl(target)}: the window shows only the app`);
  };
  contents.on('will-navigate', stayInApp('navigation'));
  contents.on('will-frame-navigate', stayInApp('frame navigation'));
  contents.on('will-redirect', stayInApp('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>: the app uses none');
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    openExternalSafely(shell, details.url, log);
    return { action: 'deny' };
  });
}

/** The app needs no permission; a renderer that asks for one is either a bug or an attack. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Scheme and host only: a URL's path or query can hold a token, and logs are not the place for it. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'an invalid URL';
  }
}
