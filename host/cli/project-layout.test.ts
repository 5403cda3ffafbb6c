/**
 * The project's three kinds of files on the command line (docs/project-file.md, "Three kinds of
 * data"), in a real git repository against a real offline cloud: the design stays what the team
 * wrote through a whole cloud journey, git sees only what a team commits, a lost cloud state is
 * rebuilt by name without creating anything, and an older file is split once.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployApi } from '../../shared/model/stages';
import { cloudStatePathFor, localStatePathFor } from '../../shared/project-file';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { loadProject, saveProject } from '../workspace/project-store';
import type { CliIo } from './cli-io';
import { runCli } from './main';
import { isolateCredentialEnv } from './testing/credential-env';

isolateCredentialEnv();

let sim: CloudSim;
let dir: string;
let path: string;
/** The app's data dir (vault, sync cache, call log): outside the repository, as on a person's machine. */
let dataDir: string;
beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-layout-'));
  dataDir = await mkdtemp(join(tmpdir(), 'apigw-layout-data-'));
  path = join(dir, 'quickstart.apigw.yaml');
  for (const name of ['quickstart.apigw.yaml', 'quickstart.secrets.yaml']) await copyFile(new URL(`../../examples/${name}`, import.meta.url), join(dir, name));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const quickstart = () => ['--project', 'quickstart.apigw.yaml', '--endpoint', sim.url, '--region', 'cn-hangzhou', '--data', dataDir];
const KEY = 'endpoint/cn-hangzhou';

async function git(...args: string[]): Promise<string> {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  return (await promisify(execFile)('git', args, { cwd: dir, env })).stdout;
}

const creates = () => sim.calls.filter((call) => call.action?.startsWith('Create')).length;

/** The quickstart example in the new layout, committed as a team would: the design and the generated .gitignore. */
async function migratedAndCommitted(): Promise<string> {
  const formatted = await cli('format', 'quickstart.apigw.yaml');
  expect(formatted.code).toBe(0);
  await git('init', '-q');
  await git('add', 'quickstart.apigw.yaml', '.gitignore');
  await git('commit', '-q', '-m', 'the design');
  return readFile(path, 'utf8');
}

describe('the design, the local state and the cloud state', () => {
  it('an older file with deployments and ids in it is split on its first save, says so once, and keeps the old file as .bak', async () => {
    const old = await readFile(path, 'utf8');
    expect(old).toContain('\ndeployments:\n');
    const first = await cli('format', 'quickstart.apigw.yaml');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      'note: quickstart.apigw.yaml is now in the new layout: moved the local deployments to quickstart.state/local.yaml; the design file holds the design only, ' +
        'and its previous version is kept as quickstart.apigw.yaml.bak (docs/project-file.md, "Three kinds of data").',
    );
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(old);
    const design = await readFile(path, 'utf8');
    expect(design).not.toContain('deployments:');
    expect(design).toContain('# Quickstart: the hands-on lab');
    expect(await readFile(localStatePathFor(path), 'utf8')).toContain('format: apigw-studio/local-state/v1');
    // The same project as before, now read from two files.
    expect((await loadProject(path)).project!.deployments.length).toBeGreaterThan(0);
    const again = await cli('format', 'quickstart.apigw.yaml');
    expect(again).toMatchObject({ code: 0, stderr: '', stdout: 'quickstart.apigw.yaml: already formatted' });
  });

  it('apply, deploy, local deploys and a rollback leave the design byte for byte as it was, and git sees only what a team commits', async () => {
    const design = await migratedAndCommitted();

    expect((await cli('apply', ...quickstart(), '--yes')).code).toBe(0);
    // Local deploys, as the console makes them: the working copy snapshotted into a stage's history.
    for (const [api, at] of [['hello', '2026-11-24T00:00:00.000Z'], ['limited', '2026-11-24T00:01:00.000Z']]) {
      const loaded = await loadProject(path);
      await saveProject(path, deployApi(loaded.project!, { group: 'demo_hello_api', api }, 'TEST', { at }), { document: loaded.document });
    }
    expect((await cli('deploy', ...quickstart(), '--stage', 'TEST', '--yes')).code).toBe(0);
    const rolledBack = await cli('rollback', ...quickstart(), '--stage', 'TEST', '--api', 'demo_hello_api/hello', '--yes');
    expect(rolledBack.code).toBe(0);
    expect((await cli('plan', ...quickstart(), '--detailed-exitcode')).code).toBe(0);

    expect(await readFile(path, 'utf8')).toBe(design);
    const local = (await loadProject(path)).project!.deployments.find((d) => d.api === 'hello' && d.stage === 'TEST')!;
    expect(local.history.at(-1)?.rollbackOf).toBeDefined();
    // Untracked: only the cloud state, which a team may commit (or list in .gitignore to keep it local).
    expect((await git('status', '--porcelain', '--untracked-files=all')).trim().split('\n')).toEqual([`?? ${cloudStatePathFor('quickstart.apigw.yaml', KEY)}`]);
  });

  it('deleting the cloud state, then pull --adopt and plan: no changes, nothing created', async () => {
    await migratedAndCommitted();
    expect((await cli('apply', ...quickstart(), '--yes')).code).toBe(0);
    const before = creates();
    await rm(cloudStatePathFor(path, KEY));
    await rm(`${cloudStatePathFor(path, KEY)}.bak`, { force: true });

    const adopted = await cli('pull', ...quickstart(), '--adopt');
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toMatch(/^\+ adopt group demo_hello_api \(id [0-9a-f]+\)$/m);
    expect(adopted.stdout).toContain(`Adopted 7 objects by name as ${KEY}, recorded in ${cloudStatePathFor('quickstart.apigw.yaml', KEY)}; nothing changed in the cloud or the design.`);
    await stat(cloudStatePathFor(path, KEY));

    const plan = await cli('plan', ...quickstart(), '--detailed-exitcode');
    expect(plan.stdout).toContain('No changes: the cloud matches the design.');
    expect(plan.code).toBe(0);
    const apply = await cli('apply', ...quickstart(), '--yes');
    expect(apply.code).toBe(0);
    expect(creates()).toBe(before);
    // A second adopt finds everything recorded.
    expect((await cli('pull', ...quickstart(), '--adopt')).stdout).toContain('Nothing to adopt');
  });
});
