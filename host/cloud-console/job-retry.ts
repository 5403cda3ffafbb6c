/**
 * Retry of a failed or cancelled sync job: runs again what it left, against the same cloud and the
 * same design; ids recorded by that run make this one continue, not repeat.
 */
import type { SyncJobView } from '../../shared/ipc/cloud-views';
import { HostError } from '../base/host-error';
import type { CloudConnection } from './cloud-connection';
import type { OpenProject } from './open-project';
import type { PlanReview } from './plan-review';
import type { StageJobs } from './stage-jobs';
import type { SyncJobs } from './sync-jobs';

export class JobRetry {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs; review: PlanReview; stageJobs: StageJobs }) {}

  /** Runs again what a failed or cancelled job left; ids recorded by that run make this one continue, not repeat. */
  async retry(request: { jobId: string; confirmation?: string }): Promise<SyncJobView> {
    const { connection, project, jobs, review, stageJobs } = this.parts;
    const job = jobs.find(request.jobId);
    const retry = job.retry;
    if (job.state === 'running' || !retry) throw new HostError('BAD_REQUEST', 'Only a failed or cancelled run can be retried.');
    const now = await connection.view();
    if (now.profileKey !== job.profileKey) throw new HostError('PLAN_STALE', `That run was against ${job.profileKey}; the console now talks to ${now.profileKey}. Plan again.`);
    // Retry continues the reviewed run: design changes saved since need a plan of their own.
    if (jobs.endRevision(job.id) !== (await project.revision())) {
      throw new HostError('PLAN_STALE', 'The project file changed since that run; plan again to review what apply would do now.');
    }
    if (retry.kind !== 'apply' && retry.stage && retry.group && retry.api) {
      return stageJobs.follow({ group: retry.group, api: retry.api }, retry.stage, retry.kind);
    }
    const fresh = await review.plan({ prune: retry.prune });
    if (fresh.counts.changes === 0) throw new HostError('BAD_REQUEST', 'Nothing is left to do: the cloud already matches the design.');
    return review.apply({ planId: fresh.planId, confirmation: request.confirmation });
  }
}
