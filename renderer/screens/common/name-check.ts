/** Checks the screens run before writing a name, and which list items have problems. */
import { nameProblem, NAME_RULES } from '../../../shared/model/names';
import type { NamedKind } from '../../../shared/model/names';
import type { Problem } from '../../../shared/model/problems';

/** A check for a new or changed name: the shared name rule, then uniqueness among `others`. */
export function nameCheck(kind: NamedKind, others: string[]): (name: string) => string | undefined {
  return (name) => {
    const problem = nameProblem(kind, name);
    if (problem) return problem;
    if (others.includes(name)) return `${NAME_RULES[kind].label} name \`${name}\` is already used. Choose another name.`;
    return undefined;
  };
}

/** Indexes of `list` (e.g. 'groups') that have at least one problem at or under them. */
export function indexesWithProblems(problems: Problem[], list: string): Set<number> {
  const out = new Set<number>();
  for (const p of problems) if (p.path[0] === list && typeof p.path[1] === 'number') out.add(p.path[1]);
  return out;
}
