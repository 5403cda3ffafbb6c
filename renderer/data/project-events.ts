/**
 * The host's project events, applied to the stores: a file changed on disk, another project
 * opened. Unsaved edits are never dropped silently: the frame then asks what to do.
 */
import type { Events } from '../../shared/ipc/contract';
import { host } from './host';
import { markChangedOnDisk, useProjectStore } from './project-store';
import { useUiStore } from './ui-store';

/** Subscribes to the project events; returns the unsubscribe function. */
export function connectProjectEvents(): () => void {
  const offChanged = host().on('agw:project.changedOnDisk', onChangedOnDisk);
  const offOpened = host().on('agw:project.opened', onOpened);
  return () => {
    offChanged();
    offOpened();
  };
}

export function onChangedOnDisk(event: Events['agw:project.changedOnDisk']): void {
  const { file, dirty, reload } = useProjectStore.getState();
  if (!file || event.path !== file.path || event.revision === file.revision) return;
  if (dirty) {
    markChangedOnDisk();
    return;
  }
  reload().then(
    () => useUiStore.getState().notify(`Reloaded ${file.fileName}: it changed on disk.`, 'info'),
    (error: Error) => useUiStore.getState().notify(`${file.fileName} changed on disk but could not be read again: ${error.message}`, 'error'),
  );
}

export function onOpened(state: Events['agw:project.opened']): void {
  const { file, dirty, adopt, opening } = useProjectStore.getState();
  // Our own open() also comes back as this event, possibly before its answer.
  if (opening || (file && state.path === file.path && state.revision === file.revision)) return;
  if (dirty) {
    useUiStore.getState().notify(`${state.fileName} was opened elsewhere; this window keeps your unsaved edits to ${file?.fileName ?? 'the project'}.`, 'warning');
    return;
  }
  adopt(state);
  useUiStore.getState().notify(`Opened ${state.fileName}.`, 'info');
}
