/**
 * Deploy, abolish and rollback in the cloud as sync jobs: one API's stage in the cloud made to
 * serve what the design's stage serves, planned for that API and stage only and applied in the
 * background with progress events, like an apply.
 */
import type { SyncJobView } from '../../shared/ipc/cloud-views';
import type { Project, Stage } from '../../shared/model/schema';
import { apiKey } from '../../shared/model/stages';
import { type PlanLine, planConflicts } from '../../shared/sync/plan-types';
import { HostError } from '../base/host-error';
import { apply, planAgainstCloud } from '../sync';
import type { CloudConnection } from './cloud-connection';
import type { OpenProject } from './open-project';
import type { SyncJobs } from './sync-jobs';

export type StageJobKind = Exclude<SyncJobView['kind'], 'apply'>;

export class StageJobs {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs }) {}

  /** A job making one API's stage in the cloud serve what the design's stage serves (after `designChange`, when given). */
  async follow(ref: { group: string; api: string }, stage: Stage, kind: StageJobKind, designChange?: (project: Project) => Project): Promise<SyncJobView> {
    const { connection, project, jobs } = this.parts;
    jobs.assertIdle();
    const session = await connection.session();
    const verb = { deploy: 'Deploy', abolish: 'Abolish', rollback: 'Roll back' }[kind];
    // One step stands for whatever the plan needs: ModifyApi and DeployApi, a SwitchApi, an AbolishApi.
    const step: PlanLine = { op: kind === 'abolish' ? 'abolish' : 'deploy', kind: 'deployment', name: `${apiKey(ref)} @${stage}`, reason: '', phase: 0, ref: { ...ref, stage } };
    return jobs.start(
      { title: `${verb} ${apiKey(ref)} in ${stage}`, kind, profileKey: session.view.profileKey, project: project.path(), lines: [step], retry: { kind, prune: false, stage, ...ref }, revision: () => project.revision() },
      ({ signal, onProgress }) =>
        project.workspace
          .writeThrough(async (path) => {
            const recorder = await project.recorder(path, session.view.profileKey);
            if (designChange) await recorder.updateProject(designChange);
            const { plan, snapshot } = await planAgainstCloud(session.client, recorder.project, session.view.profileKey, { cache: session.cache, only: { stage, apis: [apiKey(ref)] } });
            const conflicts = planConflicts(plan);
            if (conflicts.length > 0) throw new HostError('INVALID_DESIGN', `${conflicts[0].name}: ${conflicts[0].reason} Apply the whole plan on the Sync tab first.`);
            onProgress({ line: step, state: 'start', done: 0, total: 1 });
            const result = await apply({ client: session.client, plan, snapshot, recorder, cache: session.cache, signal });
            return { ...result, done: result.ok ? [step] : [], left: result.ok ? [] : [step], failed: result.failed ? { lines: [step], error: result.failed.error } : undefined };
          })
          .finally(() => session.client.close()),
    );
  }
}
