/** Host calls about the workspace that are not part of the design: app info, files, recent projects. */
import type { AppInfo, RecentProject } from '../../shared/ipc/contract';
import { host } from './host';
import { toHostError } from './host-error';

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHostError(error);
  }
}

export function appInfo(): Promise<AppInfo> {
  return guarded(() => host().app.info());
}

export function recentProjects(): Promise<RecentProject[]> {
  return guarded(() => host().project.recent());
}

/** A native file dialog's choice; `supported: false` in browser mode, where the UI asks for a path. */
export function chooseFile(purpose: 'open' | 'save' | 'import'): Promise<{ supported: boolean; path?: string }> {
  return guarded(() => host().project.chooseFile({ purpose }));
}

/** The open project file's text as on disk. */
export async function projectText(): Promise<string> {
  return (await guarded(() => host().project.text())).text;
}
