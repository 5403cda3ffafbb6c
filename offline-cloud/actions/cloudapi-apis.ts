/**
 * CloudAPI APIs (docs/alibaba-openapi.md, "APIs"): CreateApi, ModifyApi (a full replacement of the
 * draft), DeleteApi (refused while deployed), DescribeApi, DescribeApis. ModifiedTime changes only
 * when the definition does, so a client can skip re-reading unchanged APIs.
 */
import { isDeepStrictEqual } from 'node:util';
import { routePattern } from '../../shared/model/rules/path-syntax';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { pageOf } from '../action-params';
import { apiRoute, definitionView, mockView, readApiDefinition } from './api-definition';
import { gatewayErrors } from './gateway-errors';
import { type ApiDefinition, type ApiRecord, type GatewayState, type JsonObject, STAGE_NAMES, type TagRecord, findApi, findGroup, gatewayState, groupName, onlineRecord } from './gateway-state';
import { fuzzyMatch, hasTags, hexId, nextModifiedTime, optionalStageName, readTags, utcTime } from './gateway-values';

const sameMethod = (a: string, b: string) => a === b || a === 'ANY' || b === 'ANY' || (['HEAD', 'HEADER'].includes(a) && ['HEAD', 'HEADER'].includes(b));

/**
 * The first of `others` that answers the same calls as `definition`: equal method (ANY takes
 * all) and equal path once `[name]` segments are made alike, as the design's route rule says.
 */
export function routeTakenBy<T extends { Definition: ApiDefinition }>(others: readonly T[], definition: ApiDefinition): T | undefined {
  const route = apiRoute(definition);
  const pattern = routePattern(route.path);
  return others.find((other) => {
    const theirs = apiRoute(other.Definition);
    return routePattern(theirs.path) === pattern && sameMethod(theirs.method, route.method);
  });
}

/** Refuses a name or route another API of the group already has. */
function checkFreeInGroup(state: GatewayState, groupId: string, definition: ApiDefinition, except?: string): void {
  const others = state.apis.filter((api) => api.GroupId === groupId && api.ApiId !== except);
  if (others.some((api) => api.Definition.ApiName === definition.ApiName)) {
    throw gatewayErrors.duplicate('ApiName', `An API named "${definition.ApiName}" already exists in group ${groupName(state, groupId)}. Choose another ApiName.`);
  }
  const clash = routeTakenBy(others, definition);
  if (clash) {
    const { method, path } = apiRoute(clash.Definition);
    throw gatewayErrors.duplicate(
      'ApiPath',
      `API "${clash.Definition.ApiName}" (${method} ${path}) of group ${groupName(state, groupId)} already answers ${apiRoute(definition).method} ${apiRoute(definition).path}: ` +
        'path parameter names do not matter to routing and ANY takes every method. Change the method or path.',
    );
  }
}

export function tagList(tags: readonly TagRecord[]): { Tag: { TagKey: string; TagValue: string }[] } {
  return { Tag: tags.map((tag) => ({ TagKey: tag.Key, TagValue: tag.Value })) };
}

export function deployedInfos(state: GatewayState, apiId: string) {
  return {
    DeployedInfo: STAGE_NAMES.map((stageName) => {
      const online = onlineRecord(state, apiId, stageName);
      return { StageName: stageName, DeployedStatus: online ? 'DEPLOYED' : 'NONDEPLOYED', EffectiveVersion: online?.HistoryVersion ?? '' };
    }),
  };
}

function apiSummary(state: GatewayState, api: ApiRecord, regionId: string) {
  const { method, path } = apiRoute(api.Definition);
  return {
    ApiId: api.ApiId,
    ApiName: api.Definition.ApiName,
    ApiPath: path,
    ApiMethod: method,
    GroupId: api.GroupId,
    GroupName: groupName(state, api.GroupId),
    RegionId: regionId,
    Description: api.Definition.Description,
    Visibility: api.Definition.Visibility,
    CreatedTime: api.CreatedTime,
    ModifiedTime: api.ModifiedTime,
    DeployedInfos: deployedInfos(state, api.ApiId),
    TagList: tagList(api.Tags),
  };
}

