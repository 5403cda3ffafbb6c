import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome, CallSnippets, DebugRequest, DebugResult, GatewayStatus, PreparedCall } from '../../shared/ipc/contract';
import { QUICKSTART, waitFor } from '../gateway-supervisor/testing/gateway-fixture';
import { createDispatcher } from '../base/dispatch';
import { type HostServices, createHostServices } from '../app/services';

const run = promisify(execFile);

let dir: string;
let services: HostServices;
let call: (channel: string, ...args: unknown[]) => Promise<CallOutcome>;

async function result<T>(channel: string, ...args: unknown[]): Promise<T> {
  const outcome = await call(channel, ...args);
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

const hello: DebugRequest = { target: { kind: 'local' }, stage: 'RELEASE', method: 'GET', path: '/hello', auth: { kind: 'anonymous' } };
const secureHello = (auth: DebugRequest['auth'], extra: Partial<DebugRequest> = {}): DebugRequest => ({
  target: { kind: 'local' },
  group: 'demo_hello_api',
  api: 'secure_hello',
  stage: 'TEST',
  method: 'GET',
  path: '/secure/hello',
  auth,
  ...extra,
});
const signed = (extra: Partial<Extract<DebugRequest['auth'], { kind: 'signature' }>> = {}) => ({ kind: 'signature' as const, app: QUICKSTART.app, ...extra });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-debug-'));
  // First start: the quickstart (with its demo credentials) opens from a copy in the data dir.
  services = await createHostServices({ dataDir: join(dir, 'data'), mode: 'browser' });
  const dispatcher = createDispatcher(services.handlers);
  call = (channel, ...args) => dispatcher.dispatch(channel, args);
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the debugger', () => {
  it('asks to start the local gateway first', async () => {
    expect(await call('agw:debug.send', hello)).toEqual({
      ok: false,
      error: { code: 'GATEWAY_NOT_RUNNING', message: 'Start the local gateway first: the debugger sends its calls to it, and it is not running now.' },
    });
  });

  describe('with the local gateway running', () => {
    let url: string;
    beforeAll(async () => {
      ({ url } = await result<{ url: string }>('agw:gateway.start', { port: 0 }));
    });

    it('sends an anonymous call', async () => {
      const sent = await result<DebugResult>('agw:debug.send', hello);
      expect(sent.prepared).toEqual({ method: 'GET', url: `${url}/hello`, headers: [['X-Ca-Stage', 'RELEASE']] });
      expect(sent.response).toMatchObject({ status: 200, bodyEncoding: 'utf8', requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
      expect(JSON.parse(sent.response!.body)).toEqual({ message: 'Hello from Alibaba Cloud API Gateway' });
      expect(sent.signature).toBeUndefined();
    });

    it('signs with the app\'s secret from the secrets file, which never appears in what comes back', async () => {
      const sent = await result<DebugResult>('agw:debug.send', secureHello(signed({ extraSignedHeaders: [] })));
      expect(sent.response).toMatchObject({ status: 200 });
      expect(sent.prepared.stringToSign).toMatch(/^GET\napplication\/json\n\n\n\nx-ca-key:204000001\nx-ca-nonce:.+\nx-ca-stage:TEST\nx-ca-timestamp:\d+\n\/secure\/hello$/);
      expect(JSON.stringify(sent)).not.toContain(QUICKSTART.appSecret);
    });

    it('blames the secret when a wrong one is typed: the strings to sign are identical', async () => {
      const sent = await result<DebugResult>('agw:debug.send', secureHello(signed({ appKey: QUICKSTART.appKey, secretOverride: 'not-the-secret' })));
      expect(sent.response).toMatchObject({ status: 403, errorCode: 'A403IS' });
      expect(sent.signature).toMatchObject({ identical: true, client: sent.prepared.stringToSign });
      expect(sent.signature!.likelyCause).toMatch(/^The strings to sign are identical, so the signature differs because of the secret/);
    });

    it('marks the line of a signed header dropped on the way', async () => {
      const request = secureHello(signed({ extraSignedHeaders: ['x-foo'] }), { headers: [['X-Foo', 'bar']], dropAfterSigning: ['x-foo'] });
      const sent = await result<DebugResult>('agw:debug.send', request);
      expect(sent.prepared.headers.map(([name]) => name)).not.toContain('x-foo');
      expect(sent.response).toMatchObject({ status: 403, errorCode: 'A403IS' });
      const comparison = sent.signature!;
      expect(comparison.identical).toBe(false);
      expect(comparison.lines.filter((line) => !line.same)).toEqual([{ client: 'x-foo:bar', server: 'x-foo:', same: false, clientRanges: [[6, 9]], serverRanges: [] }]);
      expect(comparison.likelyCause).toBe('Header x-foo: the client signed `bar` but the gateway received `` — a proxy on the way may have dropped or changed it.');
    });

    it('sends the app\'s AppCode in the Authorization header, showing it masked', async () => {
      const sent = await result<DebugResult>('agw:debug.send', secureHello({ kind: 'appCode', app: QUICKSTART.app }));
      // The gateway's 200 shows the real AppCode went out; the UI sees only its ends, as on the Apps screen.
      expect(sent.prepared.headers).toContainEqual(['Authorization', 'APPCODE quic…cdef']);
      expect(JSON.stringify(sent)).not.toContain(QUICKSTART.appCode);
      expect(sent.response).toMatchObject({ status: 200 });
      expect(JSON.parse(sent.response!.body)).toEqual({ message: 'Hello, authenticated caller' });
    });

    it('prepares without sending, with fixed timestamp, nonce and Content-MD5', async () => {
      const prepared = await result<PreparedCall>(
        'agw:debug.prepare',
        secureHello(signed({ timestamp: 1700000000000, nonce: 'n-1', addContentMd5: true }), {
          method: 'POST',
          query: [['b', '2'], ['a', 'x y']],
          body: { kind: 'text', text: '{"a":1}', contentType: 'application/json' },
        }),
      );
      expect(prepared.url).toBe(`${url}/secure/hello?b=2&a=x%20y`);
      expect(prepared.body).toBe('{"a":1}');
      expect(prepared.stringToSign).toBe(
        `POST\napplication/json\n${md5Base64('{"a":1}')}\napplication/json\n\nx-ca-key:204000001\nx-ca-nonce:n-1\nx-ca-stage:TEST\nx-ca-timestamp:1700000000000\n/secure/hello?a=x y&b=2`,
      );
    });

    it('says which app lacks credentials', async () => {
      expect(await call('agw:debug.prepare', secureHello({ kind: 'appCode', app: 'nobody' }))).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringMatching(/^App `nobody` has no AppCode in .*quickstart\.secrets\.yaml\. Create credentials/) },
      });
    });

    describe('snippets', () => {
      /** A signed call for now with a nonce of its own: each run of a signed command uses up its nonce. */
      const freshSigned = () => secureHello(signed({ timestamp: Date.now(), nonce: crypto.randomUUID() }));

      it('give a curl command that gets the same answer as the debugger', async () => {
        for (const request of [freshSigned(), hello, secureHello({ kind: 'appCode', app: QUICKSTART.app })]) {
          const { curl } = await result<CallSnippets>('agw:debug.snippets', request, { includeSecret: true });
          const sent = await result<DebugResult>('agw:debug.send', request.auth.kind === 'signature' ? freshSigned() : request);
          const answer = parseCurlOutput((await run('sh', ['-c', curl])).stdout);
          expect(answer).toEqual({ status: sent.response!.status, body: sent.response!.body });
          expect(answer.status).toBe(200);
        }
      });

      it('keep the secret and the AppCode out unless asked', async () => {
        const withoutSecret = await result<CallSnippets>('agw:debug.snippets', freshSigned(), { includeSecret: false });
        expect(JSON.stringify(withoutSecret)).not.toContain(QUICKSTART.appSecret);
        for (const code of [withoutSecret.node, withoutSecret.python, withoutSecret.java]) expect(code).toContain('"<APP_SECRET>"');
        expect(withoutSecret.curl).toMatch(/^# Signed for X-Ca-Timestamp \d+ \(.+Z\): the gateway accepts this command only within 15 minutes of that time/m);
        expect(withoutSecret.node).toContain("require('aliyun-api-gateway')");

        const withSecret = await result<CallSnippets>('agw:debug.snippets', freshSigned(), { includeSecret: true });
        expect(withSecret.python).toContain(`"${QUICKSTART.appSecret}"`);

        const appCode = await result<CallSnippets>('agw:debug.snippets', secureHello({ kind: 'appCode', app: QUICKSTART.app }), { includeSecret: false });
        expect(JSON.stringify(appCode)).not.toContain(QUICKSTART.appCode);
        expect(appCode.curl).toContain("-H 'Authorization: APPCODE <APP_CODE>'");
      });

      // Skipped only on a developer's machine without requests: CI (.ci/run) installs it, so there it always runs.
      it.skipIf(!hasPythonRequests() && !process.env.CI)('give Python code that signs the call and gets the same answer', async () => {
        const { python } = await result<CallSnippets>('agw:debug.snippets', secureHello(signed({ extraSignedHeaders: ['x-foo'] }), { headers: [['X-Foo', 'bar']] }), { includeSecret: true });
        const { stdout } = await run('python3', ['-c', python]);
        expect(stdout.split('\n')[0]).toBe('200 ');
        expect(JSON.parse(stdout.split('\n')[1])).toEqual({ message: 'Hello, authenticated caller' });
      });
    });

    it('serves a rotated secret at once, and signs with it', async () => {
      const statuses: GatewayStatus[] = [];
      const off = services.events.on('agw:gateway.status', (status) => statuses.push(status));
      await result('agw:apps.rotateSecret', { app: QUICKSTART.app, appKey: QUICKSTART.appKey });
      await waitFor(() => statuses.some((s) => s.message === "Reloaded the apps' credentials"), 'the gateway to take the new secret');
      off();
      expect((await result<DebugResult>('agw:debug.send', secureHello(signed()))).response).toMatchObject({ status: 200 });
      const old = await result<DebugResult>('agw:debug.send', secureHello(signed({ appKey: QUICKSTART.appKey, secretOverride: QUICKSTART.appSecret })));
      expect(old.response).toMatchObject({ status: 403, errorCode: 'A403IS' });
    });

    it('lists the calls it made in the access log, then stops', async () => {
      const log = await result<{ path: string; status: number }[]>('agw:gateway.recentLog');
      expect(log.map((r) => r.path)).toContain('/secure/hello');
      expect(JSON.stringify(log)).not.toContain(QUICKSTART.appCode);
      expect(await result('agw:gateway.stop')).toMatchObject({ state: 'stopped' });
      expect(await call('agw:debug.send', hello)).toMatchObject({ ok: false, error: { code: 'GATEWAY_NOT_RUNNING' } });
    });
  });
});

function md5Base64(text: string): string {
  return createHash('md5').update(text).digest('base64');
}

/** Status and body of `curl -i` output (the last response, after any 100 Continue). */
function parseCurlOutput(output: string): { status: number; body: string } {
  const blocks = output.split('\r\n\r\n');
  const headBlock = blocks.filter((block) => /^HTTP\/[\d.]+ \d{3}/.test(block)).at(-1) ?? '';
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(headBlock)?.[1]);
  return { status, body: blocks.slice(blocks.indexOf(headBlock) + 1).join('\r\n\r\n') };
}

function hasPythonRequests(): boolean {
  try {
    execFileSync('python3', ['-c', 'import requests'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
