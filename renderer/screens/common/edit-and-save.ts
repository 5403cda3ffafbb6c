/**
 * Stage changes (deploy, rollback, abolish) are design edits that are saved at once, so what a
 * stage serves on disk (and in the local gateway) follows the click.
 */
import type { Project } from '../../../shared/model/schema';
import { useProjectStore } from '../../data/project-store';
import { savedWithProblems } from '../../data/save-outcome';
import { useUiStore } from '../../data/ui-store';

export async function editAndSave(label: string, recipe: (p: Project) => Project, done: string): Promise<boolean> {
  const store = useProjectStore.getState();
  const { notify } = useUiStore.getState();
  try {
    store.edit(label, recipe);
  } catch (error) {
    notify(`${label} failed: ${(error as Error).message}`, 'error');
    return false;
  }
  const saved = await useProjectStore.getState().save();
  const problems = useProjectStore.getState().file?.problems.length ?? 0;
  if (saved && problems > 0) notify(`${done} ${savedWithProblems(problems)}`, 'warning');
  else if (saved) notify(`${done} Saved to the project file.`, 'success');
  else {
    const why = useProjectStore.getState().saveError?.message ?? 'the host did not say why';
    notify(`${done} The change is in the design but was not saved: ${why}`, 'warning');
  }
  return saved;
}