function createApi(context: ActionContext): JsonObject {
  const { params } = context;
  const state = gatewayState(context);
  const group = findGroup(state, params.required('GroupId'));
  const definition = readApiDefinition(params);
  const tags = readTags(params);
  checkFreeInGroup(state, group.GroupId, definition);
  const now = utcTime(context.now);
  const api: ApiRecord = { ApiId: hexId(), GroupId: group.GroupId, CreatedTime: now, ModifiedTime: now, Tags: tags, Definition: definition };
  state.apis.push(api);
  return { ApiId: api.ApiId };
}

/** Takes an API out of everything that points at it. Its deployments must be abolished first. */
function removeApi(state: GatewayState, apiId: string): void {
  const keep = <T extends { ApiId: string }>(list: T[]) => list.filter((item) => item.ApiId !== apiId);
  state.apis = keep(state.apis);
  state.history = keep(state.history);
  state.authorizations = keep(state.authorizations);
  state.trafficBindings = keep(state.trafficBindings);
  state.pluginBindings = keep(state.pluginBindings);
}

export const cloudApiApiActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    CreateApi: write(createApi),

    ModifyApi: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const definition = readApiDefinition(params);
      checkFreeInGroup(state, api.GroupId, definition, api.ApiId);
      if (!isDeepStrictEqual(definition, api.Definition)) {
        api.Definition = definition;
        api.ModifiedTime = nextModifiedTime(context.now, api.ModifiedTime);
      }
      return {};
    }),

    DeleteApi: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stages = state.online.filter((record) => record.ApiId === api.ApiId).map((record) => record.StageName);
      if (stages.length > 0) {
        throw gatewayErrors.inUse(
          'ApiIsDeployed',
          `The API "${api.Definition.ApiName}" is deployed to ${stages.join(', ')}. Abolish it from ${stages.length > 1 ? 'those stages' : 'that stage'} first (AbolishApi), then delete it.`,
        );
      }
      removeApi(state, api.ApiId);
      return {};
    }),

    DescribeApi: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      return {
        ApiId: api.ApiId,
        GroupId: api.GroupId,
        GroupName: groupName(state, api.GroupId),
        RegionId: context.regionId,
        CreatedTime: api.CreatedTime,
        ModifiedTime: api.ModifiedTime,
        ...definitionView(api.Definition),
        AppCodeAuthType: api.Definition.AuthType === 'APP' ? api.Definition.AppCodeAuthType : '',
        ...mockView(api.Definition),
        DeployedInfos: deployedInfos(state, api.ApiId),
        TagList: tagList(api.Tags),
      };
    }),

    DescribeApis: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const groupId = params.string('GroupId');
      const apiId = params.string('ApiId');
      const name = params.string('ApiName');
      const path = params.string('ApiPath');
      const method = params.string('ApiMethod')?.toUpperCase();
      const stageName = optionalStageName(params);
      const visibility = params.string('Visibility') === undefined ? undefined : params.oneOf('Visibility', ['PUBLIC', 'PRIVATE'] as const, 'PUBLIC');
      const undeployed = params.bool('UnDeployed');
      const tags = readTags(params);
      const matches = state.apis.filter((api) => {
        const route = apiRoute(api.Definition);
        const stages = state.online.filter((record) => record.ApiId === api.ApiId);
        return (
          (groupId === undefined || api.GroupId === groupId) &&
          (apiId === undefined || api.ApiId === apiId) &&
          fuzzyMatch(api.Definition.ApiName, name) &&
          fuzzyMatch(route.path, path) &&
          (method === undefined || route.method === method) &&
          (stageName === undefined || stages.some((record) => record.StageName === stageName)) &&
          (visibility === undefined || api.Definition.Visibility === visibility) &&
          (undeployed !== true || stages.length === 0) &&
          hasTags(api.Tags, tags)
        );
      });
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, ApiSummarys: { ApiSummary: items.map((api) => apiSummary(state, api, context.regionId)) } };
    }),
  },
};
