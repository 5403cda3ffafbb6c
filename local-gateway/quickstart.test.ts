// The acceptance: the real CLI (bin/apigw-local.js) serving a copy of the real
// examples/quickstart.apigw.yaml, called with Alibaba's official Node SDK and plain HTTP as the
// tutorial in docs/local-gateway.md does.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdk, sdkRefusal, startCallRecorder, stringToSignOf, type CallRecorder } from './sdk-test-support';
import { call, startBackend, type RecordingBackend } from './test-support';

const BIN = fileURLToPath(new URL('../bin/apigw-local.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

// The demo credentials of examples/quickstart.secrets.yaml.
const APP_KEY = '204000001';
const APP_SECRET = 'quickstartSecret0123456789abcdef';
const APP_CODE = 'quickstartAppCode0123456789abcdef';
const SECURE_BODY = { message: 'Hello, authenticated caller' };
const UPPER_CASE_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

interface RunningCli {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns `apigw-local serve <project> --port 0`; resolves once it printed its Listening line. */
function serve(projectPath: string): Promise<RunningCli> {
  const child = spawn(process.execPath, [BIN, 'serve', projectPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /^Listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(output);
      if (listening) resolve({ child, port: Number(listening[1]), output: () => output, exited });
    });
    void exited.then((code) => reject(new Error(`apigw-local exited with ${code} before listening:\n${output}`)));
  });
}

describe('the quickstart example through apigw-local and the official SDK', () => {
  let dir: string;
  let backend: RecordingBackend;
  let cli: RunningCli;
  let base: string;

  beforeAll(async () => {
    backend = await startBackend();
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-quickstart-'));
    const projectPath = path.join(dir, 'quickstart.apigw.yaml');
    await copyFile(path.join(EXAMPLES, 'quickstart.secrets.yaml'), path.join(dir, 'quickstart.secrets.yaml'));
    // Point the stage variable at this test's backend, as a person would edit the file.
    const text = await readFile(path.join(EXAMPLES, 'quickstart.apigw.yaml'), 'utf8');
    const edited = text.replaceAll('backendPort: "18080"', `backendPort: "${backend.port}"`);
    expect(edited.split(`backendPort: "${backend.port}"`)).toHaveLength(4);
    await writeFile(projectPath, edited);
    cli = await serve(projectPath);
    base = `http://127.0.0.1:${cli.port}`;
  });

  afterAll(async () => {
    cli?.child.kill('SIGKILL');
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers a signed GET /secure/hello in RELEASE (default) and in TEST', async () => {
    await expect(new sdk.Client(APP_KEY, APP_SECRET).get(`${base}/secure/hello`)).resolves.toEqual(SECURE_BODY);
    await expect(new sdk.Client(APP_KEY, APP_SECRET, 'TEST').get(`${base}/secure/hello`)).resolves.toEqual(SECURE_BODY);
  });

  it('answers GET /secure/hello with the AppCode of SimpleClient', async () => {
    await expect(new sdk.SimpleClient(APP_CODE).get(`${base}/secure/hello`)).resolves.toEqual(SECURE_BODY);
  });

  it('refuses a wrong secret with A403IS and exactly the StringToSign shared/signature builds', async () => {
    let recorder: CallRecorder | undefined;
    try {
      recorder = await startCallRecorder(cli.port);
      const wrong = new sdk.Client(APP_KEY, 'notTheQuickstartSecret');
      const error = await sdkRefusal(wrong.get(`http://127.0.0.1:${recorder.port}/secure/hello`, { query: { name: 'Zhang San', zero: 0 } }));
      expect(error.code).toBe(403);
      expect(error.data.headers['x-ca-error-code']).toBe('A403IS');
      const sent = recorder.calls[0];
      const ours = stringToSignOf(sent);
      expect(ours).toBe(
        `GET\napplication/json\n\n\n\nx-ca-key:${APP_KEY}\nx-ca-nonce:${sent.headers['x-ca-nonce']}\nx-ca-stage:RELEASE\n` +
          `x-ca-timestamp:${sent.headers['x-ca-timestamp']}\n/secure/hello?name=Zhang San&zero=0`,
      );
      expect(error.data.headers['x-ca-error-message']).toBe('Invalid Signature, Server StringToSign:`' + ours.replaceAll('\n', '#') + '`');
    } finally {
      await recorder?.close();
    }
  });

  it('answers the anonymous GET /hello with the mock as JSON and an upper-case request id', async () => {
    const answer = await call(cli.port, '/hello');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"message":"Hello from Alibaba Cloud API Gateway"}');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-ca-request-id']).toMatch(UPPER_CASE_UUID);
  });

  it('answers an unknown path with I404NF and an empty body', async () => {
    const answer = await call(cli.port, '/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404NF');
    expect(answer.headers['x-ca-error-message']).toBe('API not found with `GET /nope`');
    expect(answer.body).toBe('');
  });

  it('throttles a burst on /limited (2 per second)', async () => {
    // Sent at once: even if the burst straddles a second boundary, two windows allow 4 of 6.
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(cli.port, '/limited')));
    const ok = answers.filter((a) => a.status === 200);
    const throttled = answers.filter((a) => a.status === 429);
    expect(ok.length + throttled.length).toBe(6);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(4);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    for (const refused of throttled) {
      expect(refused.headers['x-ca-error-code']).toMatch(/^T429/);
      expect(refused.headers['x-ca-error-message']).toBe('Throttled by API Flow Control');
    }
  });

  it('sends GET /users/1 in TEST to the backend named by the stage variable', async () => {
    const answer = await call(cli.port, '/users/1', { headers: { 'X-Ca-Stage': 'TEST' } });
    expect(answer.status).toBe(200);
    expect(backend.requests.at(-1)).toMatchObject({ method: 'GET', url: '/users/1' });
  });

  it('stops on SIGTERM with exit status 0', async () => {
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });
});
