/**
 * CloudAPI API groups and their stage variables (docs/alibaba-openapi.md, "API groups",
 * "Stage variables"): CreateApiGroup, DescribeApiGroups, DescribeApiGroup, ModifyApiGroup,
 * DeleteApiGroup (refused while the group has APIs), CreateApiStageVariable,
 * DeleteApiStageVariable, DescribeApiStage.
 */
import { basePathProblem } from '../../shared/model/base-path';
import { STAGE_VARIABLE_NAME } from '../../shared/model/names';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { DEFAULT_GROUP_HTTPS_POLICY, networkPolicyView } from './cloudapi-group-network';
import { groupHost } from './cloudapi-instances-state';
import { gatewayErrors } from './gateway-errors';
import { type GroupRecord, type JsonObject, STAGE_NAMES, type StageRecord, findGroup, gatewayState } from './gateway-state';
import { checkDescription, checkName, hasTags, hexId, nextModifiedTime, readTags, tagInfos, utcTime } from './gateway-values';

/** ModifyApiGroup fields kept as text and echoed by DescribeApiGroup; those in JSON_SETTINGS must be JSON. */
const SETTINGS = ['CompatibleFlags', 'CustomAppCodeConfig', 'CustomTraceConfig', 'CustomerConfigs', 'DefaultDomain', 'FilterAppCodeForBackend', 'PassthroughHeaders', 'RpcPattern', 'RpsLimitForServerless', 'SupportSSE', 'UserLogConfig'] as const;
const JSON_SETTINGS = new Set(['CustomAppCodeConfig', 'CustomTraceConfig', 'UserLogConfig']);
const ECHOED_SETTINGS = ['CompatibleFlags', 'CustomAppCodeConfig', 'CustomTraceConfig', 'CustomerConfigs', 'PassthroughHeaders', 'UserLogConfig'] as const;

export function subDomain(group: GroupRecord, regionId: string): string {
  return `${group.GroupId}-${regionId}.alicloudapi.com`;
}

/** Checked as the design checks it (shared/model/base-path.ts), so the data plane can serve what is stored. */
function readBasePath(params: ActionParams): string | undefined {
  const basePath = params.string('BasePath');
  const problem = basePath === undefined ? undefined : basePathProblem(basePath);
  if (problem) throw gatewayErrors.invalid('BasePath', `the base path "${basePath}" ${problem}`);
  return basePath;
}

function checkGroupNameFree(groups: readonly GroupRecord[], name: string, except?: string): void {
  if (groups.some((group) => group.GroupName === name && group.GroupId !== except)) {
    throw gatewayErrors.duplicate('GroupName', `An API group named "${name}" already exists in this region. Choose another GroupName.`);
  }
}

function findStage(group: GroupRecord, stageId: string): StageRecord {
  const stage = group.Stages.find((candidate) => candidate.StageId === stageId);
  if (!stage) throw gatewayErrors.notFound('Stage', 'StageId', stageId, group.GroupId);
  return stage;
}

function groupSummary(group: GroupRecord, regionId: string) {
  return {
    GroupId: group.GroupId,
    GroupName: group.GroupName,
    Description: group.Description,
    BasePath: group.BasePath,
    SubDomain: subDomain(group, regionId),
    RegionId: regionId,
    InstanceId: group.InstanceId,
    InstanceType: group.InstanceType,
    HttpsPolicy: group.NetworkPolicy?.HttpsPolicy ?? DEFAULT_GROUP_HTTPS_POLICY,
    TrafficLimit: 500,
    BillingStatus: 'NORMAL',
    IllegalStatus: 'NORMAL',
    CreatedTime: group.CreatedTime,
    ModifiedTime: group.ModifiedTime,
  };
}

function groupView(group: GroupRecord, regionId: string) {
  return {
    ...groupSummary(group, regionId),
    // The offline cloud sells VPC-integration instances only (cloudapi-instances.ts).
    DedicatedInstanceType: group.InstanceType === 'VPC_DEDICATED' ? 'vpc_connect' : '',
    Status: 'NORMAL',
    DefaultDomain: group.Settings.DefaultDomain ?? '',
    ...networkPolicyView(group, regionId),
    ...Object.fromEntries(ECHOED_SETTINGS.map((name) => [name, group.Settings[name] ?? ''])),
    CmsMonitorGroup: '',
    CloudMarketCommodity: false,
    MigrationStatus: '',
    MigrationError: '',
    StageItems: { StageInfo: group.Stages.map((stage) => ({ StageId: stage.StageId, StageName: stage.StageName, Description: stage.Description })) },
    CustomDomains: { DomainItem: [] },
  };
}

