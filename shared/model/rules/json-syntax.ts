/**
 * Where a text stops being JSON (RFC 8259) and why, in our own words. JSON.parse's messages and
 * positions differ between JavaScript engines (Node and the browser word them differently, some
 * give no position), yet the host and the console must list the same problem, so the first
 * error is located here. The scan is iterative: a deeply nested body cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 characters) of the first character that is wrong. */
  line: number;
  column: number;
  /** What is wrong there, e.g. "expected `,` or `}` after a property value, found `]`". */
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class Stop {
  constructor(readonly offset: number, readonly reason: string) {}
}

/** The first syntax error of `text`, or undefined when it is one well-formed JSON value. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // Valid JSON is the common case and JSON.parse the fast way to know it; the scan finds where.
  }
  const stop = scan(text);
  if (!stop) return undefined;
  const before = text.slice(0, stop.offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1, reason: stop.reason };
}

function found(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const char = text[i];
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '\t') return 'a tab';
  return `\`${char}\``;
}

/** Scans the whole text; the Stop it returns marks the first error. */
function scan(text: string): Stop | undefined {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const readString = (): Stop | undefined => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) return new Stop(i, 'a string is not closed with `"`');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code < 0x20) return new Stop(i, `${found(text, i)} inside a string; write it as an escape such as \`\\n\` or \`\\t\``);
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else return new Stop(i, `\`\\${next ?? ''}\` is not a JSON escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)`);
        continue;
      }
      i++;
    }
  };
  /** Reads one value; opening a container pushes it and returns, the loop below reads its members. */
  const readValue = (): Stop | undefined => {
    skipSpace();
    const char = text[i];
    if (char === '{' || char === '[') {
      i++;
      stack.push(char);
      return undefined;
    }
    if (char === '"') return readString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '-') {
      i += number[0].length;
      return undefined;
    }
    if (char === "'") return new Stop(i, 'strings need double quotes `"`, not `\'`');
    return new Stop(i, `expected a value (an object, array, string, number, true, false or null), found ${found(text, i)}`);
  };
  const readKey = (): Stop | undefined => {
    skipSpace();
    if (text[i] !== '"') return new Stop(i, `expected a property name in double quotes, found ${found(text, i)}`);
    const bad = readString();
    if (bad) return bad;
    skipSpace();
    if (text[i] !== ':') return new Stop(i, `expected \`:\` after a property name, found ${found(text, i)}`);
    i++;
    return undefined;
  };

  let stop = readValue();
  // After a value or an opened container: close, separate or start the first member.
  let justOpened = stack.length > 0;
  while (!stop) {
    skipSpace();
    const top = stack[stack.length - 1];
    if (!top) {
      return i < text.length ? new Stop(i, `unexpected ${found(text, i)} after the JSON value (only one value is allowed)`) : undefined;
    }
    const close = top === '{' ? '}' : ']';
    const depth = stack.length;
    if (text[i] === close) {
      i++;
      stack.pop();
      justOpened = false;
      continue;
    }
    if (!justOpened) {
      if (text[i] !== ',') {
        const what = top === '{' ? 'a property value' : 'an array element';
        return new Stop(i, `expected \`,\` or \`${close}\` after ${what}, found ${found(text, i)}`);
      }
      i++;
      skipSpace();
      if (text[i] === close) return new Stop(i, `a trailing \`,\` before \`${close}\` is not allowed in JSON`);
    }
    stop = top === '{' ? readKey() ?? readValue() : readValue();
    justOpened = stack.length > depth;
  }
  return stop;
}
