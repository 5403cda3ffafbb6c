import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import { buildRenderer } from '../web-host/renderer-build';
import { DEFAULT_UI_PORT } from './ui-command';

const BIN = fileURLToPath(new URL('../../bin/apigw-studio.js', import.meta.url));

let dir: string;
let rendererDir: string;
let child: ChildProcess | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-ui-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>API Gateway Studio</title>');
});
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts `apigw-studio ui` (with --no-open unless a PATH is given to find a browser opener on) and resolves with its Console URL once printed. */
function startUi(args: string[] = [], env: { PATH?: string } = {}): Promise<{ url: string; stdout: () => string }> {
  const open = env.PATH ? [] : ['--no-open'];
  // Any free port unless the test names one (or, with `--port` left out, tests the default).
  const port = args.includes('--port') || args.includes('--default-port') ? [] : ['--port', '0'];
  const given = args.filter((arg) => arg !== '--default-port');
  const started = spawn(process.execPath, [BIN, 'ui', ...open, ...port, '--data-dir', join(dir, 'data'), ...given], {
    cwd: dir,
    env: { ...process.env, APIGW_STUDIO_RENDERER_DIR: rendererDir, ...env },
  });
  child = started;
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    started.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('Console: '));
      if (line && stdout.includes('Press Ctrl+C')) resolve({ url: line.slice('Console: '.length), stdout: () => stdout });
    });
    started.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    started.once('exit', (code) => reject(new Error(`apigw-studio ui exited with ${code} before printing its URL: ${stderr}`)));
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

function post(url: string, token: string, args: unknown[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Agw-Token': token } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

function tokenOf(url: string): string {
  return new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';
}

async function waitForFile(path: string): Promise<string> {
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exited(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

describe('apigw-studio ui', () => {
  it('prints one Console line with the token URL, serves the console there, and stops cleanly on SIGTERM', async () => {
    const { url, stdout } = await startUi();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(stdout().split('\n').filter((line) => line.startsWith('Console: '))).toHaveLength(1);
    expect(stdout()).toContain('(demo: a copy of the quickstart)');

    // The page is public code; the token in the fragment is for the page's calls, never sent in a request line.
    const page = await get(url);
    expect(page).toMatchObject({ status: 200, body: expect.stringContaining('API Gateway Studio') });
    const { origin } = new URL(url);
    expect((await post(`${origin}/api/call/agw:project.current`, 'not-the-token', [])).status).toBe(403);
    const current = await post(`${origin}/api/call/agw:project.current`, tokenOf(url), []);
    expect(JSON.parse(current.body)).toMatchObject({ ok: true, result: { demo: true, fileName: 'quickstart.apigw.yaml' } });

    const exit = exited(child!);
    child!.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout()).toContain('Console stopped.');
  });

  // A bookmark needs the same address each start: the default port, or a free one said out loud when it is taken.
  it('tries port 4780 first and falls back to a free port it names when that one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => {
      blocker.once('error', () => resolve()); // already taken by something else: the same case
      blocker.listen(DEFAULT_UI_PORT, '127.0.0.1', () => resolve());
    });
    try {
      const { url, stdout } = await startUi(['--default-port']);
      const port = Number(new URL(url).port);
      expect(port).not.toBe(DEFAULT_UI_PORT);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
      expect(stdout()).toContain(`Port ${DEFAULT_UI_PORT} is taken (EADDRINUSE); listening on port ${port} instead`);
    } finally {
      blocker.close();
    }
  });

  it('opens --project FILE', async () => {
    const path = join(dir, 'shop.apigw.yaml');
    await writeFile(path, serializeProject(smallProject()));
    const { url } = await startUi(['--project', 'shop.apigw.yaml']);
    const current = await post(`${new URL(url).origin}/api/call/agw:project.current`, tokenOf(url), []);
    expect(JSON.parse(current.body)).toMatchObject({ ok: true, result: { path, demo: false } });
  });

  // The review read the token from /proc/<pid>/cmdline of xdg-open. A stand-in xdg-open on PATH
  // records the command line the console really runs.
  it.skipIf(process.platform !== 'linux')('opens the browser with no token on any command line, through a 0600 page removed at stop', async () => {
    const bin = join(dir, 'bin');
    const record = join(dir, 'xdg-open-args');
    await mkdir(bin);
    await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`, { mode: 0o755 });
    const { url } = await startUi([], { PATH: `${bin}:${process.env.PATH}` });
    const args = await waitForFile(record);
    expect(args).not.toContain(tokenOf(url));
    const launchPath = args.trim();
    expect(launchPath).toBe(join(dir, 'data', `console-${new URL(url).port}.html`));
    expect((await stat(launchPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(launchPath, 'utf8')).toContain(`content="0;url=${url}"`);

    const exit = exited(child!);
    child!.kill('SIGTERM');
    expect(await exit).toBe(0);
    await expect(stat(launchPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    [['--port', 'http'], /--port takes a number from 0 to 65535, not http/],
    [['--port', '70000'], /--port takes a number/],
    [['extra.yaml'], /unexpected argument extra\.yaml; give a project with --project FILE/],
    [['--project', 'missing.apigw.yaml'], /cannot read project file .*missing\.apigw\.yaml: the file does not exist/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'ui', '--no-open', '--data-dir', join(dir, 'data'), ...args], { cwd: dir, env: { ...process.env, APIGW_STUDIO_RENDERER_DIR: rendererDir } }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('buildRenderer', () => {
  it('says what is missing instead of failing obscurely', async () => {
    expect(await buildRenderer(dir, () => undefined)).toMatch(/^Vite is missing \(.*node_modules.vite.bin.vite\.js\); run npm install in /);
  });
});
