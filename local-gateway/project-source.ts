/**
 * Reads a project for serving: its design file, its local state (what the local stages serve:
 * `<name>.state/local.yaml`, docs/project-file.md "Three kinds of data") and its secrets file. Parsing and validation are shared with
 * the console (shared/project-file); this module only touches the disk, because local-gateway/
 * may not import the host (docs/architecture.md, "Rules": local-gateway/ imports shared/ and shared/node/ only).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { formatPath } from '../shared/model/problems';
import type { Project, SecretsFile } from '../shared/model/schema';
import { localStatePathFor, parseProjectLayout, parseSecretsText, secretValuesOf, secretsFileNameFor } from '../shared/project-file';
import type { LocatedProblem } from '../shared/project-file';

export interface LoadedProject {
  project: Project;
  secrets: SecretsFile;
  /** Hash of the files' bytes: equal hashes mean nothing changed. */
  hash: string;
}

export type LoadResult = ({ ok: true } & LoadedProject) | { ok: false; hash: string; problems: string[] };

/** The secrets file used when none is named: `<name>.secrets.yaml` beside the project. */
export function defaultSecretsPath(projectPath: string): string {
  return secretsFileNameFor(projectPath);
}

/**
 * Loads and validates the files (the cloud state is not read: serving needs no cloud id); every problem is one line naming the file, line and field.
 * With `given` secrets (handed over by the console, `--secrets-from-parent`) the secrets file is
 * not read, and the hash covers the project file only.
 */
export async function loadProjectFiles(projectPath: string, secretsPath: string, given?: SecretsFile): Promise<LoadResult> {
  let projectText: string;
  try {
    projectText = await readFile(projectPath, 'utf8');
  } catch (error) {
    return { ok: false, hash: '', problems: [`${projectPath}: cannot read the project file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`] };
  }
  const statePath = localStatePathFor(projectPath);
  let stateText: string | undefined;
  try {
    stateText = await readFile(statePath, 'utf8');
  } catch (error) {
    // No local state: nothing deployed locally yet (or an older file that holds its deployments itself).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { ok: false, hash: '', problems: [`${statePath}: cannot read the local state (${(error as NodeJS.ErrnoException).code}).`] };
    }
  }
  let secretsText = '';
  try {
    if (given === undefined) secretsText = await readFile(secretsPath, 'utf8');
  } catch (error) {
    // No secrets file is fine: APP APIs then refuse every key, as in a cloud account without apps.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { ok: false, hash: '', problems: [`${secretsPath}: cannot read the secrets file (${(error as NodeJS.ErrnoException).code}).`] };
    }
  }
  const hashing = createHash('sha256').update(projectText).update('\u0000').update(secretsText);
  if (stateText !== undefined) hashing.update('\u0000').update(stateText);
  const hash = hashing.digest('hex');

  const secretsResult = given ? { secrets: given, problems: [] } : secretsText === '' ? { secrets: { apps: {} } as SecretsFile, problems: [] } : parseSecretsText(secretsText, secretsPath);
  const problems = secretsResult.problems.map((p) => describe(secretsPath, p));
  const local = stateText === undefined ? undefined : { path: statePath, text: stateText };
  const projectResult = parseProjectLayout({ design: { path: projectPath, text: projectText }, local, clouds: [] }, { knownSecrets: secretValuesOf(secretsResult.secrets) });
  problems.push(...projectResult.problems.map((p) => describe(p.file, p)));
  if (problems.length > 0 || !projectResult.project || !secretsResult.secrets) return { ok: false, hash, problems };
  return { ok: true, project: projectResult.project, secrets: secretsResult.secrets, hash };
}

function describe(file: string, problem: LocatedProblem): string {
  const field = problem.path.length > 0 ? ` ${formatPath(problem.path)}:` : '';
  return `${file}:${problem.line}:${problem.column}${field} ${problem.message}`;
}
