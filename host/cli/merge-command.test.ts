/**
 * Two branches that each add an API, merged by real `git merge` with apigw-studio as the design
 * files' merge driver (docs/project-file.md, "Merging designs"), and the result loaded.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api, Project } from '../../shared/model/schema';
import { smallProject } from '../../shared/project-file/test-projects';
import { loadProject, saveProject } from '../workspace/project-store';

const BIN = fileURLToPath(new URL('../../bin/apigw-studio.js', import.meta.url));

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-merge-'));
  path = join(dir, 'shop.apigw.yaml');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function git(...args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  try {
    return { code: 0, stdout: (await promisify(execFile)('git', args, { cwd: dir, env })).stdout };
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout };
  }
}

/** A repository holding the shop's design, with apigw-studio as the merge driver of `*.apigw.yaml`. */
async function repository(): Promise<string> {
  await saveProject(path, smallProject());
  await git('init', '-q');
  await writeFile(join(dir, '.gitattributes'), '*.apigw.yaml merge=apigw-studio\n');
  await git('config', 'merge.apigw-studio.driver', `"${process.execPath}" "${BIN}" merge %O %A %B`);
  await git('add', 'shop.apigw.yaml', '.gitignore', '.gitattributes');
  await git('commit', '-q', '-m', 'the shop');
  return (await git('rev-parse', '--abbrev-ref', 'HEAD')).stdout.trim();
}

/** On a new branch from `from`: the design changed by `change`, saved as the console saves it, committed. */
async function branch(name: string, from: string, change: (project: Project) => Project): Promise<void> {
  await git('checkout', '-q', '-b', name, from);
  const loaded = await loadProject(path);
  await saveProject(path, change(loaded.project!), { document: loaded.document });
  await git('commit', '-q', '-am', name);
}

function newApi(name: string, path: string): Api {
  return { ...smallProject().apis[0], name, description: undefined, request: { ...smallProject().apis[0].request, path } };
}

describe('apigw-studio merge, as git\'s merge driver for design files', () => {
  it('merges two branches that add different APIs (and change different fields) without a conflict, and the result loads', async () => {
    const main = await repository();
    await branch('invoices', main, (p) => ({ ...p, apis: [...p.apis, newApi('list_invoices', '/invoices')] }));
    await branch('refunds', main, (p) => ({ ...p, apis: [...p.apis, newApi('list_refunds', '/refunds')], groups: p.groups.map((g) => (g.name === 'users' ? { ...g, description: 'People.' } : g)) }));
    const merged = await git('merge', '-q', '--no-edit', 'invoices');
    expect(merged.code).toBe(0);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('<<<<<<<');
    const loaded = await loadProject(path);
    expect(loaded.problems).toEqual([]);
    // Ours in our order, then theirs' new object: the same merge always gives the same file.
    expect(loaded.project!.apis.map((api) => api.name)).toEqual(['list_orders', 'get_user', 'list_refunds', 'list_invoices']);
    expect(loaded.project!.groups.find((g) => g.name === 'users')?.description).toBe('People.');
  });

  it('leaves git\'s conflict markers when both branches changed one field differently', async () => {
    const main = await repository();
    const describe = (text: string) => (p: Project) => ({ ...p, apis: p.apis.map((api) => (api.name === 'list_orders' ? { ...api, description: text } : api)) });
    await branch('one', main, describe('Lists orders.'));
    await branch('two', main, describe('Lists every order.'));
    const merged = await git('merge', '-q', '--no-edit', 'one');
    expect(merged.code).not.toBe(0);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('<<<<<<< ours');
    expect(text).toContain('Lists orders.');
    expect(text).toContain('Lists every order.');
  });
});
