/**
 * The `app://` scheme: registered as privileged before the app is ready, then served from
 * dist/renderer. Serving the UI from a custom origin rather than file:// gives it a real origin
 * for CSP, workers and the IPC sender checks. No request leaves the renderer folder.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { contentTypeOf, findRendererFile } from '../../host/renderer-files';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin';

/** Must run before `app` is ready, and only once: Electron keeps only the last call's list. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After ready: answers every `app://` request from `rootDir` (dist/renderer). */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  const handler = createAppRequestHandler(rootDir);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}

export type AppRequestHandler = (request: { url: string; method?: string }) => Promise<Response>;

export function createAppRequestHandler(rootDir: string): AppRequestHandler {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Only GET and HEAD are served.', { Allow: 'GET, HEAD' });
    const found = isOurs(request.url) ? await findRendererFile(rootDir, urlPath(request.url)) : ({ kind: 'refused' } as const);
    if (found.kind === 'refused') return plain(403, 'Refused: the path is outside the app.');
    if (found.kind === 'missing') return plain(404, 'Not found.');
    let bytes: Buffer;
    try {
      bytes = await readFile(found.path);
    } catch {
      return plain(404, 'Not found.');
    }
    const headers = {
      'Content-Type': contentTypeOf(found.path),
      // On every response, not only HTML: a worker script takes its policy from its own response.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  };
}

/** Only app://studio/…: another host of the scheme, or a port, is not the app. */
function isOurs(url: string): boolean {
  return isAppUrl(url) && url.startsWith(`${APP_ORIGIN}/`);
}

/** The raw (still encoded) path of an app:// URL, without query or fragment. */
function urlPath(url: string): string {
  return url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0];
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', ...extra };
  return new Response(text, { status, headers });
}
