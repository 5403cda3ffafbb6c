/**
 * The cloud as the UI sees it: the connection in force (demo mode or a profile), the saved
 * profiles, the plan under review, the sync job running or last run, and the OpenAPI call log's runs.
 * It listens to the host's cloud events from the first time a screen needs it; when a job ends,
 * the project is read again (the job recorded cloud ids, or a stage's new history, in its file).
 */
import { create } from 'zustand';
import type { CloudConnectionView, CloudProfileInput, CloudProfiles, CloudRunDetail, CloudRunView, CloudStagesView, ConnectionTestResult, PlanView, PullPreview, SyncJobView } from '../../shared/ipc/cloud-views';
import type { StageActionRequest } from '../../shared/ipc/cloud-views';
import type { CallArgs } from '../../shared/ipc/contract';
import { host } from './host';
import { toHostError } from './host-error';
import { markChangedOnDisk, useProjectStore } from './project-store';
import { useUiStore } from './ui-store';

export interface CloudStoreState {
  connection?: CloudConnectionView;
  /** Why the connection could not be had (the offline cloud did not start, a profile lost its keys). */
  connectionError?: string;
  profiles?: CloudProfiles;
  plan?: PlanView;
  planning: boolean;
  /** The last plan, pull or action that failed, in a sentence (with the cloud's code and request id). */
  error?: string;
  job?: SyncJobView;
  /** Runs against the cloud (syncs, plans, pulls, gateway purchases, CLI commands), newest first. */
  runs: CloudRunView[];
  stages?: CloudStagesView;
  stagesLoading: boolean;
  pull?: PullPreview;
  pulling: boolean;
  loadConnection(): Promise<void>;
  loadProfiles(): Promise<void>;
  saveProfile(input: CloudProfileInput): Promise<void>;
  deleteProfile(name: string): Promise<void>;
  activate(profile: string | null): Promise<void>;
  testConnection(request: CallArgs<'agw:cloud.testConnection'>[0]): Promise<ConnectionTestResult>;
  resetDemo(): Promise<void>;
  makePlan(prune: boolean): Promise<void>;
  apply(confirmation?: string): Promise<void>;
  cancel(): Promise<void>;
  retry(confirmation?: string): Promise<void>;
  loadLog(): Promise<void>;
  /** One run with its calls (each with its masked parameters). */
  runCalls(runId: string): Promise<CloudRunDetail>;
  loadStages(): Promise<void>;
  stageAction(request: StageActionRequest): Promise<void>;
  previewPull(): Promise<void>;
  mergePull(): Promise<void>;
  clearError(): void;
}

let subscribed = false;

/**
 * The sync job to show under the connection in force: one still running always (it keeps new
 * ones from starting, whatever it runs against), an ended one only while its own cloud is in
 * force, so switching profile or back to demo mode leaves no other cloud's "Done" behind.
 */
export function jobOfConnection(job: SyncJobView | undefined, connection: CloudConnectionView | undefined): SyncJobView | undefined {
  if (!job) return undefined;
  return job.state === 'running' || job.profileKey === connection?.profileKey ? job : undefined;
}

/** Subscribes to the host's cloud events once; the store keeps listening from then on. */
export function connectCloudEvents(): void {
  if (subscribed) return;
  subscribed = true;
  host().on('agw:cloud.job', (job) => receiveJob(job));
  host().on('agw:cloud.connection', (connection) => {
    useCloudStore.setState({ connection, connectionError: undefined, plan: undefined, stages: undefined, pull: undefined });
    void useCloudStore.getState().loadProfiles();
  });
}

function receiveJob(job: SyncJobView): void {
  const previous = useCloudStore.getState().job;
  // Events of an older job can arrive after a newer one started.
  if (previous && previous.id !== job.id && previous.state === 'running' && job.startedAt < previous.startedAt) return;
  setJob(job);
  if (job.state !== 'running' && previous?.state !== job.state) void afterJob(job);
}

/**
 * Takes a view of a job unless a later view of the same job is already here: the answer to
 * apply can arrive after the events of a short run, and must not turn an ended job back to running.
 */
function setJob(job: SyncJobView): void {
  const current = useCloudStore.getState().job;
  if (current?.id === job.id) {
    const progress = (view: SyncJobView) => (view.state === 'running' ? 0 : 1e9) + view.done + (view.cancelling ? 0.5 : 0);
    if (progress(current) > progress(job)) return;
  }
  useCloudStore.setState({ job });
}

