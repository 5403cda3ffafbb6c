/**
 * Plan lines for relations, which have no ids: stage variables, throttling bindings, plug-in
 * bindings and authorizations. Each lives in a scope (`vars:<group>/<stage>`, `throttling:<group>/<stage>`,
 * `plugins:<plugin>`, `auths:<app>`) whose members sync records as it makes them; sync removes a
 * member only if it made it (or the object at its other end is being deleted), and lists the
 * others as unmanaged.
 */
import type { Stage } from '../model/schema';
import { STAGES } from '../model/schema';
import { apiKey } from '../model/stages';
import { type FieldChange, diffFields } from './canonical';
import { authorizationFromCloud } from './cloud-mapping';
import type { PlanBuilder } from './plan-builder';
import type { PlanContext } from './plan-context';
import { splitApiKey } from './plan-objects';
import { PHASE, type PlanKind, type PlanRef } from './plan-types';
import { groupStageKey } from './snapshot';

/** Where a relation's end stands: in the design, about to be deleted (prune), or not the project's. */
type EndStatus = 'design' | 'pruned' | 'foreign';

interface ScopeSpec<T> {
  scope: string;
  kind: PlanKind;
  /** Members the design wants, with their data. */
  design: Map<string, T>;
  /** Members the cloud has whose ends are the design's (or being deleted), with their data; ends decide. */
  cloud: Map<string, { data: T; ends: EndStatus[] }>;
  name: (member: string) => string;
  ref: (member: string) => PlanRef;
  ops: { add: 'create' | 'bind' | 'authorize'; change: 'update' | 'authorize'; remove: 'delete' | 'unbind' | 'unauthorize' };
  phases: { add: number; remove: number };
  /** What differs between the cloud's and the design's data of one member. */
  compare?: (cloud: T, design: T) => FieldChange[];
  noun: string;
}

function planScope<T>(context: PlanContext, builder: PlanBuilder, spec: ScopeSpec<T>): void {
  const recorded = new Set(context.ids.relations?.[spec.scope] ?? []);
  const base = (member: string) => ({ kind: spec.kind, name: spec.name(member), ref: spec.ref(member) });
  for (const [member, data] of spec.design) {
    const cloud = spec.cloud.get(member);
    if (!cloud) {
      const drift = recorded.has(member);
      builder.add({
        ...base(member),
        op: spec.ops.add,
        phase: spec.phases.add,
        relation: { scope: spec.scope, add: member },
        reason: drift ? `removed in the cloud since the last sync (drift); sync makes it again` : `new ${spec.noun} in the design`,
        ...(drift ? { drift: true } : {}),
      });
      continue;
    }
    const fields = spec.compare?.(cloud.data, data) ?? [];
    if (fields.length > 0) {
      builder.add({ ...base(member), op: spec.ops.change, phase: spec.phases.add, fields, relation: { scope: spec.scope, add: member }, reason: 'changed in the design or in the cloud' });
    }
  }
  for (const [member, cloud] of spec.cloud) {
    if (spec.design.has(member)) continue;
    const pruned = cloud.ends.includes('pruned');
    const remove = { ...base(member), op: spec.ops.remove, phase: spec.phases.remove, relation: { scope: spec.scope, remove: member } };
    if (pruned) builder.add({ ...remove, reason: `what it points at is deleted by this plan` });
    else if (recorded.has(member)) builder.add({ ...remove, reason: `dropped from the design since the last sync` });
    else builder.add({ ...base(member), op: 'unmanaged', phase: PHASE.info, reason: `in the cloud but not made by this project (not in the design); sync leaves it alone` });
  }
  if (spec.design.size > 0 || recorded.size > 0) builder.relations[spec.scope] = [...spec.design.keys()].sort();
}

export function planRelations(context: PlanContext, builder: PlanBuilder): void {
  planStageVariables(context, builder);
  planThrottlingBindings(context, builder);
  planPluginBindings(context, builder);
  planAuthorizations(context, builder);
}

type AnyMatch = { status: string; key: string; design?: unknown; cloud?: { id: string } };
const byCloudId = new WeakMap<readonly AnyMatch[], Map<string, AnyMatch>>();

