/**
 * Pull in the console: what reading the cloud into the design would change (a preview), and the
 * merge itself, written into the open project file. Each is a run of the OpenAPI call log.
 */
import type { PullPreview } from '../../shared/ipc/cloud-views';
import type { ProjectState } from '../../shared/ipc/contract';
import { importSnapshot, mergeSnapshot } from '../../shared/sync/import-snapshot';
import { pull } from '../sync';
import type { CloudConnection } from './cloud-connection';
import type { KeptPlans } from './kept-plans';
import type { OpenProject } from './open-project';
import type { SyncJobs } from './sync-jobs';

export class CloudPull {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs; plans: KeptPlans }) {}

  async preview(): Promise<PullPreview> {
    const { connection, project } = this.parts;
    return project.inRun('Read the cloud for a pull', 'pull', () => connection.withSession(async (session) => {
      const design = project.require();
      const snapshot = await pull(session.client, { cache: session.cache });
      const imported = importSnapshot(snapshot, { name: design.name, profileKey: session.view.profileKey });
      const { lines } = mergeSnapshot(design, imported.project, session.view.profileKey);
      const p = imported.project;
      return { lines, notes: imported.notes, counts: { groups: p.groups.length, apis: p.apis.length, throttlingPolicies: p.throttlingPolicies.length, apps: p.apps.length, plugins: p.plugins.length } };
    }));
  }

  async merge(): Promise<ProjectState> {
    const { connection, project, jobs, plans } = this.parts;
    jobs.assertIdle();
    await project.inRun('Pull the cloud into the design', 'pull', () => connection.withSession(async (session) => {
      const snapshot = await pull(session.client, { cache: session.cache });
      await project.workspace.writeThrough(async (path) => {
        const recorder = await project.recorder(path, session.view.profileKey);
        const imported = importSnapshot(snapshot, { name: recorder.project.name, profileKey: session.view.profileKey });
        await recorder.updateProject((design) => mergeSnapshot(design, imported.project, session.view.profileKey).project);
      });
    }));
    // The design changed: plans made before no longer describe what apply would do.
    plans.forget();
    return project.workspace.current();
  }
}
