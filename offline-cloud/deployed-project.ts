/**
 * What the offline cloud's stages serve, as a design Project (and its app secrets) the local
 * gateway can run: the data plane of "what is deployed can be called". Cloud records are turned
 * into the design model by shared/sync/cloud-mapping.ts, the same mapping sync reads the cloud
 * with. Every account and region is served together; where two groups or apps would get the
 * same design name, the first (demo account first, then by region) is kept and a warning says so.
 */
import { Project, type SecretsFile } from '../shared/model/schema';
import type { ApiStageRef, App, Authorization, Deployment, Group, Plugin, ProjectInput, Stage, ThrottlingPolicy } from '../shared/model/schema';
import { type AppIds, apiFromCloud, authorizationFromCloud, pluginFromCloud, policyFromCloud } from '../shared/sync/cloud-mapping';
import { definitionView, mockView } from './actions/api-definition';
import { pluginView } from './actions/cloudapi-plugins';
import { policyView } from './actions/cloudapi-throttling';
import { type ApiStageBinding, GATEWAY_MODULE, type GatewayState, type HistoryRecord } from './actions/gateway-state';
import type { SimStateStore } from './sim-state';

export interface DeployedProject {
  project: Project;
  secrets: SecretsFile;
  /** What could not be served as the cloud holds it. */
  warnings: string[];
}

/** The design's view of one account's region: its APIs named by their served snapshots. */
class RegionView {
  readonly appIds: AppIds;

  constructor(
    readonly state: GatewayState,
    readonly where: string,
  ) {
    const byId = new Map(state.apps.map((app) => [String(app.AppId), app.AppName]));
    const byName = new Map(state.apps.map((app) => [app.AppName, String(app.AppId)]));
    this.appIds = { idOf: (name) => byName.get(name), nameOf: (id) => byId.get(id) };
  }

  groupName(groupId: string): string | undefined {
    return this.state.groups.find((group) => group.GroupId === groupId)?.GroupName;
  }

  /** The snapshot a stage serves for an API, if it serves one. */
  served(apiId: string, stage: Stage): HistoryRecord | undefined {
    const online = this.state.online.find((record) => record.ApiId === apiId && record.StageName === stage);
    return online && this.state.history.find((record) => record.ApiId === apiId && record.StageName === stage && record.HistoryVersion === online.HistoryVersion);
  }

  /** A binding as the design points at it, when the API is served in that stage. */
  ref(binding: Pick<ApiStageBinding, 'ApiId' | 'GroupId' | 'StageName'>): ApiStageRef | undefined {
    const snapshot = this.served(binding.ApiId, binding.StageName);
    const group = this.groupName(binding.GroupId);
    return snapshot && group ? { group, api: snapshot.Definition.ApiName, stage: binding.StageName } : undefined;
  }
}

function groupOf(view: RegionView, index: number): Group {
  const group = view.state.groups[index];
  const stageVariables: Group['stageVariables'] = {};
  for (const stage of group.Stages) {
    if (stage.Variables.length > 0) stageVariables[stage.StageName] = Object.fromEntries(stage.Variables.map((variable) => [variable.VariableName, variable.VariableValue]));
  }
  return { name: group.GroupName, ...(group.Description ? { description: group.Description } : {}), basePath: group.BasePath, stageVariables };
}

function deploymentsOf(view: RegionView, warnings: string[]): Deployment[] {
  const deployments: Deployment[] = [];
  for (const online of view.state.online) {
    const snapshot = view.served(online.ApiId, online.StageName);
    const group = view.groupName(online.GroupId);
    if (!snapshot || !group) continue;
    const detail = { ...definitionView(snapshot.Definition), AppCodeAuthType: snapshot.Definition.AppCodeAuthType, ...mockView(snapshot.Definition) };
    const { api, unsupported } = apiFromCloud(detail, { group });
    if (unsupported.length > 0) warnings.push(`${view.where}: API "${api.name}" in ${online.StageName} uses ${unsupported.join(', ')}, which the local gateway does not serve as the cloud would.`);
    deployments.push({ group, api: api.name, stage: online.StageName, history: [{ version: 1, at: new Date(Date.parse(online.DeployedTime)).toISOString(), description: snapshot.Description, definition: api }] });
  }
  return deployments;
}

