/** Builds the renderer with Vite when browser mode finds no dist/renderer/index.html. */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';

export async function rendererIsBuilt(rendererDir: string): Promise<boolean> {
  try {
    await access(join(rendererDir, 'index.html'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `vite build --config renderer/vite.config.ts` in `appRoot`, its output going to `log`
 * (stdout stays for the Console line). Resolves to undefined on success, else to what failed.
 */
export async function buildRenderer(appRoot: string, log: (chunk: string) => void): Promise<string | undefined> {
  const vite = join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(appRoot, 'renderer', 'vite.config.ts');
  for (const [path, what] of [[vite, 'Vite'], [config, 'the renderer\'s Vite config']] as const) {
    try {
      await access(path);
    } catch {
      return `${what} is missing (${path}); run npm install in ${appRoot}`;
    }
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', config], { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.once('error', (error) => resolve(`could not start Vite: ${error.message}`));
    child.once('close', (code, signal) => resolve(code === 0 ? undefined : `vite build exited with ${signal ?? `status ${code}`}`));
  });
}
