/**
 * The design model ↔ CloudAPI 2016-07-14 (docs/alibaba-openapi.md, "API groups" to "Plug-ins"): the
 * parameters of the Create* and Modify* calls sync sends, and the design object read back from the
 * Describe* answers. Pure and self-contained (it imports only the model's types), so the offline
 * cloud can use it too.
 *
 * Things point at each other by name in the design and by id in the cloud; where a mapping needs
 * an app's id or name (throttling specials, IP-control items) the caller passes an AppIds lookup.
 */
import { parse as parseYaml } from 'yaml';
import type { App, Authorization, CorsConfig, Group, IpControlConfig, Plugin, Stage, ThrottlingPolicy } from '../model/schema';
import { type CloudJson, type CloudRecord, commaList, compact, field, flag, fromCloudTime, isRecord, list, num, text, toCloudTime } from './cloud-values';

export { apiFromCloud, apiToParams, apiToSendParams, describeApiShape, fromCloudMethod, toCloudMethod } from './api-mapping';
export type { ApiDefinitionParams, ApiFromCloud } from './api-mapping';
export type { CloudJson, CloudRecord } from './cloud-values';

/** Apps by design name ↔ cloud AppId; undefined where the other side does not know it. */
export interface AppIds {
  idOf(name: string): string | undefined;
  nameOf(id: string): string | undefined;
}

export type CloudParamSet = { [key: string]: CloudJson };

// ---------------------------------------------------------------------------------------------
// Groups and stage variables (docs/alibaba-openapi.md, "API groups" and "Stage variables")

/** CreateApiGroup / ModifyApiGroup (add GroupId for Modify). */
export function groupToParams(group: Group): CloudParamSet {
  return compact({ GroupName: group.name, Description: group.description, BasePath: group.basePath });
}

/** A group from a DescribeApiGroups item or DescribeApiGroup answer; its stage variables come separately. */
export function groupFromCloud(item: CloudRecord, name?: string): Group {
  return compact({
    name: name ?? text(item, 'GroupName') ?? '',
    description: text(item, 'Description'),
    basePath: text(item, 'BasePath') ?? '/',
    stageVariables: {},
  });
}

/** StageName → StageId from DescribeApiGroup's `StageItems.StageInfo[]`. */
export function stageIdsFromCloud(detail: CloudRecord): Partial<Record<Stage, string>> {
  const out: Partial<Record<Stage, string>> = {};
  for (const item of list(field(detail, 'StageItems'))) {
    const stage = text(item, 'StageName')?.toUpperCase();
    const id = text(item, 'StageId');
    if (id && (stage === 'TEST' || stage === 'PRE' || stage === 'RELEASE')) out[stage] = id;
  }
  return out;
}

/** Variable name → value from DescribeApiStage's `Variables.VariableItem[]`. */
export function stageVariablesFromCloud(answer: CloudRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list(field(answer, 'Variables'))) {
    const name = text(item, 'VariableName');
    if (name) out[name] = String(field(item, 'VariableValue') ?? '');
  }
  return out;
}

export function stageVariableToParams(groupId: string, stageId: string, name: string, value: string): CloudParamSet {
  return { GroupId: groupId, StageId: stageId, VariableName: name, VariableValue: value };
}

// ---------------------------------------------------------------------------------------------
// Throttling (docs/alibaba-openapi.md, "Throttling policies")

/** CreateTrafficControl / ModifyTrafficControl (add TrafficControlId for Modify). Specials are separate calls. */
export function policyToParams(policy: ThrottlingPolicy): CloudParamSet {
  return compact({
    TrafficControlName: policy.name,
    TrafficControlUnit: policy.unit,
    ApiDefault: policy.apiDefault,
    UserDefault: policy.userDefault,
    AppDefault: policy.appDefault,
    Description: policy.description,
  });
}

export interface CloudSpecial {
  SpecialType: 'APP' | 'USER';
  /** An AppId for APP, an account id for USER. */
  SpecialKey: string;
  TrafficValue: number;
}

