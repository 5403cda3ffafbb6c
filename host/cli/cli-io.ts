/** Where the CLI writes and what it resolves paths against; tests pass their own. */
import { relative, resolve } from 'node:path';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}

/** Exit statuses, the same for every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export function absolutePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** A path as the user should see it: relative to where they ran the command. */
export function displayPath(io: CliIo, path: string): string {
  return relative(io.cwd, resolve(io.cwd, path)) || path;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Resolves with the first SIGINT or SIGTERM: how long-running commands (ui, cloud-sim) learn to stop. */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve(signal));
  });
}
