/**
 * Keyboard shortcuts of the whole window. Inside a text field or a code editor, Ctrl/Cmd+Z stays
 * that field's own undo (what people expect while typing); elsewhere it undoes design edits.
 */
import { useEffect } from 'react';
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
      } else if ((key === 'z' || key === 'y') && !isTextEditing(event.target)) {
        event.preventDefault();
        runCommand(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
