import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../project-file';
import { largeProject } from '../project-file/test-projects';
import { sweepStaleTempFiles, writeFileAtomic } from './atomic-write';
import { contentHash } from '../../host/workspace/file-guard';
import { ProjectStore } from '../../host/workspace/project-store';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SAVE_LOOP = fileURLToPath(new URL('../../host/workspace/testing/save-loop.ts', import.meta.url));
const TEMP_FILE = /^big\.apigw\.yaml(\.bak)?\.tmp-\d+-[0-9a-f]+$/;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and keeps the previous version as .bak', async () => {
    const path = join(dir, 'f.yaml');
    expect(await writeFileAtomic(path, 'one\n', { backup: true })).toEqual({ backupPath: undefined });
    expect(await writeFileAtomic(path, 'two\n', { backup: true })).toEqual({ backupPath: `${path}.bak` });
    expect(await readFile(path, 'utf8')).toBe('two\n');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('one\n');
    await writeFileAtomic(path, 'three\n', { backup: true });
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('two\n');
    expect((await readdir(dir)).sort()).toEqual(['f.yaml', 'f.yaml.bak']);
  });

  it.skipIf(process.platform === 'win32')('gives the new file the mode asked for, whatever was there', async () => {
    const path = join(dir, 's.yaml');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'new', { mode: 0o600, backup: true });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('sweeps temp files of dead writers and leaves a live writer\'s alone', async () => {
    const path = join(dir, 'f.yaml');
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    const dead = join(dir, `f.yaml.tmp-${child.pid}-abcdef`);
    const live = join(dir, `f.yaml.tmp-${process.pid}-abcdef`);
    const other = join(dir, `g.yaml.tmp-${child.pid}-abcdef`);
    await Promise.all([dead, live, other].map((p) => writeFile(p, 'partial')));
    expect(await sweepStaleTempFiles(path)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([`f.yaml.tmp-${process.pid}-abcdef`, `g.yaml.tmp-${child.pid}-abcdef`]);
  });
});

/** Resolves with the `saved <n> <ms>` lines once `count` of them have arrived. */
function savedLines(child: ChildProcess, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        times.push(Number(line.split(' ')[2]));
        if (times.length === count) resolve(times);
      }
    });
    child.once('exit', (code) => reject(new Error(`save loop exited (${code}) after ${times.length} saves`)));
  });
}

describe('a save killed at any moment', () => {
  const MEGABYTES = 20;
  /** When to kill, as a fraction of one save's duration after a save finished: early, mid, and around the write and rename. */
  const MOMENTS = [0.15, 0.5, 0.8, 0.9, 0.97, 1.05];

  it('leaves the old or the new project, never a broken one, and no temp file that looks like a project', { timeout: 240_000 }, async () => {
    const path = join(dir, 'big.apigw.yaml');
    const texts = [serializeProject(largeProject(MEGABYTES, 'a')), serializeProject(largeProject(MEGABYTES, 'b'))];
    expect(texts[0].length).toBeGreaterThan(MEGABYTES * 1_000_000 * 0.9);
    const good = new Set(texts.map(contentHash));
    await writeFile(path, texts[0]);

    for (const moment of MOMENTS) {
      const child = spawn(process.execPath, ['--import', 'tsx', SAVE_LOOP, path, String(MEGABYTES)], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = once(child, 'exit');
      // Two saves done (the first may find the content already there): a save is in full swing now.
      const [, saveMs] = await savedLines(child, 2);
      await new Promise((resolve) => setTimeout(resolve, saveMs * moment));
      child.kill('SIGKILL');
      await exited;

      expect(good.has(contentHash(await readFile(path))), `after a kill at ${moment} of a save`).toBe(true);
      // The store also keeps the project's .gitignore (state and secrets lines); anything else must be a temp file.
      const others = (await readdir(dir)).filter((name) => !['big.apigw.yaml', 'big.apigw.yaml.bak', '.gitignore'].includes(name));
      for (const name of others) expect(name).toMatch(TEMP_FILE);
      if ((await readdir(dir)).includes('big.apigw.yaml.bak')) expect(good.has(contentHash(await readFile(`${path}.bak`)))).toBe(true);
    }

    const store = new ProjectStore();
    const loaded = await store.load(path);
    expect(loaded.problems).toEqual([]);
    expect(['large-a', 'large-b']).toContain(loaded.project?.name);
    // The next save clears what the killed writers left behind.
    await store.save(path, largeProject(1, 'c'));
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'big.apigw.yaml', 'big.apigw.yaml.bak']);
  });
});
