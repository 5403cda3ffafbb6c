/** API groups (docs/alibaba-openapi.md "API groups"): the first kind, everything else lives in or beside one. */
import type { Group } from '../../model/schema';
import { cloudGroupFields, groupFields } from '../canonical';
import { groupToParams } from '../cloud-mapping';
import type { SnapshotGroup } from '../snapshot';
import type { SyncKind } from './kind';

export const groupKind: SyncKind<'group', Group, SnapshotGroup> = {
  kind: 'group',
  noun: 'group',
  cloudNoun: 'API group',
  needs: [],
  settings: ['stageVariable', 'network'],
  design: (project) => project.groups,
  name: (group) => group.name,
  ref: (key) => ({ group: key }),
  ids: 'groups',
  snapshot: 'groups',
  cloud: {
    list: { action: 'DescribeApiGroups', path: 'ApiGroupAttributes.ApiGroupAttribute', idField: 'GroupId', nameField: 'GroupName', nameFilter: 'GroupName', pageSize: 50 },
    create: { action: 'CreateApiGroup', idField: 'GroupId' },
    modify: 'ModifyApiGroup',
    delete: 'DeleteApiGroup',
    idParam: 'GroupId',
    notFound: ['NotFoundApiGroup'],
  },
  toParams: groupToParams,
  designFields: groupFields,
  cloudFields: (item) => ({ fields: cloudGroupFields(item) }),
  deleteBlocker: (match, context) => {
    const others = context.snapshot.apis.filter((api) => api.groupId === match.cloud?.id && !context.matches.api.some((m) => m.cloud?.id === api.id && m.status === 'orphan'));
    return others.length
      ? `dropped from the design, but the cloud group still holds ${others.length} API(s) this plan does not delete (e.g. ${others[0].name}); delete or move them first`
      : undefined;
  },
  // Its APIs are counted here rather than listed one by one (api.ts has a parent, so they are not).
  unmanagedNote: (cloud, context) => {
    const count = context.snapshot.apis.filter((api) => api.groupId === cloud.id).length;
    return `not made by this project (${count} API${count === 1 ? '' : 's'}); sync leaves it alone`;
  },
};