/** The design's specials as AddTrafficSpecialControl entries; an APP special whose app has no id yet is left out. */
export function specialsToCloud(policy: ThrottlingPolicy, apps: AppIds): CloudSpecial[] {
  const out: CloudSpecial[] = [];
  for (const special of policy.specials) {
    const key = special.type === 'APP' ? apps.idOf(special.key) : special.key;
    if (key !== undefined) out.push({ SpecialType: special.type, SpecialKey: key, TrafficValue: special.limit });
  }
  return out;
}

/** The specials of a DescribeTrafficControls item: `SpecialPolicies.SpecialPolicy[] {SpecialType, Specials.Special[]}`. */
export function specialsFromCloud(item: CloudRecord): CloudSpecial[] {
  const out: CloudSpecial[] = [];
  for (const group of list(field(item, 'SpecialPolicies'))) {
    const type = text(group, 'SpecialType')?.toUpperCase();
    if (type !== 'APP' && type !== 'USER') continue;
    for (const special of list(field(group, 'Specials'))) {
      const key = text(special, 'SpecialKey');
      const value = num(special, 'TrafficValue');
      if (key !== undefined && value !== undefined) out.push({ SpecialType: type, SpecialKey: key, TrafficValue: value });
    }
  }
  return out;
}

/** A policy from a DescribeTrafficControls item (bindings come separately). APP specials name the app when known. */
export function policyFromCloud(item: CloudRecord, apps: AppIds, name?: string): ThrottlingPolicy {
  const unit = text(item, 'TrafficControlUnit')?.toUpperCase();
  return compact({
    name: name ?? text(item, 'TrafficControlName') ?? '',
    description: text(item, 'Description'),
    unit: unit === 'MINUTE' || unit === 'HOUR' || unit === 'DAY' ? unit : 'SECOND',
    apiDefault: num(item, 'ApiDefault') ?? 1,
    userDefault: positive(num(item, 'UserDefault')),
    appDefault: positive(num(item, 'AppDefault')),
    specials: specialsFromCloud(item).map((special) => ({
      type: special.SpecialType,
      key: special.SpecialType === 'APP' ? (apps.nameOf(special.SpecialKey) ?? special.SpecialKey) : special.SpecialKey,
      limit: special.TrafficValue,
    })),
    bindings: [],
  });
}

/** The cloud may answer 0 for an unset UserDefault/AppDefault; the design leaves them out. */
function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Apps and authorizations (docs/alibaba-openapi.md, "Apps and authorizations")

/** CreateApp / ModifyApp (add AppId for Modify). The cloud makes the app's keys. */
export function appToParams(app: App): CloudParamSet {
  return compact({ AppName: app.name, Description: app.description });
}

export function appFromCloud(item: CloudRecord, name?: string): App {
  return compact({ name: name ?? text(item, 'AppName') ?? '', description: text(item, 'Description') });
}

/** SetApisAuthorities' per-call fields for one authorization (AppId, GroupId and ApiIds are added by the caller). */
export function authorizationToParams(authorization: Authorization): CloudParamSet {
  return compact({
    StageName: authorization.stage,
    AuthValidTime: authorization.expiresAt === undefined ? undefined : toCloudTime(authorization.expiresAt),
    Description: authorization.description,
  });
}

/** One authorization from a DescribeAuthorizedApis item (`AuthVaildTime`, sic), named by the caller. */
export function authorizationFromCloud(item: CloudRecord, names: { app: string; group: string; api: string }): Authorization {
  const expires = text(item, 'AuthVaildTime') ?? text(item, 'AuthValidTime');
  return compact({
    app: names.app,
    group: names.group,
    api: names.api,
    stage: (text(item, 'StageName')?.toUpperCase() ?? 'RELEASE') as Stage,
    expiresAt: expires === undefined ? undefined : fromCloudTime(expires),
    description: text(item, 'Description'),
  });
}

