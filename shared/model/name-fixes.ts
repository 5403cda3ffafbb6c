/**
 * The names of a design that Alibaba Cloud refuses (names.ts), each with the name to use instead,
 * and the one-step fix that renames them all with their references and cloud records (rename.ts).
 * A project file written before the rules were the cloud's (the quickstart's `demo-hello-api`)
 * still loads: its names are problems, and this is their fix. The problems the design reports and
 * the renames the fix makes come from the same walk, so they always propose the same names.
 */
import { type NameIssue, type NamedKind, checkName } from './names';
import { type Rename, applyRename } from './rename';
import type { Project } from './schema';

/** One name the cloud refuses, where it is in the project. */
export interface NameIssueAt {
  kind: NamedKind;
  /** The list it is in (`groups`, `apis`, `throttlingPolicies`, `apps`, `plugins`) and its index. */
  list: 'groups' | 'apis' | 'throttlingPolicies' | 'apps' | 'plugins';
  index: number;
  name: string;
  /** An API's group, as the project names it now. */
  group?: string;
  issue: NameIssue;
}

const LISTS: { kind: NamedKind; list: NameIssueAt['list'] }[] = [
  { kind: 'group', list: 'groups' },
  { kind: 'api', list: 'apis' },
  { kind: 'throttlingPolicy', list: 'throttlingPolicies' },
  { kind: 'app', list: 'apps' },
  { kind: 'plugin', list: 'plugins' },
];

/**
 * Every name the cloud refuses, in list order. Each suggestion avoids the names of its scope (the
 * project; the group for APIs) and the suggestions made before it, so applying them all never
 * makes two objects share a name.
 */
export function nameIssues(project: Project): NameIssueAt[] {
  const out: NameIssueAt[] = [];
  for (const { kind, list } of LISTS) {
    const items: { name: string; group?: string }[] = project[list];
    const scopeOf = (item: { group?: string }) => (kind === 'api' ? (item.group ?? '') : '');
    const taken = new Map<string, Set<string>>();
    for (const item of items) {
      const scope = scopeOf(item);
      if (!taken.has(scope)) taken.set(scope, new Set());
      taken.get(scope)!.add(item.name);
    }
    items.forEach((item, index) => {
      const names = taken.get(scopeOf(item))!;
      const issue = checkName(kind, item.name, names);
      if (!issue) return;
      if (issue.suggestion !== undefined) names.add(issue.suggestion);
      out.push({ kind, list, index, name: item.name, ...(kind === 'api' ? { group: item.group } : {}), issue });
    });
  }
  return out;
}

/**
 * The renames that give every refused name its suggestion, in the order to apply them: groups
 * first, so an API's rename names its group by the group's new name. A name used twice (already a
 * problem of its own) is renamed once. Names with no suggestion are left for a person to choose.
 */
export function nameFixes(project: Project): Rename[] {
  const issues = nameIssues(project);
  const newGroupName = new Map<string, string>();
  const seen = new Set<string>();
  const out: Rename[] = [];
  for (const { kind, name, group, issue } of issues) {
    if (issue.suggestion === undefined) continue;
    const key = `${kind}\u0000${group ?? ''}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (kind === 'group') newGroupName.set(name, issue.suggestion);
    const rename: Rename = { kind, from: name, to: issue.suggestion };
    if (kind === 'api') rename.group = newGroupName.get(group ?? '') ?? group ?? '';
    out.push(rename);
  }
  return out;
}

/** The project with `fixes` applied (by default every fix nameFixes finds). */
export function fixNames(project: Project, fixes: readonly Rename[] = nameFixes(project)): Project {
  return fixes.reduce(applyRename, project);
}

/** The app renames among `fixes`: the host renames their credentials in the secrets file. */
export function appRenames(fixes: readonly Rename[]): { from: string; to: string }[] {
  return fixes.filter((fix) => fix.kind === 'app').map(({ from, to }) => ({ from, to }));
}
