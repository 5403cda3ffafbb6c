// Where Alibaba's official SDKs sign otherwise than Alibaba documents (docs/alibaba-data-plane.md,
// "Where the SDKs differ from the documentation"), the gateway follows the documentation, and the
// debugger's comparison of the client's StringToSign with the gateway's names the SDK behaviour as
// the likely cause. Driven by the official Node SDK.
import { parse as parseQuery } from 'node:querystring';
import { parse } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStringsToSign } from '../shared/signature/compare';
import { parseServerStringToSign } from '../shared/signature/mismatch-message';
import { sdk, sdkRefusal, startCallRecorder, type CallRecorder, type WireCall } from './sdk-test-support';
import { fixtureProject, fixtureSecrets, mockApi, startGateway, type RunningGateway } from './test-support';

const KEY = 'sdkDifferencesKey';
const SECRET = 'sdkDifferencesSecret-0123456789';

/** The SDK's own signing steps (lib/client.js), which its type-less module does not declare. */
interface SdkSigning {
  buildStringToSign(method: string, headers: Record<string, string>, signedHeaders: string, url: unknown, data?: unknown): string;
  sign(stringToSign: string): string;
}

/**
 * The StringToSign the Node SDK built for a call it sent, by its own code, and checked against
 * the signature it sent: exactly what `DEBUG=api-gateway` prints as the client's string.
 */
function sdkStringToSign(sent: WireCall): string {
  const signing = new sdk.Client(KEY, SECRET) as unknown as SdkSigning;
  const names = sent.headers['x-ca-signature-headers'].split(',');
  const signedHeaders = names.map((name) => `${name}:${sent.headers[name]}`).join('\n');
  // A form's fields are signed from the object the SDK was given; its encoded body decodes back to it.
  const form = sent.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? parseQuery(sent.body.toString('utf8')) : undefined;
  const stringToSign = signing.buildStringToSign(sent.method, sent.headers, signedHeaders, parse(sent.url, true), form);
  expect(signing.sign(stringToSign)).toBe(sent.headers['x-ca-signature']);
  return stringToSign;
}

describe('calls where the official SDKs disagree', () => {
  let gw: RunningGateway;
  let recorder: CallRecorder;
  const client = new sdk.Client(KEY, SECRET);

  beforeAll(async () => {
    const project = fixtureProject({
      apps: [{ name: 'caller' }],
      authorizations: [
        { app: 'caller', group: 'demo', api: 'items', stage: 'RELEASE' },
        { app: 'caller', group: 'demo', api: 'form', stage: 'RELEASE' },
      ],
      apis: [
        mockApi('items', 'GET', '/items', { auth: { type: 'APP' } }),
        mockApi('form', 'POST', '/form', { auth: { type: 'APP' }, request: { method: 'POST', path: '/form', bodyFormat: 'FORM' } }),
      ],
    });
    gw = await startGateway(project, fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }] } } }));
    // A transparent hop in front of the gateway, to see each SDK call as it went on the wire.
    recorder = await startCallRecorder(gw.port);
  });
  afterAll(async () => {
    await recorder?.close();
    await gw?.close();
  });

  it('a repeated query parameter: the gateway signs the first value, so the Node SDK gets A403IS, and the comparison says why', async () => {
    const error = await sdkRefusal(client.get(`http://127.0.0.1:${recorder.port}/items`, { query: { a: ['1', '2'], b: 'x' } }));
    expect(error.code).toBe(403);
    expect(error.data.headers['x-ca-error-code']).toBe('A403IS');
    const sent = recorder.calls.at(-1)!;
    expect(sent.url).toBe('/items?a=1&a=2&b=x');

    const signedBySdk = sdkStringToSign(sent);
    expect(signedBySdk.endsWith('\n/items?a=1,2&b=x')).toBe(true);
    const server = parseServerStringToSign(error.data.headers['x-ca-error-message']) as string;
    expect(server.endsWith('\n/items?a=1&b=x')).toBe(true);

    const comparison = compareStringsToSign(signedBySdk, server, { query: sent.url.slice(sent.url.indexOf('?') + 1) });
    expect(comparison.lines.filter((line) => !line.same)).toHaveLength(1);
    expect(comparison.likelyCause).toBe(
      'The client signed `a=1,2`: the values of the repeated parameter `a` joined by commas, as the Node SDK (aliyun-api-gateway) does; ' +
        'the gateway signs the first value, `a=1`, as Alibaba documents. Send `a` once.',
    );
  });

  it('a value that needs percent-encoding is signed decoded, as Alibaba documents and the Node SDK does: the call passes', async () => {
    await expect(client.get(`http://127.0.0.1:${recorder.port}/items`, { query: { q: 'hello world/中文' } })).resolves.toBe('items answered');
    expect(recorder.calls.at(-1)!.url).toBe('/items?q=hello%20world%2F%E4%B8%AD%E6%96%87');
  });

  it('a form value of only spaces is signed with its spaces, as the Node SDK does: the call passes', async () => {
    const posted = client.post(`http://127.0.0.1:${recorder.port}/form`, { headers: { 'content-type': sdk.CONTENT_TYPE_FORM }, data: { a: '  ', b: '' } });
    await expect(posted).resolves.toBe('form answered');
    const sent = recorder.calls.at(-1)!;
    expect(sent.body.toString('utf8')).toBe('a=%20%20&b=');
    expect(sdkStringToSign(sent).endsWith('\n/form?a=  &b')).toBe(true);
  });
});
