/**
 * Plan lines for the objects with ids: groups, apps, throttling policies, plug-ins and APIs.
 * Create what the design has and the cloud lacks, update what differs (naming drift when the
 * cloud changed since the last sync), delete what the design dropped only with prune, and list
 * what someone else made without touching it.
 */
import {
  canonicalApi,
  canonicalApp,
  canonicalPlugin,
  canonicalPolicy,
  cloudApi,
  cloudGroupFields,
  cloudPlugin,
  cloudPolicy,
  diffFields,
  groupFields,
} from './canonical';
import { apiCloudBlocker } from '../model/cloud-methods';
import { appFromCloud } from './cloud-mapping';
import { fingerprint } from './fingerprint';
import type { Match } from './match';
import type { PlanContext } from './plan-context';
import { PHASE, type PlanKind, type PlanRef, objectKey } from './plan-types';
import type { PlanBuilder } from './plan-builder';
import type { SnapshotObject } from './snapshot';

type ObjectKind = 'group' | 'app' | 'throttlingPolicy' | 'plugin' | 'api';

const NOUN: Record<ObjectKind, string> = { group: 'group', app: 'app', throttlingPolicy: 'throttling policy', plugin: 'plug-in', api: 'API' };

const DELETE_PHASE: Record<ObjectKind, number> = {
  group: PHASE.deleteGroup,
  app: PHASE.deleteApp,
  throttlingPolicy: PHASE.deleteThrottlingPolicy,
  plugin: PHASE.deletePlugin,
  api: PHASE.deleteApi,
};

/** What the cloud holds for a matched object, in the design's terms; `unsupported` names what the design cannot hold. */
interface CloudSide {
  fields?: unknown;
  unsupported?: string[];
  /** Set when the object cannot be compared at all (a plug-in of another type...). */
  blocked?: string;
}

interface ObjectSpec<D, C extends SnapshotObject> {
  kind: ObjectKind;
  matches: Match<D, C>[];
  designFields: (item: D) => unknown;
  cloudFields: (cloud: C, match: Match<D, C>) => CloudSide;
  ref: (key: string) => PlanRef;
  /** Something in the design the cloud cannot take (an API with request method ANY): a conflict instead of a create or update. */
  designBlocker?: (item: D) => string | undefined;
  /** Something blocks deleting this orphan (a group that still holds APIs of others). */
  deleteBlocker?: (match: Match<D, C>) => string | undefined;
  /** Whether an unmanaged cloud object is worth a line (APIs in others' groups are not listed one by one). */
  listUnmanaged?: (cloud: C) => string | undefined;
}

export function planObjects<D, C extends SnapshotObject>(context: PlanContext, builder: PlanBuilder, spec: ObjectSpec<D, C>): void {
  const { kind } = spec;
  const phase = PHASE[kind];
  const noun = NOUN[kind];
  for (const match of spec.matches) {
    const key = match.key;
    const fpKey = objectKey(kind, key);
    const base = { kind: kind as PlanKind, name: key, ref: spec.ref(key) };
    if (match.design !== undefined) {
      const designFields = spec.designFields(match.design);
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
      const cloud = match.cloud as C;
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
      const side = spec.cloudFields(cloud, match);
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
      const cloud = match.cloud as C;
      const blocker = spec.deleteBlocker?.(match);
      if (builder.prune && blocker) builder.add({ ...base, op: 'conflict', phase: DELETE_PHASE[kind], id: cloud.id, reason: blocker });
      else if (builder.prune) builder.add({ ...base, op: 'delete', phase: DELETE_PHASE[kind], id: cloud.id, reason: `dropped from the design since the last sync` });
      else builder.add({ ...base, op: 'orphan', phase: PHASE.info, id: cloud.id, reason: `dropped from the design since the last sync; apply --prune deletes it in the cloud` });
    } else if (match.status === 'forgotten') {
      builder.forget.push(objectKey(kind, key));
    } else if (match.status === 'unmanaged') {
      const cloud = match.cloud as C;
      const what = spec.listUnmanaged ? spec.listUnmanaged(cloud) : `not made by this project; sync leaves it alone`;
      if (what !== undefined) builder.add({ ...base, name: cloud.name, op: 'unmanaged', phase: PHASE.info, id: cloud.id, reason: what });
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

export function planAllObjects(context: PlanContext, builder: PlanBuilder): void {
  const { snapshot } = context;
  planObjects(context, builder, {
    kind: 'group',
    matches: context.groups,
    designFields: groupFields,
    cloudFields: (cloud) => ({ fields: cloudGroupFields(cloud.item) }),
    ref: (key) => ({ group: key }),
    deleteBlocker: (match) => {
      const others = snapshot.apis.filter((api) => api.groupId === match.cloud?.id && !context.apis.some((m) => m.cloud?.id === api.id && m.status === 'orphan'));
      return others.length
        ? `dropped from the design, but the cloud group still holds ${others.length} API(s) this plan does not delete (e.g. ${others[0].name}); delete or move them first`
        : undefined;
    },
    listUnmanaged: (cloud) => {
      const count = snapshot.apis.filter((api) => api.groupId === cloud.id).length;
      return `not made by this project (${count} API${count === 1 ? '' : 's'}); sync leaves it alone`;
    },
  });
  planObjects(context, builder, {
    kind: 'app',
    matches: context.apps,
    designFields: canonicalApp,
    cloudFields: (cloud) => ({ fields: appFromCloud(cloud.item) }),
    ref: (key) => ({ app: key }),
  });
  planObjects(context, builder, {
    kind: 'throttlingPolicy',
    matches: context.policies,
    designFields: (policy) => canonicalPolicy(policy, context.appIds),
    cloudFields: (cloud) => ({ fields: cloudPolicy(cloud.item, context.appIds) }),
    ref: (key) => ({ policy: key }),
  });
  planObjects(context, builder, {
    kind: 'plugin',
    matches: context.plugins,
    designFields: (plugin) => canonicalPlugin(plugin, context.appIds),
    cloudFields: (cloud, match) => {
      const read = cloudPlugin(cloud.item, context.appIds);
      if (!read.plugin) return { blocked: `the cloud's plug-in ${cloud.name} cannot be read: ${read.unsupported}` };
      if (match.design && read.plugin.type !== match.design.type) {
        return { blocked: `plug-in ${match.key} is of type ${read.plugin.type} in the cloud and ${match.design.type} in the design; the cloud cannot change a plug-in's type, so give the design's a new name` };
      }
      return { fields: read.plugin };
    },
    ref: (key) => ({ plugin: key }),
  });
  planObjects(context, builder, {
    kind: 'api',
    matches: context.apis,
    designFields: canonicalApi,
    designBlocker: apiCloudBlocker,
    cloudFields: (cloud, match) => {
      if (!cloud.detail) return {};
      const read = cloudApi(cloud.detail, match.design?.group ?? '');
      return { fields: read.api, unsupported: read.unsupported };
    },
    ref: (key) => {
      const [group, api] = splitApiKey(key);
      return { group, api };
    },
    // An API of a group that is not this project's is counted on the group's line instead.
    listUnmanaged: (cloud) => (context.groupId.keyOf(cloud.groupId) === undefined ? undefined : `not made by this project; sync leaves it alone`),
  });
}

/** `<group>/<api>` → [group, api] (group names have no `/`). */
export function splitApiKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
