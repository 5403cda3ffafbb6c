import { describe, expect, it } from 'vitest';
import { compareStringsToSign, IDENTICAL_CAUSE } from './compare';
import { formatSignatureMismatchMessage, parseServerStringToSign } from './mismatch-message';
import { buildStringToSign, type SignableRequest } from './string-to-sign';

const SIGNED = ['x-ca-key', 'x-ca-nonce', 'x-ca-timestamp', 'x-foo'];

function request(overrides: Partial<SignableRequest> = {}, headers: Record<string, string | undefined> = {}): SignableRequest {
  return {
    method: 'GET',
    path: '/users/42',
    query: [['b', '2'], ['a', 'hello world']],
    headers: { accept: 'application/json', 'x-ca-key': 'key1', 'x-ca-nonce': 'n-1', 'x-ca-timestamp': '1700000000000', 'x-foo': 'v', ...headers },
    ...overrides,
  };
}

/** The server's string as the debugger gets it: through the mismatch message and back (newlines as #). */
function viaMessage(stringToSign: string): string {
  return parseServerStringToSign(formatSignatureMismatchMessage(stringToSign)) as string;
}

describe('compareStringsToSign', () => {
  it('blames the secret when the strings are identical', () => {
    const client = buildStringToSign(request(), SIGNED);
    const comparison = compareStringsToSign(client, viaMessage(client));
    expect(comparison.identical).toBe(true);
    expect(comparison.likelyCause).toBe(IDENTICAL_CAUSE);
    expect(comparison.likelyCause).toContain('AppSecret');
    expect(comparison.lines.every((line) => line.same)).toBe(true);
    expect(comparison.lines).toHaveLength(client.split('\n').length);
  });

  it('marks a signed header that a proxy dropped, keeping the other lines aligned', () => {
    const client = buildStringToSign(request(), SIGNED);
    const server = viaMessage(buildStringToSign(request({}, { 'x-foo': undefined }), SIGNED));
    const comparison = compareStringsToSign(client, server);
    expect(comparison.identical).toBe(false);
    const different = comparison.lines.filter((line) => !line.same);
    expect(different).toEqual([{ client: 'x-foo:v', server: 'x-foo:', same: false, clientRanges: [[6, 7]], serverRanges: [] }]);
    expect(comparison.likelyCause).toBe('Header x-foo: the client signed `v` but the gateway received `` — a proxy on the way may have dropped or changed it.');
  });

  it('names a header missing from the gateway\'s list without shifting the path line', () => {
    const client = buildStringToSign(request(), SIGNED);
    const server = viaMessage(buildStringToSign(request(), SIGNED.filter((name) => name !== 'x-ca-nonce')));
    const comparison = compareStringsToSign(client, server);
    const different = comparison.lines.filter((line) => !line.same);
    expect(different).toEqual([{ client: 'x-ca-nonce:n-1', server: undefined, same: false, clientRanges: [[0, 14]], serverRanges: [] }]);
    expect(comparison.likelyCause).toContain('Header x-ca-nonce is in the client\'s string but not in the gateway\'s');
  });

  it('names a different Accept line and the characters that differ', () => {
    const client = buildStringToSign(request(), SIGNED);
    const server = viaMessage(buildStringToSign(request({}, { accept: '*/*' }), SIGNED));
    const comparison = compareStringsToSign(client, server);
    expect(comparison.lines[1]).toEqual({ client: 'application/json', server: '*/*', same: false, clientRanges: [[0, 16]], serverRanges: [[0, 3]] });
    expect(comparison.lines.filter((line) => !line.same)).toHaveLength(1);
    expect(comparison.likelyCause).toMatch(/^The Accept line differs: the client signed `application\/json` but the gateway received `\*\/\*`/);
  });

  it('names the path and parameters when the query differs', () => {
    const client = buildStringToSign(request(), SIGNED);
    const server = viaMessage(buildStringToSign(request({ query: [['b', '3'], ['a', 'hello world']] }), SIGNED));
    const comparison = compareStringsToSign(client, server);
    const last = comparison.lines[comparison.lines.length - 1];
    expect(last).toEqual({
      client: '/users/42?a=hello world&b=2',
      server: '/users/42?a=hello world&b=3',
      same: false,
      clientRanges: [[26, 27]],
      serverRanges: [[26, 27]],
    });
    expect(comparison.likelyCause).toMatch(/^The path and parameters differ: the client signed `\/users\/42\?a=hello world&b=2` but the gateway received `\/users\/42\?a=hello world&b=3`/);
  });

  it('does not report a # in a signed value as a difference (the gateway\'s message writes newlines as #)', () => {
    const client = buildStringToSign(request({}, { 'x-foo': 'a#b' }), SIGNED);
    const comparison = compareStringsToSign(client, viaMessage(client));
    expect(comparison.identical).toBe(true);
    expect(comparison.client).toBe(client);
  });

  it('aligns whole lines of a string without the usual layout', () => {
    const comparison = compareStringsToSign('GET\n/a', 'POST\n/a');
    expect(comparison.lines).toEqual([
      { client: 'GET', server: 'POST', same: false, clientRanges: [[0, 2]], serverRanges: [[0, 3]] },
      { client: '/a', server: '/a', same: true, clientRanges: [], serverRanges: [] },
    ]);
    expect(comparison.likelyCause).toBe('Line 1 differs: the client signed `GET` but the gateway received `POST`.');
  });
});
