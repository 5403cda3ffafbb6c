/**
 * The cloud as the console uses it, assembled from its parts: the connection in force (a profile,
 * or demo mode's offline cloud) and the profiles that choose it, pull, plan and apply of the open
 * project, stages in the cloud, and the sync jobs with their log. The sync itself is host/sync
 * (what the CLI runs too); these parts wire it to the UI: plans kept for review by id, runs in the
 * background with progress events, the project file reread after. Plans, pulls and sync jobs are
 * runs of the OpenAPI call log (host/cloud/call-log.ts).
 */
import type { HostEvents } from '../base/host-events';
import type { Vault } from '../vault';
import type { WorkspaceService } from '../workspace';
import { CloudCallTarget } from './cloud-call-target';
import { CloudConnection } from './cloud-connection';
import { CloudPull } from './cloud-pull';
import { CloudStages } from './cloud-stages';
import type { DemoCloudOptions } from './demo-cloud';
import { JobRetry } from './job-retry';
import { KeptPlans } from './kept-plans';
import { OpenProject } from './open-project';
import { PlanReview } from './plan-review';
import { ProfileSettings } from './profile-settings';
import { StageJobs } from './stage-jobs';
import { SyncJobs } from './sync-jobs';

export interface CloudConsoleOptions {
  dataDir: string;
  vault: Vault;
  workspace: WorkspaceService;
  events: HostEvents;
  /** Options for demo mode's offline cloud (tests: a fast instance lifecycle). */
  demoSim?: DemoCloudOptions['sim'];
  log?: (line: string) => void;
}

export interface CloudConsole {
  /** The cloud in force, its sessions and the OpenAPI call log. */
  connection: CloudConnection;
  profiles: ProfileSettings;
  pull: CloudPull;
  review: PlanReview;
  /** The running job (one at a time), cancel, and the sync log of past runs. */
  jobs: SyncJobs;
  jobRetry: JobRetry;
  stages: CloudStages;
  callTarget: CloudCallTarget;
}

export function createCloudConsole(options: CloudConsoleOptions): CloudConsole {
  const connection = new CloudConnection({ dataDir: options.dataDir, vault: options.vault, events: options.events, demoSim: options.demoSim, log: options.log });
  const project = new OpenProject({ workspace: options.workspace, calls: connection.calls });
  const jobs = new SyncJobs({ dataDir: options.dataDir, emit: (job) => options.events.emit('agw:cloud.job', job), calls: connection.calls, log: options.log });
  const plans = new KeptPlans();
  const review = new PlanReview({ connection, project, jobs, plans });
  const stageJobs = new StageJobs({ connection, project, jobs });
  const stages = new CloudStages({ connection, project, jobs, stageJobs });
  return {
    connection,
    profiles: new ProfileSettings({ connection, project, jobs, plans }),
    pull: new CloudPull({ connection, project, jobs, plans }),
    review,
    jobs,
    jobRetry: new JobRetry({ connection, project, jobs, review, stageJobs }),
    stages,
    callTarget: new CloudCallTarget({ connection, project, stages }),
  };
}
