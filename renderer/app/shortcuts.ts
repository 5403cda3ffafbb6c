/**
 * Keyboard shortcuts of the whole window. Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y)
 * redoes design edits. Inside a text field it is about that field:
 *
 * - A field that writes to the design (its id is the merge key its typing is recorded under, see
 *   project-store's `merge`) undoes with the project's undo when the step to undo is its own
 *   typing: a run of typing in one field is one step, and the toolbar's Undo and the keys agree.
 *   The browser's own undo cannot do this there: Chromium closes its undo step whenever script
 *   changes text anywhere in the page, and the page re-renders (problems, the unsaved mark) on
 *   every keystroke, so it would take back one character at a time.
 * - Any other text field (a dialog's, a name being typed, a code editor) keeps the browser's or
 *   Monaco's own undo.
 */
import { useEffect } from 'react';
import { useProjectStore } from '../data/project-store';
import { runCommand } from './commands';

/** True when the key event belongs to something that edits text itself. */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** True when the project's next undo (or redo) step is the typing recorded for this field. */
export function isFieldsOwnStep(target: EventTarget | null, command: 'undo' | 'redo'): boolean {
  if (!(target instanceof HTMLElement) || target.id === '') return false;
  const { undoKey, redoKey } = useProjectStore.getState();
  return target.id === (command === 'undo' ? undoKey : redoKey);
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        runCommand('save');
      } else if (key === 'k') {
        event.preventDefault();
        runCommand('search');
      } else if (key === 'o') {
        event.preventDefault();
        runCommand('open');
      } else if (key === 'z' || key === 'y') {
        const command = key === 'y' || event.shiftKey ? 'redo' : 'undo';
        if (isTextEditing(event.target) && !isFieldsOwnStep(event.target, command)) return;
        event.preventDefault();
        runCommand(command);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
