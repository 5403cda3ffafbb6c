/** What Save, Undo, Redo, Search and Open do, the same from buttons, shortcuts and the desktop menu. */
import type { MenuCommand } from '../data/menu-commands';
import { useProjectStore } from '../data/project-store';
import { saveNotice } from '../data/save-outcome';
import { useUiStore } from '../data/ui-store';

/**
 * Saves the working copy. A field that commits on blur (names) is blurred first, so what the
 * person typed is part of the save; focus then returns to it.
 */
export async function saveProject(opts: { force?: boolean } = {}): Promise<boolean> {
  const store = useProjectStore.getState();
  if (store.status !== 'ready') return false;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  active?.blur();
  active?.focus();
  if (!useProjectStore.getState().dirty && !opts.force) return true;
  const saved = await useProjectStore.getState().save(opts);
  const file = useProjectStore.getState().file;
  if (saved) {
    // The host read the written files back: their problems are what the gateway will refuse.
    const { message, severity } = saveNotice(file?.fileName ?? 'the project', file?.problems.length ?? 0);
    useUiStore.getState().notify(message, severity);
  }
  return saved;
}

export function runCommand(command: MenuCommand): void {
  const project = useProjectStore.getState();
  const ui = useUiStore.getState();
  switch (command) {
    case 'save':
      void saveProject();
      break;
    case 'undo':
      project.undo();
      break;
    case 'redo':
      project.redo();
      break;
    case 'search':
      ui.openDialog('search');
      break;
    case 'open':
      ui.openDialog('open');
      break;
  }
}