/** Status of an end of a relation, by its cloud id among the matches of its kind. */
function endStatus(builder: PlanBuilder, matches: readonly AnyMatch[], id: string): { key?: string; status: EndStatus } {
  let index = byCloudId.get(matches);
  if (!index) {
    index = new Map(matches.flatMap((match) => (match.cloud ? [[match.cloud.id, match] as const] : [])));
    byCloudId.set(matches, index);
  }
  const match = index.get(id);
  if (!match) return { status: 'foreign' };
  if (match.design !== undefined && (match.status === 'managed' || match.status === 'adopt')) return { key: match.key, status: 'design' };
  if (match.status === 'orphan' && builder.prune) return { key: match.key, status: 'pruned' };
  return { status: 'foreign' };
}

function planStageVariables(context: PlanContext, builder: PlanBuilder): void {
  for (const match of context.matches.group) {
    const group = match.design;
    if (!group) continue;
    for (const stage of STAGES) {
      const scope = `vars:${group.name}/${stage}`;
      const cloudVariables = match.cloud && (match.status === 'managed' || match.status === 'adopt') ? (context.snapshot.relations.stageVariables[groupStageKey(match.cloud.id, stage)] ?? {}) : {};
      planScope(context, builder, {
        scope,
        kind: 'stageVariable',
        design: new Map(Object.entries(group.stageVariables[stage] ?? {})),
        cloud: new Map(Object.entries(cloudVariables).map(([name, value]) => [name, { data: value, ends: ['design'] }])),
        name: (variable) => `${group.name} @${stage}: ${variable}`,
        ref: (variable) => ({ group: group.name, stage, variable }),
        ops: { add: 'create', change: 'update', remove: 'delete' },
        phases: { add: PHASE.stageVariable, remove: PHASE.stageVariable },
        compare: (cloud, design) => (cloud === design ? [] : [{ path: 'value', from: cloud, to: design }]),
        noun: 'stage variable',
      });
    }
  }
}

function apiStageName(owner: string, member: string): string {
  const [api, stage] = splitMember(member);
  return `${owner} → ${api} @${stage}`;
}

/** `<group>/<api>/<stage>` → [`<group>/<api>`, stage]. */
function splitMember(member: string): [string, Stage] {
  const slash = member.lastIndexOf('/');
  return [member.slice(0, slash), member.slice(slash + 1) as Stage];
}

function apiStageRef(member: string): PlanRef {
  const [key, stage] = splitMember(member);
  const [group, api] = splitApiKey(key);
  return { group, api, stage };
}

function planThrottlingBindings(context: PlanContext, builder: PlanBuilder): void {
  // Scopes per group and stage: an API has one policy per stage, bound or replaced in place.
  const design = new Map<string, Map<string, string>>();
  for (const policy of context.design.throttlingPolicies) {
    for (const binding of policy.bindings) {
      const scope = `throttling:${binding.group}/${binding.stage}`;
      if (!design.has(scope)) design.set(scope, new Map());
      design.get(scope)!.set(`${binding.api}=${policy.name}`, policy.name);
    }
  }
  const cloud = new Map<string, Map<string, { data: string; ends: EndStatus[] }>>();
  for (const [key, bound] of Object.entries(context.snapshot.relations.throttlingBindings)) {
    const [groupId, stage] = key.split('/');
    const group = endStatus(builder, context.matches.group, groupId);
    if (group.status === 'foreign') continue;
    for (const [apiId, policyId] of Object.entries(bound)) {
      const api = endStatus(builder, context.matches.api, apiId);
      const policy = endStatus(builder, context.matches.throttlingPolicy, policyId);
      if (api.status === 'foreign' || policy.status === 'foreign') continue;
      const scope = `throttling:${group.key}/${stage}`;
      if (!cloud.has(scope)) cloud.set(scope, new Map());
      cloud.get(scope)!.set(`${splitApiKey(api.key!)[1]}=${policy.key}`, { data: policy.key!, ends: [api.status, policy.status, group.status] });
    }
  }
  for (const scope of new Set([...design.keys(), ...cloud.keys(), ...recordedScopes(context, 'throttling:')])) {
    const group = scope.slice('throttling:'.length, scope.lastIndexOf('/'));
    const stage = scope.slice(scope.lastIndexOf('/') + 1) as Stage;
    const member = (text: string) => text.split('=') as [string, string];
    planScope(context, builder, {
      scope,
      kind: 'throttlingBinding',
      design: design.get(scope) ?? new Map(),
      cloud: cloud.get(scope) ?? new Map(),
      name: (text) => `${member(text)[1]} → ${group}/${member(text)[0]} @${stage}`,
      ref: (text) => ({ group, api: member(text)[0], stage, policy: member(text)[1] }),
      ops: { add: 'bind', change: 'update', remove: 'unbind' },
      phases: { add: PHASE.bind, remove: PHASE.unbind },
      noun: 'throttling binding',
    });
  }
}