// ---------------------------------------------------------------------------------------------
// Plug-ins (docs/alibaba-openapi.md, "Plug-ins")

/** CreatePlugin / ModifyPlugin (add PluginId for Modify; ModifyPlugin takes no PluginType). */
export function pluginToParams(plugin: Plugin, apps: AppIds): CloudParamSet {
  return compact({ PluginName: plugin.name, PluginType: plugin.type, PluginData: JSON.stringify(pluginData(plugin, apps)), Description: plugin.description });
}

function pluginData(plugin: Plugin, apps: AppIds): Record<string, CloudJson> {
  if (plugin.type === 'cors') {
    const cors = plugin.cors;
    return {
      allowOrigins: cors.allowOrigins.join(','),
      allowMethods: cors.allowMethods.join(','),
      allowHeaders: cors.allowHeaders.join(','),
      exposeHeaders: cors.exposeHeaders.join(','),
      allowCredentials: cors.allowCredentials,
      maxAge: cors.maxAge,
    };
  }
  return {
    type: plugin.ipControl.type,
    items: plugin.ipControl.items.map((item) => compact({ blocks: item.blocks, appId: item.app === undefined ? undefined : (apps.idOf(item.app) ?? item.app) })),
  };
}

export type PluginFromCloud = { plugin: Plugin; unsupported?: undefined } | { plugin?: undefined; unsupported: string };

/** A plug-in from a DescribePlugins item; types the design has no form for (jwtAuth, caching...) are named, not guessed. */
export function pluginFromCloud(item: CloudRecord, apps: AppIds, name?: string): PluginFromCloud {
  const type = text(item, 'PluginType');
  const base = compact({ name: name ?? text(item, 'PluginName') ?? '', description: text(item, 'Description'), bindings: [] });
  const data = pluginDataFromText(text(item, 'PluginData'));
  if (!data) return { unsupported: `its PluginData is not JSON or YAML` };
  if (type === 'cors') return { plugin: { ...base, type: 'cors', cors: corsFromData(data) } };
  if (type === 'ipControl') {
    const ipControl = ipControlFromData(data, apps);
    return ipControl ? { plugin: { ...base, type: 'ipControl', ipControl } } : { unsupported: 'its IP-control data has no items' };
  }
  return { unsupported: `plug-ins of type ${type ?? '(none)'} are not in the design model` };
}

function pluginDataFromText(data: string | undefined): CloudRecord | undefined {
  if (data === undefined) return undefined;
  try {
    // YAML is a superset of JSON: the console writes YAML, sync writes JSON.
    const parsed: unknown = parseYaml(data);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function corsFromData(data: CloudRecord): CorsConfig {
  const names = (key: string, fallback: string[]) => {
    const value = field(data, key);
    if (value === undefined) return fallback;
    return Array.isArray(value) ? value.map(String) : commaList(String(value));
  };
  return {
    allowOrigins: names('allowOrigins', ['*']),
    allowMethods: names('allowMethods', ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
    allowHeaders: names('allowHeaders', []),
    exposeHeaders: names('exposeHeaders', []),
    allowCredentials: flag(data, 'allowCredentials') ?? false,
    maxAge: num(data, 'maxAge') ?? 172800,
  };
}

function ipControlFromData(data: CloudRecord, apps: AppIds): IpControlConfig | undefined {
  const type = text(data, 'type')?.toUpperCase() === 'REFUSE' ? 'REFUSE' : 'ALLOW';
  const items = list(field(data, 'items'))
    .map((item) => {
      const blocksValue = field(item, 'blocks');
      const blocks = Array.isArray(blocksValue) ? blocksValue.map(String) : commaList(text(item, 'blocks'));
      const appId = text(item, 'appId');
      return compact({ blocks, app: appId === undefined ? undefined : (apps.nameOf(appId) ?? appId) });
    })
    .filter((item) => item.blocks.length > 0);
  return items.length > 0 ? { type, items } : undefined;
}
