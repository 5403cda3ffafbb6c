/**
 * The strict CSP on every response the renderer can get, in both transports: the desktop app's
 * app:// protocol and browser mode's HTTP server. Not only the page: a worker takes its policy from
 * its own script's response, and an error page shown in the window must not run anything either.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { createDispatcher } from '../host/base/dispatch';
import { HostEvents } from '../host/base/host-events';
import { recordingHandlers } from '../host/base/testing/recording-handlers';
import { createAppRequestHandler } from './main/protocol';
import { type WebHost, startWebHost } from '../host/web-host/web-host';

/** One file of every kind a Vite build of the renderer holds, workers included. */
const FILES = [
  'index.html',
  'favicon.svg',
  'assets/index-abc.js',
  'assets/editor.worker-abc.js',
  'assets/json.worker-abc.mjs',
  'assets/index-abc.css',
  'assets/codicon-abc.ttf',
  'assets/font-abc.woff2',
  'assets/logo-abc.png',
  'assets/data-abc.json',
  'assets/module-abc.wasm',
];
/** Requests that fail: a missing file, a way out of the folder, a folder. */
const FAILING = ['/missing.js', '/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets'];

let dir: string;
let root: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-csp-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{}');
  for (const file of FILES) await writeFile(join(root, file), file.endsWith('.html') ? '<!doctype html><title>API Gateway Studio</title>' : `/* ${file} */`);
  host = await startWebHost({ dispatcher: createDispatcher(recordingHandlers().handlers), events: new HostEvents(), rendererDir: root });
});

afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** Status and CSP of a GET through browser mode, with the token cookie the first page load sets. */
function viaHttp(path: string): Promise<{ status: number; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, headers: { Host: `127.0.0.1:${host.port}`, Cookie: `agw_token_${host.port}=${host.token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the CSP on every renderer response', () => {
  it('comes with every file over app://, and with its refusals', async () => {
    const serve = createAppRequestHandler(root);
    for (const file of FILES) {
      const response = await serve({ url: `app://studio/${file}` });
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-security-policy'), file).toBe(CONTENT_SECURITY_POLICY);
    }
    for (const path of FAILING) {
      const response = await serve({ url: `app://studio${path}` });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    const post = await serve({ url: 'app://studio/index.html', method: 'POST' });
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('comes with every file in browser mode, and with its refusals and API answers', async () => {
    for (const file of FILES) {
      const reply = await viaHttp(`/${file}`);
      expect(reply.status, file).toBe(200);
      expect(reply.csp, file).toBe(CONTENT_SECURITY_POLICY);
    }
    for (const path of [...FAILING, '/api/nothing-here']) {
      const reply = await viaHttp(path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.csp, path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await viaHttp('/api/session')).csp).toBe(CONTENT_SECURITY_POLICY);
  });
});
