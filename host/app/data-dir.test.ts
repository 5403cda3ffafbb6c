import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HostServices, createHostServices } from './services';

const posixOnly = it.skipIf(process.platform === 'win32');

let dir: string;
let services: HostServices | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-data-dir-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Every file and folder under `root` with its mode, links left out. */
async function modes(root: string, prefix = ''): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(root, entry.name);
    found[`${prefix}${entry.name}`] = ((await stat(path)).mode & 0o777).toString(8);
    if (entry.isDirectory()) Object.assign(found, await modes(path, `${prefix}${entry.name}/`));
  }
  return found;
}

describe('the data dir', () => {
  posixOnly('is tightened at start: an existing --data-dir and what it holds become the user’s alone', async () => {
    const dataDir = join(dir, 'data');
    await mkdir(join(dataDir, 'offline-cloud'), { recursive: true, mode: 0o755 });
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, 'offline-cloud', 'state.json'), '{}', { mode: 0o644 });
    await writeFile(join(dataDir, 'settings.json'), '{}', { mode: 0o666 });
    const elsewhere = join(dir, 'elsewhere.txt');
    await writeFile(elsewhere, 'not ours', { mode: 0o644 });
    await symlink(elsewhere, join(dataDir, 'link.txt'));

    services = await createHostServices({ dataDir, mode: 'browser' });
    await services.dispatcher.dispatch('agw:apps.createCredentials', [{ app: 'demo_caller_app' }]);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const all = await modes(dataDir);
    expect(all).toMatchObject({ 'offline-cloud': '700', 'offline-cloud/state.json': '600', 'settings.json': '600', projects: '700' });
    // Everything the app wrote on this first start too (the quickstart copy, its secrets, settings).
    expect(Object.entries(all).filter(([, mode]) => mode !== '600' && mode !== '700')).toEqual([]);
    // A link is not followed: the file it points at is not the data dir's.
    expect((await stat(elsewhere)).mode & 0o777).toBe(0o644);
  });
});
