/**
 * Plan and apply in the console: a plan of the open project against the cloud in force, kept for
 * review by id; applying a reviewed plan runs it as a sync job in the background, with progress
 * events, only against the cloud and the file it was made for.
 */
import { randomUUID } from 'node:crypto';
import type { PlanView, SyncJobView } from '../../shared/ipc/cloud-views';
import { type PlanLine, type SyncPlan, isChange, planConflicts } from '../../shared/sync/plan-types';
import { HostError } from '../base/host-error';
import { apply, planAgainstCloud } from '../sync';
import type { CloudConnection } from './cloud-connection';
import type { KeptPlans } from './kept-plans';
import type { OpenProject } from './open-project';
import type { SyncJobs } from './sync-jobs';

export class PlanReview {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs; plans: KeptPlans }) {}

  async plan(request: { prune: boolean }): Promise<PlanView> {
    const { connection, project, plans } = this.parts;
    return project.inRun(request.prune ? 'Plan, with deletions' : 'Plan', 'plan', () => connection.withSession(async (session) => {
      const path = project.path();
      const revision = await project.revision();
      const recorder = await project.recorder(path, session.view.profileKey);
      const { plan, snapshot } = await planAgainstCloud(session.client, recorder.project, session.view.profileKey, { prune: request.prune, cache: session.cache });
      await session.cache.save();
      const view = planView(plan, session.view.profileKey, request.prune, recorder.project.cloud[session.view.profileKey]?.syncedAt === undefined);
      plans.keep({ view, endpoint: session.view.endpoint, plan, snapshot, path, revision });
      return view;
    }));
  }

  async apply(request: { planId: string; confirmation?: string }): Promise<SyncJobView> {
    const { connection, project, jobs, plans } = this.parts;
    jobs.assertIdle();
    const kept = plans.find(request.planId);
    if (!kept) throw new HostError('PLAN_STALE', 'That plan is no longer kept (another was made since, the cloud profile changed, or the app restarted); plan again.');
    if (kept.path !== project.path() || (await project.revision()) !== kept.revision) {
      throw new HostError('PLAN_STALE', 'The project file changed since this plan was made; plan again to see what apply would do now.');
    }
    const conflicts = planConflicts(kept.plan);
    if (conflicts.length > 0) throw new HostError('INVALID_DESIGN', `The plan has ${conflicts.length} conflict(s) to settle first: ${conflicts[0].name}: ${conflicts[0].reason}`);
    this.checkConfirmation(kept.view, request.confirmation);
    const lines = kept.plan.lines.filter(isChange);
    if (lines.length === 0) throw new HostError('BAD_REQUEST', 'Nothing to apply: the cloud already matches the design.');
    const session = await connection.session();
    try {
      // A plan holds one cloud's ids and answers: it must never run against another.
      if (session.view.profileKey !== kept.view.profileKey || session.view.endpoint !== kept.endpoint) {
        throw new HostError('PLAN_STALE', `This plan was made for ${kept.view.profileKey} at ${kept.endpoint}; the console now talks to ${session.view.profileKey}. Plan again.`);
      }
      const job = jobs.start(
        { title: `Apply ${lines.length} change${lines.length === 1 ? '' : 's'}`, kind: 'apply', profileKey: session.view.profileKey, project: kept.path, lines, retry: { kind: 'apply', prune: kept.view.prune }, revision: () => project.revision() },
        ({ signal, onProgress }) =>
          project.workspace
            .writeThrough(async (path) => {
              const recorder = await project.recorder(path, session.view.profileKey);
              return apply({ client: session.client, plan: kept.plan, snapshot: kept.snapshot, recorder, cache: session.cache, onProgress, signal });
            })
            .finally(() => session.client.close()),
      );
      plans.remove(kept);
      return job;
    } catch (error) {
      session.client.close();
      throw error;
    }
  }

  /** A plan that deletes in the cloud runs only once the project's name is typed: nothing is deleted without an explicit yes. */
  private checkConfirmation(plan: PlanView, confirmation: string | undefined): void {
    if (plan.counts.deletions === 0) return;
    const name = this.parts.project.require().name;
    if (confirmation?.trim() !== name) {
      throw new HostError('CONFIRMATION_REQUIRED', `This plan deletes ${plan.counts.deletions} object(s) in the cloud; type the project's name (${name}) to confirm.`);
    }
  }
}

/** The plan as the Sync tab shows it, with its counts; `neverSynced` counts every create on a first sync. */
function planView(plan: SyncPlan, profileKey: string, prune: boolean, firstSync: boolean): PlanView {
  const changes = plan.lines.filter(isChange);
  const count = (ops: PlanLine['op'][]) => changes.filter((line) => ops.includes(line.op)).length;
  const objectCreates = changes.filter((line) => line.op === 'create');
  return {
    planId: randomUUID(),
    region: plan.region,
    profileKey,
    madeAt: new Date().toISOString(),
    prune,
    lines: plan.lines,
    counts: {
      changes: changes.length,
      creates: objectCreates.length,
      updates: count(['update', 'adopt']),
      deletions: count(['delete']),
      conflicts: count(['conflict']),
      drift: plan.lines.filter((line) => line.drift).length,
      neverSynced: firstSync ? objectCreates.length : objectCreates.filter((line) => !line.drift).length,
    },
  };
}
