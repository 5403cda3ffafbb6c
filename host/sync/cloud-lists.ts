/**
 * The paged lists sync reads, one per sync kind (`cloud.list` of shared/sync/kinds/, with each
 * answer's wrapper, id and name fields and the name filter the action's SDK model declares;
 * docs/sync.md "Lost answers"): pull lists them whole; a create whose answer was lost looks its
 * object up in them by name.
 */
import { type CloudRecord, text } from '../../shared/sync/cloud-values';
import { type ObjectKind, syncKind } from '../../shared/sync/kinds';
import type { CloudClient } from '../cloud';
import { pageAll } from '../cloud';

/** Every item of a kind's list. */
export function listAllOf(client: CloudClient, kind: ObjectKind): Promise<CloudRecord[]> {
  const list = syncKind(kind).cloud.list;
  return pageAll<CloudRecord>(client, 'CloudAPI', list.action, {}, list.path, { pageSize: list.pageSize });
}

export interface Named {
  id: string;
  item: CloudRecord;
}

/**
 * The objects of a kind named exactly `name` (in a parent, such as an API's group: `parentId`),
 * from the list filtered by name: a part match where the cloud matches parts, so the exact name
 * is checked here.
 */
export async function findByName(client: CloudClient, kind: ObjectKind, name: string, parentId?: string): Promise<Named[]> {
  const { cloud, parent } = syncKind(kind);
  const list = cloud.list;
  const scope = parent && parentId !== undefined ? parent.param : undefined;
  const filter = { [list.nameFilter]: name, ...(scope === undefined ? {} : { [scope]: parentId }) };
  const items = await pageAll<CloudRecord>(client, 'CloudAPI', list.action, filter, list.path, { pageSize: list.pageSize });
  return items
    .filter((item) => text(item, list.nameField) === name && (scope === undefined || text(item, scope) === parentId))
    .map((item) => ({ id: text(item, list.idField) ?? '', item }));
}
