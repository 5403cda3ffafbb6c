/**
 * The cloud as the console uses it: profiles, the connection in force (a profile, or demo mode's
 * offline cloud), pull, plan and apply of the open project, stages in the cloud, and the job log.
 * The sync itself is host/sync (what the CLI runs too); this wires it to the UI: plans kept
 * for review by id, runs in the background with progress events, the project file reread after.
 * Plans, pulls and sync jobs are runs of the OpenAPI call log (host/cloud/call-log.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  CloudConnectionView,
  CloudRunDetail,
  CloudRunView,
  CloudProfileInput,
  CloudProfileView,
  CloudProfiles,
  CloudStagesView,
  ConnectionTestResult,
  PlanView,
  PullPreview,
  StageActionRequest,
  SyncJobView,
  SyncLogEntry,
} from '../../shared/ipc/cloud-views';
import type { ProjectState } from '../../shared/ipc/contract';
import type { Project, Stage } from '../../shared/model/schema';
import { abolishApi, apiKey, deployApi, rollbackApi } from '../../shared/model/stages';
import { importSnapshot, mergeSnapshot } from '../../shared/sync/import-snapshot';
import { type PlanLine, type SyncPlan, isChange, planConflicts } from '../../shared/sync/plan-types';
import { READ_LISTS_ONLY } from '../../shared/sync/pull-reads';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import { CallLog, type CloudClient, CloudError, createCloudClient, currentCallRun } from '../cloud';
import { type CloudCredentials, maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { DEFAULT_REGION, DEMO_ACCOUNT } from '../../offline-cloud';
import type { HostEvents } from '../base/host-events';
import { HostError } from '../base/host-error';
import type { WorkspaceService } from '../workspace';
import { ProjectStore, revisionOf } from '../workspace';
import { apply, planAgainstCloud, projectFileRecorder, pull, PullCache } from '../sync';
import type { Vault } from '../vault';
import { WorkspaceError } from '../base/workspace-error';
import { DemoCloud, type DemoCloudOptions } from './demo-cloud';
import { ProfileStore } from './profile-store';
import { compareStages, groupAddresses } from './stage-comparison';
import { SyncJobs, failureOf } from './sync-jobs';

export interface CloudServiceOptions {
  dataDir: string;
  vault: Vault;
  workspace: WorkspaceService;
  events: HostEvents;
  /** Options for demo mode's offline cloud (tests: a fast instance lifecycle). */
  demoSim?: DemoCloudOptions['sim'];
  log?: (line: string) => void;
}

/** One open conversation with the cloud in force. */
export interface CloudSession {
  view: CloudConnectionView;
  client: CloudClient;
  cache: PullCache;
}

interface KeptPlan {
  view: PlanView;
  /** The endpoint the plan read: with profileKey, which cloud it belongs to. */
  endpoint: string;
  plan: SyncPlan;
  snapshot: CloudSnapshot;
  path: string;
  revision: string;
}

/** Where demo mode records ids in the project: apart from any real account's. */
export const DEMO_PROFILE_KEY_PREFIX = 'demo/';

export class CloudService {
  readonly profiles: ProfileStore;
  readonly demo: DemoCloud;
  /** Every run against the cloud with its calls; the gateways' purchases and changes are recorded here too. */
  readonly calls: CallLog;
  private readonly jobs: SyncJobs;
  /** Plans awaiting review, newest last; a few are enough (one screen reviews one). */
  private readonly plans: KeptPlan[] = [];

  constructor(private readonly options: CloudServiceOptions) {
    this.profiles = new ProfileStore(options.dataDir, options.vault);
    this.demo = new DemoCloud({ dataDir: options.dataDir, sim: options.demoSim, log: options.log });
    this.calls = new CallLog({ dataDir: options.dataDir, log: options.log });
    this.jobs = new SyncJobs({ dataDir: options.dataDir, emit: (job) => options.events.emit('agw:cloud.job', job), calls: this.calls, log: options.log });
  }

  listProfiles(): Promise<CloudProfiles> {
    return this.profiles.list();
  }

