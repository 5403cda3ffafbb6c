/**
 * Reading the cloud's answers without trusting their exact spelling: JSON-string fields may come as
 * text or as objects, lists as plain arrays or wrapped in `{Item: [...]}` (docs/alibaba-openapi.md,
 * "Conventions of the answers"), keys in PascalCase or lowerCamelCase (docs/alibaba-openapi.md,
 * "APIs"), numbers and flags as text.
 */

export type CloudRecord = Record<string, unknown>;

/** A JSON value as the cloud's parameters carry it (objects and lists become JSON text on the wire). */
export type CloudJson = string | number | boolean | null | undefined | CloudJson[] | { [key: string]: CloudJson };

export function isRecord(value: unknown): value is CloudRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `key`, matched exactly first, then without case. */
export function field(object: CloudRecord | undefined, key: string): unknown {
  if (!object) return undefined;
  if (key in object) return object[key];
  const lower = key.toLowerCase();
  const match = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? undefined : object[match];
}

/** Text, or undefined when absent or empty (the cloud answers '' for an unset optional field). */
export function text(object: CloudRecord | undefined, key: string): string | undefined {
  const value = field(object, key);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function num(object: CloudRecord | undefined, key: string): number | undefined {
  const value = field(object, key);
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** true/false, "true"/"false", "TRUE"/"FALSE"; undefined when absent. */
export function flag(object: CloudRecord | undefined, key: string): boolean | undefined {
  const value = field(object, key);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/** A JSON-string field as an object (text is parsed; anything else that is not an object is undefined). */
export function record(value: unknown): CloudRecord | undefined {
  const parsed = parseIfText(value);
  return isRecord(parsed) ? parsed : undefined;
}

/** A list field: a plain array, a wrapper `{Item: [...]}`, or JSON text of either. */
export function list(value: unknown): CloudRecord[] {
  let parsed = parseIfText(value);
  if (isRecord(parsed)) {
    const arrays = Object.values(parsed).filter(Array.isArray);
    parsed = arrays.length === 1 ? arrays[0] : [];
  }
  return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
}

function parseIfText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** `a,b , c` → ['a', 'b', 'c']; '' or absent → []. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The cloud's time form `2024-01-01T00:00:00Z` (no milliseconds) from any ISO 8601 time. */
export function toCloudTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An ISO 8601 UTC time with milliseconds, as the project file writes times. */
export function fromCloudTime(cloud: string): string {
  const time = Date.parse(cloud);
  return Number.isNaN(time) ? cloud : new Date(time).toISOString();
}

/** Drops undefined entries, so an answer or a parameter set carries only what is set. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
