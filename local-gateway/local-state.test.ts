/**
 * The gateway serves what the local state says the stages serve (`<name>.state/local.yaml`,
 * docs/project-file.md "Three kinds of data"): read at start, and reloaded when only that file
 * changes, as a local deploy or rollback changes it.
 */
import http from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStatePathFor, serializeProjectLayout } from '../shared/project-file';
import { loadProjectFiles } from './project-source';
import { serveProjectFile, type ServingProject } from './serve';
import { fixtureProject, mockApi } from './test-support';

function versionProject(version: string) {
  return fixtureProject({ apis: [mockApi('version', 'GET', '/version', { backend: { type: 'MOCK', statusCode: 200, body: version, headers: [] } })] });
}

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/version', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('the local state beside the design', () => {
  let dir: string;
  let projectPath: string;
  let serving: ServingProject;

  /** Writes the design and the local state of `project`, as the console saves them. */
  async function write(project: ReturnType<typeof versionProject>, only?: 'local'): Promise<void> {
    const texts = serializeProjectLayout(project);
    await mkdir(path.dirname(localStatePathFor(projectPath)), { recursive: true });
    await writeFile(localStatePathFor(projectPath), texts.local!);
    if (only !== 'local') await writeFile(projectPath, texts.design);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-state-'));
    projectPath = path.join(dir, 'fixture.apigw.yaml');
    await write(versionProject('v1'));
    serving = await serveProjectFile({ projectPath, port: 0, out: new PassThrough().resume(), err: new PassThrough().resume(), logLevel: 'info', logFile: path.join(dir, 'access.log'), debounceMs: 20 });
  });
  afterAll(async () => {
    await serving?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the local state\'s snapshots, and a change of that file alone is served after a reload', async () => {
    expect(await get(serving.port)).toBe('v1');
    // The design's working copy stays v1; only what the stage serves changes.
    const design = serializeProjectLayout(versionProject('v1')).design;
    const deployed = versionProject('v2');
    expect(serializeProjectLayout(deployed).design).not.toBe(design);
    await write({ ...deployed, apis: versionProject('v1').apis }, 'local');
    for (let i = 0; i < 250 && (await get(serving.port)) !== 'v2'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await get(serving.port)).toBe('v2');
  });

  it('names the state file, line and field of a problem in it', async () => {
    const other = path.join(dir, 'broken.apigw.yaml');
    const texts = serializeProjectLayout(versionProject('v1'));
    await writeFile(other, texts.design);
    await mkdir(path.dirname(localStatePathFor(other)), { recursive: true });
    await writeFile(localStatePathFor(other), texts.local!.replace('stage: RELEASE', 'stage: LIVE'));
    const loaded = await loadProjectFiles(other, path.join(dir, 'none.secrets.yaml'));
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? [] : loaded.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^.*:\d+:\d+ deployments\[0\]\.stage: `LIVE` is not a valid stage/);
    expect(problems[0].startsWith(`${localStatePathFor(other)}:`)).toBe(true);
  });
});
