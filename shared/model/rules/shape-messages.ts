/**
 * Messages for shape problems (zod issues) that a person reads next to a line of the project
 * file: name the field, the value found and what is allowed, e.g. "`path` is required.".
 * Used as the per-parse error map in validate.ts, so schema.ts stays about shape only.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/** The zod error map: a message for each issue kind, or undefined to keep zod's own. */
export function shapeMessage(issue: RawIssue): string | undefined {
  const path = issue.path ?? [];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${fieldName(path)} is required.`;
      return `Expected ${expectedName(String(issue.expected))}, got ${describeValue(issue.input)}.`;
    case 'invalid_value':
      return choiceMessage(path, issue.input, Array.isArray(issue.values) ? issue.values : []);
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const input = issue.input as Record<string, unknown> | undefined;
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        return choiceMessage(path, input?.[issue.discriminator], options);
      }
      return unionMessage(issue);
    case 'unrecognized_keys':
      return unknownKeysMessage(issue.keys, allowedKeys(issue.inst));
    case 'too_small':
      return boundMessage(path, issue.origin, 'at least', Number(issue.minimum), issue.inclusive, issue.input);
    case 'too_big':
      return boundMessage(path, issue.origin, 'at most', Number(issue.maximum), issue.inclusive, issue.input);
    default:
      return undefined;
  }
}

/** The field an issue is about: its own key, or the list it is an entry of. */
function subject(path: PropertyKey[]): { key?: string; entry: boolean } {
  const last = path[path.length - 1];
  if (typeof last === 'string') return { key: last, entry: false };
  const key = [...path].reverse().find((part) => typeof part === 'string');
  return { key: key === undefined ? undefined : String(key), entry: true };
}

/** "`method`", "An entry of `protocols`", or "This value" at the root. */
function fieldName(path: PropertyKey[]): string {
  const { key, entry } = subject(path);
  if (key === undefined) return 'This value';
  return entry ? `An entry of \`${key}\`` : `\`${key}\``;
}

/** "method" or "entry of `protocols`", for "is not a valid ...". */
function choiceNoun(path: PropertyKey[]): string {
  const { key, entry } = subject(path);
  if (key === undefined) return 'value';
  return entry ? `entry of \`${key}\`` : key;
}

function choiceMessage(path: PropertyKey[], input: unknown, values: readonly unknown[]): string {
  const options = values.map(String);
  const use = options.length === 1 ? `Use \`${options[0]}\`.` : `Use one of: ${options.join(', ')}.`;
  if (input === undefined) return `${fieldName(path)} is required. ${use}`;
  const shown = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean' ? `\`${String(input)}\`` : describeValue(input);
  return `${shown} is not a valid ${choiceNoun(path)}. ${use}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean (true/false)',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of fields',
  null: 'nothing (null)',
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/** How a value found in the file reads in a sentence: "text `abc`", "the number 5", "a list". */
function describeValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
    case 'boolean':
      return `\`${value}\``;
    case 'object':
      return 'a map of fields';
    default:
      return typeof value;
  }
}

/** "Expected text, a number or a boolean (true/false), got a list." from the union's branches. */
function unionMessage(issue: RawIssue & { code: 'invalid_union' }): string | undefined {
  const expected: string[] = [];
  for (const branch of 'errors' in issue ? issue.errors : []) {
    const first = branch[0];
    if (first?.code !== 'invalid_type') return undefined;
    expected.push(expectedName(String(first.expected)));
  }
  if (expected.length === 0) return undefined;
  const list = expected.length === 1 ? expected[0] : `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
  return `Expected ${list}, got ${describeValue(issue.input)}.`;
}

function unknownKeysMessage(keys: string[], allowed: string[]): string {
  const quoted = keys.map((key) => `\`${key}\``).join(', ');
  const head = keys.length === 1 ? `Unknown field ${quoted}.` : `Unknown fields ${quoted}.`;
  return allowed.length ? `${head} Allowed here: ${allowed.join(', ')}.` : `${head} Remove it.`;
}

/** The keys an object schema (or an enum-keyed record) accepts, read from the schema that raised the issue. */
function allowedKeys(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: object; keyType?: unknown } } } | undefined)?._zod?.def;
  if (def?.shape) return Object.keys(def.shape);
  const keyOptions = (def?.keyType as { options?: unknown[] } | undefined)?.options;
  return Array.isArray(keyOptions) ? keyOptions.map(String) : [];
}

function boundMessage(
  path: PropertyKey[],
  origin: string,
  bound: 'at least' | 'at most',
  limit: number,
  inclusive: boolean | undefined,
  input: unknown,
): string | undefined {
  const field = fieldName(path);
  if (origin === 'array' || origin === 'set') {
    return `${field} needs ${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}.`;
  }
  if (origin === 'string') return `${field} must have ${bound} ${limit} characters.`;
  if (origin === 'number' || origin === 'int') {
    const rule = inclusive === false ? (bound === 'at least' ? `greater than ${limit}` : `less than ${limit}`) : `${bound} ${limit}`;
    return `${field} must be ${rule}, got ${String(input)}.`;
  }
  return undefined;
}
