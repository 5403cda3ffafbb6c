/**
 * Renaming a design object, with every reference to it and every record sync keeps of it under
 * `cloud` (docs/sync.md, "What sync records in the project"): the cloud id, the fingerprint, the
 * relations sync made and the versions it deployed move to the new name, so the next sync finds the
 * same cloud object, and renames it there (ModifyApiGroup, ModifyApi, ModifyApp,
 * ModifyTrafficControl, ModifyPlugin) instead of creating a second one.
 *
 * `pending` (a create whose answer was lost) stays under the old name on purpose: an object that
 * such a create made in the cloud carries the old name, and adopting a cloud object by the new name
 * could take over someone else's.
 */
import type { NamedKind } from './names';
import type { ApiStageRef, CloudIds, Project } from './schema';

/** One rename. For an API, `group` is its group's name at the time the rename is applied. */
export interface Rename {
  kind: NamedKind;
  from: string;
  to: string;
  group?: string;
}

/** Applies one rename (see the functions below). */
export function applyRename(project: Project, rename: Rename): Project {
  switch (rename.kind) {
    case 'group':
      return renameGroup(project, rename.from, rename.to);
    case 'api': {
      const group = rename.group ?? '';
      return renameApi(project, { group, api: rename.from }, { group, api: rename.to });
    }
    case 'app':
      return renameApp(project, rename.from, rename.to);
    case 'throttlingPolicy':
      return renamePolicy(project, rename.from, rename.to);
    case 'plugin':
      return renamePlugin(project, rename.from, rename.to);
  }
}

/**
 * A group and what names it: its APIs, stage histories (and the snapshots they hold), the local
 * gateway's default group,
 * authorizations, throttling and plug-in bindings; in the cloud records, the group's id and its
 * APIs' ids, fingerprints, stage-variable and throttling scopes, binding and authorization members,
 * deployed versions.
 */
export function renameGroup(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  const moveRef = <T extends { group: string }>(ref: T): T => (ref.group === from ? { ...ref, group: to } : ref);
  const apiKey = (key: string) => (key.startsWith(`${from}/`) ? `${to}${key.slice(from.length)}` : key);
  return {
    ...project,
    groups: project.groups.map((g) => (g.name === from ? { ...g, name: to } : g)),
    ...(project.localGateway?.defaultGroup === from ? { localGateway: { ...project.localGateway, defaultGroup: to } } : {}),
    apis: project.apis.map(moveRef),
    deployments: project.deployments.map((d) =>
      d.group === from ? { ...d, group: to, history: d.history.map((r) => (r.definition ? { ...r, definition: moveRef(r.definition) } : r)) } : d,
    ),
    authorizations: project.authorizations.map(moveRef),
    throttlingPolicies: project.throttlingPolicies.map((p) => ({ ...p, bindings: p.bindings.map(moveRef) })),
    plugins: project.plugins.map((p) => ({ ...p, bindings: p.bindings.map(moveRef) })),
    cloud: eachCloud(project, (ids) => ({
      ...ids,
      groups: renameKeys(ids.groups, (key) => (key === from ? to : key)),
      apis: renameKeys(ids.apis, apiKey),
      ...records(ids, {
        fingerprint: (key) => (key === `group:${from}` ? `group:${to}` : key.startsWith('api:') ? `api:${apiKey(key.slice(4))}` : key),
        scope: (scope) => {
          const [kind, rest] = splitScope(scope);
          return kind === 'vars' || kind === 'throttling' ? `${kind}:${apiKey(rest)}` : scope;
        },
        member: (scope, member) => (scope.startsWith('plugins:') || scope.startsWith('auths:') ? apiKey(member) : member),
        deployed: apiKey,
      }),
    })),
  };
}

/**
 * An API, or its move to another group; its stage histories (snapshots included, whose name and
 * group must match), authorizations and bindings follow. A rename keeps the cloud records (the
 * cloud renames the API in place); a move drops its id, since the cloud cannot move an API between
 * groups.
 */
export function renameApi(project: Project, ref: { group: string; api: string }, to: { group: string; api: string }): Project {
  if (ref.group === to.group && ref.api === to.api) return project;
  const refersTo = (item: { group: string; api: string }) => item.group === ref.group && item.api === ref.api;
  const move = <T extends { group: string; api: string }>(item: T): T => (refersTo(item) ? { ...item, group: to.group, api: to.api } : item);
  const moveAll = <T extends { bindings: ApiStageRef[] }>(item: T): T => (item.bindings.some(refersTo) ? { ...item, bindings: item.bindings.map(move) } : item);
  const fromKey = `${ref.group}/${ref.api}`;
  const toKey = `${to.group}/${to.api}`;
  const sameGroup = ref.group === to.group;
  const apiKey = (key: string) => (key === fromKey ? toKey : key);
  /** `<group>/<api>/<stage>` members and deployed keys. */
  const stageKey = (key: string) => (key.startsWith(`${fromKey}/`) ? `${toKey}${key.slice(fromKey.length)}` : key);
  return {
    ...project,
    apis: project.apis.map((api) => (api.group === ref.group && api.name === ref.api ? { ...api, group: to.group, name: to.api } : api)),
    deployments: project.deployments.map((d) =>
      refersTo(d) ? { ...move(d), history: d.history.map((r) => (r.definition ? { ...r, definition: { ...r.definition, group: to.group, name: to.api } } : r)) } : d,
    ),
    authorizations: project.authorizations.map(move),
    throttlingPolicies: project.throttlingPolicies.map(moveAll),
    plugins: project.plugins.map(moveAll),
    cloud: eachCloud(project, (ids) => {
      if (!sameGroup) {
        if (ids.apis[fromKey] === undefined) return ids;
        return { ...ids, apis: renameKeys(ids.apis, (key) => (key === fromKey ? undefined : key)) };
      }
      const throttlingScope = `throttling:${ref.group}/`;
      return {
        ...ids,
        apis: renameKeys(ids.apis, apiKey),
        ...records(ids, {
          fingerprint: (key) => (key === `api:${fromKey}` ? `api:${toKey}` : key),
          scope: (scope) => scope,
          member: (scope, member) => {
            if (scope.startsWith('plugins:') || scope.startsWith('auths:')) return stageKey(member);
            if (scope.startsWith(throttlingScope) && member.startsWith(`${ref.api}=`)) return `${to.api}${member.slice(ref.api.length)}`;
            return member;
          },
          deployed: stageKey,
        }),
      };
    }),
  };
}

