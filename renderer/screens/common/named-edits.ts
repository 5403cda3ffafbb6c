/**
 * Edits shared by the screens that list named things (throttling policies, plug-ins): rename
 * with the cloud ids following, so the next sync updates the cloud object instead of adding one.
 */
import type { CloudIds, Project } from '../../../shared/model/schema';

type CloudKind = 'throttlingPolicies' | 'plugins' | 'apps';

export function renameCloudIds(project: Project, kind: CloudKind, from: string, to: string): Project['cloud'] {
  return Object.fromEntries(
    Object.entries(project.cloud).map(([key, ids]): [string, CloudIds] => [
      key,
      { ...ids, [kind]: Object.fromEntries(Object.entries(ids[kind]).map(([name, id]) => [name === from ? to : name, id])) },
    ]),
  );
}

/** A name not taken yet, from `base` (`base`, `base-2`, …). */
export function unusedName(taken: Iterable<string>, base: string): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The same ApiStageRef, compared by value. */
export function sameRef(a: { group: string; api: string; stage: string }, b: { group: string; api: string; stage: string }): boolean {
  return a.group === b.group && a.api === b.api && a.stage === b.stage;
}
