/**
 * Publishing (docs/alibaba-openapi.md, "Publishing and history"): DeployApi snapshots the API's
 * draft into a new HistoryVersion of the stage and makes it the one served (ONLINE); AbolishApi
 * takes the API off the stage; SwitchApi makes an earlier HistoryVersion the one served again
 * (rollback). The reads: DescribeDeployedApis/DescribeDeployedApi (what stages serve),
 * DescribeHistoryApis and DescribeApiHistories (the versions), DescribeApiHistory (one version's
 * definition; also answered under its older name DescribeHistoryApi).
 */
import { OTHER_DESCRIPTION_MAX_LENGTH } from '../../shared/model/names';
import { type ActionContext, type ActionHandler, type ActionModule, read, write } from '../action-registry';
import { pageOf } from '../action-params';
import { apiRoute, deployedDefinitionView } from './api-definition';
import { routeTakenBy } from './cloudapi-apis';
import { gatewayErrors } from './gateway-errors';
import { type ApiRecord, type GatewayState, type HistoryRecord, type OnlineRecord, STAGE_ALIASES, type StageName, findApi, gatewayState, groupName, onlineRecord } from './gateway-state';
import { checkDescription, fuzzyMatch, hasTags, historyVersion, optionalStageName, readStageName, readTags, utcTime } from './gateway-values';

/** The snapshot a stage serves for an online record. */
export function servedSnapshot(state: GatewayState, online: OnlineRecord): HistoryRecord | undefined {
  return state.history.find((record) => record.ApiId === online.ApiId && record.StageName === online.StageName && record.HistoryVersion === online.HistoryVersion);
}

function findVersion(state: GatewayState, api: ApiRecord, stageName: StageName, version: string): HistoryRecord {
  const record = state.history.find((candidate) => candidate.ApiId === api.ApiId && candidate.StageName === stageName && candidate.HistoryVersion === version);
  if (!record) throw gatewayErrors.notFound('HistoryVersion', 'HistoryVersion', `${version}" of API "${api.Definition.ApiName}" in stage "${stageName}`);
  return record;
}

/** Two APIs of a group served in one stage must not answer the same calls. */
function checkStageRoute(state: GatewayState, api: ApiRecord, stageName: StageName, snapshot: HistoryRecord['Definition']): void {
  const served = state.online
    .filter((record) => record.GroupId === api.GroupId && record.StageName === stageName && record.ApiId !== api.ApiId)
    .map((record) => servedSnapshot(state, record))
    .filter((record): record is HistoryRecord => record !== undefined);
  const clash = routeTakenBy(served, snapshot);
  if (clash) {
    const { method, path } = apiRoute(clash.Definition);
    throw gatewayErrors.duplicate('ApiPath', `Stage ${stageName} already serves API "${clash.Definition.ApiName}" (${method} ${path}) on the same route. Change one of the APIs' method or path and deploy again.`);
  }
}

function goOnline(state: GatewayState, record: HistoryRecord, deployedTime: string): void {
  state.online = state.online.filter((online) => !(online.ApiId === record.ApiId && online.StageName === record.StageName));
  state.online.push({ ApiId: record.ApiId, GroupId: record.GroupId, StageName: record.StageName, HistoryVersion: record.HistoryVersion, DeployedTime: deployedTime });
}

function historyItem(state: GatewayState, record: HistoryRecord, regionId: string) {
  const online = onlineRecord(state, record.ApiId, record.StageName);
  return {
    ApiId: record.ApiId,
    ApiName: record.Definition.ApiName,
    GroupId: record.GroupId,
    GroupName: groupName(state, record.GroupId),
    RegionId: regionId,
    StageName: record.StageName,
    StageAlias: STAGE_ALIASES[record.StageName],
    HistoryVersion: record.HistoryVersion,
    Status: online?.HistoryVersion === record.HistoryVersion ? 'ONLINE' : 'OFFLINE',
    Description: record.Description,
    DeployedTime: record.DeployedTime,
  };
}

/** DescribeHistoryApis and DescribeApiHistories: the versions of a group's APIs, newest first. */
function historyList(withAlias: boolean): ActionHandler {
  return (context) => {
    const { params } = context;
    const state = gatewayState(context);
    const groupId = params.required('GroupId');
    const apiId = params.string('ApiId');
    const name = params.string('ApiName');
    const stageName = optionalStageName(params);
    const matches = state.history
      .filter(
        (record) =>
          record.GroupId === groupId &&
          (apiId === undefined || record.ApiId === apiId) &&
          fuzzyMatch(record.Definition.ApiName, name) &&
          (stageName === undefined || record.StageName === stageName),
      )
      .reverse();
    const { items, ...page } = pageOf(matches, params, 100);
    return {
      ...page,
      ApiHisItems: {
        ApiHisItem: items.map((record) => {
          const item: Partial<ReturnType<typeof historyItem>> = historyItem(state, record, context.regionId);
          if (!withAlias) delete item.StageAlias;
          return item;
        }),
      },
    };
  };
}

