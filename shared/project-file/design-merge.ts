/**
 * A three-way merge of design files by object, for git (docs/project-file.md, "Merging designs"):
 * two branches that each add an API append it at the same place in the text, which git's line
 * merge calls a conflict although nothing conflicts. Here each list of the design is merged by the
 * objects' names: what one side added, changed or removed is taken, ours' order first and their
 * new objects after it; only one object (or field) changed differently on both sides is a
 * conflict, and then the caller falls back to git's own line merge with its markers. Pure.
 */
import type { Document } from 'yaml';
import { Project as ProjectSchema } from '../model/schema';
import { deepEqual } from './deep-equal';
import { PROJECT_FILE_HEADER } from './project-text';
import { serializeWith } from './serialize';
import { parseYaml } from './yaml-text';

type Plain = Record<string, unknown>;

/** The design's lists of objects and what tells their items apart. */
const LISTS: Record<string, (item: Plain) => string> = {
  groups: (item) => String(item.name),
  apis: (item) => `${String(item.group)}/${String(item.name)}`,
  throttlingPolicies: (item) => String(item.name),
  apps: (item) => String(item.name),
  authorizations: (item) => [item.app, item.group, item.api, item.stage].map(String).join('/'),
  plugins: (item) => String(item.name),
};

export interface DesignMergeResult {
  /** The merged file's text; absent when something conflicts. */
  text?: string;
  /** What changed differently on both sides, e.g. `apis demo/hello: description`. */
  conflicts: string[];
}

export function mergeDesignTexts(base: string, ours: string, theirs: string): DesignMergeResult {
  const read = (text: string, side: string): { document?: Document; raw?: Plain; problem?: string } => {
    const parsed = parseYaml(text);
    if (parsed.problems.length > 0) return { problem: `${side}: ${parsed.problems[0].message}` };
    const raw: unknown = parsed.document.toJS() ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) return { problem: `${side}: not a project file` };
    return { document: parsed.document, raw: raw as Plain };
  };
  const [b, o, t] = [read(base, 'base'), read(ours, 'ours'), read(theirs, 'theirs')];
  const unreadable = [b, o, t].flatMap((side) => (side.problem ? [side.problem] : []));
  if (unreadable.length > 0) return { conflicts: unreadable };
  const conflicts: string[] = [];
  const merged: Plain = {};
  for (const key of unionKeys(o.raw!, t.raw!)) {
    const identity = LISTS[key];
    const value = identity
      ? mergeList(b.raw![key], o.raw![key], t.raw![key], identity, key, conflicts)
      : mergeValue(b.raw![key], o.raw![key], t.raw![key], key, conflicts);
    if (value !== undefined) merged[key] = value;
  }
  if (conflicts.length > 0) return { conflicts };
  return { text: serializeWith(ProjectSchema, merged, o.document, PROJECT_FILE_HEADER), conflicts };
}

function unionKeys(ours: Plain, theirs: Plain): string[] {
  return [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !(key in ours))];
}

/** One value, whole: the side that changed it wins; both changing it differently is a conflict. */
function mergeValue(base: unknown, ours: unknown, theirs: unknown, where: string, conflicts: string[]): unknown {
  if (deepEqual(ours, theirs) || deepEqual(base, theirs)) return ours;
  if (deepEqual(base, ours)) return theirs;
  conflicts.push(where);
  return ours;
}

/** An object changed on both sides: merged field by field. */
function mergeObject(base: Plain | undefined, ours: Plain, theirs: Plain, where: string, conflicts: string[]): Plain {
  const out: Plain = {};
  for (const key of unionKeys(ours, theirs)) {
    const value = mergeValue(base?.[key], ours[key], theirs[key], `${where}: ${key}`, conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function isPlainList(value: unknown): value is Plain[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
}

function mergeList(base: unknown, ours: unknown, theirs: unknown, identity: (item: Plain) => string, key: string, conflicts: string[]): unknown {
  const lists = [base ?? [], ours ?? [], theirs ?? []];
  if (!lists.every(isPlainList)) return mergeValue(base, ours, theirs, key, conflicts);
  const [b, o, t] = (lists as Plain[][]).map((list) => new Map(list.map((item) => [identity(item), item])));
  if ((lists as Plain[][]).some((list, i) => list.length !== [b, o, t][i].size)) return mergeValue(base, ours, theirs, key, conflicts);
  const out: Plain[] = [];
  for (const [id, mine] of o) {
    const before = b.get(id);
    const other = t.get(id);
    if (other === undefined) {
      // Gone on their side: removed, unless we changed it since (or both added it).
      if (before === undefined) out.push(mine);
      else if (!deepEqual(before, mine)) conflicts.push(`${key} ${id}: changed here, removed on the other branch`);
      continue;
    }
    if (deepEqual(mine, other) || (before !== undefined && deepEqual(before, other))) out.push(mine);
    else if (before !== undefined && deepEqual(before, mine)) out.push(other);
    else out.push(mergeObject(before, mine, other, `${key} ${id}`, conflicts));
  }
  for (const [id, other] of t) {
    if (o.has(id)) continue;
    const before = b.get(id);
    if (before === undefined) out.push(other);
    else if (!deepEqual(before, other)) conflicts.push(`${key} ${id}: removed here, changed on the other branch`);
  }
  return out;
}
