import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/signature/sign';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { createAccessLog, formatRecord } from './access-log';
import { call, fixtureProject, fixtureSecrets, mockApi, startGateway } from './test-support';

const KEY = 'logKey-123456';
const SECRET = 'logSecret-ZZZZ-9876';
const APPCODE = 'appcode-QQQQ-5555';
const BASIC = 'Basic dXNlcjpwYXNzd29yZA==';

const project = fixtureProject({
  apps: [{ name: 'caller' }],
  authorizations: [
    { app: 'caller', group: 'demo', api: 'signed', stage: 'RELEASE' },
    { app: 'caller', group: 'demo', api: 'byCode', stage: 'RELEASE' },
  ],
  apis: [
    mockApi('signed', 'GET', '/signed', { auth: { type: 'APP' } }),
    mockApi('byCode', 'GET', '/code', { auth: { type: 'APP', appCodeAuthType: 'HEADER_QUERY' } }),
    mockApi('open', 'GET', '/open'),
  ],
});
const secrets = fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }], appCodes: [APPCODE] } } });

describe('access log', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-log-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function run(level: 'debug' | 'error') {
    const file = path.join(dir, `${level}.log`);
    const gw = await startGateway(project, secrets, { log: createAccessLog(level, { file }) });
    const events: AccessLogRecord[] = [];
    gw.gateway.on('access', (r) => events.push(r));
    const signed = signRequest({ method: 'GET', url: `/signed?token=${SECRET}`, appKey: KEY, appSecret: SECRET });
    const answers = [
      await call(gw.port, `/signed?token=${SECRET}`, { headers: { ...signed.headers, Authorization: BASIC } }),
      await call(gw.port, '/code', { headers: { Authorization: `APPCODE ${APPCODE}` } }),
      await call(gw.port, `/code?AppCode=${APPCODE}`),
      await call(gw.port, '/open', { headers: { Authorization: BASIC } }),
      await call(gw.port, '/missing'),
      await call(gw.port, '/signed', { headers: { ...signed.headers, 'X-Ca-Signature': 'AAAA' + signed.signature.slice(4) } }),
    ];
    await gw.close();
    const text = await readFile(file, 'utf8');
    return { text, events, answers, signature: signed.signature };
  }

  it('writes one JSON line per call with the agreed fields and never a credential', async () => {
    const { text, events, answers, signature } = await run('debug');
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404, 403]);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(6);
    const records = lines.map((l) => JSON.parse(l) as AccessLogRecord);
    expect(records).toEqual(events);
    expect(records[0]).toMatchObject({ group: 'demo', api: 'signed', stage: 'RELEASE', method: 'GET', path: '/signed', status: 200, app: 'caller', clientIp: '127.0.0.1' });
    expect(records[0].requestId).toBe(answers[0].headers['x-ca-request-id']);
    expect(typeof records[0].latencyMs).toBe('number');
    expect(new Date(records[0].time).toISOString()).toBe(records[0].time);
    expect(records[4]).toMatchObject({ status: 404, errorCode: 'I404NF' });
    expect(records[5]).toMatchObject({ status: 403, errorCode: 'A403IS', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    // The Host and the message of a refusal are logged; A403IS's StringToSign (signed headers, query) is not.
    expect(records[4]).toMatchObject({ host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), errorMessage: 'API not found with `GET /missing`' });
    expect(records[5].errorMessage).toMatch(/^Invalid Signature \(the Server StringToSign is in the answer, not in the log/);
    expect(answers[5].headers['x-ca-error-message']).toContain('StringToSign');
    for (const secret of [SECRET, APPCODE, BASIC, 'dXNlcjpwYXNzd29yZA', signature, KEY]) expect(text).not.toContain(secret);
  });

  it('logs only failures at error level', async () => {
    const { text, events } = await run('error');
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as AccessLogRecord);
    expect(records.map((r) => r.errorCode)).toEqual(['I404NF', 'A403IS']);
    // The console's live view still gets every call.
    expect(events).toHaveLength(6);
  });
});

describe('formatRecord', () => {
  it('writes each string field as JSON, the same on every call, long or short, whatever it holds', () => {
    const record: AccessLogRecord = {
      time: '2026-12-07T20:00:00.000Z',
      requestId: '7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF',
      group: 'grüppe "1"',
      api: 'back\\slash',
      stage: 'TEST',
      method: 'GET',
      path: '/ünïcode/\u0001/"q"/' + 'x'.repeat(300),
      status: 200,
      app: 'app\nline',
      latencyMs: 0.3,
      clientIp: '::1',
      backend: 'http://127.0.0.1:9/"',
    };
    // The second and third lines are made from the texts kept from the first.
    for (let i = 0; i < 3; i++) {
      const line = formatRecord({ ...record, path: i === 2 ? '/short/"q"' : record.path }, true);
      expect(line.endsWith('}\n')).toBe(true);
      expect(JSON.parse(line)).toEqual({ ...record, path: i === 2 ? '/short/"q"' : record.path });
    }
  });
});

describe('createAccessLog', () => {
  const record = (i: number, extra: Partial<AccessLogRecord> = {}): AccessLogRecord => ({
    time: '2026-12-07T20:00:00.000Z',
    requestId: `REQ-${i}`,
    group: 'grüppe',
    method: 'GET',
    path: `/items/${i}`,
    status: 200,
    latencyMs: 0.2,
    clientIp: '127.0.0.1',
    ...extra,
  });
  // Enough lines to fill the batch a few times, non-ASCII text, and one line longer than the batch itself.
  const records = [
    ...Array.from({ length: 900 }, (_, i) => record(i)),
    record(900, { app: 'ä'.repeat(40_000) }),
    ...Array.from({ length: 100 }, (_, i) => record(901 + i, { path: '/ünï/' + 'x'.repeat(2000) })),
  ];

  it('writes every line to a file, in order, however long', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-log-'));
    try {
      const file = path.join(dir, 'access.log');
      const log = createAccessLog('info', { file });
      for (const r of records) log.write(r);
      await log.close();
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      expect(lines.map((l) => JSON.parse(l) as AccessLogRecord)).toEqual(records);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hands a stream bytes of its own, which later lines do not overwrite', async () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), setImmediate(done)) });
    const log = createAccessLog('info', { stream });
    for (const r of records) log.write(r);
    await log.close();
    // The stream takes the writes it was given in its own time.
    await new Promise((resolve) => stream.end(resolve));
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as AccessLogRecord)).toEqual(records);
  });
});
