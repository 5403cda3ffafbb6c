/**
 * APIs (docs/alibaba-openapi.md "APIs"): each lives in a group, whose id its calls carry; their
 * list item holds no definition, so it is read with DescribeApi (and only when ModifiedTime
 * changed, host/sync/pull-cache.ts). Deleting one first abolishes it in every stage serving it.
 */
import type { Api, Stage } from '../../model/schema';
import { STAGES } from '../../model/schema';
import { apiCloudBlocker } from '../../model/cloud-methods';
import { canonicalApi, cloudApi } from '../canonical';
import { apiToParams, apiToSendParams, describeApiShape } from '../cloud-mapping';
import { type CloudRecord, field, list, text } from '../cloud-values';
import type { SnapshotApi, SnapshotDeployed } from '../snapshot';
import type { SyncKind } from './kind';

export const apiKind: SyncKind<'api', Api, SnapshotApi> = {
  kind: 'api',
  noun: 'API',
  cloudNoun: 'API',
  needs: ['group'],
  design: (project) => project.apis,
  name: (api) => api.name,
  parent: { kind: 'group', param: 'GroupId', key: (api) => api.group, idOf: (api) => api.groupId },
  ref: (key) => {
    const slash = key.indexOf('/');
    return { group: key.slice(0, slash), api: key.slice(slash + 1) };
  },
  ids: 'apis',
  snapshot: 'apis',
  cloud: {
    list: { action: 'DescribeApis', path: 'ApiSummarys.ApiSummary', idField: 'ApiId', nameField: 'ApiName', nameFilter: 'ApiName', pageSize: 100 },
    create: { action: 'CreateApi', idField: 'ApiId' },
    modify: 'ModifyApi',
    delete: 'DeleteApi',
    idParam: 'ApiId',
    notFound: ['NotFoundApi'],
    detail: { action: 'DescribeApi', answerFor: (api, id) => describeApiShape(apiToParams(api), { ApiId: id }) },
  },
  toParams: apiToSendParams,
  designFields: canonicalApi,
  cloudFields: (detail, api) => {
    const read = cloudApi(detail, api.group);
    return { fields: read.api, unsupported: read.unsupported };
  },
  fromList: (object) => ({ ...object, groupId: text(object.item, 'GroupId') ?? '', deployed: deployedStages(object.item) }),
  beforeDelete: (cloud, id) =>
    Object.keys(cloud?.deployed ?? {}).map((stage) => ({ action: 'AbolishApi', params: { ApiId: id, GroupId: cloud?.groupId, StageName: stage }, tolerate: ['NotFoundDeployedApi'] })),
  designBlocker: apiCloudBlocker,
};

/** DescribeApis' `DeployedInfos.DeployedInfo[]`: the stages that serve the API, at which version. */
function deployedStages(item: CloudRecord): Partial<Record<Stage, SnapshotDeployed>> {
  const out: Partial<Record<Stage, SnapshotDeployed>> = {};
  for (const info of list(field(item, 'DeployedInfos'))) {
    const stage = text(info, 'StageName')?.toUpperCase() as Stage | undefined;
    if (!stage || !STAGES.includes(stage) || text(info, 'DeployedStatus') !== 'DEPLOYED') continue;
    out[stage] = { version: text(info, 'EffectiveVersion') ?? '' };
  }
  return out;
}
