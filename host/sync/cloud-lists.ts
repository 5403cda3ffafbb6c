/**
 * The five paged lists sync reads, with each answer's wrapper, id and name fields and the name
 * filter the action's SDK model declares (docs/sync.md "Lost answers"): pull lists them whole;
 * a create whose answer was lost looks its object up in them by name.
 */
import { type CloudRecord, text } from '../../shared/sync/cloud-values';
import type { CloudClient } from '../cloud';
import { pageAll } from '../cloud';

export type ListedKind = 'group' | 'api' | 'throttlingPolicy' | 'app' | 'plugin';

export interface CloudList {
  action: string;
  /** Where the items are in the answer. */
  path: string;
  idField: string;
  nameField: string;
  /** The request field that filters by name (DescribeApiGroups and DescribeApis match a part of it, the others the whole). */
  nameFilter: string;
  /** DescribeApiGroups pages up to 50, the others up to 100. */
  pageSize: number;
}

export const CLOUD_LISTS: Record<ListedKind, CloudList> = {
  group: { action: 'DescribeApiGroups', path: 'ApiGroupAttributes.ApiGroupAttribute', idField: 'GroupId', nameField: 'GroupName', nameFilter: 'GroupName', pageSize: 50 },
  api: { action: 'DescribeApis', path: 'ApiSummarys.ApiSummary', idField: 'ApiId', nameField: 'ApiName', nameFilter: 'ApiName', pageSize: 100 },
  throttlingPolicy: { action: 'DescribeTrafficControls', path: 'TrafficControls.TrafficControl', idField: 'TrafficControlId', nameField: 'TrafficControlName', nameFilter: 'TrafficControlName', pageSize: 100 },
  app: { action: 'DescribeAppAttributes', path: 'Apps.AppAttribute', idField: 'AppId', nameField: 'AppName', nameFilter: 'AppName', pageSize: 100 },
  plugin: { action: 'DescribePlugins', path: 'Plugins.PluginAttribute', idField: 'PluginId', nameField: 'PluginName', nameFilter: 'PluginName', pageSize: 100 },
};

/** Every item of a list. */
export function listAllOf(client: CloudClient, kind: ListedKind): Promise<CloudRecord[]> {
  const list = CLOUD_LISTS[kind];
  return pageAll<CloudRecord>(client, 'CloudAPI', list.action, {}, list.path, { pageSize: list.pageSize });
}

export interface Named {
  id: string;
  item: CloudRecord;
}

/**
 * The objects of a kind named exactly `name` (APIs: in the group `groupId`), from the list
 * filtered by name: a part match where the cloud matches parts, so the exact name is checked here.
 */
export async function findByName(client: CloudClient, kind: ListedKind, name: string, groupId?: string): Promise<Named[]> {
  const list = CLOUD_LISTS[kind];
  const filter = { [list.nameFilter]: name, ...(groupId === undefined ? {} : { GroupId: groupId }) };
  const items = await pageAll<CloudRecord>(client, 'CloudAPI', list.action, filter, list.path, { pageSize: list.pageSize });
  return items
    .filter((item) => text(item, list.nameField) === name && (groupId === undefined || text(item, 'GroupId') === groupId))
    .map((item) => ({ id: text(item, list.idField) ?? '', item }));
}
