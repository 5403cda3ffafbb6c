/**
 * The built renderer's files, as both ways of serving the UI see them: the desktop app's app://
 * protocol and browser mode's HTTP server. One rule for which file a URL path names (nothing
 * outside the folder: no `..`, no encoded tricks, no symlink escapes) and one table of content types.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
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

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path (still percent-encoded, starting with `/`) names inside `root`, or undefined
 * when it could leave it. A path ending in `/` means that folder's index.html. The decoded text is
 * checked, not only the parsed URL: an encoded `%2e%2e%2f` or a backslash turns into a way out
 * only after decoding.
 */
export function rendererFilePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded)) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return undefined;
  return join(root, ...segments);
}

export type RendererFile = { kind: 'file'; path: string; size: number } | { kind: 'refused' } | { kind: 'missing' };

/**
 * What a URL path names: a regular file inside the real root (symlinks resolved), a path that is
 * refused because it could leave the root, or nothing (missing, or a folder).
 */
export async function findRendererFile(root: string, urlPath: string): Promise<RendererFile> {
  const path = rendererFilePath(root, urlPath);
  if (path === undefined) return { kind: 'refused' };
  let realRoot: string;
  let realFile: string;
  try {
    [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
  } catch {
    return { kind: 'missing' };
  }
  if (!realFile.startsWith(realRoot + sep)) return { kind: 'refused' };
  try {
    const info = await stat(realFile);
    return info.isFile() ? { kind: 'file', path: realFile, size: info.size } : { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
}
