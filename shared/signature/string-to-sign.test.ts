import { describe, expect, it } from 'vitest';
import { buildStringToSign, isFormContentType, parseSignedHeaderNames, type SignableRequest } from './string-to-sign';

function request(overrides: Partial<SignableRequest> = {}): SignableRequest {
  return { method: 'GET', path: '/p', query: [], headers: {}, ...overrides };
}
const lines = (...parts: string[]) => parts.join('\n');

describe('buildStringToSign fixed lines', () => {
  it('writes method upper-cased and four empty lines when the headers are absent', () => {
    expect(buildStringToSign(request({ method: 'post' }), [])).toBe(lines('POST', '', '', '', '', '/p'));
  });

  it('writes Accept, Content-MD5, Content-Type and Date raw, in that order', () => {
    const headers = { accept: '*/*', 'content-md5': 'abc==', 'content-type': 'application/json; charset=UTF-8', date: 'Tue, 14 Nov 2023 22:13:20 GMT' };
    expect(buildStringToSign(request({ headers }), [])).toBe(
      lines('GET', '*/*', 'abc==', 'application/json; charset=UTF-8', 'Tue, 14 Nov 2023 22:13:20 GMT', '/p'),
    );
  });
});

describe('buildStringToSign Headers block', () => {
  const headers = { 'x-ca-key': 'k', 'x-ca-nonce': 'n', 'x-ca-timestamp': '1', accept: 'a', 'content-type': 'c', date: 'd', 'content-md5': 'm', 'x-ca-signature': 's', 'x-ca-signature-headers': 'h' };

  it('writes names in the case the client listed them and looks values up case-insensitively', () => {
    const upper = buildStringToSign(request({ headers }), ['X-Ca-Key', 'X-Ca-Nonce']);
    const lower = buildStringToSign(request({ headers }), ['x-ca-key', 'x-ca-nonce']);
    expect(upper).toBe(lines('GET', 'a', 'm', 'c', 'd', 'X-Ca-Key:k', 'X-Ca-Nonce:n', '/p'));
    expect(lower).toBe(lines('GET', 'a', 'm', 'c', 'd', 'x-ca-key:k', 'x-ca-nonce:n', '/p'));
  });

  it('sorts by code unit, so upper-case names come before lower-case ones', () => {
    const sts = buildStringToSign(request({ headers: { 'x-ca-key': 'k', 'x-b': 'b', 'x-a': 'a' } }), ['x-b', 'x-ca-key', 'X-A']);
    expect(sts).toBe(lines('GET', '', '', '', '', 'X-A:a', 'x-b:b', 'x-ca-key:k', '/p'));
  });

  it('drops Accept, Content-MD5, Content-Type, Date, X-Ca-Signature and X-Ca-Signature-Headers when listed', () => {
    const listed = ['Accept', 'content-md5', 'Content-Type', 'date', 'X-Ca-Signature', 'x-ca-signature-headers', 'x-ca-key'];
    expect(buildStringToSign(request({ headers }), listed)).toBe(lines('GET', 'a', 'm', 'c', 'd', 'x-ca-key:k', '/p'));
  });

  it('keeps name and colon for empty or absent values', () => {
    const sts = buildStringToSign(request({ headers: { 'x-empty': '' } }), ['x-empty', 'x-absent']);
    expect(sts).toBe(lines('GET', '', '', '', '', 'x-absent:', 'x-empty:', '/p'));
  });

  it('signs a name listed twice once', () => {
    expect(buildStringToSign(request({ headers: { 'x-a': '1' } }), ['x-a', 'x-a'])).toBe(lines('GET', '', '', '', '', 'x-a:1', '/p'));
  });

  it('does not reorder the caller’s list', () => {
    const names = ['x-b', 'x-a'];
    buildStringToSign(request(), names);
    expect(names).toEqual(['x-b', 'x-a']);
  });
});

describe('buildStringToSign PathAndParameters', () => {
  const pathPart = (r: Partial<SignableRequest>) => buildStringToSign(request(r), []).split('\n')[5];

  it('has no ? without parameters', () => {
    expect(pathPart({ path: '/a/b' })).toBe('/a/b');
    expect(pathPart({ path: '/a/b', query: [['', 'x']] })).toBe('/a/b');
  });

  it('sorts keys, writes empty values as the bare key and keeps 0 and false', () => {
    expect(pathPart({ query: [['b', '2'], ['empty', ''], ['zero', '0'], ['no', 'false'], ['a', 'hello world']] }))
      .toBe('/p?a=hello world&b=2&empty&no=false&zero=0');
  });

  it('signs the first value of a repeated key and ignores empty keys', () => {
    expect(pathPart({ query: [['a', '1'], ['', 'x'], ['a', '2'], ['B', '3']] })).toBe('/p?B=3&a=1');
  });

  it('adds form fields for x-www-form-urlencoded bodies, form overriding query', () => {
    const r = {
      query: [['q', '1'], ['name', 'from-query']] as Array<[string, string]>,
      form: [['name', 'Zhang San'], ['age', ''], ['name', 'second'], ['', 'ignored']] as Array<[string, string]>,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    };
    expect(pathPart(r)).toBe('/p?age&name=Zhang San&q=1');
  });

  it('ignores form fields when the body is not a form', () => {
    expect(pathPart({ query: [['q', '1']], form: [['f', '1']], headers: { 'content-type': 'application/json' } })).toBe('/p?q=1');
    expect(pathPart({ form: [['f', '1']] })).toBe('/p');
  });
});

describe('isFormContentType', () => {
  it('matches the prefix with any charset suffix, case-insensitively', () => {
    expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
    expect(isFormContentType('application/x-www-form-urlencoded;charset=utf-8')).toBe(true);
    expect(isFormContentType('Application/X-WWW-Form-Urlencoded')).toBe(true);
    expect(isFormContentType('multipart/form-data; boundary=x')).toBe(false);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});

describe('parseSignedHeaderNames', () => {
  it('splits on commas, keeps case, trims and drops empty entries', () => {
    expect(parseSignedHeaderNames('X-Ca-Key,x-ca-nonce, x-ca-timestamp,,')).toEqual(['X-Ca-Key', 'x-ca-nonce', 'x-ca-timestamp']);
    expect(parseSignedHeaderNames('')).toEqual([]);
    expect(parseSignedHeaderNames(undefined)).toEqual([]);
  });
});
