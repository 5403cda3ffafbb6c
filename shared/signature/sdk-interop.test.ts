// Runs the official Node SDK `aliyun-api-gateway` against a real HTTP server on 127.0.0.1 and
// checks that our server-side verification accepts what it sends, and that signRequest builds
// the very same headers for the same timestamp and nonce.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentMd5Matches } from './content-md5';
import { parseServerStringToSign } from './mismatch-message';
import { signRequest, type SignRequestInput } from './sign';
import { isFormContentType, type SignableRequest } from './string-to-sign';
import { parseUrlEncoded } from './url-encoded';
import { verifySignature, type VerifySignatureResult } from './verify';

// The SDK ships no types; this is the part of its API the test uses (docs/alibaba-data-plane.md,
// "The official Node SDK").
interface SdkOptions { query?: object; data?: unknown; headers?: Record<string, string>; signHeaders?: Record<string, string> }
interface SdkClient {
  get(url: string, opts?: SdkOptions): Promise<unknown>;
  post(url: string, opts?: SdkOptions): Promise<unknown>;
  put(url: string, opts?: SdkOptions): Promise<unknown>;
}
interface SdkError extends Error { code: number; data: { headers: Record<string, string> } }
const sdk = createRequire(import.meta.url)('aliyun-api-gateway') as {
  Client: new (key: string, secret: string, stage?: string) => SdkClient;
  CONTENT_TYPE_FORM: string;
};

const SECRET = 'interopSecret';

interface Captured { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer; result: VerifySignatureResult }

function toSignable(method: string, url: string, headers: IncomingMessage['headers'], body: Buffer): SignableRequest {
  const question = url.indexOf('?');
  const query = parseUrlEncoded(question === -1 ? '' : url.slice(question + 1));
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value[0] : value;
  const form = isFormContentType(flat['content-type']) ? parseUrlEncoded(body.toString('utf8')) : undefined;
  if (!query.ok || (form !== undefined && !form.ok)) throw new Error(`test server: cannot parse ${url}`);
  return { method, path: question === -1 ? url : url.slice(0, question), query: query.pairs, form: form?.ok ? form.pairs : undefined, headers: flat };
}

let server: Server;
let base: string;
let last: Captured | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const result = verifySignature({ request: toSignable(method, url, req.headers, body), secret: SECRET, allowedMethods: ['HmacSHA256'] });
      last = { method, url, headers: req.headers, body, result };
      if (result.ok) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else {
        res.writeHead(400, { 'x-ca-error-message': result.message }).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** What signRequest sends for the captured call, with the SDK's own timestamp and nonce. */
function ourSigning(captured: Captured, input: Omit<SignRequestInput, 'appKey' | 'appSecret'>) {
  const signed = signRequest({
    ...input,
    appKey: 'interopKey',
    appSecret: SECRET,
    stage: 'RELEASE',
    timestamp: captured.headers['x-ca-timestamp'] as string,
    nonce: captured.headers['x-ca-nonce'] as string,
  });
  const sent = { ...captured.headers };
  for (const transport of ['host', 'connection', 'content-length', 'user-agent', 'transfer-encoding']) delete sent[transport];
  return { signed, sent };
}

describe('the official SDK against verifySignature', () => {
  const client = new sdk.Client('interopKey', SECRET);

  it('GET with query in url and options, an extra signed header', async () => {
    await expect(client.get(`${base}/v1/items?b=2&a=hello%20world&empty=`, {
      query: { z: 'last', zero: 0, cn: '中文' },
      headers: { 'X-Custom': 'abc' },
      signHeaders: { 'X-My-Sign': 'v1' },
    })).resolves.toEqual({ ok: true });
    const captured = last as Captured;
    expect(captured.result.ok).toBe(true);
    const { signed, sent } = ourSigning(captured, {
      method: 'GET',
      url: `${base}/v1/items?b=2&a=hello%20world&empty=`,
      query: { z: 'last', zero: 0, cn: '中文' },
      headers: { 'X-Custom': 'abc', 'X-My-Sign': 'v1' },
      extraSignedHeaders: ['X-My-Sign'],
    });
    expect(signed.pathWithQuery).toBe(captured.url);
    expect(signed.headers).toEqual(sent);
  });

  it('POST form with query', async () => {
    const data = { name: 'Zhang San', age: '', city: '北京', plus: 'a+b' };
    await expect(client.post(`${base}/v1/form?q=1&name=query`, { headers: { 'content-type': sdk.CONTENT_TYPE_FORM }, data })).resolves.toEqual({ ok: true });
    const captured = last as Captured;
    expect(captured.result).toMatchObject({ ok: true });
    expect(captured.result.ok && captured.result.stringToSign.endsWith('/v1/form?age&city=北京&name=Zhang San&plus=a+b&q=1')).toBe(true);
    const { signed, sent } = ourSigning(captured, { method: 'POST', url: `/v1/form?q=1&name=query`, headers: { 'content-type': sdk.CONTENT_TYPE_FORM }, form: data });
    expect(signed.headers).toEqual(sent);
    expect(signed.body).toBe(captured.body.toString('utf8'));
  });

  it('POST JSON with Content-MD5', async () => {
    await expect(client.post(`${base}/v1/json`, { data: { hello: 'world' } })).resolves.toEqual({ ok: true });
    const captured = last as Captured;
    expect(captured.result.ok).toBe(true);
    expect(captured.headers['content-md5']).toBe('+8JLzHoXlHWPwTJ/z+va9g==');
    expect(contentMd5Matches(captured.headers['content-md5'] as string, captured.body)).toBe(true);
    const { signed, sent } = ourSigning(captured, { method: 'POST', path: '/v1/json', body: '{"hello":"world"}' });
    expect(signed.headers).toEqual(sent);
  });

  it('PUT JSON without Content-MD5', async () => {
    await expect(client.put(`${base}/v1/json?x=1`, { data: { hello: 'world' } })).resolves.toEqual({ ok: true });
    const captured = last as Captured;
    expect(captured.result.ok).toBe(true);
    expect(captured.headers['content-md5']).toBeUndefined();
    const { signed, sent } = ourSigning(captured, { method: 'PUT', url: '/v1/json?x=1', body: '{"hello":"world"}' });
    expect(signed.headers).toEqual(sent);
  });

  it('a wrong secret is rejected with the server StringToSign the SDK can read back', async () => {
    const wrong = new sdk.Client('interopKey', 'notTheSecret');
    const error = await wrong.get(`${base}/v1/items?a=1`).then(() => undefined, (e: SdkError) => e);
    expect(error?.code).toBe(400);
    expect(error?.message).toContain('Invalid Signature, Server StringToSign:`GET#application/json#');
    const captured = last as Captured;
    expect(captured.result).toMatchObject({ ok: false, reason: 'mismatch' });
    const serverStringToSign = parseServerStringToSign(error?.data.headers['x-ca-error-message']);
    const { signed } = ourSigning(captured, { method: 'GET', url: '/v1/items?a=1' });
    expect(serverStringToSign).toBe(signed.stringToSign);
  });
});
