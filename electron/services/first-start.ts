/**
 * The first start: with no project to open, the quickstart example is copied into the data dir
 * and opened there in demo mode. The examples in the app's folder are never opened in place,
 * so the app cannot change them.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../workspace/atomic-write';
import { ensureGitignoreLines } from '../workspace/gitignore';
import { SECRETS_FILE_MODE, gitignoreLinesFor } from '../workspace/secrets-store';

const PROJECT_FILE = 'quickstart.apigw.yaml';
const SECRETS_FILE = 'quickstart.secrets.yaml';

/** Where the demo copy of the quickstart lives; a project at this path is opened in demo mode. */
export function quickstartCopyPath(dataDir: string): string {
  return resolve(dataDir, 'projects', PROJECT_FILE);
}

/**
 * Copies examples/quickstart.{apigw,secrets}.yaml into `<dataDir>/projects/` (secrets 0600),
 * unless a copy is already there (it may hold the user's edits). Returns the project's path.
 */
export async function copyQuickstart(appRoot: string, dataDir: string): Promise<string> {
  const target = quickstartCopyPath(dataDir);
  const folder = join(dataDir, 'projects');
  if (await exists(target)) return target;
  const examples = join(appRoot, 'examples');
  const [project, secrets] = await Promise.all([readFile(join(examples, PROJECT_FILE)), readFile(join(examples, SECRETS_FILE))]);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const secretsPath = join(folder, SECRETS_FILE);
  // Secrets first: a project whose secrets are missing would open with AppCode calls failing.
  await writeFileAtomic(secretsPath, secrets, { mode: SECRETS_FILE_MODE });
  await writeFileAtomic(target, project);
  await ensureGitignoreLines(folder, gitignoreLinesFor(secretsPath, target));
  return target;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
