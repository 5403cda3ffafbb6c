/**
 * A JSON sample for a JSON Schema (as found in Swagger/OpenAPI responses), for mock bodies and
 * result samples when the document gives no example. Cycles and depth are bounded.
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;

export function sampleFromSchema(schema: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown {
  if (!isObject(schema) || depth > MAX_DEPTH || seen.has(schema)) return null;
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  // A $ref left in place is a circular one (dereference keeps those).
  if (typeof schema.$ref === 'string') return null;
  const inner = new Set(seen).add(schema);
  const next = (s: unknown) => sampleFromSchema(s, depth + 1, inner);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[key];
    if (!Array.isArray(parts) || parts.length === 0) continue;
    if (key !== 'allOf') return next(parts[0]);
    const merged = parts.map(next).filter(isObject);
    return Object.assign({}, ...merged);
  }
  switch (typeOf(schema)) {
    case 'object': {
      const properties = isObject(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, next(property)]));
    }
    case 'array':
      return schema.items === undefined ? [] : [next(schema.items)];
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 0;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    case 'string':
      return stringSample(schema);
    default:
      return null;
  }
}

/** The schema's type; OpenAPI 3.1 allows a list (`[string, "null"]`), of which the first non-null counts. */
export function typeOf(schema: Schema): string | undefined {
  const { type } = schema;
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  if (typeof type === 'string') return type;
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function stringSample(schema: Schema): string {
  switch (schema.format) {
    case 'date-time':
      return '2026-01-01T00:00:00Z';
    case 'date':
      return '2026-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return 'string';
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
