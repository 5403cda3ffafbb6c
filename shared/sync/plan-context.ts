/**
 * Everything the planner (and pull's choice of what to read) needs to know about how the design
 * and the cloud pair up: the matches of every kind, and lookups between design names and cloud
 * ids for the objects that are this project's.
 */
import type { Api, App, CloudIds, Group, Plugin, Project, ThrottlingPolicy } from '../model/schema';
import { apiKey } from '../model/stages';
import type { AppIds } from './cloud-mapping';
import { type Match, isOurs, matchObjects, pendingKeys } from './match';
import type { CloudSnapshot, SnapshotApi, SnapshotGroup, SnapshotObject } from './snapshot';

export interface PlanContext {
  design: Project;
  snapshot: CloudSnapshot;
  ids: CloudIds;
  groups: Match<Group, SnapshotGroup>[];
  apis: Match<Api, SnapshotApi>[];
  apps: Match<App>[];
  policies: Match<ThrottlingPolicy>[];
  plugins: Match<Plugin>[];
  /** Cloud id ↔ design key, for this project's objects that the design still has. */
  groupId: Lookup;
  apiId: Lookup;
  policyId: Lookup;
  pluginId: Lookup;
  appIds: AppIds;
}

/** Design key → cloud id and back. */
export interface Lookup {
  idOf(key: string): string | undefined;
  keyOf(id: string): string | undefined;
}

function lookup<D>(matches: Match<D, SnapshotObject>[]): Lookup {
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const match of matches) {
    if (!match.design || !match.cloud || !isOurs(match.status)) continue;
    ids.set(match.key, match.cloud.id);
    keys.set(match.cloud.id, match.key);
  }
  return { idOf: (key) => ids.get(key), keyOf: (id) => keys.get(id) };
}

export function planContext(design: Project, snapshot: CloudSnapshot, ids: CloudIds): PlanContext {
  const groups = matchObjects({
    design: design.groups,
    keyOf: (group) => group.name,
    recorded: ids.groups,
    cloud: snapshot.groups,
    cloudKeyOf: (group) => group.name,
    pending: pendingKeys(ids, 'group'),
  });
  const groupId = lookup(groups);
  const apis = matchObjects({
    design: design.apis,
    keyOf: (api) => apiKey({ group: api.group, api: api.name }),
    recorded: ids.apis,
    cloud: snapshot.apis,
    // Only an API in one of this project's groups can be the design's.
    cloudKeyOf: (api) => {
      const group = groupId.keyOf(api.groupId);
      return group === undefined ? undefined : apiKey({ group, api: api.name });
    },
    pending: pendingKeys(ids, 'api'),
  });
  const apps = matchObjects({ design: design.apps, keyOf: (app) => app.name, recorded: ids.apps, cloud: snapshot.apps, cloudKeyOf: (app) => app.name, pending: pendingKeys(ids, 'app') });
  const policies = matchObjects({
    design: design.throttlingPolicies,
    keyOf: (policy) => policy.name,
    recorded: ids.throttlingPolicies,
    cloud: snapshot.throttlingPolicies,
    cloudKeyOf: (policy) => policy.name,
    pending: pendingKeys(ids, 'throttlingPolicy'),
  });
  const plugins = matchObjects({ design: design.plugins, keyOf: (plugin) => plugin.name, recorded: ids.plugins, cloud: snapshot.plugins, cloudKeyOf: (plugin) => plugin.name, pending: pendingKeys(ids, 'plugin') });

  const ourApps = lookup(apps);
  // Unmanaged apps are still named by their cloud name (in a special or an IP-control item).
  const cloudAppNames = new Map(snapshot.apps.map((app) => [app.id, app.name]));
  const appIds: AppIds = {
    idOf: (name) => ourApps.idOf(name),
    nameOf: (id) => ourApps.keyOf(id) ?? cloudAppNames.get(id),
  };
  return { design, snapshot, ids, groups, apis, apps, policies, plugins, groupId, apiId: lookup(apis), policyId: lookup(policies), pluginId: lookup(plugins), appIds };
}
