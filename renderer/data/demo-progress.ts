/**
 * How far demo mode's first steps went (plan, apply, a call in the offline cloud), read from what
 * happened rather than from what was clicked: the guide on the Cloud screen ticks its steps from
 * it and the demo banner stops inviting to a sync once one was made. One rule for both.
 */
import type { CloudConnectionView, PlanView } from '../../shared/ipc/cloud-views';
import type { Project } from '../../shared/model/schema';
import { useCloudStore } from './cloud-store';
import { type HistoryEntry, useDebuggerStore } from './debugger';
import { useProjectStore } from './project-store';

export interface DemoProgress {
  planned: boolean;
  /** A sync recorded the project's ids for this cloud. */
  synced: boolean;
  /** Once synced, the debugger called an API in the cloud and it answered. */
  called: boolean;
}

export function demoProgress(
  project: Project | undefined,
  connection: CloudConnectionView | undefined,
  plan: PlanView | undefined,
  history: Record<string, HistoryEntry[]>,
): DemoProgress {
  const synced = connection !== undefined && project?.cloud[connection.profileKey]?.syncedAt !== undefined;
  const called = synced && Object.values(history).some((entries) => entries.some((entry) => entry.request.target.kind === 'cloud' && entry.status !== undefined));
  return { planned: plan !== undefined || synced, synced, called };
}

export function useDemoProgress(): DemoProgress {
  const project = useProjectStore((s) => s.working);
  const connection = useCloudStore((s) => s.connection);
  const plan = useCloudStore((s) => s.plan);
  const history = useDebuggerStore((s) => s.history);
  return demoProgress(project, connection, plan, history);
}