  async saveProfile(input: CloudProfileInput): Promise<CloudProfileView> {
    const active = (await this.profiles.list()).active;
    if (active !== undefined && active === (input.previousName ?? input.name)) this.jobs.assertIdle();
    const saved = await this.profiles.save(input);
    // Plans were made with the keys and endpoint as they were.
    this.plans.length = 0;
    if (input.previousName !== undefined && input.previousName !== input.name) await this.moveIds(input.previousName, input.name);
    if (active === saved.name || active === input.previousName) await this.announceConnection();
    return saved;
  }

  async deleteProfile(name: string): Promise<CloudProfiles> {
    const wasActive = (await this.profiles.list()).active === name;
    if (wasActive) this.jobs.assertIdle();
    const result = await this.profiles.delete(name);
    if (wasActive) await this.announceConnection();
    return result;
  }

  async activate(profile: string | null): Promise<CloudConnectionView> {
    this.jobs.assertIdle();
    await this.profiles.setActive(profile ?? undefined);
    this.plans.length = 0;
    return this.announceConnection();
  }

  /**
   * DescribeRegions with a saved profile or the keys being typed: proves the endpoint and both keys.
   * A draft may lean on the saved secret of the profile it edits only at that profile's endpoint.
   */
  async testConnection(request: { profile?: string; draft?: Partial<CloudProfileInput> }): Promise<ConnectionTestResult> {
    let target: { region: string; endpoint?: string; credentials: CloudCredentials };
    if (request.draft) {
      const draft = request.draft;
      const endpoint = draft.endpoint || undefined;
      const { accessKeyId, accessKeySecret } = await this.profiles.keysOfDraft(draft.previousName ?? draft.name, { accessKeyId: draft.accessKeyId, accessKeySecret: draft.accessKeySecret, endpoint });
      if (!draft.region || !accessKeyId) throw new HostError('BAD_REQUEST', 'Type the region and the AccessKeyId to test the connection.');
      if (accessKeySecret === undefined) throw new HostError('BAD_REQUEST', 'Type the AccessKeySecret to test the connection.');
      target = { region: draft.region, endpoint, credentials: { accessKeyId, accessKeySecret } };
    } else if (request.profile) {
      const profile = await this.profiles.withKeys(request.profile);
      target = { region: profile.region, endpoint: profile.endpoint, credentials: profile.credentials };
    } else {
      const session = await this.session();
      try {
        return await describeRegions(session.client, session.view.region, session.view.accessKeyId, session.view.endpoint);
      } finally {
        session.client.close();
      }
    }
    const client = createCloudClient({ region: target.region, endpoint: target.endpoint, credentials: target.credentials, retry: { attempts: 1 } });
    try {
      return await describeRegions(client, target.region, maskAccessKeyId(target.credentials.accessKeyId), target.endpoint ?? client.endpointFor('CloudAPI'));
    } finally {
      client.close();
    }
  }

  async connection(): Promise<CloudConnectionView> {
    const session = await this.session();
    session.client.close();
    return session.view;
  }

  /** The offline cloud back to what a new account finds; the open project forgets its demo ids. */
  async resetDemo(): Promise<CloudConnectionView> {
    this.jobs.assertIdle();
    await this.demo.reset();
    this.plans.length = 0;
    if (this.options.workspace.project()) {
      await this.rewriteCloudIds((cloud) => Object.fromEntries(Object.entries(cloud).filter(([key]) => !key.startsWith(DEMO_PROFILE_KEY_PREFIX))));
    }
    return this.announceConnection();
  }

  async pullPreview(): Promise<PullPreview> {
    return this.inRun('Read the cloud for a pull', 'pull', () => this.withSession(async (session) => {
      const design = this.requireProject();
      const snapshot = await pull(session.client, { cache: session.cache });
      const imported = importSnapshot(snapshot, { name: design.name, profileKey: session.view.profileKey });
      const { lines } = mergeSnapshot(design, imported.project, session.view.profileKey);
      const p = imported.project;
      return { lines, notes: imported.notes, counts: { groups: p.groups.length, apis: p.apis.length, throttlingPolicies: p.throttlingPolicies.length, apps: p.apps.length, plugins: p.plugins.length } };
    }));
  }

