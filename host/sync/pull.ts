/**
 * pull: read one region of the cloud into a CloudSnapshot. First the lists (groups, APIs with what
 * each stage serves, throttling policies, apps, plug-ins: a few paged calls however many there
 * are), then only the reads the caller asks for: definitions of APIs whose ModifiedTime changed
 * since the cache last saw them, what stages serve at versions not seen before, and relation
 * scopes (stage variables, bindings, authorizations).
 */
import type { Stage } from '../../shared/model/schema';
import { STAGES } from '../../shared/model/schema';
import { stageIdsFromCloud, stageVariablesFromCloud } from '../../shared/sync/cloud-mapping';
import { type CloudRecord, text } from '../../shared/sync/cloud-values';
import { ALL_KINDS } from '../../shared/sync/kinds';
import { type GroupStage, type PullReads, READ_EVERYTHING } from '../../shared/sync/pull-reads';
import { type CloudSnapshot, type SnapshotApi, type SnapshotDeployed, type SnapshotObject, emptySnapshot, groupStageKey } from '../../shared/sync/snapshot';
import type { CloudClient } from '../cloud';
import { pageAll } from '../cloud';
import { mapBounded } from './bounded';
import { listAllOf } from './cloud-lists';
import { PullCache } from './pull-cache';

export interface PullOptions {
  /** Given the lists, what else to read (default: everything, as an import needs). */
  reads?: (listing: CloudSnapshot) => PullReads;
  cache?: PullCache;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  now?: () => Date;
}

export async function pull(client: CloudClient, options: PullOptions = {}): Promise<CloudSnapshot> {
  const cache = options.cache ?? PullCache.memory();
  const limit = options.concurrency ?? 4;
  const snapshot = await listAll(client, (options.now?.() ?? new Date()).toISOString());
  const reads = options.reads?.(snapshot) ?? READ_EVERYTHING;

  const wantedApis = reads.apis === 'all' ? undefined : new Set(reads.apis);
  const apis = wantedApis ? snapshot.apis.filter((api) => wantedApis.has(api.id)) : snapshot.apis;
  const groupStages = (wanted: 'all' | GroupStage[]) =>
    wanted === 'all' ? snapshot.groups.flatMap((group) => STAGES.map((stage) => ({ groupId: group.id, stage }))) : wanted;
  const variableScopes = groupStages(reads.stageVariables);
  const bindingScopes = groupStages(reads.throttlingBindings);
  const pickIds = (wanted: 'all' | string[], all: { id: string }[]) => (wanted === 'all' ? all.map((item) => item.id) : wanted);

  // StageIds are needed to read stage variables; they never change, so they are cached for good.
  const groupsWithVariables = [...new Set(variableScopes.map((scope) => scope.groupId))];
  await mapBounded(groupsWithVariables, limit, async (groupId) => {
    const group = snapshot.groups.find((candidate) => candidate.id === groupId);
    if (!group) return;
    let stageIds = cache.stageIds(groupId);
    if (!stageIds) {
      stageIds = stageIdsFromCloud(await client.call<CloudRecord>('CloudAPI', 'DescribeApiGroup', { GroupId: groupId }));
      cache.putStageIds(groupId, stageIds);
    }
    group.stageIds = stageIds;
  });

  const tasks: (() => Promise<void>)[] = [
    ...apis.map((api) => () => readApiDetail(client, cache, api)),
    ...apis.flatMap((api) => (Object.entries(api.deployed) as [Stage, SnapshotDeployed][]).map(([stage, deployed]) => () => readDeployed(client, cache, api, stage, deployed))),
    ...variableScopes.map((scope) => () => readStageVariables(client, snapshot, scope)),
    ...bindingScopes.map((scope) => () => readThrottlingBindings(client, snapshot, scope)),
    ...pickIds(reads.plugins, snapshot.plugins).map((pluginId) => () => readPluginBindings(client, snapshot, pluginId)),
    ...pickIds(reads.apps, snapshot.apps).map((appId) => () => readAuthorizations(client, snapshot, appId)),
  ];
  await mapBounded(tasks, limit, (task) => task());

  cache.keepOnly(new Set(snapshot.apis.map((api) => api.id)), new Set(snapshot.groups.map((group) => group.id)));
  await cache.save();
  return snapshot;
}

/** The relation lists page up to 100. */
const PAGE = { others: 100 };

