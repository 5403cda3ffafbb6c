/**
 * Reading whole lists out of paged actions. The cloud wraps every list in an object named after
 * the item (`Vpcs.Vpc[]`, `ApiSummarys.ApiSummary[]`), pages with PageNumber/PageSize/TotalCount,
 * and some ECS actions page with MaxResults/NextToken instead.
 */
import type { CallOptions, CloudClient, CloudResponse } from './client';
import type { CloudProduct } from '../../shared/cloud/products';
import type { CloudParams } from './wire-params';

/** The items at a dotted path such as `Vpcs.Vpc`; [] when the answer has none. */
export function listItems<T = Record<string, unknown>>(response: unknown, path: string): T[] {
  let value: unknown = response;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? (value as T[]) : [];
}

export interface PageAllOptions {
  pageSize?: number;
  /** Stop after this many pages even if TotalCount says there is more (a guard against a cloud that never ends). */
  maxPages?: number;
  call?: CallOptions;
}

/** Every item of a PageNumber/PageSize/TotalCount action, page after page. */
export async function pageAll<T = Record<string, unknown>>(
  client: CloudClient,
  product: CloudProduct,
  action: string,
  params: CloudParams,
  listPath: string,
  options: PageAllOptions = {},
): Promise<T[]> {
  const pageSize = options.pageSize ?? 50;
  const maxPages = options.maxPages ?? 1_000;
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const answer = await client.call<CloudResponse>(product, action, { ...params, PageNumber: page, PageSize: pageSize }, options.call);
    const batch = listItems<T>(answer, listPath);
    items.push(...batch);
    const total = Number(answer.TotalCount);
    const more = Number.isFinite(total) ? items.length < total : batch.length === pageSize;
    if (!more || batch.length === 0) break;
  }
  return items;
}

/** Every item of a MaxResults/NextToken action (ECS DescribeSecurityGroups and the like). */
export async function pageAllByToken<T = Record<string, unknown>>(
  client: CloudClient,
  product: CloudProduct,
  action: string,
  params: CloudParams,
  listPath: string,
  options: Omit<PageAllOptions, 'pageSize'> & { maxResults?: number } = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 1_000;
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let page = 1; page <= maxPages; page++) {
    const answer = await client.call<CloudResponse>(product, action, { ...params, MaxResults: options.maxResults ?? 100, NextToken: nextToken }, options.call);
    items.push(...listItems<T>(answer, listPath));
    nextToken = typeof answer.NextToken === 'string' && answer.NextToken ? answer.NextToken : undefined;
    if (!nextToken) break;
  }
  return items;
}
