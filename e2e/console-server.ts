/**
 * Starts and stops `apigw-studio ui` as a child process, for the e2e fixtures and the console
 * benchmark: a free port, a data dir of the caller's choosing, and the printed Console URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

export interface ConsoleServer {
  /** The URL `apigw-studio ui` printed, with its token. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The project the console opened on first start: the data dir's copy of the quickstart. */
  projectFile: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
}

/** Starts `apigw-studio ui` and resolves once it printed its Console URL. */
export async function startConsole(dataDir: string, extraArgs: string[] = []): Promise<{ server: ConsoleServer; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/apigw-studio.js', 'ui', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: REPO,
    env: { ...process.env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`apigw-studio ui printed no Console URL within ${START_TIMEOUT_MS} ms. Output:\n${out}`)), START_TIMEOUT_MS);
    const check = () => {
      const match = /Console: (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apigw-studio ui exited with ${code} before printing its URL. Output:\n${out}`));
    });
  });
  const parsed = new URL(url);
  return {
    child,
    server: {
      url,
      origin: parsed.origin,
      token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
      dataDir,
      projectFile: projectOption(extraArgs) ?? join(dataDir, 'projects', 'quickstart.apigw.yaml'),
      output: () => out,
    },
  };
}

export async function stopConsole(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timeout = new Promise((r) => setTimeout(r, 5000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

function projectOption(args: string[]): string | undefined {
  const index = args.indexOf('--project');
  return index >= 0 ? args[index + 1] : undefined;
}
