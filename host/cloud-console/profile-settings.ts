/**
 * The Settings screen's cloud profiles: list, save, delete, which one is in force (none: demo
 * mode), and demo mode's reset. Each change of the cloud in force waits for no job to be running,
 * forgets the plans made against the old one and tells the UI; the open project's recorded cloud
 * ids follow a renamed profile and forget a reset demo.
 */
import type { CloudConnectionView, CloudProfileInput, CloudProfileView, CloudProfiles } from '../../shared/ipc/cloud-views';
import type { CloudConnection } from './cloud-connection';
import { DEMO_PROFILE_KEY_PREFIX } from './cloud-connection';
import type { KeptPlans } from './kept-plans';
import type { OpenProject } from './open-project';
import type { SyncJobs } from './sync-jobs';

export class ProfileSettings {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; jobs: SyncJobs; plans: KeptPlans }) {}

  list(): Promise<CloudProfiles> {
    return this.parts.connection.profiles.list();
  }

  async save(input: CloudProfileInput): Promise<CloudProfileView> {
    const { connection, jobs, plans } = this.parts;
    const active = (await connection.profiles.list()).active;
    if (active !== undefined && active === (input.previousName ?? input.name)) jobs.assertIdle();
    const saved = await connection.profiles.save(input);
    // Plans were made with the keys and endpoint as they were.
    plans.forget();
    if (input.previousName !== undefined && input.previousName !== input.name) await this.moveIds(input.previousName, input.name);
    if (active === saved.name || active === input.previousName) await connection.announce();
    return saved;
  }

  async delete(name: string): Promise<CloudProfiles> {
    const { connection, jobs } = this.parts;
    const wasActive = (await connection.profiles.list()).active === name;
    if (wasActive) jobs.assertIdle();
    const result = await connection.profiles.delete(name);
    if (wasActive) await connection.announce();
    return result;
  }

  async activate(profile: string | null): Promise<CloudConnectionView> {
    const { connection, jobs, plans } = this.parts;
    jobs.assertIdle();
    await connection.profiles.setActive(profile ?? undefined);
    plans.forget();
    return connection.announce();
  }

  /** The offline cloud back to what a new account finds; the open project forgets its demo ids. */
  async resetDemo(): Promise<CloudConnectionView> {
    const { connection, project, jobs, plans } = this.parts;
    jobs.assertIdle();
    await connection.demo.reset();
    plans.forget();
    if (project.workspace.project()) {
      await project.rewriteCloudIds((cloud) => Object.fromEntries(Object.entries(cloud).filter(([key]) => !key.startsWith(DEMO_PROFILE_KEY_PREFIX))));
    }
    return connection.announce();
  }

  /**
   * A renamed profile keeps what it synced: the open project's ids recorded under the old name
   * (`<old>/<region>`) move to the new one, or the next plan would see its own objects as strangers.
   */
  private async moveIds(from: string, to: string): Promise<void> {
    const project = this.parts.project.workspace.project();
    if (!project || !Object.keys(project.cloud).some((key) => key.startsWith(`${from}/`))) return;
    await this.parts.project.rewriteCloudIds((cloud) => Object.fromEntries(Object.entries(cloud).map(([key, ids]) => [key.startsWith(`${from}/`) ? `${to}/${key.slice(from.length + 1)}` : key, ids])));
  }
}
