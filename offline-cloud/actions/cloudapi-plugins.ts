/**
 * Plug-ins (docs/alibaba-openapi.md, "Plug-ins"): CreatePlugin, ModifyPlugin, DeletePlugin (refused
 * while attached), DescribePlugins, AttachPlugin, DetachPlugin, DescribePluginApis,
 * DescribePluginsByApi. An API has at most one plug-in of each type per stage.
 */
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import { type GatewayState, type JsonObject, type PluginRecord, STAGE_ALIASES, findApi, findGroup, findPlugin, gatewayState, groupName } from './gateway-state';
import { checkDescription, checkName, fuzzyMatch, hasTags, hexId, nextModifiedTime, readStageName, readTags, requiredOneOf, tagInfos, utcTime } from './gateway-values';
import { PLUGIN_TYPES, type PluginType, checkPluginData } from './plugin-data';

function checkNameFree(state: GatewayState, name: string, except?: string): void {
  if (state.plugins.some((plugin) => plugin.PluginName === name && plugin.PluginId !== except)) {
    throw gatewayErrors.duplicate('PluginName', `A plug-in named "${name}" already exists in this region. Choose another PluginName.`);
  }
}

export function pluginView(plugin: PluginRecord, regionId: string) {
  return {
    PluginId: plugin.PluginId,
    PluginName: plugin.PluginName,
    PluginType: plugin.PluginType,
    PluginData: plugin.PluginData,
    Description: plugin.Description,
    RegionId: regionId,
    CreatedTime: plugin.CreatedTime,
    ModifiedTime: plugin.ModifiedTime,
  };
}

/**
 * ApiId or ApiIds (comma list ≤100), at least one; `ApiIds` only where the action's model declares
 * it (AttachPlugin does, DetachPlugin does not).
 */
function targetApiIds(params: ActionParams, takesList = true): string[] {
  const single = params.string('ApiId');
  const ids = [...((takesList && params.commaList('ApiIds', 100)) || []), ...(single === undefined ? [] : [single])];
  if (ids.length === 0) throw gatewayErrors.invalid('ApiId', takesList ? 'name the API(s): ApiId, or ApiIds as a comma-separated list' : 'name the API: ApiId');
  return [...new Set(ids)];
}

function createPlugin(context: ActionContext): JsonObject {
  const { params } = context;
  const state = gatewayState(context);
  const name = checkName('plugin', 'PluginName', params.required('PluginName'));
  const type = requiredOneOf(params, 'PluginType', PLUGIN_TYPES);
  const data = params.required('PluginData');
  checkPluginData(type, data);
  const description = checkDescription('plugin', 'Description', params.string('Description'));
  const tags = readTags(params);
  checkNameFree(state, name);
  const now = utcTime(context.now);
  const plugin: PluginRecord = { PluginId: hexId(), PluginName: name, PluginType: type, PluginData: data, Description: description, CreatedTime: now, ModifiedTime: now, Tags: tags };
  state.plugins.push(plugin);
  return { PluginId: plugin.PluginId, TagStatus: tags.length > 0 };
}

