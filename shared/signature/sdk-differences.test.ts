import { describe, expect, it } from 'vitest';
import { compareStringsToSign } from './compare';
import { formatSignatureMismatchMessage, parseServerStringToSign } from './mismatch-message';
import { buildStringToSign, type SignableRequest } from './string-to-sign';
import { parseUrlEncoded } from './url-encoded';

const SIGNED = ['x-ca-key', 'x-ca-nonce', 'x-ca-timestamp'];
const HEADERS = { accept: 'application/json', 'x-ca-key': 'key1', 'x-ca-nonce': 'n-1', 'x-ca-timestamp': '1700000000000' };

/** The gateway's StringToSign for a wire query (and form), as its A403IS message hands it back. */
function serverString(rawQuery: string, form?: string): string {
  const query = parseUrlEncoded(rawQuery);
  const fields = form === undefined ? undefined : parseUrlEncoded(form);
  if (!query.ok || (fields !== undefined && !fields.ok)) throw new Error('bad fixture');
  const headers = form === undefined ? HEADERS : { ...HEADERS, 'content-type': 'application/x-www-form-urlencoded' };
  const request: SignableRequest = { method: 'GET', path: '/items', query: query.pairs, form: fields?.ok ? fields.pairs : undefined, headers };
  return parseServerStringToSign(formatSignatureMismatchMessage(buildStringToSign(request, SIGNED))) as string;
}

/** A client's StringToSign: the gateway's, with its path-and-parameters line as that client writes it. */
function clientString(server: string, pathLine: string): string {
  const lines = server.split('\n');
  lines[lines.length - 1] = pathLine;
  return lines.join('\n');
}

describe('the likely cause names an official SDK that signs otherwise than Alibaba documents', () => {
  it('a repeated parameter: the Node SDK signs the values joined by commas', () => {
    const server = serverString('b=x&a=1&a=2');
    expect(server.endsWith('/items?a=1&b=x')).toBe(true);
    const comparison = compareStringsToSign(clientString(server, '/items?a=1,2&b=x'), server, { query: 'b=x&a=1&a=2' });
    expect(comparison.likelyCause).toBe(
      'The client signed `a=1,2`: the values of the repeated parameter `a` joined by commas, as the Node SDK (aliyun-api-gateway) does; ' +
        'the gateway signs the first value, `a=1`, as Alibaba documents. Send `a` once.',
    );
  });

  it('does not call a changed value a repeated parameter when the wire shows no repeat', () => {
    const server = serverString('a=1');
    const comparison = compareStringsToSign(clientString(server, '/items?a=1,2'), server, { query: 'a=1' });
    expect(comparison.likelyCause).toMatch(/^The path and parameters differ/);
  });

  it('a value that needs percent-encoding: the Java and Python demos sign it as written in the URL', () => {
    const server = serverString('q=hello%20world&z=1');
    const comparison = compareStringsToSign(clientString(server, '/items?q=hello%20world&z=1'), server, { query: 'q=hello%20world&z=1' });
    expect(comparison.likelyCause).toBe(
      "The client signed `q=hello%20world` as written in the URL, percent-encoded, as Alibaba's Java and Python demos do; " +
        'the gateway signs the decoded `q=hello world`, as Alibaba documents and the Node SDK does. With those demos, use values that need no percent-encoding.',
    );
  });

  it('a form value of only spaces: the Java demo signs the name alone', () => {
    const server = serverString('', 'a=%20%20&b=1');
    expect(server.endsWith('/items?a=  &b=1')).toBe(true);
    const comparison = compareStringsToSign(clientString(server, '/items?a&b=1'), server);
    expect(comparison.likelyCause).toMatch(/^The client signed `a` alone for a value of only spaces, as Alibaba's Java demo does for form fields; the gateway signs `a= {2}`/);
  });

  it('a parameter without a name: every SDK signs it, the gateway leaves it out', () => {
    const server = serverString('=x&a=1');
    const comparison = compareStringsToSign(clientString(server, '/items?=x&a=1'), server, { query: '=x&a=1' });
    expect(comparison.likelyCause).toMatch(/^The client signed `=x`, a parameter without a name, as every official SDK does; the gateway leaves it out/);
  });

  it('keeps the general cause when something else differs too', () => {
    const server = serverString('a=1&a=2&b=x');
    const comparison = compareStringsToSign(clientString(server, '/items?a=1,2&b=y'), server, { query: 'a=1&a=2&b=x' });
    expect(comparison.likelyCause).toMatch(/^The path and parameters differ/);
  });
});
