/**
 * Rebuilding a project's cloud state from the cloud (`apigw-studio pull --adopt`,
 * docs/project-file.md, "Cloud ids"): each design object takes the id of the cloud object of the
 * same name. Names are unique per region for groups and per group for APIs (docs/sync.md, "Lost
 * answers"); for apps, policies and plug-ins that is not confirmed, so a name the cloud holds twice
 * is not adopted but reported. Ids already recorded stay as they are. Pure.
 */
import type { CloudIds, Project } from '../model/schema';
import { apiKey, servedRecord } from '../model/stages';
import { canonicalApi, diffFields } from './canonical';
import { importSnapshot } from './import-snapshot';
import { emptyCloudIds, plan } from './plan';
import { ALL_KINDS, type AnySyncKind, type ObjectKind, designKey, syncKind } from './kinds';
import { objectKey } from './plan-types';
import type { CloudSnapshot, SnapshotObject } from './snapshot';

export interface AdoptResult {
  /** The design's cloud state for the profile key, with the adopted ids. */
  ids: CloudIds;
  /** What was adopted, in the design's order. */
  adopted: { kind: ObjectKind; name: string; id: string }[];
  /** Design objects the cloud does not hold (apply creates them) or holds more than once. */
  notes: string[];
}

export function adoptByName(design: Project, snapshot: CloudSnapshot, profileKey: string): AdoptResult {
  const cloud = importSnapshot(snapshot, { name: design.name, profileKey });
  const theirs = cloud.project.cloud[profileKey];
  const recorded = design.cloud[profileKey] ?? emptyCloudIds();
  const ids: CloudIds = JSON.parse(JSON.stringify(recorded)) as CloudIds;
  const adopted: AdoptResult['adopted'] = [];
  const notes: string[] = [];
  const fingerprints = { ...ids.fingerprints };
  for (const spec of ALL_KINDS) {
    const { ids: record } = spec;
    const kind = spec.kind as ObjectKind;
    const twice = duplicateNames(snapshot, spec);
    for (const name of spec.design(design).map((item) => designKey(spec, item))) {
      if (ids[record][name]) continue;
      if (twice.has(name)) {
        notes.push(`${kind} ${name}: the cloud holds more than one of this name; none is adopted (rename or delete one in the cloud)`);
        continue;
      }
      const id = theirs[record][name];
      if (!id) {
        notes.push(`${kind} ${name}: not in the cloud; apply creates it`);
        continue;
      }
      ids[record][name] = id;
      adopted.push({ kind, name, id });
      // What the cloud holds now, as a sync that left it so would have recorded it: a later design edit is then a change of the design, not drift.
      const key = objectKey(kind, name);
      const print = theirs.fingerprints?.[key];
      if (print && !fingerprints[key]) fingerprints[key] = print;
    }
  }
  if (Object.keys(fingerprints).length > 0) ids.fingerprints = fingerprints;
  ids.relations = sharedRelations(recorded.relations, theirs.relations, design, snapshot, ids);
  ids.deployed = deployedVersions(design, cloud.project, theirs, recorded.deployed);
  if (Object.keys(ids.deployed).length === 0) delete ids.deployed;
  return { ids, adopted, notes };
}

/** Design keys the cloud lists more than once for a kind (`<group>/<api>` for an API). */
function duplicateNames(snapshot: CloudSnapshot, spec: AnySyncKind): Set<string> {
  const objects = snapshot[spec.snapshot] as SnapshotObject[];
  const parent = spec.parent;
  const parentNames = parent ? new Map((snapshot[syncKind(parent.kind as ObjectKind).snapshot] as SnapshotObject[]).map((object) => [object.id, object.name])) : undefined;
  const counts = new Map<string, number>();
  for (const object of objects) {
    const parentId = parent?.idOf(object);
    const key = parent ? `${parentNames!.get(parentId ?? '') ?? parentId}/${object.name}` : object.name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([key]) => key));
}

/**
 * The relations both the design asks for and the cloud has: sync may remove these later if the
 * design drops them. A relation only the cloud has stays someone else's (listed as unmanaged).
 */
function sharedRelations(recorded: CloudIds['relations'], cloud: CloudIds['relations'], design: Project, snapshot: CloudSnapshot, ids: CloudIds): CloudIds['relations'] {
  const wanted = designRelations(design, snapshot, ids);
  const out: Record<string, string[]> = { ...recorded };
  for (const [scope, members] of Object.entries(cloud ?? {})) {
    const keep = members.filter((member) => wanted[scope]?.includes(member) && !out[scope]?.includes(member));
    if (keep.length > 0) out[scope] = [...(out[scope] ?? []), ...keep];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The relations a complete sync of the design would record: what the planner reports for it. */
function designRelations(design: Project, snapshot: CloudSnapshot, ids: CloudIds): Record<string, string[]> {
  return plan(design, snapshot, ids).relations;
}

/**
 * For each stage where the cloud serves what the design's stage serves, the design's version and
 * the cloud's HistoryVersion, so a later rollback to it can be a SwitchApi.
 */
function deployedVersions(design: Project, cloud: Project, theirs: CloudIds, recorded: CloudIds['deployed']): NonNullable<CloudIds['deployed']> {
  const out: NonNullable<CloudIds['deployed']> = { ...recorded };
  for (const deployment of design.deployments) {
    const key = `${apiKey(deployment)}/${deployment.stage}`;
    if (out[key]) continue;
    const served = servedRecord(deployment);
    const inCloud = cloud.deployments.find((d) => d.group === deployment.group && d.api === deployment.api && d.stage === deployment.stage);
    const cloudDefinition = inCloud?.history[0].definition;
    const version = theirs.deployed?.[key]?.['1'];
    if (!served || !cloudDefinition || version === undefined) continue;
    if (diffFields(canonicalApi(served.definition), canonicalApi(cloudDefinition)).length > 0) continue;
    out[key] = { [String(served.version)]: version };
  }
  return out;
}
