/**
 * Stages in the cloud as the console shows them: each API's stages next to the design's deployment
 * history and each group's addresses (stage-comparison.ts), and the stage actions (deploy, abolish,
 * rollback), which add a record to the design's history and then make the cloud's stage follow it.
 */
import type { CloudStagesView, StageActionRequest, SyncJobView } from '../../shared/ipc/cloud-views';
import type { Project } from '../../shared/model/schema';
import { abolishApi, deployApi, rollbackApi } from '../../shared/model/stages';
import { READ_LISTS_ONLY } from '../../shared/sync/pull-reads';
import { HostError } from '../base/host-error';
import { pull } from '../sync';
import type { CloudConnection } from './cloud-connection';
import type { OpenProject } from './open-project';
import { compareStages, groupAddresses } from './stage-comparison';
import type { StageJobs } from './stage-jobs';
import type { SyncJobs } from './sync-jobs';

export class CloudStages {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs; stageJobs: StageJobs }) {}

  async view(): Promise<CloudStagesView> {
    const { connection, project } = this.parts;
    return connection.withSession(async (session) => {
      const design = project.require();
      const listing = await pull(session.client, { cache: session.cache, reads: () => READ_LISTS_ONLY });
      const ids = design.cloud[session.view.profileKey];
      return {
        profileKey: session.view.profileKey,
        apis: compareStages(design, listing, ids),
        groups: groupAddresses(design, listing, ids, session.view),
      };
    });
  }

  /** Changes the design's stage (a new history record), then makes the cloud's stage follow it. */
  async act(request: StageActionRequest): Promise<SyncJobView> {
    this.parts.jobs.assertIdle();
    const ref = { group: request.group, api: request.api };
    const design = this.parts.project.require();
    const change = { description: request.description || undefined };
    let next: (project: Project) => Project;
    if (request.action === 'deploy') next = (project) => deployApi(project, ref, request.stage, change);
    else if (request.action === 'abolish') next = (project) => abolishApi(project, ref, request.stage, change);
    else next = (project) => rollbackApi(project, ref, request.stage, request.toVersion, change);
    try {
      // Tried on the design as loaded first, so a refused action is a BAD_REQUEST before any job starts.
      next(design);
    } catch (error) {
      throw new HostError('BAD_REQUEST', (error as Error).message);
    }
    return this.parts.stageJobs.follow(ref, request.stage, request.action, next);
  }
}
