/**
 * A writer for the crash test (atomic-write.test.ts): saves two large projects in turn to one
 * path, forever, printing `saved <n> <ms>` after each save, until it is killed.
 * Usage: node --import tsx save-loop.ts <path> <megabytes>
 */
import { largeProject } from '../../../shared/project-file/test-projects';
import { ProjectStore } from '../project-store';

const [path, megabytes] = process.argv.slice(2);
const variants = [largeProject(Number(megabytes), 'a'), largeProject(Number(megabytes), 'b')];
const store = new ProjectStore();
for (let n = 0; ; n++) {
  const started = Date.now();
  // force: this process never loaded the file; the test is about the write itself
  await store.save(path, variants[n % 2], { force: true });
  process.stdout.write(`saved ${n} ${Date.now() - started}\n`);
}
