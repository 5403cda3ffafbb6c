// One answer per request, strict HTTP: raw bytes on a TCP socket against a real gateway, counting
// the HTTP responses that come back and the access-log records each request leaves.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { fixtureProject, mockApi, startGateway, type RunningGateway } from './test-support';

interface Wire {
  /** Everything the gateway sent until it closed the connection. */
  text: string;
  /** The status lines in it, one per response (no body here holds one). */
  responses: string[];
}

/** Writes `pieces` (a pause between each) on one connection and reads until the gateway closes it. */
function onTheWire(port: number, ...pieces: string[]): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    // A status line may follow the previous body on the same line: bodies end without a line break.
    socket.on('close', () => resolve({ text, responses: text.match(/HTTP\/1\.\d \d{3} [^\r]*/g) ?? [] }));
    const write = (i: number) => {
      if (i === pieces.length) return;
      socket.write(pieces[i]);
      setTimeout(() => write(i + 1), 20);
    };
    socket.on('connect', () => write(0));
  });
}

function header(text: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)\r$`, 'im').exec(text)?.[1];
}

describe('one answer per request, strict HTTP', () => {
  let gw: RunningGateway;
  let host: string;
  const records: AccessLogRecord[] = [];
  /** The records of the calls made since the test began, once every record of them is in. */
  const recordsOfThisTest = async () => {
    // A second record would come from the connection closing: give it the turns it would need.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return records.splice(0);
  };

  beforeAll(async () => {
    const project = fixtureProject({ apis: [mockApi('hello', 'GET', '/hello', { stages: ['RELEASE', 'TEST'] }), mockApi('upload', 'POST', '/upload')] });
    gw = await startGateway(project, undefined, { timeouts: { headersMs: 200, requestMs: 400 } });
    gw.gateway.on('access', (record) => records.push(record));
    host = `127.0.0.1:${gw.port}`;
  });
  afterAll(() => gw?.close());
  beforeEach(() => void records.splice(0));

  it('answers a refused POST once, even when its chunked body is malformed, and closes the connection', async () => {
    const wire = await onTheWire(gw.port, `POST /hello HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`);
    expect(wire.responses).toEqual(['HTTP/1.1 404 Not Found']);
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I404NF');
    expect(header(wire.text, 'Connection')).toBe('close');
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ method: 'POST', path: '/hello', status: 404, errorCode: 'I404NF' })]);
  });

  it('answers a malformed chunked body of a served API with I400BR, once', async () => {
    const wire = await onTheWire(gw.port, `POST /upload HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n`, 'zz\r\n0\r\n\r\n');
    expect(wire.responses).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I400BR');
    expect(header(wire.text, 'X-Ca-Error-Message')).toMatch(/^Bad Request: .*chunk/i);
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ api: 'upload', method: 'POST', status: 400, errorCode: 'I400BR' })]);
  });

  it('refuses a request line without an HTTP version', async () => {
    const wire = await onTheWire(gw.port, `GET /hello\r\nHost: ${host}\r\n\r\n`);
    expect(wire.responses).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I400BR');
    expect(header(wire.text, 'X-Ca-Error-Message')).toBe('Bad Request: the request line has no HTTP version');
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ method: 'GET', path: '/hello', status: 400, errorCode: 'I400BR' })]);
  });

  it.each([
    ['Host', `Host: ${'127.0.0.1'}:PORT\r\nHost: elsewhere.example\r\n`],
    ['X-Ca-Stage', 'Host: 127.0.0.1:PORT\r\nX-Ca-Stage: RELEASE\r\nx-ca-stage: TEST\r\n'],
  ])('refuses two %s headers with I400HD', async (name, headers) => {
    const wire = await onTheWire(gw.port, `GET /hello HTTP/1.1\r\n${headers.replaceAll('PORT', String(gw.port))}Connection: close\r\n\r\n`);
    expect(wire.responses).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I400HD');
    expect(header(wire.text, 'X-Ca-Error-Message')).toBe(`Invalid Header \`${name}\` is sent more than once`);
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ path: '/hello', status: 400, errorCode: 'I400HD' })]);
  });

  it('answers CONNECT through the same steps as any request, once, and logs it', async () => {
    const wire = await onTheWire(gw.port, `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(wire.responses).toHaveLength(1);
    expect(wire.responses[0]).toMatch(/^HTTP\/1\.1 4\d\d /);
    const code = header(wire.text, 'X-Ca-Error-Code');
    expect(code).toMatch(/^I4\d\d[A-Z]{2}$/);
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ method: 'CONNECT', path: host, errorCode: code })]);
  });

  it('answers headers that do not arrive in time with I408RT, and logs it', async () => {
    const wire = await onTheWire(gw.port, `GET /hello HTTP/1.1\r\nHost: ${host}\r\n`);
    expect(wire.responses).toEqual(['HTTP/1.1 408 Request Timeout']);
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I408RT');
    expect(header(wire.text, 'X-Ca-Error-Message')).toBe('Request Timeout: the request line and headers did not arrive within 0.2 s');
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ method: '-', status: 408, errorCode: 'I408RT' })]);
  });

  it('answers a body that does not arrive in time with I408RT, once, for its API', async () => {
    const wire = await onTheWire(gw.port, `POST /upload HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 10\r\n\r\nabc`);
    expect(wire.responses).toEqual(['HTTP/1.1 408 Request Timeout']);
    expect(header(wire.text, 'X-Ca-Error-Message')).toBe('Request Timeout: the request did not arrive in full within 0.4 s');
    expect(await recordsOfThisTest()).toEqual([expect.objectContaining({ api: 'upload', status: 408, errorCode: 'I408RT' })]);
  });

  it('answers malformed HTTP after a good request in order: the good answer first, then the refusal', async () => {
    const wire = await onTheWire(gw.port, `GET /hello HTTP/1.1\r\nHost: ${host}\r\n\r\nGET /hello HTTP/1.1\r\nHost: ${host}\r\nBad Header\r\n\r\n`);
    expect(wire.responses).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 400 Bad Request']);
    expect(wire.text.indexOf('hello answered')).toBeLessThan(wire.text.indexOf('HTTP/1.1 400'));
    expect(header(wire.text, 'X-Ca-Error-Code')).toBe('I400BR');
    expect(await recordsOfThisTest()).toEqual([
      expect.objectContaining({ path: '/hello', status: 200 }),
      expect.objectContaining({ method: '-', status: 400, errorCode: 'I400BR' }),
    ]);
  });
});
