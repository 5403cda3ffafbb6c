/**
 * Plans awaiting review, by id: what apply runs is exactly the plan the person read. Newest last;
 * a few are enough (one screen reviews one). A change of the cloud in force forgets them all:
 * they were made with the keys and endpoint as they were.
 */
import type { PlanView } from '../../shared/ipc/cloud-views';
import type { SyncPlan } from '../../shared/sync/plan-types';
import type { CloudSnapshot } from '../../shared/sync/snapshot';

export interface KeptPlan {
  view: PlanView;
  /** The endpoint the plan read: with profileKey, which cloud it belongs to. */
  endpoint: string;
  plan: SyncPlan;
  snapshot: CloudSnapshot;
  path: string;
  revision: string;
}

const KEPT = 5;

export class KeptPlans {
  private readonly plans: KeptPlan[] = [];

  keep(plan: KeptPlan): void {
    this.plans.push(plan);
    if (this.plans.length > KEPT) this.plans.shift();
  }

  find(planId: string): KeptPlan | undefined {
    return this.plans.find((candidate) => candidate.view.planId === planId);
  }

  /** An applied plan is spent: its snapshot is the cloud as it was before the apply. */
  remove(plan: KeptPlan): void {
    this.plans.splice(this.plans.indexOf(plan), 1);
  }

  forget(): void {
    this.plans.length = 0;
  }
}
