/**
 * What the console says after a save. An invalid project is still written (work in progress is
 * never lost), but the local gateway refuses to load it and keeps serving what it had, so the
 * save says so instead of a plain "Saved".
 */

/** `1 problem`, `3 problems`. */
export function problemCount(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}

/** The sentence for a save that wrote a project with `count` problems (count > 0). */
export function savedWithProblems(count: number): string {
  return `Saved with ${problemCount(count)} — the gateway keeps serving the last valid version.`;
}

/** The toast after a save: plain success, or a warning naming the problems the file holds. */
export function saveNotice(fileName: string, problems: number): { message: string; severity: 'success' | 'warning' } {
  if (problems === 0) return { message: `Saved ${fileName}.`, severity: 'success' };
  return { message: `${savedWithProblems(problems)} The Problems list shows where.`, severity: 'warning' };
}
