/**
 * Notices changes to one file. It watches the file's folder rather than the file: editors and git
 * replace a file by renaming a new one over it, and a watch on the old inode would go quiet.
 * Bursts of events (one save can make several) are folded into one call after `debounceMs`.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatch {
  close(): void;
}

export function watchFile(path: string, onChange: () => void, debounceMs = 150): FileWatch {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      // Some platforms do not say which file changed; then it may be ours.
      if (changed === null || changed.toString() === name) schedule();
    });
    // A folder that goes away ends the watch; the next open starts a new one.
    watcher.on('error', () => watcher?.close());
  } catch {
    // No watching where the platform refuses it (a folder on some network drives): saves still check the revision.
    watcher = undefined;
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