/**
 * An app and what names it: authorizations, throttling specials of type APP, IP-control items
 * limited to it; in the cloud records, its id, fingerprint and authorization scope. Its
 * credentials live in the secrets file, outside the project: the host renames them.
 */
export function renameApp(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  return {
    ...project,
    apps: project.apps.map((a) => (a.name === from ? { ...a, name: to } : a)),
    authorizations: project.authorizations.map((a) => (a.app === from ? { ...a, app: to } : a)),
    throttlingPolicies: project.throttlingPolicies.map((p) =>
      p.specials.some((s) => s.type === 'APP' && s.key === from) ? { ...p, specials: p.specials.map((s) => (s.type === 'APP' && s.key === from ? { ...s, key: to } : s)) } : p,
    ),
    plugins: project.plugins.map((p) =>
      p.type === 'ipControl' && p.ipControl.items.some((item) => item.app === from)
        ? { ...p, ipControl: { ...p.ipControl, items: p.ipControl.items.map((item) => (item.app === from ? { ...item, app: to } : item)) } }
        : p,
    ),
    cloud: eachCloud(project, (ids) => ({
      ...ids,
      apps: renameKeys(ids.apps, (key) => (key === from ? to : key)),
      ...records(ids, {
        fingerprint: (key) => (key === `app:${from}` ? `app:${to}` : key),
        scope: (scope) => (scope === `auths:${from}` ? `auths:${to}` : scope),
        member: (_scope, member) => member,
        deployed: (key) => key,
      }),
    })),
  };
}

/** A throttling policy; in the cloud records, its id, fingerprint and the throttling bindings that name it. */
export function renamePolicy(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  return {
    ...project,
    throttlingPolicies: project.throttlingPolicies.map((p) => (p.name === from ? { ...p, name: to } : p)),
    cloud: eachCloud(project, (ids) => ({
      ...ids,
      throttlingPolicies: renameKeys(ids.throttlingPolicies, (key) => (key === from ? to : key)),
      ...records(ids, {
        fingerprint: (key) => (key === `throttlingPolicy:${from}` ? `throttlingPolicy:${to}` : key),
        scope: (scope) => scope,
        member: (scope, member) => (scope.startsWith('throttling:') && member.endsWith(`=${from}`) ? `${member.slice(0, -from.length)}${to}` : member),
        deployed: (key) => key,
      }),
    })),
  };
}

/** A plug-in; in the cloud records, its id, fingerprint and binding scope. */
export function renamePlugin(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  return {
    ...project,
    plugins: project.plugins.map((p) => (p.name === from ? { ...p, name: to } : p)),
    cloud: eachCloud(project, (ids) => ({
      ...ids,
      plugins: renameKeys(ids.plugins, (key) => (key === from ? to : key)),
      ...records(ids, {
        fingerprint: (key) => (key === `plugin:${from}` ? `plugin:${to}` : key),
        scope: (scope) => (scope === `plugins:${from}` ? `plugins:${to}` : scope),
        member: (_scope, member) => member,
        deployed: (key) => key,
      }),
    })),
  };
}

function eachCloud(project: Project, change: (ids: CloudIds) => CloudIds): Project['cloud'] {
  return Object.fromEntries(Object.entries(project.cloud).map(([key, ids]) => [key, change(ids)]));
}

/** The same record with its keys renamed, in the same order; a key renamed to undefined is dropped. */
function renameKeys<T>(record: Readonly<Record<string, T>>, rename: (key: string) => string | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const to = rename(key);
    if (to !== undefined) out[to] = value;
  }
  return out;
}

/** `throttling:<group>/<stage>` → ['throttling', '<group>/<stage>']. */
function splitScope(scope: string): [string, string] {
  const colon = scope.indexOf(':');
  return [scope.slice(0, colon), scope.slice(colon + 1)];
}

interface RecordRenames {
  fingerprint: (key: string) => string;
  scope: (scope: string) => string;
  member: (scope: string, member: string) => string;
  deployed: (key: string) => string;
}

/** The optional records (fingerprints, relations, deployed), renamed; absent ones stay absent. */
function records(ids: CloudIds, rename: RecordRenames): Pick<CloudIds, 'fingerprints' | 'relations' | 'deployed'> {
  const out: Pick<CloudIds, 'fingerprints' | 'relations' | 'deployed'> = {};
  if (ids.fingerprints) out.fingerprints = renameKeys(ids.fingerprints, rename.fingerprint);
  if (ids.relations) {
    out.relations = {};
    for (const [scope, members] of Object.entries(ids.relations)) out.relations[rename.scope(scope)] = members.map((member) => rename.member(scope, member));
  }
  if (ids.deployed) out.deployed = renameKeys(ids.deployed, rename.deployed);
  return out;
}
