/**
 * Helpers shared by the screens that list named things. Renames, with their references and cloud
 * ids, are shared/model/rename.ts.
 */

/** A name not taken yet, from `base` (`base`, `base_2`, …: Alibaba Cloud refuses `-` in names). */
export function unusedName(taken: Iterable<string>, base: string): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The same ApiStageRef, compared by value. */
export function sameRef(a: { group: string; api: string; stage: string }, b: { group: string; api: string; stage: string }): boolean {
  return a.group === b.group && a.api === b.api && a.stage === b.stage;
}
