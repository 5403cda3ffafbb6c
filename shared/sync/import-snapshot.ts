/**
 * From the cloud to the design: a whole snapshot as a new project (with every id recorded, so the
 * next plan is empty), or merged into an existing design (the cloud's values win for what both
 * have; what only the design has stays), with a preview of what the merge would change.
 */
import type { Api, App, Authorization, CloudIds, Deployment, Group, Plugin, Project, Stage, ThrottlingPolicy } from '../model/schema';
import { PROJECT_FORMAT, STAGES } from '../model/schema';
import { apiKey, servedRecord } from '../model/stages';
import { canonicalApi, diffFields } from './canonical';
import { type AppIds, apiFromCloud, appFromCloud, authorizationFromCloud, groupFromCloud, pluginFromCloud, policyFromCloud } from './cloud-mapping';
import { fromCloudTime, text } from './cloud-values';
import { ALL_KINDS, type ObjectKind, emptyCloudIds } from './kinds';
import { plan } from './plan';
import { type CloudSnapshot, groupStageKey } from './snapshot';

export interface ImportResult {
  project: Project;
  /** What could not be brought over, one sentence each. */
  notes: string[];
}

export function importSnapshot(snapshot: CloudSnapshot, options: { name: string; profileKey: string }): ImportResult {
  const notes: string[] = [];
  const ids: CloudIds = { ...emptyCloudIds(), deployed: {} };
  const groupName = new Map(snapshot.groups.map((group) => [group.id, group.name]));
  const apiName = new Map<string, { group: string; api: string }>();
  const apps: AppIds = {
    idOf: (name) => snapshot.apps.find((app) => app.name === name)?.id,
    nameOf: (id) => snapshot.apps.find((app) => app.id === id)?.name,
  };

  const groups: Group[] = snapshot.groups.map((item) => {
    ids.groups[item.name] = item.id;
    const group = groupFromCloud(item.item);
    for (const stage of STAGES) {
      const variables = snapshot.relations.stageVariables[groupStageKey(item.id, stage)];
      if (variables && Object.keys(variables).length > 0) group.stageVariables[stage] = { ...variables };
    }
    return group;
  });

  const apis: Api[] = [];
  const deployments: Deployment[] = [];
  for (const item of snapshot.apis) {
    const group = groupName.get(item.groupId);
    if (!group || !item.detail) {
      notes.push(`API ${item.name} (${item.id}) was not imported: ${group ? 'its definition was not read' : 'its group is unknown'}.`);
      continue;
    }
    const read = apiFromCloud(item.detail, { group });
    if (read.unsupported.length) notes.push(`API ${group}/${item.name} uses ${read.unsupported.join(', ')}, which the design cannot hold; it was imported without.`);
    apis.push(read.api);
    const key = apiKey({ group, api: read.api.name });
    ids.apis[key] = item.id;
    apiName.set(item.id, { group, api: read.api.name });
    for (const stage of STAGES) {
      const deployed = item.deployed[stage];
      if (!deployed?.detail) continue;
      const definition = deployedDefinition(apiFromCloud(deployed.detail, { group }).api, read.api);
      const at = text(deployed.detail, 'DeployedTime');
      deployments.push({ group, api: read.api.name, stage, history: [{ version: 1, at: at ? fromCloudTime(at) : snapshot.pulledAt, description: 'Imported from the cloud', definition }] });
      ids.deployed![`${key}/${stage}`] = { '1': deployed.version };
    }
  }

  const projectApps: App[] = snapshot.apps.map((item) => {
    ids.apps[item.name] = item.id;
    return appFromCloud(item.item);
  });

  const bindingsOf = (scopes: Record<string, Record<string, string>>, policyId: string) =>
    Object.entries(scopes).flatMap(([scope, bound]) => {
      const stage = scope.slice(scope.lastIndexOf('/') + 1) as Stage;
      return Object.entries(bound).flatMap(([apiId, boundPolicy]) => {
        const names = apiName.get(apiId);
        return boundPolicy === policyId && names ? [{ ...names, stage }] : [];
      });
    });
  const throttlingPolicies: ThrottlingPolicy[] = snapshot.throttlingPolicies.map((item) => {
    ids.throttlingPolicies[item.name] = item.id;
    return { ...policyFromCloud(item.item, apps), bindings: bindingsOf(snapshot.relations.throttlingBindings, item.id) };
  });

  const plugins: Plugin[] = [];
  for (const item of snapshot.plugins) {
    const read = pluginFromCloud(item.item, apps);
    if (!read.plugin) {
      notes.push(`Plug-in ${item.name} was not imported: ${read.unsupported}.`);
      continue;
    }
    ids.plugins[item.name] = item.id;
    const bindings = (snapshot.relations.pluginBindings[item.id] ?? []).flatMap((bound) => {
      const names = apiName.get(bound.apiId);
      return names ? [{ ...names, stage: bound.stage }] : [];
    });
    plugins.push({ ...read.plugin, bindings });
  }

  const authorizations: Authorization[] = snapshot.apps.flatMap((app) =>
    (snapshot.relations.authorizations[app.id] ?? []).flatMap((granted) => {
      const names = apiName.get(granted.apiId);
      if (!names) return [];
      return [authorizationFromCloud({ StageName: granted.stage, AuthVaildTime: granted.expiresAt, Description: granted.description }, { app: app.name, ...names })];
    }),
  );

  const project: Project = {
    format: PROJECT_FORMAT,
    name: options.name,
    description: `Imported from ${snapshot.region} on ${snapshot.pulledAt.slice(0, 10)}`,
    groups,
    apis,
    deployments,
    throttlingPolicies,
    apps: projectApps,
    authorizations,
    plugins,
    cloud: {},
  };
  // What a complete sync would have recorded: the plan against the same snapshot knows it.
  const planned = plan(project, snapshot, ids);
  ids.fingerprints = planned.fingerprints;
  ids.relations = planned.relations;
  ids.syncedAt = snapshot.pulledAt;
  project.cloud[options.profileKey] = ids;
  return { project, notes };
}

