import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { call, fixtureProject, mockApi, startGateway, type RunningGateway } from './test-support';

/** Writes raw bytes on a new connection and resolves with everything read until the server closes (or `untilHead`). */
function raw(port: number, write: (socket: net.Socket) => void, untilHead = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      text += d;
      if (untilHead && text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('close', () => resolve(text));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(text) : reject(e)));
    socket.on('connect', () => write(socket));
  });
}

function header(response: string, name: string): string | undefined {
  const match = new RegExp(`^${name}: (.*)$`, 'im').exec(response.split('\r\n\r\n')[0]);
  return match?.[1];
}

describe('request limits and malformed input', () => {
  let gw: RunningGateway;
  const records: AccessLogRecord[] = [];

  beforeAll(async () => {
    const project = fixtureProject({ apis: [mockApi('hello', 'ANY', '/hello')] });
    gw = await startGateway(project, undefined, { maxBodyBytes: 1024 });
    gw.gateway.on('access', (r) => records.push(r));
  });
  afterAll(() => gw?.close());

  it('refuses a URL over 128 KB with I413UL', async () => {
    const answer = await call(gw.port, '/hello?x=' + 'a'.repeat(129 * 1024));
    expect(answer.status).toBe(413);
    expect(answer.headers['x-ca-error-code']).toBe('I413UL');
    expect(answer.headers['x-ca-error-message']).toBe('Request URL too Large');
  });

  it('serves a URL just under 128 KB', async () => {
    expect((await call(gw.port, '/hello?x=' + 'a'.repeat(120 * 1024))).status).toBe(200);
  });

  it('refuses a declared body over the limit with I413RL without reading it', async () => {
    // Only the head is sent: the answer must come without a single body byte.
    const response = await raw(gw.port, (s) => s.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nContent-Length: 1000000000\r\n\r\n`), true);
    expect(response.startsWith('HTTP/1.1 413')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I413RL');
    expect(header(response, 'X-Ca-Error-Message')).toBe('Request body too Large');
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const response = await raw(gw.port, (s) => {
      s.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = 'x'.repeat(600);
      for (let i = 0; i < 3; i++) s.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      // The terminating chunk is never sent: the gateway must answer anyway.
    }, true);
    expect(response.startsWith('HTTP/1.1 413')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I413RL');
  });

  it('accepts a body within the limit', async () => {
    expect((await call(gw.port, '/hello', { method: 'POST', body: 'x'.repeat(1024) })).status).toBe(200);
  });

  it('answers a bad Content-Length with I400HD and stays up', async () => {
    const response = await raw(gw.port, (s) => s.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nContent-Length: abc\r\n\r\n`));
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I400HD');
    expect(header(response, 'X-Ca-Request-Id')).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers garbage with I400BR', async () => {
    const response = await raw(gw.port, (s) => s.write('NOT HTTP AT ALL\r\n\r\n'));
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I400BR');
  });

  it('serves a 64 KB header and refuses a 300 KB one with I400HD naming it', async () => {
    expect((await call(gw.port, '/hello', { headers: { 'X-Big': 'b'.repeat(64 * 1024) } })).status).toBe(200);
    const response = await raw(gw.port, (s) => s.write(`GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nX-Huge: ${'h'.repeat(300 * 1024)}\r\n\r\n`), true);
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I400HD');
    expect(header(response, 'X-Ca-Error-Message')).toBe('Invalid Header `X-Huge` too large: the URL and headers are over 192 KB together');
  });

  it('refuses a URL over the limit with I413UL however large the request line is (also past Node\'s parser limit)', async () => {
    for (const kb of [150, 300, 1200, 3000]) {
      const response = await raw(gw.port, (s) => s.write(`GET /hello?x=${'a'.repeat(kb * 1024)} HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\n`), true);
      expect(response.startsWith('HTTP/1.1 413'), `${kb} KB URL: ${response.slice(0, 40)}`).toBe(true);
      expect(header(response, 'X-Ca-Error-Code')).toBe('I413UL');
      expect(header(response, 'X-Ca-Error-Message')).toBe('Request URL too Large');
    }
  });

  it('answers headers past Node\'s parser limit from the socket with I400HD, naming a header it saw', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => `X-Filler-${i}: ${'f'.repeat(80)}\r\n`).join('');
    const response = await raw(gw.port, (s) => s.write(`GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n${many}\r\n`));
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I400HD');
    expect(header(response, 'X-Ca-Error-Message')).toMatch(/^Invalid Header `X-Filler-\d+` too large: the URL and headers are over 1 MiB together$/);
    expect(records.at(-1)).toMatchObject({ status: 400, errorCode: 'I400HD' });
  });

  it('answers a request-target Node cannot parse with I400RU', async () => {
    const response = await raw(gw.port, (s) => s.write(`GET /hel\x01lo HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\n`));
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(header(response, 'X-Ca-Error-Code')).toBe('I400RU');
    expect(header(response, 'X-Ca-Error-Message')).toBe('Invalid Request Uri `Invalid char in url path`');
  });

  it('survives a client that trickles a body and disconnects', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(gw.port, '127.0.0.1', () => {
        socket.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nContent-Length: 500\r\n\r\n`);
        let sent = 0;
        const timer = setInterval(() => {
          socket.write('x');
          if (++sent === 5) {
            clearInterval(timer);
            socket.destroy();
            resolve();
          }
        }, 10);
      });
      socket.on('error', () => {});
    });
    await new Promise((r) => setTimeout(r, 50));
    expect((await call(gw.port, '/hello')).status).toBe(200);
    expect(records.some((r) => r.status === 499)).toBe(true);
  });

  it('survives a client that trickles its head and disconnects', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(gw.port, '127.0.0.1', () => {
        const head = `GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n`;
        let i = 0;
        const timer = setInterval(() => {
          socket.write(head[i]);
          if (++i === head.length) {
            clearInterval(timer);
            socket.destroy();
            resolve();
          }
        }, 2);
      });
      socket.on('error', () => {});
    });
    expect((await call(gw.port, '/hello')).status).toBe(200);
  });

  it('serves many calls on one keep-alive connection', async () => {
    const response = await raw(gw.port, (s) => {
      s.write(`GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\nGET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\nGET /nope HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nConnection: close\r\n\r\n`);
    });
    expect(response.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(response).toContain('HTTP/1.1 404');
  });
});

describe('Expect: 100-continue', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(fixtureProject({ apis: [mockApi('hello', 'ANY', '/hello')] }), undefined, { maxBodyBytes: 1024 });
  });
  afterAll(() => gw?.close());

  it('refuses a body over the limit without asking for it', async () => {
    const response = await raw(gw.port, (s) => s.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`), true);
    expect(response.startsWith('HTTP/1.1 413')).toBe(true);
  });

  it('asks for a body within the limit', async () => {
    const response = await raw(gw.port, (s) => {
      s.write(`POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
      s.once('data', () => s.write('hello'));
    });
    expect(response.startsWith('HTTP/1.1 100 Continue')).toBe(true);
    expect(response).toContain('HTTP/1.1 200 OK');
  });
});

describe('header values from callers', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    const project = fixtureProject({
      apis: [mockApi('hello', 'GET', '/hello')],
      plugins: [
        { name: 'echoCors', type: 'cors', cors: { allowOrigins: ['*'], allowCredentials: true }, bindings: [{ group: 'demo', api: 'hello', stage: 'RELEASE' }] },
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(() => gw?.close());

  it('echoes a non-Latin-1 Origin as UTF-8 bytes instead of failing', async () => {
    const origin = 'https://例え.jp';
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const response = await raw(gw.port, (s) => s.write(`GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nOrigin: ${utf8(origin)}\r\nConnection: close\r\n\r\n`, 'latin1'));
    expect(response.startsWith('HTTP/1.1 200')).toBe(true);
    expect(header(response, 'Access-Control-Allow-Origin')).toBe(utf8(origin));
    const preflight = await raw(gw.port, (s) =>
      s.write(`OPTIONS /hello HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nOrigin: ${utf8(origin)}\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: ${utf8('x-ä')}\r\nConnection: close\r\n\r\n`, 'latin1'),
    );
    expect(preflight.startsWith('HTTP/1.1 200')).toBe(true);
    expect((await call(gw.port, '/hello')).status).toBe(200);
  });
});
