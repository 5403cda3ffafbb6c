import { describe, expect, it } from 'vitest';
import { encodeUrlEncoded, parseUrlEncoded } from './url-encoded';

describe('parseUrlEncoded', () => {
  it('decodes + as space and %XX as UTF-8, keeping wire order and repeats', () => {
    expect(parseUrlEncoded('a=1&b=x%20y&c=x+y&a=2&d=%E4%B8%AD%E6%96%87&e=%2B')).toEqual({
      ok: true,
      pairs: [['a', '1'], ['b', 'x y'], ['c', 'x y'], ['a', '2'], ['d', '中文'], ['e', '+']],
    });
  });

  it('gives an empty value for `a` and `a=`, splits at the first = and skips empty names', () => {
    expect(parseUrlEncoded('a&b=&=x&&c=d=e&')).toEqual({ ok: true, pairs: [['a', ''], ['b', ''], ['c', 'd=e']] });
    expect(parseUrlEncoded('')).toEqual({ ok: true, pairs: [] });
  });

  it('returns an error naming the piece on malformed percent-encoding or invalid UTF-8', () => {
    for (const [text, piece, offset] of [['a=1&b=%zz', 'b=%zz', 4], ['x%4=1', 'x%4=1', 0], ['a=%FF', 'a=%FF', 0]] as const) {
      const result = parseUrlEncoded(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.piece).toBe(piece);
        expect(result.error.offset).toBe(offset);
        expect(result.error.message).toContain('Malformed percent-encoding');
      }
    }
  });
});

describe('encodeUrlEncoded', () => {
  it('encodes like Node querystring.stringify: spaces as %20, empty values as name=', () => {
    expect(encodeUrlEncoded([['name', 'Zhang San'], ['age', ''], ['q', "a+b&c=d/中!'()*~"]]))
      .toBe("name=Zhang%20San&age=&q=a%2Bb%26c%3Dd%2F%E4%B8%AD!'()*~");
  });

  it('round-trips through parseUrlEncoded', () => {
    const pairs: Array<[string, string]> = [['k y', 'v+1 2'], ['中', '%']];
    expect(parseUrlEncoded(encodeUrlEncoded(pairs))).toEqual({ ok: true, pairs });
  });
});
