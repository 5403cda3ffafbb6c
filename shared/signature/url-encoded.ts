/**
 * application/x-www-form-urlencoded text <-> decoded pairs. Query strings and form bodies are
 * signed decoded (docs/alibaba-data-plane.md, "String to sign"), so the gateway and the debugger
 * must decode them the same way.
 */

/** Decoded name/value pairs in wire order; repeated names are kept. */
export type Pairs = Array<[string, string]>;

export interface UrlEncodedError {
  /** Says what failed and where, for a person to read. */
  message: string;
  /** The `name=value` piece that could not be decoded, as it appeared on the wire. */
  piece: string;
  /** Offset of that piece in the parsed text. */
  offset: number;
}

export type ParseUrlEncodedResult = { ok: true; pairs: Pairs } | { ok: false; error: UrlEncodedError };

/**
 * Parses `a=1&b=x%20y` (the part after `?`, or a form body): `+` is a space, `%XX` sequences are
 * UTF-8; `a` and `a=` both give an empty value; pieces with an empty name (`=a`, `&&`) are
 * skipped. Malformed percent-encoding or invalid UTF-8 gives an error result instead of throwing.
 */
export function parseUrlEncoded(text: string): ParseUrlEncodedResult {
  const pairs: Pairs = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const equals = text.indexOf('=', start);
      const nameEnd = equals === -1 || equals > end ? end : equals;
      const name = decodeComponent(text.slice(start, nameEnd));
      const value = nameEnd === end ? '' : decodeComponent(text.slice(nameEnd + 1, end));
      if (name === undefined || value === undefined) {
        const piece = text.slice(start, end);
        return {
          ok: false,
          error: {
            message: `Malformed percent-encoding in "${piece}" at offset ${start}: each % must be followed by two hex digits, and the bytes must form valid UTF-8.`,
            piece,
            offset: start,
          },
        };
      }
      if (name !== '') pairs.push([name, value]);
    }
    start = end + 1;
  }
  return { ok: true, pairs };
}

function decodeComponent(raw: string): string | undefined {
  const spaced = raw.indexOf('+') === -1 ? raw : raw.replaceAll('+', ' ');
  if (spaced.indexOf('%') === -1) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * Encodes pairs the way the official Node SDK does (Node's querystring.stringify): UTF-8
 * percent-encoding of everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, space as `%20`, `name=`
 * for empty values.
 */
export function encodeUrlEncoded(pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    if (i > 0) out += '&';
    out += encodeURIComponent(pairs[i][0]) + '=' + encodeURIComponent(pairs[i][1]);
  }
  return out;
}
