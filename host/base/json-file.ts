/**
 * A small JSON file in the data dir that the host and the CLI both write: every change reads the
 * file afresh, changes it and replaces it atomically, one change at a time per process, so a
 * write of the other process in between is kept rather than overwritten with an old copy.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SerialQueue } from './serial-queue';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';

export class JsonFile<T> {
  private readonly queue = new SerialQueue();

  constructor(
    readonly path: string,
    private readonly empty: () => T,
    /** Whether what was read has the expected shape; a file of another version starts again empty. */
    private readonly valid: (value: unknown) => value is T,
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return this.valid(parsed) ? parsed : this.empty();
    } catch {
      // A torn or hand-edited file must not stop the screen; what it held is lost, the cloud still has the instances.
      return this.empty();
    }
  }

  /** Applies `change` to the file's current content and writes the result; answers it. */
  update(change: (value: T) => void): Promise<T> {
    return this.queue.run(async () => {
      const value = await this.read();
      change(value);
      await mkdir(dirname(this.path), { recursive: true, mode: DATA_DIR_MODE });
      await writeFileAtomic(this.path, `${JSON.stringify(value, null, 1)}\n`, { mode: DATA_FILE_MODE });
      return value;
    });
  }
}