/** StageRouteModel as DescribeApiStage shows it: its RouteRules wrapped as `RouteRules.RouteRuleItem[]`. */
function routeModelView(model: JsonObject | undefined): JsonObject | undefined {
  if (!model) return undefined;
  const rules = model.RouteRules;
  return { ...model, RouteRules: { RouteRuleItem: Array.isArray(rules) ? rules : [] } };
}

function createGroup(context: ActionContext): JsonObject {
  const { params } = context;
  const state = gatewayState(context);
  const name = checkName('group', 'GroupName', params.required('GroupName'));
  const description = checkDescription('group', 'Description', params.string('Description'));
  const basePath = readBasePath(params) ?? '/';
  const host = groupHost(context, params.string('InstanceId'));
  const tags = readTags(params);
  checkGroupNameFree(state.groups, name);
  const now = utcTime(context.now);
  const group: GroupRecord = {
    GroupId: hexId(),
    GroupName: name,
    Description: description,
    BasePath: basePath,
    InstanceId: host.InstanceId,
    InstanceType: host.InstanceType,
    CreatedTime: now,
    ModifiedTime: now,
    Tags: tags,
    Settings: {},
    Stages: STAGE_NAMES.map((stageName) => ({ StageId: hexId(), StageName: stageName, Description: '', CreatedTime: now, ModifiedTime: now, Variables: [] })),
  };
  state.groups.push(group);
  return {
    GroupId: group.GroupId,
    GroupName: group.GroupName,
    Description: group.Description,
    BasePath: group.BasePath,
    SubDomain: subDomain(group, context.regionId),
    InstanceId: group.InstanceId,
    InstanceType: group.InstanceType,
    TagStatus: tags.length > 0,
  };
}