/** DescribeDeployedApi has no AppCodeAuthType (docs/alibaba-openapi.md, "Publishing and history"): take the draft's. */
function deployedDefinition(deployed: Api, draft: Api): Api {
  if (deployed.auth.type === 'APP' && draft.auth.type === 'APP') return { ...deployed, auth: { ...deployed.auth, appCodeAuthType: draft.auth.appCodeAuthType } };
  return deployed;
}

// ---------------------------------------------------------------------------------------------
// Merge into an existing design

export interface MergeLine {
  op: 'add' | 'change';
  kind: ObjectKind | 'authorization' | 'deployment';
  name: string;
  fields?: ReturnType<typeof diffFields>;
}

/**
 * The design with the cloud's state taken in: objects of the same name take the cloud's values,
 * objects only the cloud has are added, and a stage whose cloud definition differs gets a new
 * deployment record serving it. Nothing only the design has is removed. Ids are recorded.
 */
export function mergeSnapshot(design: Project, imported: Project, profileKey: string): { project: Project; lines: MergeLine[] } {
  const lines: MergeLine[] = [];
  const merge = <T extends { name: string }>(kind: MergeLine['kind'], mine: T[], theirs: T[], key: (item: T) => string = (item) => item.name, compare: (item: T) => unknown = (item) => item) => {
    const out = [...mine];
    for (const item of theirs) {
      const index = out.findIndex((candidate) => key(candidate) === key(item));
      if (index < 0) {
        out.push(item);
        lines.push({ op: 'add', kind, name: key(item) });
        continue;
      }
      const fields = diffFields(compare(out[index]), compare(item));
      if (fields.length > 0) {
        lines.push({ op: 'change', kind, name: key(item), fields });
        out[index] = item;
      }
    }
    return out;
  };
  const groups = merge('group', design.groups, imported.groups);
  const apis = merge('api', design.apis, imported.apis, (api) => apiKey({ group: api.group, api: api.name }), canonicalApi);
  const apps = merge('app', design.apps, imported.apps);
  const throttlingPolicies = merge('throttlingPolicy', design.throttlingPolicies, imported.throttlingPolicies);
  const plugins = merge('plugin', design.plugins, imported.plugins);

  const authorizations = [...design.authorizations];
  for (const granted of imported.authorizations) {
    const same = (a: Authorization) => a.app === granted.app && a.group === granted.group && a.api === granted.api && a.stage === granted.stage;
    const index = authorizations.findIndex(same);
    const name = `${granted.app} → ${apiKey(granted)} @${granted.stage}`;
    if (index < 0) {
      authorizations.push(granted);
      lines.push({ op: 'add', kind: 'authorization', name });
    } else {
      const fields = diffFields(authorizations[index], granted);
      if (fields.length) {
        authorizations[index] = granted;
        lines.push({ op: 'change', kind: 'authorization', name, fields });
      }
    }
  }

  const deployments = design.deployments.map((deployment) => ({ ...deployment, history: [...deployment.history] }));
  for (const incoming of imported.deployments) {
    const cloudDefinition = incoming.history[0].definition!;
    const existing = deployments.find((d) => d.group === incoming.group && d.api === incoming.api && d.stage === incoming.stage);
    const name = `${apiKey(incoming)} @${incoming.stage}`;
    if (!existing) {
      deployments.push(incoming);
      lines.push({ op: 'add', kind: 'deployment', name });
      continue;
    }
    const served = servedRecord(existing)?.definition;
    const fields = diffFields(served ? canonicalApi(served) : undefined, canonicalApi(cloudDefinition));
    if (fields.length === 0) continue;
    const version = (existing.history.at(-1)?.version ?? 0) + 1;
    existing.history.push({ version, at: incoming.history[0].at, description: 'Taken from the cloud by pull --merge', definition: cloudDefinition });
    lines.push({ op: 'change', kind: 'deployment', name, fields });
  }

  const importedIds = imported.cloud[profileKey];
  const mine = design.cloud[profileKey];
  const ids: CloudIds = { ...importedIds };
  for (const { ids: record } of ALL_KINDS) ids[record] = { ...mine?.[record], ...importedIds[record] };
  const project: Project = { ...design, groups, apis, apps, throttlingPolicies, plugins, authorizations, deployments, cloud: { ...design.cloud, [profileKey]: ids } };
  return { project, lines };
}
