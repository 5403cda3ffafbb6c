/** The built renderer over HTTP, read-only: the files renderer-files allows, 404 for anything else (folders included). */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, findRendererFile } from '../renderer-files';
import { setHtmlHeaders } from './security-headers';

/** Serves a GET/HEAD for a file of `root`. A refused path gets the same 404 as a missing one: nothing to learn from probing. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  const file = await findRendererFile(root, pathname);
  if (file.kind !== 'file') {
    notFound(res);
    return;
  }
  const type = contentTypeOf(file.path);
  if (type.startsWith('text/html')) setHtmlHeaders(res);
  else res.setHeader('Cache-Control', 'no-cache');
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': file.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found.\n');
}
