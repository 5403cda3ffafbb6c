/**
 * Watches a project file, its local state and its secrets file and reloads on change: events are debounced, the
 * bytes hashed (an editor's touch without change does nothing), and a version with problems is
 * refused so the last good one keeps serving.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretsFile } from '../shared/model/schema';
import { localStatePathFor } from '../shared/project-file';
import { loadProjectFiles, type LoadedProject } from './project-source';

export interface WatchOptions {
  projectPath: string;
  secretsPath: string;
  /** Hash of the version being served (from loadProjectFiles). */
  initialHash: string;
  /** A new valid version. */
  onChange: (loaded: LoadedProject) => void;
  /** A new version with problems (each a line naming file, line and field); the old one stays. */
  onProblems: (problems: string[]) => void;
  debounceMs?: number;
  /** Backup for file systems where fs.watch misses events. */
  pollMs?: number;
  /** Secrets handed over by the console: then only the project file is watched, and loads use these. */
  givenSecrets?: () => SecretsFile;
}

export interface Watcher {
  close(): void;
}

export function watchProjectFiles(options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 100;
  // The local state too: a local deploy or rollback changes only that file (docs/project-file.md, "Three kinds of data").
  const project = [path.resolve(options.projectPath), path.resolve(localStatePathFor(options.projectPath))];
  const files = options.givenSecrets ? project : [...project, path.resolve(options.secretsPath)];
  let lastHash = options.initialHash;
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  let again = false;
  let closed = false;

  const check = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        const result = await loadProjectFiles(options.projectPath, options.secretsPath, options.givenSecrets?.());
        if (closed || result.hash === lastHash) continue;
        lastHash = result.hash;
        if (result.ok) options.onChange(result);
        else options.onProblems(result.problems);
      } while (again && !closed);
    } finally {
      loading = false;
    }
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      check().catch((error: unknown) => options.onProblems([`cannot reload: ${(error as Error).message}`]));
    }, debounceMs);
  };

  // Directories are watched, not files: editors and atomic writers replace a file by renaming,
  // which a watch on the old file would not survive.
  const watchers: fs.FSWatcher[] = [];
  for (const dir of new Set(files.map((f) => path.dirname(f)))) {
    const names = new Set(files.filter((f) => path.dirname(f) === dir).map((f) => path.basename(f)));
    try {
      const watcher = fs.watch(dir, (_event, filename) => {
        if (filename === null || names.has(filename.toString())) schedule();
      });
      watcher.on('error', () => {});
      watchers.push(watcher);
    } catch {
      // The poll below still notices changes.
    }
  }
  const pollMs = options.pollMs ?? 2_000;
  for (const file of files) fs.watchFile(file, { interval: pollMs, persistent: false }, schedule);

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const file of files) fs.unwatchFile(file, schedule);
    },
  };
}
