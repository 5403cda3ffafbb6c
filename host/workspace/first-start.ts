/**
 * The first start: with no project to open, the quickstart example is copied into the data dir
 * and opened there in demo mode. The examples in the app's folder are never opened in place,
 * so the app cannot change them.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DATA_DIR_MODE, DATA_FILE_MODE } from '../../shared/node/data-dir';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { ensureGitignoreLines } from './gitignore';
import { SECRETS_FILE_MODE, gitignoreLinesFor } from './secrets-store';
import { localStatePathFor, parseProjectLayout, parseProjectText, serializeProjectLayout, serializeSecrets } from '../../shared/project-file';
import type { SecretsFile } from '../../shared/model/schema';
import { generateAppCode, generateAppKey, generateAppSecret } from '../base/credential-generator';

const PROJECT_FILE = 'quickstart.apigw.yaml';
const SECRETS_FILE = 'quickstart.secrets.yaml';

/** Where the demo copy of the quickstart lives; a project at this path is opened in demo mode. */
export function quickstartCopyPath(dataDir: string): string {
  return resolve(dataDir, 'projects', PROJECT_FILE);
}

/**
 * Copies examples/quickstart.{apigw,secrets}.yaml into `<dataDir>/projects/` (secrets 0600),
 * unless a copy is already there (it may hold the user's edits). Returns the project's path.
 * A packaged app ships no secrets file: there the demo apps get fresh credentials (CSPRNG).
 */
export async function copyQuickstart(appRoot: string, dataDir: string): Promise<string> {
  const target = quickstartCopyPath(dataDir);
  const folder = join(dataDir, 'projects');
  if (await exists(target)) return target;
  const examples = join(appRoot, 'examples');
  const project = await readFile(join(examples, PROJECT_FILE));
  const secrets = (await exists(join(examples, SECRETS_FILE))) ? await readFile(join(examples, SECRETS_FILE)) : freshSecretsFor(project.toString('utf8'));
  await mkdir(folder, { recursive: true, mode: DATA_DIR_MODE });
  const secretsPath = join(folder, SECRETS_FILE);
  // Secrets first: a project whose secrets are missing would open with AppCode calls failing.
  await writeFileAtomic(secretsPath, secrets, { mode: SECRETS_FILE_MODE });
  // The copy is written in the current layout (docs/project-file.md, "Three kinds of data"): the
  // example's deployments go to the copy's local state, so a demo user's first save moves nothing.
  const { design, local } = currentLayout(target, project.toString('utf8'));
  if (local !== undefined) {
    await mkdir(dirname(localStatePathFor(target)), { recursive: true, mode: DATA_DIR_MODE });
    await writeFileAtomic(localStatePathFor(target), local, { mode: DATA_FILE_MODE });
  }
  await writeFileAtomic(target, design, { mode: DATA_FILE_MODE });
  await ensureGitignoreLines(folder, gitignoreLinesFor(secretsPath, target), { mode: DATA_FILE_MODE });
  return target;
}

/** The example's text split into the design and the local state; a file that does not load is copied as it is. */
function currentLayout(target: string, text: string): { design: string; local?: string } {
  const loaded = parseProjectLayout({ design: { path: target, text }, clouds: [] });
  if (!loaded.project || loaded.problems.length > 0) return { design: text };
  const { design, local } = serializeProjectLayout(loaded.project, loaded.documents);
  return { design, local };
}

/** New credentials for every app of the project: one AppKey/AppSecret pair and one AppCode each. */
function freshSecretsFor(projectText: string): string {
  const { project } = parseProjectText(projectText, PROJECT_FILE);
  const secrets: SecretsFile = { apps: {} };
  const keys = new Set<string>();
  for (const app of project?.apps ?? []) {
    const appKey = generateAppKey(keys);
    keys.add(appKey);
    secrets.apps[app.name] = { keys: [{ appKey, appSecret: generateAppSecret() }], appCodes: [generateAppCode()] };
  }
  return serializeSecrets(secrets);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