function describeVersion(context: ActionContext) {
  const { params } = context;
  const state = gatewayState(context);
  const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
  const stageName = readStageName(params);
  const record = findVersion(state, api, stageName, params.required('HistoryVersion'));
  return {
    ApiId: record.ApiId,
    GroupId: record.GroupId,
    GroupName: groupName(state, record.GroupId),
    RegionId: context.regionId,
    StageName: record.StageName,
    HistoryVersion: record.HistoryVersion,
    DeployedTime: record.DeployedTime,
    ...deployedDefinitionView(record.Definition, 'DescribeApiHistory'),
  };
}

export const cloudApiDeploymentActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    DeployApi: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stageName = readStageName(params);
      const note = checkDescription(OTHER_DESCRIPTION_MAX_LENGTH, 'Description', params.required('Description'));
      checkStageRoute(state, api, stageName, api.Definition);
      const previous = state.history.filter((record) => record.ApiId === api.ApiId && record.StageName === stageName).at(-1);
      const record: HistoryRecord = {
        ApiId: api.ApiId,
        GroupId: api.GroupId,
        StageName: stageName,
        HistoryVersion: historyVersion(context.now, previous?.HistoryVersion),
        Description: note,
        DeployedTime: utcTime(context.now),
        Definition: structuredClone(api.Definition),
      };
      state.history.push(record);
      goOnline(state, record, record.DeployedTime);
      return {};
    }),

    /** Chosen: abolishing an API a stage does not serve succeeds (terraform abolishes all three stages before DeleteApi). */
    AbolishApi: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stageName = readStageName(params);
      state.online = state.online.filter((record) => !(record.ApiId === api.ApiId && record.StageName === stageName));
      return {};
    }),

    SwitchApi: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stageName = readStageName(params);
      const record = findVersion(state, api, stageName, params.required('HistoryVersion'));
      checkDescription(OTHER_DESCRIPTION_MAX_LENGTH, 'Description', params.required('Description'));
      checkStageRoute(state, api, stageName, record.Definition);
      goOnline(state, record, utcTime(context.now));
      return {};
    }),

    DescribeDeployedApis: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const groupId = params.string('GroupId');
      const stageName = optionalStageName(params);
      const apiId = params.string('ApiId');
      const name = params.string('ApiName');
      const path = params.string('ApiPath');
      const method = params.string('ApiMethod')?.toUpperCase();
      const tags = readTags(params);
      const served = state.online
        .map((online) => ({ online, snapshot: servedSnapshot(state, online), api: state.apis.find((api) => api.ApiId === online.ApiId) }))
        .filter(({ online, snapshot, api }) => {
          if (!snapshot || !api) return false;
          const route = apiRoute(snapshot.Definition);
          return (
            (groupId === undefined || online.GroupId === groupId) &&
            (stageName === undefined || online.StageName === stageName) &&
            (apiId === undefined || online.ApiId === apiId) &&
            fuzzyMatch(snapshot.Definition.ApiName, name) &&
            fuzzyMatch(route.path, path) &&
            (method === undefined || route.method === method) &&
            hasTags(api.Tags, tags)
          );
        });
      const { items, ...page } = pageOf(served, params, 100);
      return {
        ...page,
        DeployedApis: {
          DeployedApiItem: items.map(({ online, snapshot }) => {
            const definition = (snapshot as HistoryRecord).Definition;
            const route = apiRoute(definition);
            return {
              ApiId: online.ApiId,
              ApiName: definition.ApiName,
              ApiPath: route.path,
              ApiMethod: route.method,
              GroupId: online.GroupId,
              GroupName: groupName(state, online.GroupId),
              RegionId: context.regionId,
              StageName: online.StageName,
              Visibility: definition.Visibility,
              Description: definition.Description,
              DeployedTime: online.DeployedTime,
            };
          }),
        },
      };
    }),

    DescribeDeployedApi: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stageName = readStageName(params);
      const online = onlineRecord(state, api.ApiId, stageName);
      const snapshot = online && servedSnapshot(state, online);
      if (!online || !snapshot) throw gatewayErrors.notFound('DeployedApi', 'ApiId', `${api.ApiId} in stage ${stageName}`);
      return {
        ApiId: api.ApiId,
        GroupId: api.GroupId,
        GroupName: groupName(state, api.GroupId),
        RegionId: context.regionId,
        StageName: stageName,
        DeployedTime: online.DeployedTime,
        ...deployedDefinitionView(snapshot.Definition),
      };
    }),

    DescribeHistoryApis: read(historyList(true)),
    DescribeApiHistories: read(historyList(false)),
    DescribeApiHistory: read(describeVersion),
    DescribeHistoryApi: read(describeVersion),
  },
};

/** For the data plane: every API a stage serves, with its snapshot. */
export function servedApis(state: GatewayState): { online: OnlineRecord; snapshot: HistoryRecord }[] {
  return state.online
    .map((online) => ({ online, snapshot: servedSnapshot(state, online) }))
    .filter((entry): entry is { online: OnlineRecord; snapshot: HistoryRecord } => entry.snapshot !== undefined);
}
