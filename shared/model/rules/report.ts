/**
 * What every rule module shares: how a problem is reported and how values are quoted in messages.
 */
import type { FieldPath } from '../problems';
import type { Api } from '../schema';

/** Records one problem; rules call it as often as they find something. */
export type Report = (path: FieldPath, message: string) => void;

/** Where an API definition sits: a working copy (`apis[i]`) or a deployed snapshot. */
export interface ApiSite {
  api: Api;
  /** Path of the API object itself. */
  at: FieldPath;
  /** Appended to messages about a snapshot, so a person knows it is the deployed copy; '' otherwise. */
  note: string;
}

/** Checks one API definition; run on working copies and on the snapshots the stages serve. */
export type ApiRule = (site: ApiSite, report: Report) => void;

/** Reports a problem at a field of the API at `site`, with the snapshot note added. */
export function reportAt(site: ApiSite, report: Report, relative: FieldPath, message: string): void {
  report([...site.at, ...relative], message + site.note);
}

/** A value quoted for a message. */
export function q(value: unknown): string {
  return `\`${String(value)}\``;
}

const MAX_LISTED = 12;

/** `a, b, c` (or the first dozen and a count), for "Known groups: ..." hints. */
export function listNames(names: Iterable<string>): string {
  const all = [...names];
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, MAX_LISTED).join(', ');
  return all.length > MAX_LISTED ? `${shown} and ${all.length - MAX_LISTED} more` : shown;
}
