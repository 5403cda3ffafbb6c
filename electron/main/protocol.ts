/**
 * The `app://` scheme: registered as privileged before the app is ready, then served from
 * dist/renderer. Serving the UI from a custom origin rather than file:// gives it a real origin
 * for CSP, workers and the IPC sender checks. No request leaves the renderer folder.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

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
  const root = resolve(rootDir);
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Only GET and HEAD are served.', { Allow: 'GET, HEAD' });
    const file = fileFor(root, request.url);
    if (file === undefined) return plain(403, 'Refused: the path is outside the app.');
    let bytes: Buffer;
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found.');
      bytes = await readFile(file);
    } catch {
      return plain(404, 'Not found.');
    }
    const headers = {
      'Content-Type': contentTypeFor(file),
      // On every response, not only HTML: a worker script takes its policy from its own response.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  };
}

/**
 * The file a URL names inside `root`, or undefined when it is not ours or tries to leave the
 * folder. The raw text is checked as well as the parsed URL: parsing folds `..` away, but an
 * encoded `%2e%2e%2f` or a backslash would only turn into one after decoding.
 */
function fileFor(root: string, url: string): string | undefined {
  if (!isAppUrl(url) || !url.startsWith(`${APP_ORIGIN}/`)) return undefined;
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((segment) => segment === '..')) return undefined;
  const relativePath = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = resolve(root, `.${relativePath}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
  return file;
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra } });
}