function planPluginBindings(context: PlanContext, builder: PlanBuilder): void {
  for (const match of context.matches.plugin) {
    const ours = match.status === 'managed' || match.status === 'adopt' || (match.status === 'orphan' && builder.prune);
    if (!match.design && !ours) continue;
    const name = match.key;
    const cloud = new Map<string, { data: true; ends: EndStatus[] }>();
    if (match.cloud && ours) {
      const self: EndStatus = match.design ? 'design' : 'pruned';
      for (const bound of context.snapshot.relations.pluginBindings[match.cloud.id] ?? []) {
        const api = endStatus(builder, context.matches.api, bound.apiId);
        if (api.status === 'foreign') continue;
        cloud.set(`${api.key}/${bound.stage}`, { data: true, ends: [api.status, self] });
      }
    }
    planScope(context, builder, {
      scope: `plugins:${name}`,
      kind: 'pluginBinding',
      design: new Map((match.design?.bindings ?? []).map((binding) => [`${apiKey(binding)}/${binding.stage}`, true as const])),
      cloud,
      name: (member) => apiStageName(name, member),
      ref: (member) => ({ ...apiStageRef(member), plugin: name }),
      ops: { add: 'bind', change: 'update', remove: 'unbind' },
      phases: { add: PHASE.bind, remove: PHASE.unbind },
      noun: 'plug-in binding',
    });
  }
}

interface AuthorizationData {
  expiresAt?: string;
  description?: string;
}

function planAuthorizations(context: PlanContext, builder: PlanBuilder): void {
  for (const match of context.matches.app) {
    const ours = match.status === 'managed' || match.status === 'adopt' || (match.status === 'orphan' && builder.prune);
    if (!match.design && !ours) continue;
    const name = match.key;
    const cloud = new Map<string, { data: AuthorizationData; ends: EndStatus[] }>();
    if (match.cloud && ours) {
      const self: EndStatus = match.design ? 'design' : 'pruned';
      for (const granted of context.snapshot.relations.authorizations[match.cloud.id] ?? []) {
        const api = endStatus(builder, context.matches.api, granted.apiId);
        if (api.status === 'foreign') continue;
        const [group, apiName] = splitApiKey(api.key!);
        const read = authorizationFromCloud({ StageName: granted.stage, AuthVaildTime: granted.expiresAt, Description: granted.description }, { app: name, group, api: apiName });
        cloud.set(`${api.key}/${granted.stage}`, { data: { expiresAt: read.expiresAt, description: read.description }, ends: [api.status, self] });
      }
    }
    const design = new Map<string, AuthorizationData>();
    if (match.design) {
      for (const authorization of context.design.authorizations) {
        if (authorization.app !== name) continue;
        design.set(`${apiKey(authorization)}/${authorization.stage}`, { expiresAt: normalTime(authorization.expiresAt), description: authorization.description });
      }
    }
    planScope(context, builder, {
      scope: `auths:${name}`,
      kind: 'authorization',
      design,
      cloud,
      name: (member) => apiStageName(name, member),
      ref: (member) => ({ ...apiStageRef(member), app: name }),
      ops: { add: 'authorize', change: 'authorize', remove: 'unauthorize' },
      phases: { add: PHASE.authorize, remove: PHASE.unbind },
      compare: (from, to) => diffFields(from, to),
      noun: 'authorization',
    });
  }
}

/** The cloud keeps whole seconds: compare expiry times in that form. */
function normalTime(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(Math.floor(time / 1000) * 1000).toISOString();
}

function recordedScopes(context: PlanContext, prefix: string): string[] {
  return Object.keys(context.ids.relations ?? {}).filter((scope) => scope.startsWith(prefix));
}
