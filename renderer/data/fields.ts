/**
 * Form fields bound to a path of the design: their DOM id (so the status bar can focus them) and
 * the live problems at that path.
 */
import { useShallow } from 'zustand/react/shallow';
import type { FieldPath, Problem } from '../../shared/model/problems';
import { useProjectStore } from './project-store';

/** `field-apis-3-request-path`: the DOM id of the field bound to `path`. */
export function fieldId(path: FieldPath): string {
  return `field-${path.map((part) => String(part).replace(/[^A-Za-z0-9_]/g, '_')).join('-')}`;
}

/** One string per path, for map lookups (numbers and strings stay distinct). */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

const NONE: string[] = [];
const indexes = new WeakMap<Problem[], Map<string, string[]>>();

/** Messages by exact path, built once per problems array. */
export function problemIndex(problems: Problem[]): Map<string, string[]> {
  let index = indexes.get(problems);
  if (!index) {
    index = new Map();
    for (const problem of problems) {
      const key = pathKey(problem.path);
      const list = index.get(key);
      if (list) list.push(problem.message);
      else index.set(key, [problem.message]);
    }
    indexes.set(problems, index);
  }
  return index;
}

/** Problems whose path equals `path`; re-renders only when those messages change. */
export function useFieldProblems(path: FieldPath): string[] {
  const key = pathKey(path);
  return useProjectStore(useShallow((s) => problemIndex(s.problems).get(key) ?? NONE));
}

/** True when `path` starts with every part of `prefix`. */
export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** Problems at `prefix` or anywhere under it (e.g. one API, one tab of it). */
export function problemsUnder(problems: Problem[], prefix: FieldPath): Problem[] {
  return problems.filter((p) => startsWith(p.path, prefix));
}

/** Problems under `prefix`, re-rendering only when their messages change. */
export function useProblemsUnder(prefix: FieldPath): Problem[] {
  return useProjectStore(useShallow((s) => problemsUnder(s.problems, prefix)));
}
