/**
 * The normal form of a value for writing: object keys in the schema's order, and fields that
 * equal their schema default left out (they come back on load), so new content carries no noise.
 */
import { deepEqual } from './deep-equal';
import { type Schema, shapeOf, unwrap } from './schema-walk';

/** True when writing `value` for this field adds nothing: the schema would fill it in anyway. */
export function isDefaultValue(field: Schema | undefined, value: unknown): boolean {
  if (!field) return false;
  const { hasDefault, defaultValue } = unwrap(field);
  return hasDefault && deepEqual(value, defaultValue);
}

export function normalForm(value: unknown, schema: Schema | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  const shape = schema ? shapeOf(schema, value) : { kind: 'other' as const };
  if (Array.isArray(value)) {
    return value.map((item) => normalForm(item, shape.kind === 'array' ? shape.element : undefined));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (shape.kind === 'object') {
    for (const key of orderedKeys(source, shape.order)) {
      const item = source[key];
      if (item === undefined || isDefaultValue(shape.fields[key], item)) continue;
      out[key] = normalForm(item, shape.fields[key]);
    }
    return out;
  }
  for (const [key, item] of Object.entries(source)) {
    if (item !== undefined) out[key] = normalForm(item, shape.kind === 'record' ? shape.value : undefined);
  }
  return out;
}

/** The schema's keys first, in its order, then any the schema does not know (kept, never dropped). */
export function orderedKeys(value: Record<string, unknown>, order: readonly string[]): string[] {
  const known = new Set(order);
  return [...order.filter((key) => key in value), ...Object.keys(value).filter((key) => !known.has(key))];
}
