/**
 * The apps' secrets of the open project, read from its secrets file for the host's own use (the
 * gateway process, the debugger's signing). They never go to the UI from here.
 */
import type { SecretsFile } from '../../shared/model/schema';
import { secretsFileNameFor } from '../../shared/project-file';
import { SecretsStore } from '../workspace';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';

const store = new SecretsStore();

/** Empty secrets when the file does not exist; a WorkspaceError naming the file and line when it fails to load. */
export async function readProjectSecrets(projectPath: string): Promise<SecretsFile> {
  const path = secretsFileNameFor(projectPath);
  const loaded = await store.load(path);
  if (!loaded.secrets) {
    const first = loaded.problems[0] ? ` — ${formatFileProblem(loaded.problems[0])}` : '';
    throw new WorkspaceError('LOAD_FAILED', path, `cannot use the secrets file ${path}: it failed to load${first}; fix the file, then try again`, loaded.problems);
  }
  return loaded.secrets;
}
