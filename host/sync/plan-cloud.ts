/** pull + plan for one design: read what the design's plan needs, then diff. What `plan`, `apply` and `deploy` start with. */
import type { Project } from '../../shared/model/schema';
import { type PlanOptions, plan } from '../../shared/sync/plan';
import type { SyncPlan } from '../../shared/sync/plan-types';
import { pullReadsFor } from '../../shared/sync/pull-reads';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import type { CloudClient } from '../cloud';
import { pull } from './pull';
import type { PullCache } from './pull-cache';

export interface CloudPlan {
  snapshot: CloudSnapshot;
  plan: SyncPlan;
}

export async function planAgainstCloud(client: CloudClient, design: Project, profileKey: string, options: PlanOptions & { cache?: PullCache } = {}): Promise<CloudPlan> {
  const ids = design.cloud[profileKey];
  const snapshot = await pull(client, { cache: options.cache, reads: (listing) => pullReadsFor(design, ids, listing) });
  return { snapshot, plan: plan(design, snapshot, ids, options) };
}
