import { describe, expect, it } from 'vitest';
import { contentMd5, contentMd5Matches } from './content-md5';

describe('contentMd5', () => {
  it('is Base64 of the binary MD5 of the body', () => {
    expect(contentMd5('{"hello":"world"}')).toBe('+8JLzHoXlHWPwTJ/z+va9g==');
    expect(contentMd5(new TextEncoder().encode('{"hello":"world"}'))).toBe('+8JLzHoXlHWPwTJ/z+va9g==');
    expect(contentMd5('')).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
  });

  it('hashes a string body as UTF-8', () => {
    expect(contentMd5('中文')).toBe(contentMd5(new Uint8Array([0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87])));
  });
});

describe('contentMd5Matches', () => {
  const body = new TextEncoder().encode('{"hello":"world"}');
  it('accepts the right digest and rejects a wrong one or an empty body', () => {
    expect(contentMd5Matches('+8JLzHoXlHWPwTJ/z+va9g==', body)).toBe(true);
    expect(contentMd5Matches('1B2M2Y8AsgTpgAmY7PhCfg==', body)).toBe(false);
    expect(contentMd5Matches('1B2M2Y8AsgTpgAmY7PhCfg==', new Uint8Array())).toBe(false);
  });
});
