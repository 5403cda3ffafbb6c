import http from 'node:http';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeProject } from '../shared/project-file';
import { serveProjectFile, type ReloadOutcome, type ServingProject } from './serve';
import { fixtureProject, mockApi, writeProjectFiles } from './test-support';

function versionProject(version: string) {
  return fixtureProject({
    apis: [mockApi('version', 'GET', '/version', { backend: { type: 'MOCK', statusCode: 200, body: version, headers: [] } })],
  });
}

/** GET /version over a keep-alive agent. */
function get(port: number, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/version', agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('reload from the project file', () => {
  let dir: string;
  let projectPath: string;
  let serving: ServingProject;
  const outcomes: ReloadOutcome[] = [];
  const err = new PassThrough();
  let errText = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-reload-'));
    projectPath = await writeProjectFiles(dir, versionProject('v1'));
    err.on('data', (d: Buffer) => (errText += d.toString()));
    serving = await serveProjectFile({
      projectPath,
      port: 0,
      out: new PassThrough().resume(),
      err,
      logLevel: 'info',
      logFile: path.join(dir, 'access.log'),
      debounceMs: 20,
      onReload: (o) => outcomes.push(o),
    });
  });
  afterAll(async () => {
    await serving?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves every call while the file is rewritten, refusing invalid versions', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    let stop = false;
    let ok = 0;
    const failures: string[] = [];
    const loop = async () => {
      while (!stop) {
        try {
          const answer = await get(serving.port, agent);
          if (answer.status === 200 && /^v\d+$/.test(answer.body)) ok++;
          else failures.push(`${answer.status} ${answer.body}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const loops = [loop(), loop(), loop(), loop()];
    const served = async () => (await get(serving.port, agent)).body;

    for (let v = 2; v <= 7; v++) {
      const text = serializeProject(versionProject(`v${v}`));
      if (v % 2 === 0) {
        // Atomic replace, as the console saves.
        const temp = `${projectPath}.tmp`;
        await writeFile(temp, text);
        await rename(temp, projectPath);
      } else {
        // In place, as some editors save (a reader may see it half written).
        await writeFile(projectPath, text);
      }
      await until(async () => (await served()) === `v${v}`, `v${v} to be served`);
    }

    const refusedBefore = outcomes.filter((o) => !o.ok).length;
    await writeFile(projectPath, 'format: apigw-studio/v1\nname: [unclosed\n');
    await until(async () => outcomes.filter((o) => !o.ok).length > refusedBefore, 'the broken YAML to be refused');
    expect(await served()).toBe('v7');

    const ruleBroken = serializeProject(versionProject('v8')).replace('name: version', 'name: v');
    await writeFile(projectPath, ruleBroken);
    await until(async () => outcomes.filter((o) => !o.ok).length > refusedBefore + 1, 'the invalid project to be refused');
    expect(await served()).toBe('v7');

    stop = true;
    await Promise.all(loops);
    agent.destroy();
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(20);
    expect(errText).toContain('Kept serving the previous version');
    expect(errText).toMatch(/fixture\.apigw\.yaml:\d+:\d+/);
  });
});