function policiesOf(view: RegionView): ThrottlingPolicy[] {
  return view.state.trafficControls.map((record) => {
    const policy = policyFromCloud(policyView(record), view.appIds);
    const bindings = view.state.trafficBindings.filter((binding) => binding.TrafficControlId === record.TrafficControlId).map((binding) => view.ref(binding));
    return { ...policy, bindings: bindings.filter((ref): ref is ApiStageRef => ref !== undefined) };
  });
}

function pluginsOf(view: RegionView, warnings: string[]): Plugin[] {
  const plugins: Plugin[] = [];
  for (const record of view.state.plugins) {
    const { plugin, unsupported } = pluginFromCloud(pluginView(record, ''), view.appIds);
    if (!plugin) {
      warnings.push(`${view.where}: plug-in "${record.PluginName}" is not served: ${unsupported}.`);
      continue;
    }
    const bindings = view.state.pluginBindings.filter((binding) => binding.PluginId === record.PluginId).map((binding) => view.ref(binding));
    plugins.push({ ...plugin, bindings: bindings.filter((ref): ref is ApiStageRef => ref !== undefined) });
  }
  return plugins;
}

function authorizationsOf(view: RegionView): Authorization[] {
  const out: Authorization[] = [];
  for (const entry of view.state.authorizations) {
    const app = view.appIds.nameOf(String(entry.AppId));
    const ref = view.ref(entry);
    if (!app || !ref) continue;
    out.push(authorizationFromCloud({ StageName: entry.StageName, AuthVaildTime: entry.AuthValidTime, Description: entry.Description }, { app, group: ref.group, api: ref.api }));
  }
  return out;
}

/** The Project every account and region of the offline cloud serves, with the apps' keys. */
export function deployedProject(store: SimStateStore): DeployedProject {
  const warnings: string[] = [];
  const input: Required<Pick<ProjectInput, 'groups' | 'deployments' | 'throttlingPolicies' | 'apps' | 'authorizations' | 'plugins'>> = {
    groups: [],
    deployments: [],
    throttlingPolicies: [],
    apps: [],
    authorizations: [],
    plugins: [],
  };
  const secrets: SecretsFile = { apps: {} };
  const taken = { groups: new Set<string>(), apps: new Set<string>(), policies: new Set<string>(), plugins: new Set<string>() };
  const firstOnly = <T extends { name: string }>(items: T[], names: Set<string>, what: string, where: string): T[] =>
    items.filter((item) => {
      if (!names.has(item.name)) return names.add(item.name);
      warnings.push(`${where}: ${what} "${item.name}" has the name of one served already (another account or region); it is not served.`);
      return false;
    });

  for (const account of Object.values(store.state.accounts)) {
    for (const [regionId, region] of Object.entries(account.regions)) {
      const state = region.modules[GATEWAY_MODULE] as GatewayState | undefined;
      if (!state) continue;
      const view = new RegionView(state, `account ${account.accountId} ${regionId}`);
      const groups = firstOnly(state.groups.map((_, index) => groupOf(view, index)), taken.groups, 'group', view.where);
      const served = new Set(groups.map((group) => group.name));
      input.groups.push(...groups);
      input.deployments.push(...deploymentsOf(view, warnings).filter((deployment) => served.has(deployment.group)));
      const enabled = state.apps.filter((app) => !app.Disabled);
      const apps = firstOnly<App>(enabled.map((app) => ({ name: app.AppName, ...(app.Description ? { description: app.Description } : {}) })), taken.apps, 'app', view.where);
      input.apps.push(...apps);
      for (const app of enabled.filter((candidate) => apps.some((kept) => kept.name === candidate.AppName))) {
        secrets.apps[app.AppName] = { keys: [{ appKey: app.AppKey, appSecret: app.AppSecret }], appCodes: [app.AppCode] };
      }
      const servedApps = new Set(apps.map((app) => app.name));
      input.authorizations.push(...authorizationsOf(view).filter((entry) => served.has(entry.group) && servedApps.has(entry.app)));
      input.throttlingPolicies.push(...firstOnly(policiesOf(view), taken.policies, 'throttling policy', view.where));
      input.plugins.push(...firstOnly(pluginsOf(view, warnings), taken.plugins, 'plug-in', view.where));
    }
  }
  const project = Project.parse({ format: 'apigw-studio/v1', name: 'offline-cloud', ...input });
  return { project, secrets, warnings };
}
