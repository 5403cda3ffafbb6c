/**
 * Carries out ui-store focus requests: once the area and tab holding the field have rendered,
 * scrolls to the field and focuses it. A field that is not on screen (a row not rendered) falls
 * back to the nearest enclosing element that has an id.
 */
import { useEffect } from 'react';
import type { FieldPath } from '../../shared/model/problems';
import { fieldId } from '../data/fields';
import { useUiStore } from '../data/ui-store';

/** Frames to wait for lazy content (tabs, Monaco) before settling for an enclosing element. */
const MAX_FRAMES = 30;

function findField(path: FieldPath, exactOnly: boolean): HTMLElement | undefined {
  for (let length = path.length; length > 0; length--) {
    const element = document.getElementById(fieldId(path.slice(0, length)));
    if (element) return element;
    if (exactOnly) return undefined;
  }
  return undefined;
}

export function useFieldFocus(): void {
  const request = useUiStore((s) => s.focusRequest);
  const focusDone = useUiStore((s) => s.focusDone);
  useEffect(() => {
    if (!request) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      frames++;
      const element = findField(request.path, frames < MAX_FRAMES);
      if (element) {
        element.scrollIntoView({ block: 'center', behavior: 'auto' });
        element.focus({ preventScroll: true });
        focusDone(request.seq);
      } else if (frames < MAX_FRAMES) {
        handle = requestAnimationFrame(attempt);
      } else {
        focusDone(request.seq);
      }
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [request, focusDone]);
}
