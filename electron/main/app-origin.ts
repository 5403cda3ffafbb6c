/**
 * Where the UI lives in the desktop app: `app://studio/`, a privileged standard scheme served from
 * dist/renderer. Every trust decision (navigation, IPC senders) compares against this one origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it for our standard scheme. WHATWG URL in Node reports
 * "null" as the origin of any non-special scheme, so it is rebuilt from the parts here.
 */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return parsed.origin === 'null' ? undefined : parsed.origin;
  if (parsed.username || parsed.password) return undefined;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Exactly `app://studio` (no port, no user info, no look-alike host such as `studio.evil`). */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