  async pullMerge(): Promise<ProjectState> {
    this.jobs.assertIdle();
    await this.inRun('Pull the cloud into the design', 'pull', () => this.withSession(async (session) => {
      const snapshot = await pull(session.client, { cache: session.cache });
      await this.options.workspace.writeThrough(async (path) => {
        const recorder = await this.recorder(path, session.view.profileKey);
        const imported = importSnapshot(snapshot, { name: recorder.project.name, profileKey: session.view.profileKey });
        await recorder.updateProject((design) => mergeSnapshot(design, imported.project, session.view.profileKey).project);
      });
    }));
    this.plans.length = 0;
    return this.options.workspace.current();
  }

  async plan(request: { prune: boolean }): Promise<PlanView> {
    return this.inRun(request.prune ? 'Plan, with deletions' : 'Plan', 'plan', () => this.withSession(async (session) => {
      const path = this.options.workspace.projectPath();
      const text = await readFile(path, 'utf8');
      const recorder = await this.recorder(path, session.view.profileKey);
      const { plan, snapshot } = await planAgainstCloud(session.client, recorder.project, session.view.profileKey, { prune: request.prune, cache: session.cache });
      await session.cache.save();
      const view = planView(plan, session.view.profileKey, request.prune, recorder.project.cloud[session.view.profileKey]?.syncedAt === undefined);
      this.plans.push({ view, endpoint: session.view.endpoint, plan, snapshot, path, revision: revisionOf(text) });
      if (this.plans.length > 5) this.plans.shift();
      return view;
    }));
  }

  async apply(request: { planId: string; confirmation?: string }): Promise<SyncJobView> {
    this.jobs.assertIdle();
    const kept = this.plans.find((candidate) => candidate.view.planId === request.planId);
    if (!kept) throw new HostError('PLAN_STALE', 'That plan is no longer kept (another was made since, the cloud profile changed, or the app restarted); plan again.');
    const disk = await readFile(kept.path, 'utf8').catch(() => '');
    if (kept.path !== this.options.workspace.projectPath() || revisionOf(disk) !== kept.revision) {
      throw new HostError('PLAN_STALE', 'The project file changed since this plan was made; plan again to see what apply would do now.');
    }
    const conflicts = planConflicts(kept.plan);
    if (conflicts.length > 0) throw new HostError('INVALID_DESIGN', `The plan has ${conflicts.length} conflict(s) to settle first: ${conflicts[0].name}: ${conflicts[0].reason}`);
    await this.checkConfirmation(kept.view, request.confirmation);
    const lines = kept.plan.lines.filter(isChange);
    if (lines.length === 0) throw new HostError('BAD_REQUEST', 'Nothing to apply: the cloud already matches the design.');
    const session = await this.session();
    try {
      // A plan holds one cloud's ids and answers: it must never run against another.
      if (session.view.profileKey !== kept.view.profileKey || session.view.endpoint !== kept.endpoint) {
        throw new HostError('PLAN_STALE', `This plan was made for ${kept.view.profileKey} at ${kept.endpoint}; the console now talks to ${session.view.profileKey}. Plan again.`);
      }
      const job = this.jobs.start(
        { title: `Apply ${lines.length} change${lines.length === 1 ? '' : 's'}`, kind: 'apply', profileKey: session.view.profileKey, project: kept.path, lines, retry: { kind: 'apply', prune: kept.view.prune }, revision: () => this.fileRevision() },
        ({ signal, onProgress }) =>
          this.options.workspace
            .writeThrough(async (path) => {
              const recorder = await this.recorder(path, session.view.profileKey);
              return apply({ client: session.client, plan: kept.plan, snapshot: kept.snapshot, recorder, cache: session.cache, onProgress, signal });
            })
            .finally(() => session.client.close()),
      );
      this.plans.splice(this.plans.indexOf(kept), 1);
      return job;
    } catch (error) {
      session.client.close();
      throw error;
    }
  }

  cancel(jobId: string): SyncJobView {
    return this.jobs.cancel(jobId);
  }