export const cloudApiPluginActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    CreatePlugin: write(createPlugin),

    ModifyPlugin: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const plugin = findPlugin(state, params.required('PluginId'));
      const name = params.string('PluginName');
      if (name !== undefined) {
        checkName('plugin', 'PluginName', name);
        checkNameFree(state, name, plugin.PluginId);
      }
      const data = params.string('PluginData');
      if (data !== undefined) checkPluginData(plugin.PluginType as PluginType, data);
      const description = params.string('Description');
      if (description !== undefined) checkDescription('plugin', 'Description', description);
      const tags = params.repeatList('Tag').length > 0 ? readTags(params) : undefined;
      Object.assign(plugin, {
        PluginName: name ?? plugin.PluginName,
        PluginData: data ?? plugin.PluginData,
        Description: description ?? plugin.Description,
        Tags: tags ?? plugin.Tags,
        ModifiedTime: nextModifiedTime(context.now, plugin.ModifiedTime),
      });
      return {};
    }),

    DeletePlugin: write((context) => {
      const state = gatewayState(context);
      const plugin = findPlugin(state, context.params.required('PluginId'));
      const attached = state.pluginBindings.filter((binding) => binding.PluginId === plugin.PluginId);
      if (attached.length > 0) {
        throw gatewayErrors.inUse(
          'PluginInUse',
          `The plug-in "${plugin.PluginName}" is attached to ${attached.length} API(s) (e.g. API ${attached[0].ApiId} in ${attached[0].StageName}). Detach it first (DetachPlugin), then delete it.`,
        );
      }
      state.plugins.splice(state.plugins.indexOf(plugin), 1);
      return {};
    }),

    DescribePlugins: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const id = params.string('PluginId');
      const name = params.string('PluginName');
      const type = params.string('PluginType');
      const tags = readTags(params);
      const matches = state.plugins.filter(
        (plugin) =>
          (id === undefined || plugin.PluginId === id) &&
          (name === undefined || plugin.PluginName === name) &&
          (type === undefined || plugin.PluginType.toLowerCase() === type.toLowerCase()) &&
          hasTags(plugin.Tags, tags),
      );
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, Plugins: { PluginAttribute: items.map((plugin) => ({ ...pluginView(plugin, context.regionId), Tags: tagInfos(plugin.Tags) })) } };
    }),

    /** Attaching the same plug-in again is a no-op; another plug-in of the same type is refused. */
    AttachPlugin: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const plugin = findPlugin(state, params.required('PluginId'));
      const stageName = readStageName(params);
      const groupId = params.string('GroupId');
      if (groupId !== undefined) findGroup(state, groupId);
      const apis = targetApiIds(params).map((apiId) => findApi(state, apiId, groupId));
      for (const api of apis) {
        const sameType = state.pluginBindings
          .filter((binding) => binding.ApiId === api.ApiId && binding.StageName === stageName && binding.PluginId !== plugin.PluginId)
          .map((binding) => state.plugins.find((candidate) => candidate.PluginId === binding.PluginId))
          .find((other) => other?.PluginType === plugin.PluginType);
        if (sameType) {
          throw gatewayErrors.duplicate(
            'PluginType',
            `API "${api.Definition.ApiName}" already has the ${plugin.PluginType} plug-in "${sameType.PluginName}" in ${stageName}. Detach it first (DetachPlugin); an API has one plug-in of each type per stage.`,
          );
        }
      }
      const boundTime = utcTime(context.now);
      for (const api of apis) {
        if (state.pluginBindings.some((binding) => binding.PluginId === plugin.PluginId && binding.ApiId === api.ApiId && binding.StageName === stageName)) continue;
        state.pluginBindings.push({ PluginId: plugin.PluginId, GroupId: api.GroupId, ApiId: api.ApiId, StageName: stageName, BoundTime: boundTime });
      }
      return {};
    }),

    /** Detaching a plug-in that is not attached is a no-op. */
    DetachPlugin: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const plugin = findPlugin(state, params.required('PluginId'));
      const stageName = readStageName(params);
      const groupId = params.string('GroupId');
      const apiIds = targetApiIds(params, false).map((apiId) => findApi(state, apiId, groupId).ApiId);
      state.pluginBindings = state.pluginBindings.filter((binding) => !(binding.PluginId === plugin.PluginId && binding.StageName === stageName && apiIds.includes(binding.ApiId)));
      return {};
    }),

    DescribePluginApis: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const plugin = findPlugin(state, params.required('PluginId'));
      const groupId = params.string('GroupId');
      const apiId = params.string('ApiId');
      const name = params.string('ApiName');
      const method = params.string('Method')?.toUpperCase();
      const path = params.string('Path');
      const description = params.string('Description');
      const matches = state.pluginBindings
        .filter((binding) => binding.PluginId === plugin.PluginId && (groupId === undefined || binding.GroupId === groupId) && (apiId === undefined || binding.ApiId === apiId))
        .map((binding) => ({ binding, api: state.apis.find((api) => api.ApiId === binding.ApiId) }))
        .filter(({ api }) => {
          if (!api) return false;
          const config = api.Definition.RequestConfig;
          return (
            fuzzyMatch(api.Definition.ApiName, name) &&
            (method === undefined || config.RequestHttpMethod === method) &&
            fuzzyMatch(String(config.RequestPath), path) &&
            fuzzyMatch(api.Definition.Description, description)
          );
        });
      const { items, ...page } = pageOf(matches, params, 100);
      return {
        ...page,
        ApiSummarys: {
          ApiPluginSummary: items.map(({ binding, api }) => ({
            ApiId: binding.ApiId,
            ApiName: api?.Definition.ApiName ?? '',
            GroupId: binding.GroupId,
            GroupName: groupName(state, binding.GroupId),
            Method: String(api?.Definition.RequestConfig.RequestHttpMethod ?? ''),
            Path: String(api?.Definition.RequestConfig.RequestPath ?? ''),
            Description: api?.Definition.Description ?? '',
            RegionId: context.regionId,
            StageName: binding.StageName,
            StageAlias: STAGE_ALIASES[binding.StageName],
          })),
        },
      };
    }),

    DescribePluginsByApi: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const group = findGroup(state, params.required('GroupId'));
      const api = findApi(state, params.required('ApiId'), group.GroupId);
      const stageName = readStageName(params);
      const plugins = state.pluginBindings
        .filter((binding) => binding.ApiId === api.ApiId && binding.StageName === stageName)
        .map((binding) => state.plugins.find((plugin) => plugin.PluginId === binding.PluginId))
        .filter((plugin): plugin is PluginRecord => plugin !== undefined);
      const { items, ...page } = pageOf(plugins, params, 100);
      return { ...page, Plugins: { PluginAttribute: items.map((plugin) => pluginView(plugin, context.regionId)) } };
    }),
  },
};
