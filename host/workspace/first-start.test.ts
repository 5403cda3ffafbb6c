// The first start copies the quickstart; a packaged app (which ships no secrets file) gets fresh
// demo credentials instead of the repository's documented demo values.
import { mkdtemp, copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSecretsText } from '../../shared/project-file';
import { copyQuickstart } from './first-start';

const REPO = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'agw-first-start-'));
  dirs.push(dir);
  return dir;
}

async function secretsOf(projectPath: string) {
  const path = projectPath.replace(/\.apigw\.yaml$/, '.secrets.yaml');
  const parsed = parseSecretsText(await readFile(path, 'utf8'), path);
  return { secrets: parsed.secrets, mode: (await stat(path)).mode & 0o777 };
}

describe('first start', () => {
  it('copies the repository quickstart with its documented demo secrets', async () => {
    const target = await copyQuickstart(REPO, await tempDir());
    const { secrets, mode } = await secretsOf(target);
    expect(mode).toBe(0o600);
    expect(secrets?.apps['demo_caller_app'].keys[0].appKey).toBe('204000001');
  });

  it("leaves a copy an older version made as it is (its names with `-` are the user's to rename), never rewriting it", async () => {
    const dataDir = await tempDir();
    const first = await copyQuickstart(REPO, dataDir);
    const older = (await readFile(first, 'utf8')).replaceAll('demo_hello_api', 'demo-hello-api');
    await writeFile(first, older);
    expect(await copyQuickstart(REPO, dataDir)).toBe(first);
    expect(await readFile(first, 'utf8')).toBe(older);
  });

  it('generates fresh credentials when the app ships no secrets file (a packaged app)', async () => {
    const appRoot = await tempDir();
    await mkdir(join(appRoot, 'examples'));
    await copyFile(join(REPO, 'examples', 'quickstart.apigw.yaml'), join(appRoot, 'examples', 'quickstart.apigw.yaml'));
    const target = await copyQuickstart(appRoot, await tempDir());
    const { secrets, mode } = await secretsOf(target);
    expect(mode).toBe(0o600);
    const app = secrets!.apps['demo_caller_app'];
    expect(app.keys[0].appKey).toMatch(/^\d{9}$/);
    expect(app.keys[0].appKey).not.toBe('204000001');
    expect(app.keys[0].appSecret).toHaveLength(32);
    expect(app.appCodes).toHaveLength(1);
  });
});