/** A job wrote the project file: read it again (asking first if there are unsaved edits), refresh the views. */
async function afterJob(job: SyncJobView): Promise<void> {
  const project = useProjectStore.getState();
  if (project.dirty) markChangedOnDisk();
  else await project.reload().catch(() => undefined);
  const store = useCloudStore.getState();
  void store.loadLog();
  if (store.stages) void store.loadStages();
  const ui = useUiStore.getState();
  if (job.state === 'done') ui.notify(`${job.title}: done.`, 'success');
  else if (job.state === 'cancelled') ui.notify(`${job.title}: cancelled after ${job.done} of ${job.total} steps.`, 'warning');
  else ui.notify(`${job.title}: failed. ${job.failure?.code ?? ''} ${job.failure?.message ?? ''}`.trim(), 'error');
}

/** The message of a failed host call. */
function messageOf(error: unknown): string {
  return toHostError(error).message;
}

export const useCloudStore = create<CloudStoreState>()((set, get) => ({
  planning: false,
  runs: [],
  stagesLoading: false,
  pulling: false,

  async loadConnection() {
    connectCloudEvents();
    try {
      const [connection, job] = await Promise.all([host().cloud.connection(), host().cloud.job()]);
      set({ connection, connectionError: undefined, ...(job ? { job } : {}) });
    } catch (error) {
      set({ connectionError: messageOf(error) });
    }
  },

  async loadProfiles() {
    set({ profiles: await host().cloud.profiles() });
  },

  async saveProfile(input) {
    await host().cloud.saveProfile(input);
    await get().loadProfiles();
  },

  async deleteProfile(name) {
    set({ profiles: await host().cloud.deleteProfile({ name }) });
  },

  async activate(profile) {
    try {
      const connection = await host().cloud.activate({ profile });
      set({ connection, connectionError: undefined, plan: undefined, stages: undefined, pull: undefined });
    } finally {
      // Also after a failure: the choice may be saved even when the new cloud could not be reached.
      await get().loadProfiles();
      if (get().connection?.label !== (profile ?? 'Demo')) await get().loadConnection();
    }
  },

  testConnection(request) {
    return host().cloud.testConnection(request);
  },

  async resetDemo() {
    const connection = await host().cloud.resetDemo();
    set({ connection, plan: undefined, stages: undefined, pull: undefined, job: undefined });
    // The demo ids left the project file: read it again, unless that would drop unsaved edits.
    const project = useProjectStore.getState();
    if (project.dirty) markChangedOnDisk();
    else await project.reload().catch(() => undefined);
  },

  async makePlan(prune) {
    set({ planning: true, error: undefined });
    try {
      const plan = await host().cloud.plan({ prune });
      // A plan that comes back after the console switched clouds belongs to the other one.
      const current = get().connection;
      set({ plan: current && current.profileKey !== plan.profileKey ? undefined : plan, planning: false });
    } catch (error) {
      set({ planning: false, error: messageOf(error), plan: undefined });
    }
  },

  async apply(confirmation) {
    const plan = get().plan;
    if (!plan) return;
    set({ error: undefined });
    try {
      const job = await host().cloud.apply({ planId: plan.planId, confirmation });
      set({ plan: undefined });
      setJob(job);
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async cancel() {
    const job = get().job;
    if (!job) return;
    try {
      setJob(await host().cloud.cancel({ jobId: job.id }));
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async retry(confirmation) {
    const job = get().job;
    if (!job) return;
    set({ error: undefined });
    try {
      setJob(await host().cloud.retry({ jobId: job.id, confirmation }));
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async loadLog() {
    try {
      set({ runs: await host().cloud.callLog() });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  runCalls(runId) {
    return host().cloud.callRun({ runId });
  },

  async loadStages() {
    set({ stagesLoading: true });
    try {
      set({ stages: await host().cloud.stages(), stagesLoading: false, error: undefined });
    } catch (error) {
      set({ stagesLoading: false, error: messageOf(error) });
    }
  },

  async stageAction(request) {
    set({ error: undefined });
    try {
      setJob(await host().cloud.stageAction(request));
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async previewPull() {
    set({ pulling: true, error: undefined });
    try {
      set({ pull: await host().cloud.pullPreview(), pulling: false });
    } catch (error) {
      set({ pulling: false, error: messageOf(error) });
    }
  },

  async mergePull() {
    set({ pulling: true, error: undefined });
    try {
      const state = await host().cloud.pullMerge();
      useProjectStore.getState().adopt(state);
      set({ pull: undefined, pulling: false, plan: undefined });
      useUiStore.getState().notify('Took the cloud’s state into the design.', 'success');
    } catch (error) {
      set({ pulling: false, error: messageOf(error) });
    }
  },

  clearError() {
    set({ error: undefined });
  },
}));
