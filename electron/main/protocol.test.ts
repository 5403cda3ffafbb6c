import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createAppRequestHandler, registerAppScheme } from './protocol';

let dir: string;
let handler: ReturnType<typeof createAppRequestHandler>;
beforeAll(async () => {
  // dir/package.json sits just outside the served folder dir/renderer: the bait for traversal.
  dir = await mkdtemp(join(tmpdir(), 'apigw-protocol-'));
  await writeFile(join(dir, 'package.json'), '{"secret":"bait-7f3a"}');
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>API Gateway Studio</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'main-abc.js'), 'console.log(1)');
  await writeFile(join(dir, 'renderer', 'assets', 'app.css'), 'body{}');
  await writeFile(join(dir, 'renderer', 'assets', 'codicon.ttf'), 'ttf');
  await writeFile(join(dir, 'renderer', 'assets', 'editor.worker-x.js'), 'self.onmessage=null');
  handler = createAppRequestHandler(join(dir, 'renderer'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves index.html for / and by name, with the strict CSP header', async () => {
    for (const url of ['app://studio/', 'app://studio/index.html', 'app://studio/index.html?x=1#top']) {
      const response = await handler({ url });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('API Gateway Studio');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('gives each asset its MIME type, nosniff, and the CSP (workers take theirs from their response)', async () => {
    const types = {
      'app://studio/assets/main-abc.js': 'text/javascript; charset=utf-8',
      'app://studio/assets/app.css': 'text/css; charset=utf-8',
      'app://studio/assets/codicon.ttf': 'font/ttf',
      'app://studio/assets/editor.worker-x.js': 'text/javascript; charset=utf-8',
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await handler({ url });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses every way out of the renderer folder', async () => {
    const attempts = [
      'app://studio/../package.json',
      'app://studio/assets/../../package.json',
      'app://studio/%2e%2e/package.json',
      'app://studio/..%2fpackage.json',
      'app://studio/assets/..%2f..%2fpackage.json',
      'app://studio/..%5cpackage.json',
      'app://studio/%2E%2E%5Cpackage.json',
      'app://studio/index.html%00.js',
      'app://studio/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await handler({ url });
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('bait-7f3a');
    }
  });

  it('serves only app://studio, only GET and HEAD, and 404s what is not there', async () => {
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(403);
    expect((await handler({ url: 'app://studio.evil/index.html' })).status).toBe(403);
    expect((await handler({ url: 'app://studio:8080/index.html' })).status).toBe(403);
    expect((await handler({ url: 'app://studio/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://studio/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handler({ url: 'app://studio/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://studio/assets' })).status).toBe(404);
  });
});
