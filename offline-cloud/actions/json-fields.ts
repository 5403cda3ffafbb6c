/**
 * Reading the JSON-string fields of CreateApi/ModifyApi (RequestConfig, ServiceConfig, the
 * parameter lists). Their keys are case-insensitive in practice (terraform sends lowerCamelCase,
 * docs/alibaba-openapi.md, "APIs"), so each object's keys are turned into the cloud's PascalCase
 * spelling first.
 */
import type { ActionParams } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import type { JsonObject } from './gateway-state';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Known keys in their canonical spelling, whatever case they came in; other keys as they are. */
export function canonicalKeys(object: JsonObject, known: readonly string[], renames: Record<string, string> = {}): JsonObject {
  const byLower = new Map(known.map((key) => [key.toLowerCase(), key]));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    const name = renames[key] ?? byLower.get(key.toLowerCase()) ?? key;
    out[name] = value;
  }
  return out;
}

/** A top-level JSON-string parameter that must hold an object. */
export function jsonObjectParam(params: ActionParams, name: string, required: boolean): JsonObject | undefined {
  if (required) params.required(name);
  const value = params.json(name);
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw gatewayErrors.invalid(name, 'expected a JSON object ({...})');
  return value;
}

/**
 * A JSON-string list parameter: an array of objects. The wrapped form DescribeApi answers with
 * (`{"RequestParameter": [...]}`) is taken too, so an answer can be sent back as it came.
 */
export function jsonListParam(params: ActionParams, name: string): JsonObject[] {
  let value = params.json(name);
  if (value === undefined) return [];
  if (isJsonObject(value)) {
    const lists = Object.values(value).filter(Array.isArray);
    if (lists.length === 1 && Object.keys(value).length === 1) value = lists[0];
  }
  if (!Array.isArray(value)) throw gatewayErrors.invalid(name, 'expected a JSON array ([{...}, ...])');
  return value.map((item, index) => {
    if (!isJsonObject(item)) throw gatewayErrors.invalid(name, `item ${index + 1} is not a JSON object`);
    return item;
  });
}

/** Typed reads of one JSON object's keys, with errors that name the parameter and the key. */
export class JsonFields {
  constructor(
    readonly object: JsonObject,
    /** The wire parameter the object came in, for errors. */
    readonly param: string,
    /** Where in it: `RequestConfig`, `RequestParameters[2]`. */
    readonly where: string,
  ) {}

  private fail(key: string, why: string): Error {
    return gatewayErrors.invalid(this.param, `${this.where}.${key} ${why}`);
  }

  /** Strings as they are; numbers and booleans as their text; '' and null as absent. */
  text(key: string): string | undefined {
    const value = this.object[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.fail(key, 'must be a string');
  }

  requiredText(key: string): string {
    const value = this.text(key);
    if (value === undefined) throw this.fail(key, 'is required');
    return value;
  }

  /** One of `allowed`, matched without case, returned in its canonical spelling. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const value = this.text(key);
    if (value === undefined) {
      if (fallback === undefined) throw this.fail(key, `is required (one of ${allowed.join(', ')})`);
      return fallback;
    }
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (!match) throw this.fail(key, `must be one of ${allowed.join(', ')}, not "${value}"`);
    return match;
  }

  /** A number (or numeric text); undefined when absent. */
  number(key: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const value = Number(text);
    const { min = -Infinity, max = Infinity, integer = false } = range;
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      throw this.fail(key, `must be ${integer ? 'an integer' : 'a number'}${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${text}"`);
    }
    return value;
  }

  /** The cloud's TRUE/FALSE text flags; JSON booleans are taken too. */
  flag(key: string): 'TRUE' | 'FALSE' {
    return this.oneOf(key, ['TRUE', 'FALSE'] as const, 'FALSE');
  }

  nested(key: string, required: boolean): JsonObject | undefined {
    const value = this.object[key];
    if (value === undefined || value === null) {
      if (required) throw this.fail(key, 'is required');
      return undefined;
    }
    if (!isJsonObject(value)) throw this.fail(key, 'must be an object');
    return value;
  }
}