  /** Runs again what a failed or cancelled job left; ids recorded by that run make this one continue, not repeat. */
  async retry(request: { jobId: string; confirmation?: string }): Promise<SyncJobView> {
    const job = this.jobs.find(request.jobId);
    const retry = job.retry;
    if (job.state === 'running' || !retry) throw new HostError('BAD_REQUEST', 'Only a failed or cancelled run can be retried.');
    const now = await this.connection();
    if (now.profileKey !== job.profileKey) throw new HostError('PLAN_STALE', `That run was against ${job.profileKey}; the console now talks to ${now.profileKey}. Plan again.`);
    // Retry continues the reviewed run: design changes saved since need a plan of their own.
    if (this.jobs.endRevision(job.id) !== (await this.fileRevision())) {
      throw new HostError('PLAN_STALE', 'The project file changed since that run; plan again to review what apply would do now.');
    }
    if (retry.kind !== 'apply' && retry.stage && retry.group && retry.api) {
      return this.followStage({ group: retry.group, api: retry.api }, retry.stage, retry.kind);
    }
    const fresh = await this.plan({ prune: retry.prune });
    if (fresh.counts.changes === 0) throw new HostError('BAD_REQUEST', 'Nothing is left to do: the cloud already matches the design.');
    return this.apply({ planId: fresh.planId, confirmation: request.confirmation });
  }

  job(): SyncJobView | null {
    return this.jobs.current();
  }

  syncLog(): Promise<SyncLogEntry[]> {
    return this.jobs.log();
  }

  /** The runs of the OpenAPI call log, newest first (the console's and the CLI's on this data dir). */
  callLog(): Promise<CloudRunView[]> {
    return this.calls.list();
  }

  callRun(runId: string): Promise<CloudRunDetail> {
    return this.calls.get(runId);
  }

