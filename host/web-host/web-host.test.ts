import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../base/dispatch';
import { HostEvents } from '../base/host-events';
import { type RecordingHandlers, recordingHandlers } from '../base/testing/recording-handlers';
import { WorkspaceError } from '../base/workspace-error';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { type WebHost, startWebHost } from './web-host';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let dir: string;
let root: string;
let host: WebHost;
let recording: RecordingHandlers;
let events: HostEvents;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-web-host-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>API Gateway Studio</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("console");');
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  recording = recordingHandlers();
  events = new HostEvents();
  host = await startWebHost({ dispatcher: createDispatcher(recording.handlers), events, rendererDir: root, maxBodyBytes: 4096 });
});
afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw HTTP request: the path is sent as written and every header is ours to set, Host included. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(channel: string, args: unknown, headers: Record<string, string> = { 'X-Agw-Token': host.token }): Promise<Reply> {
  return send(`/api/call/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
}

describe('browser mode security', () => {
  it('answers a call with the token header', async () => {
    const reply = await call('agw:project.open', ['/x.apigw.yaml']);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, result: { channel: 'agw:project.open', args: ['/x.apigw.yaml'] } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'X-Agw-Token': 'x'.repeat(43) }],
    ['the token in the URL only', {}],
  ])('refuses a call with %s (403) and runs nothing', async (what, headers) => {
    const path = what === 'the token in the URL only' ? `/api/call/agw:project.current?token=${host.token}` : '/api/call/agw:project.current';
    const reply = await send(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '[]' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(recording.calls).toEqual([]);
  });

  it.each([
    ['a foreign name', (port: number) => `evil.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['an IP alias', (port: number) => `127.1:${port}`],
  ])('refuses a Host header with %s (DNS rebinding), token or not', async (_what, hostHeader) => {
    const reply = await call('agw:project.current', [], { 'X-Agw-Token': host.token, Host: hostHeader(host.port) });
    expect(reply.status).toBe(403);
    const page = await send('/', { headers: { Host: hostHeader(host.port) } });
    expect(page.status).toBe(403);
    expect(recording.calls).toEqual([]);
  });

  it('accepts localhost:<port> as Host', async () => {
    expect((await call('agw:project.current', [], { 'X-Agw-Token': host.token, Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it.each([
    ['http://evil.example', () => 'http://evil.example'],
    ['null', () => 'null'],
    ['https://127.0.0.1:<port>', (port: number) => `https://127.0.0.1:${port}`],
    ['http://127.0.0.1 (no port)', () => 'http://127.0.0.1'],
  ])('refuses Origin %s', async (_what, origin) => {
    const reply = await call('agw:project.current', [], { 'X-Agw-Token': host.token, Origin: origin(host.port) });
    expect(reply.status).toBe(403);
    expect(recording.calls).toEqual([]);
  });

  it('accepts its own Origin', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      expect((await call('agw:project.current', [], { 'X-Agw-Token': host.token, Origin: origin })).status).toBe(200);
    }
  });

  it('sets no cookie (every port of 127.0.0.1 would get it) and serves the public pages without the token', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>API Gateway Studio</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    const asset = await send('/assets/app.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log("console");' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['set-cookie']).toBeUndefined();
    // Only the header opens the API: a cookie or the query from an older version no longer does.
    expect((await call('agw:project.current', [], { Cookie: `agw_token_${host.port}=${host.token}` })).status).toBe(403);
    expect((await send(`/api/events?token=${host.token}`)).status).toBe(403);
    expect((await send('/api/session', { headers: { 'X-Agw-Token': host.token } })).status).toBe(404);
    expect(recording.calls).toEqual([]);
  });

  it('sends the strict CSP and the other headers with the page', async () => {
    const page = await send('/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    const again = await send(`/index.html`);
    expect(again.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c..%5csecret.txt',
    '/..%00/secret.txt',
    '/assets/link.txt',
    '/assets',
    '/assets/',
    '/nope.js',
  ])('serves nothing outside the renderer, and no folders: %s', async (path) => {
    const reply = await send(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('TOP SECRET');
    expect(reply.body).not.toContain('app.js');
  });
});

describe('browser mode calls', () => {
  it('answers bad requests with 4xx and the contract’s error shape', async () => {
    const bad = await call('agw:project.open', [42]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await call('agw:project.open', { path: '/x' })).status).toBe(400);
    expect((await call('agw:nothing.here', [])).status).toBe(404);
    const notJson = await send('/api/call/agw:project.current', { method: 'POST', headers: { 'X-Agw-Token': host.token, 'Content-Type': 'application/json' }, body: '[' });
    expect(notJson.status).toBe(400);
    const form = await send('/api/call/agw:project.current', { method: 'POST', headers: { 'X-Agw-Token': host.token, 'Content-Type': 'text/plain' }, body: '[]' });
    expect(form.status).toBe(415);
    expect((await send('/api/call/agw:project.current', { headers: { 'X-Agw-Token': host.token } })).status).toBe(405);
    expect(recording.calls).toEqual([]);
  });

  it('refuses a body over the limit with 413', async () => {
    const reply = await call('agw:import.preview', [{ source: { kind: 'text', text: 'x'.repeat(5000) }, group: 'g' }]);
    expect(reply.status).toBe(413);
    expect(recording.calls).toEqual([]);
  });

  it('maps a refusal of a service to 409 with its code', async () => {
    await host.close();
    recording = recordingHandlers({
      'agw:project.save': async () => {
        throw new WorkspaceError('CHANGED_ON_DISK', '/p.apigw.yaml', 'it changed on disk');
      },
    });
    host = await startWebHost({ dispatcher: createDispatcher(recording.handlers), events, rendererDir: root });
    const reply = await call('agw:project.save', [{ project: { format: 'apigw-studio/v1', name: 'p' }, revision: 'r' }]);
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'CHANGED_ON_DISK', message: 'it changed on disk' } });
  });
});

describe('browser mode events', () => {
  it('streams every event as Server-Sent Events to a client with the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, 'X-Agw-Token': host.token } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          // Emit once the stream is open (its first comment has arrived).
          if (text.includes(': connected') && !text.includes('data:')) events.emit('agw:menu.command', { command: 'save' });
          const data = text.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            resolve(data);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(received.slice('data: '.length))).toEqual({ channel: 'agw:menu.command', payload: { command: 'save' } });
  });

  it('refuses the event stream without the token', async () => {
    expect((await send('/api/events')).status).toBe(403);
    expect((await send('/api/events', { headers: { 'X-Agw-Token': 'x'.repeat(43) } })).status).toBe(403);
  });
});

describe('startWebHost', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { handlers } = recordingHandlers();
    await expect(startWebHost({ dispatcher: createDispatcher(handlers), events, rendererDir: root, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1 only/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
