/**
 * The debugger's code snippets, run as a person would run them, against the real local gateway:
 * the Node one with `node` (the official aliyun-api-gateway SDK where it fits, our own node:crypto
 * signing otherwise) and the Java one with the JDK's single-file launcher. The call is signed,
 * its path has capitals (a signature over a lower-cased path fails) and it signs a header of the
 * caller's; the header list is also given unsorted, as X-Ca-Signature-Headers may carry it, since
 * the string to sign sorts it (docs/alibaba-data-plane.md, "String to sign").
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCall } from '../shared/debug/prepare-call';
import { type SnippetInput, buildSnippets } from '../shared/debug/snippets';
import { DebugRequest } from '../shared/ipc/contract';
import type { SignatureMethod } from '../shared/signature/hmac';
import { fixtureProject, fixtureSecrets, mockApi, startGateway, type RunningGateway } from './test-support';

const run = promisify(execFile);
const KEY = '204999001';
const SECRET = 'snippetSecret-Hq7vT2xLw9';
const PATH = '/Orders/ItemList';
const ANSWER = 'orders answered';

let gateway: RunningGateway;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-snippets-'));
  const project = fixtureProject({
    apps: [{ name: 'caller' }],
    authorizations: [
      { app: 'caller', group: 'demo', api: 'orders', stage: 'RELEASE' },
      { app: 'caller', group: 'demo', api: 'ordersPatch', stage: 'RELEASE' },
    ],
    apis: [
      mockApi('orders', 'GET', PATH, { auth: { type: 'APP' }, backend: { type: 'MOCK', statusCode: 200, body: ANSWER, headers: [] } }),
      mockApi('ordersPatch', 'PATCH', PATH, { auth: { type: 'APP' }, backend: { type: 'MOCK', statusCode: 200, body: ANSWER, headers: [] } }),
    ],
  });
  gateway = await startGateway(project, fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }] } } }));
});
afterAll(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the debug service hands the snippet builder for a signed call with the secret in. */
function signedInput(options: { method: string; signatureMethod: SignatureMethod; unsorted: boolean }): SnippetInput {
  const request = DebugRequest.parse({
    target: { kind: 'local' },
    stage: 'RELEASE',
    method: options.method,
    path: PATH,
    query: [['b', '2'], ['A', 'x y']],
    headers: [['X-Foo', 'bar']],
    auth: { kind: 'signature', app: 'caller', signatureMethod: options.signatureMethod, extraSignedHeaders: ['x-foo'] },
  });
  const details = prepareCall({ request, baseUrl: `http://127.0.0.1:${gateway.port}`, credentials: { appKey: KEY, appSecret: SECRET } });
  const names = details.signedHeaderNames ?? [];
  return {
    prepared: details.prepared,
    stage: 'RELEASE',
    auth: {
      kind: 'signature',
      appKey: KEY,
      appSecret: SECRET,
      signatureMethod: options.signatureMethod,
      signedHeaderNames: options.unsorted ? [...names].reverse() : names,
      computedContentMd5: false,
      dropped: details.dropped,
    },
  };
}

const VARIANTS = [
  { what: 'the SDK client (GET)', method: 'GET', signatureMethod: 'HmacSHA256', unsorted: false },
  { what: 'its own signing (PATCH, which the SDK does not offer)', method: 'PATCH', signatureMethod: 'HmacSHA256', unsorted: false },
  { what: 'its own signing, the header list unsorted', method: 'PATCH', signatureMethod: 'HmacSHA256', unsorted: true },
] as const;
/** The Java snippet always signs by itself: a GET, and a PATCH with the list unsorted. */
const JAVA_VARIANTS = [
  { what: 'a GET', method: 'GET', signatureMethod: 'HmacSHA256', unsorted: false },
  { what: 'a PATCH, the header list unsorted', method: 'PATCH', signatureMethod: 'HmacSHA256', unsorted: true },
] as const;

describe('the Node snippet', () => {
  it.each(VARIANTS)('makes the signed call with $what, and the gateway lets it through', async (variant) => {
    const input = signedInput(variant);
    expect(input.auth.kind === 'signature' && input.auth.signedHeaderNames).toContain('x-foo');
    const { node } = buildSnippets(input);
    if (variant.what.startsWith('the SDK')) expect(node).toContain("require('aliyun-api-gateway')");
    else expect(node).toContain("require('node:crypto')");
    // Run from the repository, where aliyun-api-gateway is installed, as after `npm install aliyun-api-gateway`.
    const { stdout, stderr } = await run(process.execPath, ['-e', node], { cwd: process.cwd() });
    expect(stderr).toBe('');
    if (variant.what.startsWith('the SDK')) expect(stdout).toContain(ANSWER);
    else expect(stdout.split('\n').slice(0, 2)).toEqual(['200 ', ANSWER]);
  });
});

// The JDK is on developer machines that have one; CI (.ci/run) installs it, so there it always runs.
describe.skipIf(!hasJdk() && !process.env.CI)('the Java snippet (needs a JDK: javac and java on PATH)', () => {
  it.each(JAVA_VARIANTS)('makes the signed call, $what, and the gateway lets it through', async (variant) => {
    const { java } = buildSnippets(signedInput(variant));
    // One folder per run: the single-file launcher wants the file named after its public class.
    const folder = await mkdtemp(join(dir, 'java-'));
    const file = join(folder, 'ApiGatewayCall.java');
    await writeFile(file, java);
    const { stdout } = await run('java', [file]);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['200 ', ANSWER]);
  });
});

function hasJdk(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
