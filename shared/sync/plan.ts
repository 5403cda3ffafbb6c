/**
 * The sync planner: what apply would change in the cloud to make it match the design, as ordered
 * lines (groups, stage variables, apps, policies, plug-ins, APIs, bindings, authorizations,
 * deployments, then deletions). Pure: the design, what pull read, and the ids recorded for this
 * profile and region go in; the plan comes out.
 *
 * Safety rules (docs/sync.md): the cloud's objects are this project's only if their id is recorded
 * (or an interrupted apply left a pending create for them); nothing else is ever touched, only
 * listed. An object the design dropped after a sync is deleted only with `prune`.
 */
import type { CloudIds, Project } from '../model/schema';
import { emptyCloudIds } from './kinds';
import { PlanBuilder } from './plan-builder';
import { planContext } from './plan-context';
import { type DeploymentFilter, planDeployments } from './plan-deployments';
import { planGroupNetwork } from './plan-network';
import { planAllObjects } from './plan-objects';
import { planRelations } from './plan-relations';
import type { SyncPlan } from './plan-types';
import type { CloudSnapshot } from './snapshot';

export { emptyCloudIds };

export interface PlanOptions {
  /** Delete what the design dropped since the last sync. */
  prune?: boolean;
  /** Only the deployments of this stage and/or these APIs (what `deploy` does). */
  only?: DeploymentFilter;
}

export function plan(design: Project, snapshot: CloudSnapshot, ids: CloudIds | undefined, options: PlanOptions = {}): SyncPlan {
  const recorded: CloudIds = ids ?? emptyCloudIds();
  const context = planContext(design, snapshot, recorded);
  const builder = new PlanBuilder(options.prune === true && !options.only);
  if (options.only) {
    planDeployments(context, builder, options.only);
    return builder.build(snapshot.region, 'deployments');
  }
  planAllObjects(context, builder);
  planGroupNetwork(context, builder);
  planRelations(context, builder);
  planDeployments(context, builder);
  return builder.build(snapshot.region);
}
