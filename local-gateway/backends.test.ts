import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  closedPort,
  fixtureProject,
  startBackend,
  startGateway,
  type FixtureApi,
  type RecordingBackend,
  type RunningGateway,
} from './test-support';

function httpApi(name: string, path: string, address: string, timeout = 5_000): FixtureApi {
  return { name, request: { method: 'ANY', path, mode: 'PASSTHROUGH' }, backend: { type: 'HTTP', address, path, method: 'ANY', timeout } };
}

describe('backends', () => {
  let backend: RecordingBackend;
  let garbage: net.Server;
  let gw: RunningGateway;
  let deadPort: number;

  beforeAll(async () => {
    backend = await startBackend((req, res) => {
      if (req.url.startsWith('/slow')) return; // never answers
      if (req.url.startsWith('/fail')) {
        res.writeHead(500, { 'Content-Type': 'text/plain', 'X-From': 'backend' });
        return res.end('backend broke');
      }
      if (req.url.startsWith('/hop')) {
        res.writeHead(200, { Connection: 'keep-alive, X-Secret-Hop', 'Keep-Alive': 'timeout=5', 'X-Secret-Hop': 'x', 'X-Kept': 'y', 'Proxy-Foo': 'z' });
        return res.end('ok');
      }
      if (req.url.startsWith('/stream')) {
        res.writeHead(201, { 'Content-Type': 'text/plain' });
        let n = 0;
        const timer = setInterval(() => {
          res.write(`chunk${n}\n`);
          if (++n === 3) {
            clearInterval(timer);
            res.end();
          }
        }, 10);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ headers: req.headers }));
    });
    garbage = net.createServer((socket) => socket.end('this is not HTTP\r\n\r\n'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    deadPort = await closedPort();
    const base = `http://127.0.0.1:${backend.port}`;
    const project = fixtureProject({
      apis: [
        {
          name: 'mock',
          request: { method: 'GET', path: '/mock' },
          backend: {
            type: 'MOCK',
            statusCode: 418,
            body: '{"tea":"☕"}',
            headers: [
              { name: 'Content-Type', value: 'application/json; charset=utf-8' },
              { name: 'X-Mock', value: 'café ☕' },
            ],
          },
        },
        httpApi('slow', '/slow', base, 300),
        httpApi('fail', '/fail', base),
        httpApi('hop_by_hop', '/hop', base),
        httpApi('stream', '/stream', base),
        httpApi('echo', '/echo', base),
        httpApi('dead', '/dead', `http://127.0.0.1:${deadPort}`),
        httpApi('garbage', '/garbage', `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`),
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
    garbage?.close();
  });

  it('answers a MOCK as configured, without X-Ca-Error-Code', async () => {
    const answer = await call(gw.port, '/mock');
    expect(answer.status).toBe(418);
    expect(answer.body).toBe('{"tea":"☕"}');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Buffer.from(answer.headers['x-mock'] as string, 'latin1').toString('utf8')).toBe('café ☕');
    expect(answer.headers['x-ca-error-code']).toBeUndefined();
    expect(answer.headers['x-ca-request-id']).toBeDefined();
  });

  it('answers D504TO when the backend does not answer within the API timeout', async () => {
    const answer = await call(gw.port, '/slow');
    expect(answer.status).toBe(504);
    expect(answer.headers['x-ca-error-code']).toBe('D504TO');
    expect(answer.headers['x-ca-error-message']).toBe('Backend service request timeout');
    expect(answer.body).toBe('');
  });

  it('answers D504CO when the backend refuses the connection', async () => {
    const answer = await call(gw.port, '/dead');
    expect(answer.status).toBe(504);
    expect(answer.headers['x-ca-error-code']).toBe('D504CO');
    expect(answer.headers['x-ca-error-message']).toBe(`Backend service connect failed \`Connection refused 127.0.0.1:${deadPort}\``);
  });

  it('answers D502FC when the backend does not speak HTTP', async () => {
    const answer = await call(gw.port, '/garbage');
    expect(answer.status).toBe(502);
    expect(answer.headers['x-ca-error-code']).toBe('D502FC');
  });

  it('passes a backend 500 through unchanged, without X-Ca-Error-Code', async () => {
    const answer = await call(gw.port, '/fail');
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('backend broke');
    expect(answer.headers['x-from']).toBe('backend');
    expect(answer.headers['x-ca-error-code']).toBeUndefined();
    expect(answer.headers['x-ca-request-id']).toBeDefined();
  });

  it('strips hop-by-hop headers of the backend answer', async () => {
    const answer = await call(gw.port, '/hop');
    expect(answer.headers['x-kept']).toBe('y');
    expect(answer.headers['x-secret-hop']).toBeUndefined();
    expect(answer.headers['proxy-foo']).toBeUndefined();
  });

  it('strips hop-by-hop headers of the caller', async () => {
    const answer = await call(gw.port, '/echo', {
      headers: { Connection: 'X-Private', 'X-Private': 'p', 'Proxy-Authorization': 'secret', TE: 'trailers', 'X-Normal': 'n' },
    });
    const seen = JSON.parse(answer.body).headers;
    expect(seen['x-normal']).toBe('n');
    expect(seen['x-private']).toBeUndefined();
    expect(seen['proxy-authorization']).toBeUndefined();
    expect(seen['te']).toBeUndefined();
  });

  it('streams a chunked backend answer', async () => {
    const answer = await call(gw.port, '/stream');
    expect(answer.status).toBe(201);
    expect(answer.body).toBe('chunk0\nchunk1\nchunk2\n');
  });

  it('keeps answering when a caller hangs up while the backend is slow', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(gw.port, '127.0.0.1', () => {
        socket.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\n`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    expect((await call(gw.port, '/mock')).status).toBe(418);
  });
});
