/**
 * Reading an action's parameters off the wire, with the cloud's errors for absent or bad values:
 * typed getters, comma lists, JSON-string fields, RepeatLists (`Tag.1.Key` back into a list) and
 * the two paging styles (PageNumber/PageSize/TotalCount and MaxResults/NextToken).
 */
import { declaresParam } from './sdk-models';
import type { SdkActionModel } from './sdk-model-types';
import { simErrors } from './sim-errors';

export type Unflattened = string | Unflattened[] | { [key: string]: Unflattened };

export class ActionParams {
  /**
   * Names the handler looked for that the action's SDK model does not declare: they can never
   * arrive (the server refuses undeclared parameters), so reading one is a bug of the offline
   * cloud. The conformance tests read this off every call (docs/offline-cloud.md).
   */
  readonly undeclaredReads = new Set<string>();

  /** `model`: the action's SDK model, when the SDK has one (sdk-models.ts). */
  constructor(
    readonly raw: Readonly<Record<string, string>>,
    readonly model?: SdkActionModel,
  ) {}

  private note(name: string): void {
    if (this.model && !declaresParam(this.model, name)) this.undeclaredReads.add(name);
  }

  /** The value, or undefined when absent or empty (the cloud treats an empty optional value as absent). */
  string(name: string): string | undefined {
    this.note(name);
    const value = this.raw[name];
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw simErrors.missing(name);
    return value;
  }

  int(name: string, range: { min?: number; max?: number; fallback?: number } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return range.fallback;
    const value = Number(text);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (!/^-?\d+$/.test(text) || value < min || value > max) throw simErrors.invalidParameter(name, `expected an integer from ${min} to ${max}, got "${text}"`);
    return value;
  }

  bool(name: string): boolean | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (/^true$/i.test(text)) return true;
    if (/^false$/i.test(text)) return false;
    throw simErrors.invalidParameter(name, `expected true or false, got "${text}"`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.string(name);
    if (text === undefined) return fallback;
    const match = allowed.find((value) => value.toLowerCase() === text.toLowerCase());
    if (!match) throw simErrors.invalidParameter(name, `expected one of ${allowed.join(', ')}, got "${text}"`);
    return match;
  }

  /** `a,b,c` → ['a', 'b', 'c'], at most `max` entries. */
  commaList(name: string, max = Number.MAX_SAFE_INTEGER): string[] | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const list = text.split(',').map((item) => item.trim()).filter(Boolean);
    if (list.length > max) throw simErrors.invalidParameter(name, `at most ${max} values are allowed, got ${list.length}`);
    return list;
  }

  json(name: string): unknown {
    const text = this.string(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw simErrors.invalidParameter(name, 'expected JSON text');
    }
  }

  /** `Name.1=a`, `Name.2.Key=k` → ['a', {Key: 'k'}], in index order. */
  repeatList(name: string): Unflattened[] {
    this.note(name);
    // Null-prototype nodes: a wire name like `Name.1.__proto__` must stay plain data.
    const root: { [key: string]: Unflattened } = Object.create(null);
    const prefix = `${name}.`;
    for (const [key, value] of Object.entries(this.raw)) {
      if (!key.startsWith(prefix)) continue;
      const path = key.slice(prefix.length).split('.');
      if (!/^\d+$/.test(path[0])) continue;
      let node: { [key: string]: Unflattened } | undefined = root;
      for (const segment of path.slice(0, -1)) {
        const next: Unflattened = (node[segment] ??= Object.create(null));
        // `Name.1=a` next to `Name.1.Key=k` cannot both hold: the one seen first stays.
        if (typeof next === 'string' || Array.isArray(next)) {
          node = undefined;
          break;
        }
        node = next;
      }
      const last = path[path.length - 1];
      if (node && node[last] === undefined) node[last] = value;
    }
    const list = toLists(root);
    return Array.isArray(list) ? list : [];
  }
}

/** Objects whose keys are all numbers become lists ordered by those numbers. */
function toLists(node: Unflattened): Unflattened {
  if (typeof node === 'string' || Array.isArray(node)) return node;
  const keys = Object.keys(node);
  const converted = Object.fromEntries(keys.map((key) => [key, toLists(node[key])]));
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => converted[key]);
  }
  return converted;
}

export interface Page<T> {
  PageNumber: number;
  PageSize: number;
  TotalCount: number;
  items: T[];
}

/** PageNumber (from 1, default 1) and PageSize (default 10, at most `maxPageSize`). */
export function pageOf<T>(items: T[], params: ActionParams, maxPageSize: number, defaultPageSize = 10): Page<T> {
  const PageNumber = params.int('PageNumber', { min: 1, fallback: 1 }) as number;
  const PageSize = params.int('PageSize', { min: 1, max: maxPageSize, fallback: defaultPageSize }) as number;
  const start = (PageNumber - 1) * PageSize;
  return { PageNumber, PageSize, TotalCount: items.length, items: items.slice(start, start + PageSize) };
}

/** MaxResults/NextToken paging; NextToken is '' on the last page. The token is opaque to callers. */
export function tokenPageOf<T>(items: T[], params: ActionParams, limits: { min?: number; max: number; fallback: number }): { items: T[]; NextToken: string; MaxResults: number } {
  const MaxResults = params.int('MaxResults', { min: limits.min ?? 1, max: limits.max, fallback: limits.fallback }) as number;
  const token = params.string('NextToken');
  let start = 0;
  if (token !== undefined) {
    const match = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!match) throw simErrors.invalidParameter('NextToken', 'use the NextToken of the previous answer');
    start = Number(match[1]);
  }
  const end = start + MaxResults;
  return { items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(`o${end}`).toString('base64url') : '', MaxResults };
}
