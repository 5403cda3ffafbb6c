/**
 * For tests: the cloud as it would be right after a complete sync of a design, with the ids and
 * records sync would have written. Tests then change the design or the cloud and look at the plan.
 */
import type { CloudIds, Project, Stage } from '../../model/schema';
import { STAGES } from '../../model/schema';
import { apiKey, servedRecord } from '../../model/stages';
import { type AppIds, apiToParams, appToParams, describeApiShape, groupToParams, pluginToParams, policyToParams, specialsToCloud } from '../cloud-mapping';
import { fingerprint } from '../fingerprint';
import { plan } from '../plan';
import { deploymentKey } from '../plan-deployments';
import { type CloudSnapshot, type SnapshotApi, emptySnapshot, groupStageKey } from '../snapshot';

export interface SyncedCloud {
  snapshot: CloudSnapshot;
  ids: CloudIds;
}

/** A made-up 32-hex-digit cloud id, the same for the same kind and name. */
const hex = (prefix: string, name: string) => fingerprint(`${prefix}:${name}`) + fingerprint(`${name}:${prefix}`);

export function syncedCloud(project: Project, region = 'cn-hangzhou'): SyncedCloud {
  const snapshot = emptySnapshot(region, '2026-11-23T10:00:00.000Z');
  const ids: CloudIds = { groups: {}, apis: {}, apps: {}, throttlingPolicies: {}, plugins: {}, deployed: {} };
  const time = '2026-11-23T09:00:00Z';

  project.apps.forEach((app, index) => {
    const id = String(20112314518200 + index);
    ids.apps[app.name] = id;
    snapshot.apps.push({ id, name: app.name, modifiedTime: time, item: { AppId: id, ...appToParams(app) } });
  });
  const apps: AppIds = { idOf: (name) => ids.apps[name], nameOf: (id) => Object.keys(ids.apps).find((name) => ids.apps[name] === id) };

  for (const group of project.groups) {
    const id = hex('a', group.name);
    ids.groups[group.name] = id;
    const stageIds = Object.fromEntries(STAGES.map((stage) => [stage, hex(`s${stage}`, group.name)])) as Record<Stage, string>;
    snapshot.groups.push({ id, name: group.name, modifiedTime: time, item: { GroupId: id, ...groupToParams(group) }, stageIds });
    for (const stage of STAGES) {
      if (group.stageVariables[stage]) snapshot.relations.stageVariables[groupStageKey(id, stage)] = { ...group.stageVariables[stage] };
    }
  }
  for (const api of project.apis) {
    const key = apiKey({ group: api.group, api: api.name });
    const id = hex('b', key);
    ids.apis[key] = id;
    const groupId = ids.groups[api.group];
    const entry: SnapshotApi = { id, name: api.name, groupId, modifiedTime: time, item: { ApiId: id, ApiName: api.name, GroupId: groupId }, detail: json(describeApiShape(apiToParams(api), { ApiId: id, GroupId: groupId })), deployed: {} };
    snapshot.apis.push(entry);
  }
  for (const deployment of project.deployments) {
    const served = servedRecord(deployment);
    const api = snapshot.apis.find((candidate) => candidate.id === ids.apis[apiKey(deployment)]);
    if (!served || !api) continue;
    const version = `2026112309000000${served.version}`;
    api.deployed[deployment.stage] = { version, detail: json(describeApiShape(apiToParams(served.definition), { ApiId: api.id, GroupId: api.groupId })) };
    ids.deployed![deploymentKey(deployment.group, deployment.api, deployment.stage)] = { [String(served.version)]: version };
  }
  project.throttlingPolicies.forEach((policy) => {
    const id = hex('c', policy.name);
    ids.throttlingPolicies[policy.name] = id;
    const specials = specialsToCloud(policy, apps);
    const grouped = (['APP', 'USER'] as const).map((type) => ({ SpecialType: type, Specials: { Special: specials.filter((s) => s.SpecialType === type) } })).filter((g) => g.Specials.Special.length);
    snapshot.throttlingPolicies.push({ id, name: policy.name, modifiedTime: time, item: json({ TrafficControlId: id, ...policyToParams(policy), SpecialPolicies: { SpecialPolicy: grouped } }) });
    for (const binding of policy.bindings) {
      const scope = groupStageKey(ids.groups[binding.group], binding.stage);
      (snapshot.relations.throttlingBindings[scope] ??= {})[ids.apis[apiKey(binding)]] = id;
    }
  });
  project.plugins.forEach((plugin) => {
    const id = hex('d', plugin.name);
    ids.plugins[plugin.name] = id;
    snapshot.plugins.push({ id, name: plugin.name, modifiedTime: time, item: json({ PluginId: id, ...pluginToParams(plugin, apps) }) });
    snapshot.relations.pluginBindings[id] = plugin.bindings.map((binding) => ({ groupId: ids.groups[binding.group], apiId: ids.apis[apiKey(binding)], stage: binding.stage }));
  });
  for (const app of project.apps) snapshot.relations.authorizations[ids.apps[app.name]] = [];
  for (const authorization of project.authorizations) {
    snapshot.relations.authorizations[ids.apps[authorization.app]].push({
      groupId: ids.groups[authorization.group],
      apiId: ids.apis[apiKey(authorization)],
      stage: authorization.stage,
      ...(authorization.expiresAt ? { expiresAt: authorization.expiresAt.replace(/\.\d{3}Z$/, 'Z') } : {}),
      ...(authorization.description ? { description: authorization.description } : {}),
    });
  }
  // What a complete apply records: every fingerprint and relation member.
  const planned = plan(project, snapshot, ids);
  ids.fingerprints = planned.fingerprints;
  ids.relations = planned.relations;
  return { snapshot, ids };
}

function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