  async stages(): Promise<CloudStagesView> {
    return this.withSession(async (session) => {
      const design = this.requireProject();
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
  async stageAction(request: StageActionRequest): Promise<SyncJobView> {
    this.jobs.assertIdle();
    const ref = { group: request.group, api: request.api };
    const design = this.requireProject();
    const change = { description: request.description || undefined };
    let next: (project: Project) => Project;
    if (request.action === 'deploy') next = (project) => deployApi(project, ref, request.stage, change);
    else if (request.action === 'abolish') next = (project) => abolishApi(project, ref, request.stage, change);
    else next = (project) => rollbackApi(project, ref, request.stage, request.toVersion, change);
    try {
      next(design);
    } catch (error) {
      throw new HostError('BAD_REQUEST', (error as Error).message);
    }
    return this.followStage(ref, request.stage, request.action, next);
  }

  /** A job making one API's stage in the cloud serve what the design's stage serves (after `designChange`, when given). */
  private async followStage(ref: { group: string; api: string }, stage: Stage, kind: Exclude<SyncJobView['kind'], 'apply'>, designChange?: (project: Project) => Project): Promise<SyncJobView> {
    this.jobs.assertIdle();
    const session = await this.session();
    const verb = { deploy: 'Deploy', abolish: 'Abolish', rollback: 'Roll back' }[kind];
    // One step stands for whatever the plan needs: ModifyApi and DeployApi, a SwitchApi, an AbolishApi.
    const step: PlanLine = { op: kind === 'abolish' ? 'abolish' : 'deploy', kind: 'deployment', name: `${apiKey(ref)} @${stage}`, reason: '', phase: 0, ref: { ...ref, stage } };
    return this.jobs.start(
      { title: `${verb} ${apiKey(ref)} in ${stage}`, kind, profileKey: session.view.profileKey, project: this.options.workspace.projectPath(), lines: [step], retry: { kind, prune: false, stage, ...ref }, revision: () => this.fileRevision() },
      ({ signal, onProgress }) =>
        this.options.workspace
          .writeThrough(async (path) => {
            const recorder = await this.recorder(path, session.view.profileKey);
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

  /** Where the debugger sends a call to a group in the cloud in force. */
  async debugTarget(group: string | undefined): Promise<{ baseUrl: string; host?: string; basePath: string }> {
    if (group === undefined) throw new HostError('BAD_REQUEST', 'Choose the API to call: its group names the address in the cloud.');
    const view = await this.stages();
    const address = view.groups.find((candidate) => candidate.name === group);
    const first = address?.stages[0];
    if (!address?.synced || !first) throw new HostError('NOT_FOUND', `Group ${group} is not in the cloud (${view.profileKey}) yet: plan and apply on the Cloud screen first.`);
    if (!first.callUrl) throw new HostError('NOT_FOUND', `Group ${group} has no address in the cloud yet (no second-level domain); bind a domain to it, or call it with Custom URL.`);
    return { baseUrl: first.callUrl, host: first.hostHeader, basePath: address.basePath };
  }

  /** An app's keys as the cloud in force holds them (DescribeAppSecurity), for the debugger to sign with; never sent to the UI. */
  async appCredentials(app: string): Promise<{ appKey: string; appSecret: string; appCode?: string }> {
    return this.withSession(async (session) => {
      const appId = this.requireProject().cloud[session.view.profileKey]?.apps[app];
      if (!appId) throw new HostError('NOT_FOUND', `App ${app} is not in the cloud (${session.view.profileKey}) yet: plan and apply on the Cloud screen first.`);
      const answer = await session.client.call<{ AppKey?: string; AppSecret?: string; AppCode?: string }>('CloudAPI', 'DescribeAppSecurity', { AppId: appId });
      if (!answer.AppKey || !answer.AppSecret) throw new HostError('NOT_FOUND', `The cloud gave no AppKey for app ${app}.`);
      return { appKey: answer.AppKey, appSecret: answer.AppSecret, ...(answer.AppCode ? { appCode: answer.AppCode } : {}) };
    });
  }

  async close(): Promise<void> {
    await this.demo.close();
  }

  /**
   * A renamed profile keeps what it synced: the open project's ids recorded under the old name
   * (`<old>/<region>`) move to the new one, or the next plan would see its own objects as strangers.
   */
  private async moveIds(from: string, to: string): Promise<void> {
    const project = this.options.workspace.project();
    if (!project || !Object.keys(project.cloud).some((key) => key.startsWith(`${from}/`))) return;
    await this.rewriteCloudIds((cloud) => Object.fromEntries(Object.entries(cloud).map(([key, ids]) => [key.startsWith(`${from}/`) ? `${to}/${key.slice(from.length + 1)}` : key, ids])));
  }

  private async announceConnection(): Promise<CloudConnectionView> {
    const view = await this.connection();
    this.options.events.emit('agw:cloud.connection', view);
    return view;
  }

  /** A conversation with the cloud in force (the caller closes its client); demo mode starts the offline cloud. */
  async session(): Promise<CloudSession> {
    const profile = await this.profiles.active();
    if (profile) {
      const client = createCloudClient({ region: profile.region, endpoint: profile.endpoint, credentials: profile.credentials });
      const view: CloudConnectionView = {
        mode: 'profile',
        label: profile.name,
        region: profile.region,
        endpoint: profile.endpoint ?? client.endpointFor('CloudAPI'),
        accessKeyId: maskAccessKeyId(profile.accessKeyId),
        profileKey: `${profile.name}/${profile.region}`,
      };
      currentCallRun()?.setCloud(view.profileKey);
      const cache = await PullCache.open(this.options.dataDir, { endpoint: profile.endpoint ?? 'aliyun', accessKeyId: profile.accessKeyId, region: profile.region });
      return { view, client, cache };
    }
    const demo = await this.demo.ensure();
    const credentials = { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret };
    const client = createCloudClient({ region: DEFAULT_REGION, endpoint: demo.sim.url, credentials });
    const view: CloudConnectionView = {
      mode: 'demo',
      label: 'Demo',
      region: DEFAULT_REGION,
      endpoint: demo.sim.url,
      accessKeyId: maskAccessKeyId(DEMO_ACCOUNT.accessKeyId),
      profileKey: `${DEMO_PROFILE_KEY_PREFIX}${DEFAULT_REGION}`,
      demo: { cloudUrl: demo.sim.url, gatewayUrl: demo.plane.url, dataDir: demo.dataDir },
    };
    currentCallRun()?.setCloud(view.profileKey);
    // The offline cloud's port changes at each start: its cache is kept by data dir, not by URL.
    const cache = await PullCache.open(this.options.dataDir, { endpoint: `demo:${demo.dataDir}`, accessKeyId: DEMO_ACCOUNT.accessKeyId, region: DEFAULT_REGION });
    return { view, client, cache };
  }

  /** `work` as a run of the call log, for the open project. */
  private inRun<T>(title: string, kind: 'plan' | 'pull', work: () => Promise<T>): Promise<T> {
    return this.calls.run({ title, kind, source: 'console', project: this.options.workspace.projectPath() }, work);
  }

  private async withSession<T>(work: (session: CloudSession) => Promise<T>): Promise<T> {
    const session = await this.session();
    try {
      return await work(session);
    } catch (error) {
      throw asHostError(error);
    } finally {
      session.client.close();
    }
  }

  /** Changes the open project's recorded cloud ids (nothing else), refusing a file with problems. */
  private async rewriteCloudIds(change: (cloud: Project['cloud']) => Project['cloud']): Promise<void> {
    await this.options.workspace.writeThrough(async (path) => {
      const store = new ProjectStore();
      const loaded = await store.load(path);
      if (!loaded.project || loaded.problems.length > 0) {
        throw new HostError('INVALID_DESIGN', `${basename(path)} has problems to fix first; its recorded cloud ids were left as they are.`, loaded.problems);
      }
      await store.save(path, { ...loaded.project, cloud: change(loaded.project.cloud) }, { document: loaded.document });
    });
  }

  private async fileRevision(): Promise<string> {
    return revisionOf(await readFile(this.options.workspace.projectPath(), 'utf8').catch(() => ''));
  }

  private requireProject(): Project {
    const project = this.options.workspace.project();
    if (!project) throw new HostError('NO_PROJECT', 'The open project file failed to load; fix it before syncing.');
    return project;
  }

  private async recorder(path: string, profileKey: string) {
    try {
      return await projectFileRecorder(path, profileKey);
    } catch (error) {
      if (error instanceof WorkspaceError && error.code === 'LOAD_FAILED') {
        throw new HostError('INVALID_DESIGN', `${basename(path)} has problems to fix before syncing: ${error.message.split(': ').slice(-1)[0]}`, error.problems);
      }
      throw error;
    }
  }

  private async checkConfirmation(plan: PlanView, confirmation: string | undefined): Promise<void> {
    if (plan.counts.deletions === 0) return;
    const name = this.requireProject().name;
    if (confirmation?.trim() !== name) {
      throw new HostError('CONFIRMATION_REQUIRED', `This plan deletes ${plan.counts.deletions} object(s) in the cloud; type the project's name (${name}) to confirm.`);
    }
  }
}

async function describeRegions(client: CloudClient, region: string, accessKeyId: string, endpoint: string): Promise<ConnectionTestResult> {
  try {
    const answer = await client.call<{ Regions?: { Region?: { RegionId: string; LocalName?: string }[] } }>('CloudAPI', 'DescribeRegions', { Language: 'en' });
    const regions = (answer.Regions?.Region ?? []).map((item) => ({ id: item.RegionId, name: item.LocalName ?? item.RegionId }));
    const known = regions.some((item) => item.id === region);
    const where = known ? `in ${region}` : `(${region} is not among its regions: choose one of the list)`;
    return { ok: known, message: `Connected to ${endpoint} as ${accessKeyId} ${where}; ${regions.length} regions.`, regions };
  } catch (error) {
    const failure = error instanceof CloudError ? failureOf(error) : undefined;
    const why = error instanceof CloudError ? error.summary : (error as Error).message;
    return { ok: false, message: `Could not connect: ${why}`, ...(failure ? { failure } : {}) };
  }
}

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


function asHostError(error: unknown): unknown {
  if (error instanceof CloudError) return new HostError('CLOUD_FAILED', error.summary);
  return error;
}
