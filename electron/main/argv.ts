/**
 * The project a command line names: `--project FILE`, `--project=FILE`, or a bare `*.apigw.yaml`
 * (what a file manager passes when the user opens one). Chromium adds switches of its own to a
 * second instance's argv, so anything else is ignored.
 */
import { resolve } from 'node:path';

const PROJECT_FILE = /\.apigw\.ya?ml$/i;

export function projectPathFromArgv(argv: readonly string[], cwd: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--project' && i + 1 < argv.length) found = argv[++i];
    else if (arg.startsWith('--project=')) found = arg.slice('--project='.length);
    else if (!arg.startsWith('-') && PROJECT_FILE.test(arg)) found = arg;
  }
  return found ? resolve(cwd, found) : undefined;
}