export const cloudApiGroupActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    CreateApiGroup: write(createGroup),

    DescribeApiGroups: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const groupId = params.string('GroupId');
      const name = params.string('GroupName');
      const instanceId = params.string('InstanceId');
      const basePath = params.string('BasePath');
      const sort = params.oneOf('Sort', ['asc', 'desc'] as const, 'desc');
      const tags = readTags(params);
      const matches = state.groups
        .map((group, index) => ({ group, index }))
        .filter(
          ({ group }) =>
            (groupId === undefined || group.GroupId === groupId) &&
            (name === undefined || group.GroupName.toLowerCase().includes(name.toLowerCase())) &&
            (instanceId === undefined || group.InstanceId === instanceId) &&
            (basePath === undefined || group.BasePath === basePath) &&
            hasTags(group.Tags, tags),
        )
        .sort((a, b) => (a.group.ModifiedTime === b.group.ModifiedTime ? a.index - b.index : a.group.ModifiedTime < b.group.ModifiedTime ? -1 : 1))
        .map(({ group }) => group);
      if (sort === 'desc') matches.reverse();
      const { items, ...page } = pageOf(matches, params, 50);
      return { ...page, ApiGroupAttributes: { ApiGroupAttribute: items.map((group) => ({ ...groupSummary(group, context.regionId), Tags: tagInfos(group.Tags) })) } };
    }),

    DescribeApiGroup: read((context) => {
      const group = findGroup(gatewayState(context), context.params.required('GroupId'));
      return groupView(group, context.regionId);
    }),

    ModifyApiGroup: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const group = findGroup(state, params.required('GroupId'));
      const name = params.string('GroupName');
      if (name !== undefined) {
        checkName('group', 'GroupName', name);
        checkGroupNameFree(state.groups, name, group.GroupId);
      }
      const description = params.string('Description');
      if (description !== undefined) checkDescription('group', 'Description', description);
      const basePath = readBasePath(params);
      const settings: Record<string, string> = {};
      for (const setting of SETTINGS) {
        const value = params.string(setting);
        if (value === undefined) continue;
        if (JSON_SETTINGS.has(setting)) params.json(setting);
        settings[setting] = value;
      }
      const tags = params.repeatList('Tag').length > 0 ? readTags(params) : undefined;
      Object.assign(group, {
        GroupName: name ?? group.GroupName,
        Description: description ?? group.Description,
        BasePath: basePath ?? group.BasePath,
        Settings: { ...group.Settings, ...settings },
        Tags: tags ?? group.Tags,
        ModifiedTime: nextModifiedTime(context.now, group.ModifiedTime),
      });
      return { GroupId: group.GroupId, GroupName: group.GroupName, Description: group.Description, BasePath: group.BasePath, SubDomain: subDomain(group, context.regionId) };
    }),

    DeleteApiGroup: write((context) => {
      const state = gatewayState(context);
      const group = findGroup(state, context.params.required('GroupId'));
      const apis = state.apis.filter((api) => api.GroupId === group.GroupId);
      if (apis.length > 0) {
        throw gatewayErrors.inUse(
          'ApiGroupHasApis',
          `The API group "${group.GroupName}" still has ${apis.length} API(s) (e.g. ${apis[0].Definition.ApiName}). Abolish and delete them first (DeleteApi), then delete the group.`,
        );
      }
      state.groups.splice(state.groups.indexOf(group), 1);
      return {};
    }),

    CreateApiStageVariable: write((context) => {
      const { params } = context;
      const group = findGroup(gatewayState(context), params.required('GroupId'));
      const stage = findStage(group, params.required('StageId'));
      const name = params.required('VariableName');
      if (!STAGE_VARIABLE_NAME.test(name)) {
        throw gatewayErrors.invalid('VariableName', `"${name}" is not a valid variable name: use letters, digits and _, not starting with a digit, so it can be written as #${name}#`);
      }
      if (stage.Variables.some((variable) => variable.VariableName === name)) {
        throw gatewayErrors.duplicate('VariableName', `Stage ${stage.StageName} of group "${group.GroupName}" already has a variable named "${name}". Delete it first (DeleteApiStageVariable) to change its value.`);
      }
      const supportRoute = params.bool('SupportRoute') ?? false;
      const routeModel = params.json('StageRouteModel');
      if (routeModel !== undefined && (typeof routeModel !== 'object' || routeModel === null || Array.isArray(routeModel))) {
        throw gatewayErrors.invalid('StageRouteModel', 'expected a JSON object');
      }
      if (supportRoute && routeModel === undefined) throw gatewayErrors.invalid('StageRouteModel', 'SupportRoute=true needs a StageRouteModel');
      stage.Variables.push({ VariableName: name, VariableValue: params.string('VariableValue') ?? '', SupportRoute: supportRoute, ...(routeModel ? { StageRouteModel: routeModel as JsonObject } : {}) });
      stage.ModifiedTime = nextModifiedTime(context.now, stage.ModifiedTime);
      return {};
    }),

    DeleteApiStageVariable: write((context) => {
      const { params } = context;
      const group = findGroup(gatewayState(context), params.required('GroupId'));
      const stage = findStage(group, params.required('StageId'));
      const name = params.required('VariableName');
      const index = stage.Variables.findIndex((variable) => variable.VariableName === name);
      if (index < 0) throw gatewayErrors.notFound('StageVariable', 'VariableName', name, group.GroupId);
      stage.Variables.splice(index, 1);
      stage.ModifiedTime = nextModifiedTime(context.now, stage.ModifiedTime);
      return {};
    }),

    DescribeApiStage: read((context) => {
      const { params } = context;
      const group = findGroup(gatewayState(context), params.required('GroupId'));
      const stage = findStage(group, params.required('StageId'));
      return {
        GroupId: group.GroupId,
        StageId: stage.StageId,
        StageName: stage.StageName,
        Description: stage.Description,
        CreatedTime: stage.CreatedTime,
        ModifiedTime: stage.ModifiedTime,
        Variables: {
          VariableItem: stage.Variables.map((variable) => ({
            VariableName: variable.VariableName,
            VariableValue: variable.VariableValue,
            SupportRoute: variable.SupportRoute,
            ...(variable.StageRouteModel ? { StageRouteModel: routeModelView(variable.StageRouteModel) } : {}),
          })),
        },
      };
    }),
  },
};
