/**
 * The app's own settings in the data dir (`settings.json`): the recent projects, for now. Written
 * atomically; a file that does not parse is kept as `.bak` and replaced on the next write.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/ipc/contract';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { SerialQueue } from '../base/serial-queue';

export const MAX_RECENT_PROJECTS = 10;

const Settings = z.object({
  recentProjects: z
    .array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }))
    .default([])
    .catch([]),
});
export type Settings = z.infer<typeof Settings>;

export class SettingsStore {
  readonly path: string;
  private readonly queue = new SerialQueue();

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, 'settings.json');
  }

  async read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Settings.parse({});
      throw error;
    }
    try {
      return Settings.parse(JSON.parse(text));
    } catch {
      return Settings.parse({});
    }
  }

  /** Read, change, write; updates run one after another so none is lost. */
  update(change: (settings: Settings) => Settings): Promise<Settings> {
    return this.queue.run(async () => {
      const updated = change(await this.read());
      await mkdir(this.dataDir, { recursive: true, mode: DATA_DIR_MODE });
      await writeFileAtomic(this.path, `${JSON.stringify(updated, null, 2)}\n`, { backup: true, mode: DATA_FILE_MODE });
      return updated;
    });
  }
}

/** The list with `entry` first, no other entry for its path, at most MAX_RECENT_PROJECTS long. */
export function withRecent(list: RecentProject[], entry: RecentProject): RecentProject[] {
  return [entry, ...list.filter((item) => item.path !== entry.path)].slice(0, MAX_RECENT_PROJECTS);
}
