/** Checks the screens run before writing a name, and which list items have problems. */
import { NAME_RULES, checkName, suggestName } from '../../../shared/model/names';
import type { NameIssue, NamedKind } from '../../../shared/model/names';
import type { Problem } from '../../../shared/model/problems';

/**
 * What is wrong with a new or changed name, with the name to use instead: the shared name rule
 * (the cloud's), then uniqueness among `others`.
 */
export function nameVerdict(kind: NamedKind, others: readonly string[]): (name: string) => NameIssue | undefined {
  return (name) => {
    const issue = checkName(kind, name, others);
    if (issue) return issue;
    if (!others.includes(name)) return undefined;
    const suggestion = suggestName(kind, name, others);
    const fix = suggestion === undefined ? 'choose another name' : `use \`${suggestion}\``;
    return { message: `${NAME_RULES[kind].label} name \`${name}\` is already used; ${fix}.`, ...(suggestion === undefined ? {} : { suggestion }) };
  };
}

/** The message of nameVerdict, for fields that only need to block. */
export function nameCheck(kind: NamedKind, others: readonly string[]): (name: string) => string | undefined {
  const verdict = nameVerdict(kind, others);
  return (name) => verdict(name)?.message;
}

/** The name to offer instead of `name`, when it needs one. */
export function nameSuggestion(kind: NamedKind, others: readonly string[]): (name: string) => string | undefined {
  const verdict = nameVerdict(kind, others);
  return (name) => verdict(name)?.suggestion;
}

/** Indexes of `list` (e.g. 'groups') that have at least one problem at or under them. */
export function indexesWithProblems(problems: Problem[], list: string): Set<number> {
  const out = new Set<number>();
  for (const p of problems) if (p.path[0] === list && typeof p.path[1] === 'number') out.add(p.path[1]);
  return out;
}
