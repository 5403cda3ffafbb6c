/**
 * Pairing the design's objects with the cloud's, one kind at a time. An object is the design's
 * when its id is recorded (the only proof that sync made it or took it over); a cloud object with
 * the same name but no recorded id is someone else's, unless an interrupted apply of this project
 * left a pending create for that name.
 */
import type { CloudIds } from '../model/schema';
import type { SnapshotObject } from './snapshot';

export type MatchStatus =
  /** Recorded id, still in the cloud. */
  | 'managed'
  /** In the design, not in the cloud: to create. */
  | 'new'
  /** Recorded id, but the cloud no longer has it: deleted outside sync, to create again. */
  | 'gone'
  /** Same name in the cloud and a pending create of this project: an interrupted apply made it. */
  | 'adopt'
  /** Same name in the cloud, made elsewhere: sync must not take it over silently. */
  | 'conflict'
  /** Recorded id, dropped from the design: deleted only with prune. */
  | 'orphan'
  /** In the cloud, never synced by this project. */
  | 'unmanaged'
  /** Recorded id, gone from both sides: only the record remains. */
  | 'forgotten';

export interface Match<D, C extends SnapshotObject = SnapshotObject> {
  status: MatchStatus;
  /** The design's key: a name, or `<group>/<api>` for APIs. */
  key: string;
  design?: D;
  cloud?: C;
  /** The recorded id, for orphans and forgotten records. */
  id?: string;
}

export interface MatchInput<D, C extends SnapshotObject> {
  design: readonly D[];
  keyOf: (item: D) => string;
  /** The recorded ids of this kind, keyed like keyOf. */
  recorded: Readonly<Record<string, string>>;
  cloud: readonly C[];
  /** The key a cloud object would have in the design (undefined: it cannot belong to the design). */
  cloudKeyOf: (item: C) => string | undefined;
  /** Pending creates of this kind, keyed like keyOf. */
  pending: ReadonlySet<string>;
}

export function matchObjects<D, C extends SnapshotObject>(input: MatchInput<D, C>): Match<D, C>[] {
  const byId = new Map(input.cloud.map((item) => [item.id, item]));
  const claimed = new Set<string>();
  const out: Match<D, C>[] = [];
  const designKeys = new Set<string>();
  const unrecorded: D[] = [];

  for (const item of input.design) {
    const key = input.keyOf(item);
    designKeys.add(key);
    const id = input.recorded[key];
    const cloud = id === undefined ? undefined : byId.get(id);
    if (id === undefined) unrecorded.push(item);
    else if (cloud && !claimed.has(id)) {
      claimed.add(id);
      out.push({ status: 'managed', key, design: item, cloud });
    } else out.push({ status: 'gone', key, design: item, id });
  }
  for (const item of unrecorded) {
    const key = input.keyOf(item);
    const cloud = input.cloud.find((candidate) => !claimed.has(candidate.id) && input.cloudKeyOf(candidate) === key);
    if (!cloud) {
      out.push({ status: 'new', key, design: item });
      continue;
    }
    claimed.add(cloud.id);
    out.push({ status: input.pending.has(key) ? 'adopt' : 'conflict', key, design: item, cloud });
  }
  for (const [key, id] of Object.entries(input.recorded)) {
    if (designKeys.has(key)) continue;
    const cloud = byId.get(id);
    if (cloud && !claimed.has(id)) {
      claimed.add(id);
      out.push({ status: 'orphan', key, cloud, id });
    } else out.push({ status: 'forgotten', key, id });
  }
  for (const cloud of input.cloud) {
    if (!claimed.has(cloud.id)) out.push({ status: 'unmanaged', key: input.cloudKeyOf(cloud) ?? cloud.name, cloud });
  }
  return out;
}

/** Whether the cloud object of a match is this project's (or will be once the line runs). */
export function isOurs(status: MatchStatus): boolean {
  return status === 'managed' || status === 'adopt';
}

/** Pending creates of one kind: `<kind>:<key>` entries of CloudIds.pending, as keys. */
export function pendingKeys(ids: CloudIds, kind: string): Set<string> {
  const prefix = `${kind}:`;
  return new Set(Object.keys(ids.pending ?? {}).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
}
