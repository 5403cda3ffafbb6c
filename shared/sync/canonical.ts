/**
 * The form in which the planner compares a design object with the cloud's: the design object
 * after a trip through the cloud mapping (so "the same" means "the cloud would store the same"),
 * with list orders that carry no meaning sorted. The same forms are fingerprinted.
 */
import type { Api, App, Group, Plugin, ThrottlingPolicy } from '../model/schema';
import {
  type AppIds,
  apiFromCloud,
  apiToParams,
  appFromCloud,
  appToParams,
  describeApiShape,
  groupFromCloud,
  groupToParams,
  pluginFromCloud,
  pluginToParams,
  policyFromCloud,
  policyToParams,
  specialsToCloud,
} from './cloud-mapping';
import type { CloudRecord } from './cloud-values';

/** Through JSON, as on the wire: drops undefined, copies everything. */
function wire(value: unknown): CloudRecord {
  return JSON.parse(JSON.stringify(value)) as CloudRecord;
}

export type GroupFields = Pick<Group, 'name' | 'description' | 'basePath'>;

export function groupFields(group: Group): GroupFields {
  const { name, description, basePath } = groupFromCloud(wire(groupToParams(group)));
  return { name, description, basePath };
}

export function cloudGroupFields(item: CloudRecord): GroupFields {
  const { name, description, basePath } = groupFromCloud(item);
  return { name, description, basePath };
}

export function canonicalApi(api: Api): Api {
  return sortedAuth(apiFromCloud(wire(describeApiShape(apiToParams(api))), { group: api.group }).api);
}

/** An API read from the cloud, in the design's group. */
export function cloudApi(detail: CloudRecord, group: string): { api: Api; unsupported: string[] } {
  const { api, unsupported } = apiFromCloud(detail, { group });
  return { api: sortedAuth(api), unsupported };
}

/** The order of AllowSignatureMethod says nothing. */
function sortedAuth(api: Api): Api {
  if (api.auth.type !== 'APP') return api;
  return { ...api, auth: { ...api.auth, signatureMethods: [...api.auth.signatureMethods].sort() } };
}

export function canonicalApp(app: App): App {
  return appFromCloud(wire(appToParams(app)));
}

export type PolicyFields = Omit<ThrottlingPolicy, 'bindings'>;

/** A policy with its specials (APP specials by app name), without bindings; specials sorted. */
export function canonicalPolicy(policy: ThrottlingPolicy, apps: AppIds): PolicyFields {
  const specials = specialsToCloud(policy, apps);
  // An APP special whose app has no id yet is kept by name: it is still part of what the design wants.
  const unresolved = policy.specials.filter((special) => special.type === 'APP' && apps.idOf(special.key) === undefined);
  const item = wire({ ...policyToParams(policy), SpecialPolicies: [{ SpecialType: 'APP', Specials: specials.filter((s) => s.SpecialType === 'APP') }, { SpecialType: 'USER', Specials: specials.filter((s) => s.SpecialType === 'USER') }] });
  const back = policyFromCloud(item, apps);
  return withoutBindings({ ...back, specials: sortSpecials([...back.specials, ...unresolved]) });
}

export function cloudPolicy(item: CloudRecord, apps: AppIds): PolicyFields {
  const back = policyFromCloud(item, apps);
  return withoutBindings({ ...back, specials: sortSpecials(back.specials) });
}

function withoutBindings(policy: ThrottlingPolicy): PolicyFields {
  const { bindings: _bindings, ...rest } = policy;
  return rest;
}

function sortSpecials(specials: ThrottlingPolicy['specials']): ThrottlingPolicy['specials'] {
  return [...specials].sort((a, b) => (a.type + a.key < b.type + b.key ? -1 : a.type + a.key > b.type + b.key ? 1 : 0));
}

export type PluginFields = Omit<Plugin, 'bindings'>;

export function canonicalPlugin(plugin: Plugin, apps: AppIds): PluginFields {
  const back = pluginFromCloud(wire(pluginToParams(plugin, apps)), apps).plugin ?? plugin;
  const { bindings: _bindings, ...rest } = back;
  return rest;
}

export function cloudPlugin(item: CloudRecord, apps: AppIds): { plugin?: PluginFields; unsupported?: string } {
  const read = pluginFromCloud(item, apps);
  if (!read.plugin) return { unsupported: read.unsupported };
  const { bindings: _bindings, ...rest } = read.plugin;
  return { plugin: rest };
}

export interface FieldChange {
  /** `backend.body`, `parameters[2].default`. */
  path: string;
  /** The cloud's value (undefined: not set there). */
  from?: unknown;
  /** The design's value (undefined: not set in the design). */
  to?: unknown;
}

/** Every leaf that differs between the cloud's value and the design's. */
export function diffFields(from: unknown, to: unknown, path = ''): FieldChange[] {
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((key) => diffFields(from[key], to[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(from) && Array.isArray(to) && from.every(isPlainObject) && to.every(isPlainObject)) {
    const length = Math.max(from.length, to.length);
    return Array.from({ length }, (_, index) => diffFields(from[index], to[index], `${path}[${index}]`)).flat();
  }
  return sameValue(from, to) ? [] : [{ path, from, to }];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
