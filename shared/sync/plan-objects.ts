/**
 * Plan lines for the objects with ids, one sync kind after another (kinds/): create what the
 * design has and the cloud lacks, update what differs (naming drift when the cloud changed since
 * the last sync), delete what the design dropped only with prune, and list what someone else
 * made without touching it.
 */
import { diffFields } from './canonical';
import { fingerprint } from './fingerprint';
import { ALL_KINDS, type AnySyncKind, createPhase, deletePhase } from './kinds';
import type { Match } from './match';
import { type PlanContext, cloudKeyOf } from './plan-context';
import { PHASE, type PlanKind, objectKey } from './plan-types';
import type { PlanBuilder } from './plan-builder';
import type { SnapshotObject } from './snapshot';

function planKind(context: PlanContext, builder: PlanBuilder, spec: AnySyncKind): void {
  const { kind, noun } = spec;
  const phase = createPhase(kind);
  const matches: Match<unknown, SnapshotObject>[] = context.matches[kind];
  for (const match of matches) {
    const key = match.key;
    const fpKey = objectKey(kind, key);
    const base = { kind: kind as PlanKind, name: key, ref: spec.ref(key) };
    if (match.design !== undefined) {
      const designFields = spec.designFields(match.design, context.appIds);
      const print = fingerprint(designFields);
      builder.fingerprints[fpKey] = print;
      const record = { key: fpKey, value: print };
      const blocked = spec.designBlocker?.(match.design);
      if (blocked) {
        builder.add({ ...base, op: 'conflict', phase, ...(match.cloud ? { id: match.cloud.id } : {}), reason: blocked });
        continue;
      }
      if (match.status === 'new' || match.status === 'gone') {
        const gone = match.status === 'gone';
        builder.add({
          ...base,
          op: 'create',
          phase,
          fingerprint: record,
          reason: gone ? `deleted in the cloud since the last sync (id ${match.id}); sync creates it again` : `new ${noun} in the design`,
          ...(gone ? { drift: true } : {}),
        });
        continue;
      }
      const cloud = match.cloud as SnapshotObject;
      if (match.status === 'conflict') {
        builder.add({
          ...base,
          op: 'conflict',
          phase,
          id: cloud.id,
          reason: `a ${noun} named ${key} already exists in the cloud (id ${cloud.id}) and was not made by this project; rename it in the design, or delete it in the cloud`,
        });
        continue;
      }
      const side = cloudSide(spec, cloud, match.design, context);
      if (side.blocked) {
        builder.add({ ...base, op: 'conflict', phase, id: cloud.id, reason: side.blocked });
        continue;
      }
      const fields = side.fields === undefined ? [{ path: '', to: designFields }] : diffFields(side.fields, designFields);
      const notRead = side.fields === undefined ? ' (its definition was not read from the cloud)' : '';
      const dropped = side.unsupported?.length ? `; the cloud's version uses ${side.unsupported.join(', ')}, which the design cannot hold, and the update removes it` : '';
      if (match.status === 'adopt') {
        builder.adoptedIds[fpKey] = cloud.id;
        builder.add({
          ...base,
          op: 'adopt',
          phase,
          id: cloud.id,
          fingerprint: record,
          ...(fields.length ? { fields } : {}),
          reason: `made by an interrupted apply of this project; sync records its id${fields.length ? ' and updates it' : ''}${dropped}`,
        });
        continue;
      }
      if (fields.length === 0) continue;
      const why = changeReason(context.ids.fingerprints?.[fpKey], print, side.fields === undefined ? undefined : fingerprint(side.fields));
      builder.add({ ...base, op: 'update', phase, id: cloud.id, fields, fingerprint: record, reason: why.reason + notRead + dropped, ...(why.drift ? { drift: true } : {}) });
      continue;
    }
    if (match.status === 'orphan') {
      const cloud = match.cloud as SnapshotObject;
      const blocker = spec.deleteBlocker?.(match, context);
      if (builder.prune && blocker) builder.add({ ...base, op: 'conflict', phase: deletePhase(kind), id: cloud.id, reason: blocker });
      else if (builder.prune) builder.add({ ...base, op: 'delete', phase: deletePhase(kind), id: cloud.id, reason: `dropped from the design since the last sync` });
      else builder.add({ ...base, op: 'orphan', phase: PHASE.info, id: cloud.id, reason: `dropped from the design since the last sync; apply --prune deletes it in the cloud` });
    } else if (match.status === 'forgotten') {
      builder.forget.push(objectKey(kind, key));
    } else if (match.status === 'unmanaged') {
      const cloud = match.cloud as SnapshotObject;
      // An object inside a parent that is not this project's is counted on the parent's line instead.
      const inForeignParent = spec.parent !== undefined && cloudKeyOf(spec, cloud, context.lookup) === undefined;
      const what = spec.unmanagedNote ? spec.unmanagedNote(cloud, context) : `not made by this project; sync leaves it alone`;
      if (!inForeignParent) builder.add({ ...base, name: cloud.name, op: 'unmanaged', phase: PHASE.info, id: cloud.id, reason: what });
    }
  }
}

/** Why an object differs: changed in the design, in the cloud (drift), or both. */
export function changeReason(recorded: string | undefined, design: string, cloud: string | undefined): { reason: string; drift: boolean } {
  if (recorded === undefined || cloud === undefined) return { reason: 'differs from the design', drift: false };
  if (cloud === recorded) return { reason: 'changed in the design', drift: false };
  if (design === recorded) return { reason: "changed in the cloud since the last sync (drift); apply puts the design's values back", drift: true };
  return { reason: "changed in the design and in the cloud since the last sync (drift); the design's values win", drift: true };
}

/** Every kind's lines, in the order of kinds/index.ts. */
export function planAllObjects(context: PlanContext, builder: PlanBuilder): void {
  for (const kind of ALL_KINDS) planKind(context, builder, kind);
}

/** What the cloud holds for a matched object: its list item, or its detail read where the kind has one (none read: not compared). */
function cloudSide(kind: AnySyncKind, cloud: SnapshotObject, design: unknown, context: PlanContext) {
  const read = kind.cloud.detail ? cloud.detail : cloud.item;
  return read === undefined ? {} : kind.cloudFields(read, design, context.appIds);
}

/** `<group>/<api>` → [group, api] (group names have no `/`). */
export function splitApiKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