/** Every sync kind's list, read at once (shared/sync/kinds/). */
async function listAll(client: CloudClient, pulledAt: string): Promise<CloudSnapshot> {
  const snapshot = emptySnapshot(client.region, pulledAt);
  const lists = await Promise.all(ALL_KINDS.map((kind) => listAllOf(client, kind.kind)));
  ALL_KINDS.forEach((kind, index) => {
    const { idField, nameField } = kind.cloud.list;
    const objects = lists[index].map((item) => {
      const object: SnapshotObject = { id: text(item, idField) ?? '', name: text(item, nameField) ?? '', modifiedTime: text(item, 'ModifiedTime'), item };
      return kind.fromList ? kind.fromList(object) : object;
    });
    (snapshot[kind.snapshot] as SnapshotObject[]) = objects;
  });
  return snapshot;
}

async function readApiDetail(client: CloudClient, cache: PullCache, api: SnapshotApi): Promise<void> {
  const cached = cache.apiDetail(api.id, api.modifiedTime);
  if (cached) {
    api.detail = cached;
    return;
  }
  const detail = await client.call<CloudRecord>('CloudAPI', 'DescribeApi', { ApiId: api.id, GroupId: api.groupId });
  api.detail = detail;
  if (api.modifiedTime) cache.putApiDetail(api.id, api.modifiedTime, detail);
}

async function readDeployed(client: CloudClient, cache: PullCache, api: SnapshotApi, stage: Stage, deployed: SnapshotDeployed): Promise<void> {
  const cached = cache.deployedDetail(api.id, stage, deployed.version);
  if (cached) {
    deployed.detail = cached;
    return;
  }
  const detail = await client.call<CloudRecord>('CloudAPI', 'DescribeDeployedApi', { ApiId: api.id, GroupId: api.groupId, StageName: stage });
  deployed.detail = detail;
  if (deployed.version) cache.putDeployedDetail(api.id, stage, deployed.version, detail);
}

async function readStageVariables(client: CloudClient, snapshot: CloudSnapshot, scope: GroupStage): Promise<void> {
  const stageId = snapshot.groups.find((group) => group.id === scope.groupId)?.stageIds?.[scope.stage];
  if (!stageId) return;
  const answer = await client.call<CloudRecord>('CloudAPI', 'DescribeApiStage', { GroupId: scope.groupId, StageId: stageId });
  snapshot.relations.stageVariables[groupStageKey(scope.groupId, scope.stage)] = stageVariablesFromCloud(answer);
}

async function readThrottlingBindings(client: CloudClient, snapshot: CloudSnapshot, scope: GroupStage): Promise<void> {
  const items = await pageAll<CloudRecord>(client, 'CloudAPI', 'DescribeApiTrafficControls', { GroupId: scope.groupId, StageName: scope.stage }, 'ApiTrafficControls.ApiTrafficControlItem', { pageSize: PAGE.others });
  const bound: Record<string, string> = {};
  for (const item of items) {
    const apiId = text(item, 'ApiId');
    const policyId = text(item, 'TrafficControlId');
    if (apiId && policyId) bound[apiId] = policyId;
  }
  snapshot.relations.throttlingBindings[groupStageKey(scope.groupId, scope.stage)] = bound;
}

async function readPluginBindings(client: CloudClient, snapshot: CloudSnapshot, pluginId: string): Promise<void> {
  const items = await pageAll<CloudRecord>(client, 'CloudAPI', 'DescribePluginApis', { PluginId: pluginId }, 'ApiSummarys.ApiPluginSummary', { pageSize: PAGE.others });
  snapshot.relations.pluginBindings[pluginId] = items.flatMap((item) => {
    const stage = text(item, 'StageName')?.toUpperCase() as Stage;
    const apiId = text(item, 'ApiId');
    return apiId && STAGES.includes(stage) ? [{ groupId: text(item, 'GroupId') ?? '', apiId, stage }] : [];
  });
}

async function readAuthorizations(client: CloudClient, snapshot: CloudSnapshot, appId: string): Promise<void> {
  const items = await pageAll<CloudRecord>(client, 'CloudAPI', 'DescribeAuthorizedApis', { AppId: appId }, 'AuthorizedApis.AuthorizedApi', { pageSize: PAGE.others });
  snapshot.relations.authorizations[appId] = items.flatMap((item) => {
    const stage = text(item, 'StageName')?.toUpperCase() as Stage;
    const apiId = text(item, 'ApiId');
    if (!apiId || !STAGES.includes(stage)) return [];
    const expiresAt = text(item, 'AuthVaildTime') ?? text(item, 'AuthValidTime');
    const description = text(item, 'Description');
    return [{ groupId: text(item, 'GroupId') ?? '', apiId, stage, ...(expiresAt ? { expiresAt } : {}), ...(description ? { description } : {}) }];
  });
}
