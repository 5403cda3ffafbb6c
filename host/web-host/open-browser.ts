/** Opens a URL in the system's browser, detached; failing to is never fatal (the URL is printed anyway). */
import { spawn } from 'node:child_process';

export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves to undefined when the opener started, else to why not (for a hint). */
export function openInBrowser(url: string): Promise<string | undefined> {
  const { command, args } = browserCommand(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: process.platform === 'win32' });
      child.once('error', (error) => resolve(`${command}: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (error) {
      resolve(`${command}: ${(error as Error).message}`);
    }
  });
}
