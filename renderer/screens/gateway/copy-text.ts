/** Copies text to the clipboard and says so (or says how to copy by hand when the browser refuses). */
import { useCallback } from 'react';
import { useUiStore } from '../../data/ui-store';

export function useCopyText(): (label: string, text: string) => Promise<void> {
  const notify = useUiStore((s) => s.notify);
  return useCallback(
    async (label: string, text: string) => {
      try {
        await navigator.clipboard.writeText(text);
        notify(`${label} copied to the clipboard.`, 'success');
      } catch (error) {
        notify(`Could not copy the ${label.toLowerCase()}: ${error instanceof Error ? error.message : String(error)}. Select the text and copy it by hand.`, 'error');
      }
    },
    [notify],
  );
}
