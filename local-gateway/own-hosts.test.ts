import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownHostsOf } from './own-hosts';
import { call, fixtureProject, startBackend, startGateway, type RecordingBackend, type RunningGateway } from './test-support';

/**
 * A one-group project whose anonymous API proxies to an internal backend: what a DNS-rebinding
 * page (the browser connects to 127.0.0.1 but sends `Host: evil.example`) must not reach.
 */
describe('hosts a one-group gateway answers', () => {
  let backend: RecordingBackend;
  let gw: RunningGateway;
  beforeAll(async () => {
    backend = await startBackend();
    const project = fixtureProject({
      groups: [{ name: 'Internal_Tools' }],
      apis: [
        {
          name: 'internal',
          request: { method: 'GET', path: '/internal' },
          auth: { type: 'ANONYMOUS' },
          backend: { type: 'HTTP', address: `http://127.0.0.1:${backend.port}`, path: '/admin', method: 'GET', timeout: 5_000 },
        },
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
  });
  beforeEach(() => {
    backend.requests.length = 0;
  });

  it.each(['evil.example', 'evil.example:PORT', 'EVIL.example:PORT', '127.0.0.1.evil.example:PORT', 'localhost:1', '127.0.0.1'])(
    'refuses Host %s with I404DO and never calls the backend',
    async (template) => {
      const host = template.replace('PORT', String(gw.port));
      const answer = await call(gw.port, '/internal', { host });
      expect(answer.status).toBe(404);
      expect(answer.headers['x-ca-error-code']).toBe('I404DO');
      expect(answer.headers['x-ca-error-message']).toBe(`Invalid Domain \`${host}\``);
      expect(answer.body).toBe('');
      expect(backend.requests).toEqual([]);
    },
  );

  it('refuses a request without Host', async () => {
    const head = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(gw.port, '127.0.0.1', () => socket.write('GET /internal HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(head).toMatch(/^HTTP\/1\.1 404 /);
    expect(head).toMatch(/\r\nX-Ca-Error-Code: I404DO\r\n/i);
    expect(backend.requests).toEqual([]);
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LocalHost:PORT', '[::1]:PORT', 'internal-tools.localhost:PORT', 'internal-tools.localhost'])(
    'serves Host %s',
    async (template) => {
      const answer = await call(gw.port, '/internal', { host: template.replace('PORT', String(gw.port)) });
      expect(answer.status).toBe(200);
      expect(backend.requests.map((request) => request.url)).toEqual(['/admin']);
    },
  );

  it('serves the address the debugger and curl use when no Host is set by hand', async () => {
    expect((await call(gw.port, '/internal')).status).toBe(200);
    expect(backend.requests).toHaveLength(1);
  });
});

describe('ownHostsOf', () => {
  it('names the loopback addresses on the port, without the port only on 80 (clients leave the default port out)', () => {
    expect([...ownHostsOf('127.0.0.1', 8080)].sort()).toEqual(['127.0.0.1:8080', '[::1]:8080', 'localhost:8080']);
    expect([...ownHostsOf('127.0.0.1', 80)].sort()).toEqual(['127.0.0.1', '127.0.0.1:80', '[::1]', '[::1]:80', 'localhost', 'localhost:80']);
  });

  it('adds the address it is bound to, and every interface address when bound to all', () => {
    expect(ownHostsOf('192.168.7.9', 8080)).toContain('192.168.7.9:8080');
    expect(ownHostsOf('fd00::7', 8080)).toContain('[fd00::7]:8080');
    const all = ownHostsOf('0.0.0.0', 8080);
    for (const { address, family } of Object.values(networkInterfaces()).flatMap((list) => list ?? [])) {
      expect(all).toContain(family === 'IPv6' ? `[${address}]:8080` : `${address}:8080`);
    }
    expect(all).not.toContain('0.0.0.0:8080');
  });
});
