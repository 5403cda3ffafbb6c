/**
 * Just enough zod introspection to write a design back the way the schema describes it:
 * key order, defaults, and which branch of a discriminated union a value takes.
 * Kept in one place because it reads zod's internal definitions (`_zod.def`).
 */
import type { z } from 'zod';

export type Schema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
  defaultValue?: unknown;
  in?: Schema;
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** What a field's schema says once optional/default wrappers are peeled off. */
export interface Field {
  schema: Schema;
  hasDefault: boolean;
  defaultValue?: unknown;
}

const WRAPPERS = new Set(['optional', 'nullable', 'readonly', 'nonoptional', 'catch', 'prefault']);

export function unwrap(schema: Schema): Field {
  let current = schema;
  let hasDefault = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'default' && def.innerType) {
      if (!hasDefault) {
        hasDefault = true;
        defaultValue = def.defaultValue;
      }
      current = def.innerType;
    } else if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return { schema: current, hasDefault, defaultValue };
  }
}

export type Shape =
  | { kind: 'object'; fields: Record<string, Schema>; order: string[] }
  | { kind: 'array'; element: Schema }
  | { kind: 'record'; value: Schema }
  | { kind: 'other' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Picks the union branch a value belongs to: by discriminator, else the first that accepts it. */
function branchFor(def: Def, value: unknown): Schema | undefined {
  const options = def.options ?? [];
  if (def.discriminator && isRecord(value)) {
    const tag = value[def.discriminator];
    return options.find((option) => {
      const field = shapeOf(option, value);
      if (field.kind !== 'object') return false;
      const tagSchema = field.fields[def.discriminator!];
      return tagSchema !== undefined && (defOf(unwrap(tagSchema).schema).values ?? []).includes(tag);
    });
  }
  return options.find((option) => {
    const kind = shapeOf(option, value).kind;
    return (kind === 'array' && Array.isArray(value)) || ((kind === 'object' || kind === 'record') && isRecord(value));
  });
}

/** The structure a schema gives to `value` (which may be raw, unvalidated input). */
export function shapeOf(schema: Schema, value: unknown): Shape {
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  switch (def.type) {
    case 'object':
      return { kind: 'object', fields: def.shape ?? {}, order: Object.keys(def.shape ?? {}) };
    case 'array':
      return def.element ? { kind: 'array', element: def.element } : { kind: 'other' };
    case 'record':
      return def.valueType ? { kind: 'record', value: def.valueType } : { kind: 'other' };
    case 'union': {
      const branch = branchFor(def, value);
      return branch ? shapeOf(branch, value) : { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
