/**
 * The bins start from the bundles of scripts/build-electron.mjs when those match the sources, and
 * from the sources through tsx when not (bin/bundle-or-sources.js). Run on a copy of the checkout in
 * a temporary folder (bin/, the sources, the build script; node_modules linked), so that a source
 * can be edited and the bundles rebuilt without touching the repository others work in.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectSecrets } from '../host/gateway-supervisor/project-secrets';
import { createSupervisor } from '../host/gateway-supervisor/supervisor';
import { copyQuickstartTo, get } from '../host/gateway-supervisor/testing/gateway-fixture';
import { secretsFileNameFor } from '../shared/project-file';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const EDIT_MARKER = '(edited after the build)';

let checkout: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(checkout, script), ...args], { cwd: checkout, env: { ...process.env, APIGW_BIN_DEBUG: '', APIGW_BIN_SOURCES: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function build(): Promise<void> {
  const built = await run('scripts/build-electron.mjs', []);
  if (built.code !== 0) throw new Error(`The build failed in ${checkout}:\n${built.stderr}`);
}

/** Runs `body` with node_modules out of reach: whatever runs then needs neither tsx nor any dependency. */
async function withoutNodeModules<T>(body: () => Promise<T>): Promise<T> {
  renameSync(join(checkout, 'node_modules'), join(checkout, 'node_modules.away'));
  try {
    return await body();
  } finally {
    renameSync(join(checkout, 'node_modules.away'), join(checkout, 'node_modules'));
  }
}

beforeAll(async () => {
  checkout = await mkdtemp(join(tmpdir(), 'apigw-bundles-'));
  const notTests = (path: string) => !path.endsWith('.test.ts') && basename(path) !== 'node_modules';
  for (const folder of ['bin', 'electron', 'host', 'shared', 'local-gateway', 'offline-cloud']) cpSync(join(REPO, folder), join(checkout, folder), { recursive: true, filter: notTests });
  mkdirSync(join(checkout, 'scripts'));
  cpSync(join(REPO, 'scripts', 'build-electron.mjs'), join(checkout, 'scripts', 'build-electron.mjs'));
  cpSync(join(REPO, 'package.json'), join(checkout, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  await build();
}, 120_000);

afterAll(async () => {
  if (checkout) await rm(checkout, { recursive: true, force: true });
});

describe('the command-line bins and their bundles', () => {
  it('run their bundles when those match the sources, with no tsx and no node_modules at all', async () => {
    await withoutNodeModules(async () => {
      const help = await run('bin/apigw-local.js', ['--help'], { APIGW_BIN_DEBUG: '1' });
      expect(help).toMatchObject({ code: 0, stderr: 'apigw-local: running the bundle dist/local-gateway/gateway.cjs\n' });
      expect(help.stdout).toContain('apigw-local serve <project.apigw.yaml>');

      const version = await run('bin/apigw-studio.js', ['--version'], { APIGW_BIN_DEBUG: '1' });
      const { version: expected } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { version: string };
      expect(version).toEqual({ code: 0, stdout: `${expected}\n`, stderr: 'apigw-studio: running the bundle dist/cli/apigw-studio.cjs\n' });
    });
  });

  it('start the console\'s gateway process from the bundle too (it listens with no node_modules)', async () => {
    const projectPath = await copyQuickstartTo(join(checkout, 'project'));
    const supervisor = createSupervisor({
      projectPath: () => projectPath,
      secretsPath: () => secretsFileNameFor(projectPath),
      loadSecrets: () => readProjectSecrets(projectPath),
      onStatus: () => {},
      onLog: () => {},
      gatewayEntry: join(checkout, 'bin', 'apigw-local.js'),
    });
    try {
      await withoutNodeModules(async () => {
        const status = await supervisor.start({ port: 0 });
        expect(status).toMatchObject({ state: 'listening' });
        expect((await get(`${status.url}/hello`)).status).toBe(200);
      });
    } finally {
      await supervisor.close();
    }
  });

  it('never run a bundle older than its sources: the edited sources run through tsx until the next build', async () => {
    const cli = join(checkout, 'local-gateway', 'cli.ts');
    const source = readFileSync(cli, 'utf8');
    expect(source).toContain('  apigw-local --help`');
    writeFileSync(cli, source.replace('  apigw-local --help`', `  apigw-local --help ${EDIT_MARKER}\``));

    const stale = await run('bin/apigw-local.js', ['--help'], { APIGW_BIN_DEBUG: '1' });
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain(EDIT_MARKER);
    expect(stale.stderr).toBe('apigw-local: running the sources through tsx: local-gateway/cli.ts changed since dist/local-gateway/gateway.cjs was built\n');
    // Piped (tests, the console's gateway process), the bin says nothing about it: only a terminal gets the note.
    expect(await run('bin/apigw-local.js', ['--help'])).toMatchObject({ code: 0, stderr: '' });

    await build();
    const rebuilt = await run('bin/apigw-local.js', ['--help'], { APIGW_BIN_DEBUG: '1' });
    expect(rebuilt).toMatchObject({ code: 0, stderr: 'apigw-local: running the bundle dist/local-gateway/gateway.cjs\n' });
    expect(rebuilt.stdout).toContain(EDIT_MARKER);
  }, 60_000);

  it('run the sources when the bundle was replaced after the build, or is missing', async () => {
    const bundle = join(checkout, 'dist', 'cli', 'apigw-studio.cjs');
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n`);
    const replaced = await run('bin/apigw-studio.js', ['--version'], { APIGW_BIN_DEBUG: '1' });
    expect(replaced).toMatchObject({ code: 0, stderr: 'apigw-studio: running the sources through tsx: dist/cli/apigw-studio.cjs was replaced or removed after the build\n' });

    await rm(join(checkout, 'dist'), { recursive: true });
    const none = await run('bin/apigw-studio.js', ['--version'], { APIGW_BIN_DEBUG: '1' });
    expect(none).toMatchObject({ code: 0, stderr: 'apigw-studio: running the sources through tsx: there is no bundle yet (dist/cli/apigw-studio.inputs.json is missing)\n' });
    // Neither a bundle nor tsx: the bin says what to do.
    const stuck = await withoutNodeModules(() => run('bin/apigw-studio.js', ['--version']));
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toMatch(/^apigw-studio: cannot start: there is no bundle yet .*tsx, which runs the sources, is not installed\. Run npm install, or npm run build:electron\.\n$/);
  }, 60_000);
});
