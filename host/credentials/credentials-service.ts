/**
 * Apps' credentials, kept in the secrets file beside the open project (`<name>.secrets.yaml`,
 * mode 0600), never in the project file. The UI sees masked views; a secret leaves the host only
 * through revealSecret, on the user's explicit request. Nothing here logs a value.
 */
import { type Document, isMap, isScalar } from 'yaml';
import type { AppCredentialsView } from '../../shared/ipc/contract';
import { nameProblem } from '../../shared/model/names';
import type { AppSecrets, SecretsFile } from '../../shared/model/schema';
import { secretsFileNameFor } from '../../shared/project-file';
import { HostError } from '../base/host-error';
import { SecretsStore } from '../workspace';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';
import { generateAppCode, generateAppKey, generateAppSecret, maskAppCode } from '../base/credential-generator';
import { SerialQueue } from '../base/serial-queue';

export interface CredentialsServiceOptions {
  /** The open project's file; its secrets file sits beside it. */
  projectPath: () => string;
}

export class CredentialsService {
  private readonly store = new SecretsStore();
  private readonly queue = new SerialQueue();

  constructor(private readonly options: CredentialsServiceOptions) {}

  /** Adds a new AppKey/AppSecret pair and a new AppCode to the app (creating its entry). */
  createCredentials({ app }: { app: string }): Promise<AppCredentialsView> {
    const problem = nameProblem('app', app);
    if (problem) return Promise.reject(new HostError('INVALID_NAME', `Not creating credentials: ${problem}`));
    return this.change((secrets) => {
      const taken = new Set(Object.values(secrets.apps).flatMap((entry) => entry.keys.map((key) => key.appKey)));
      const current = secrets.apps[app] ?? { keys: [], appCodes: [] };
      const updated: AppSecrets = {
        keys: [...current.keys, { appKey: generateAppKey(taken), appSecret: generateAppSecret() }],
        appCodes: [...current.appCodes, generateAppCode()],
      };
      return { ...secrets, apps: { ...secrets.apps, [app]: updated } };
    }, app);
  }

  /** The app's keys and masked AppCodes; empty lists when it has none yet. */
  credentials({ app }: { app: string }): Promise<AppCredentialsView> {
    return this.queue.run(async () => viewOf(app, (await this.read()).secrets.apps[app]));
  }

  revealSecret({ app, appKey }: { app: string; appKey: string }): Promise<{ appSecret: string }> {
    return this.queue.run(async () => {
      const { secrets, path } = await this.read();
      return { appSecret: findKey(secrets, app, appKey, path).appSecret };
    });
  }

  /** A new AppSecret for the same AppKey; callers then change only the secret. */
  rotateSecret({ app, appKey }: { app: string; appKey: string }): Promise<AppCredentialsView> {
    return this.change((secrets, path) => {
      findKey(secrets, app, appKey, path);
      const entry = secrets.apps[app];
      const keys = entry.keys.map((key) => (key.appKey === appKey ? { appKey, appSecret: generateAppSecret() } : key));
      return { ...secrets, apps: { ...secrets.apps, [app]: { ...entry, keys } } };
    }, app);
  }

  /** Removes the app's entry from the secrets file (nothing to do when it has none). */
  deleteCredentials({ app }: { app: string }): Promise<{ ok: true }> {
    return this.queue.run(async () => {
      const { secrets, path, document } = await this.read();
      if (secrets.apps[app]) {
        const apps = Object.fromEntries(Object.entries(secrets.apps).filter(([name]) => name !== app));
        await this.store.save(path, { ...secrets, apps }, { document, projectPath: this.options.projectPath() });
      }
      return { ok: true };
    });
  }

  /**
   * Moves each `from` app's entry to `to`, keeping the file's order, in one write: all or none.
   * The names are the design's (a rename there, or its undo back to an older name): this only keeps
   * the file in step. An app without credentials has nothing to move; a `to` that has credentials
   * of its own is refused, so no secret is ever overwritten.
   */
  renameCredentials({ renames }: { renames: { from: string; to: string }[] }): Promise<{ renamed: string[] }> {
    return this.queue.run(async () => {
      const { secrets, path, document } = await this.read();
      const moving = renames.filter(({ from, to }) => from !== to && secrets.apps[from] !== undefined);
      const leaving = new Set(moving.map(({ from }) => from));
      for (const { from, to } of moving) {
        if (secrets.apps[to] !== undefined && !leaving.has(to)) {
          throw new HostError('ALREADY_EXISTS', `Not renaming the credentials of app \`${from}\` to \`${to}\`: ${path} already holds credentials for \`${to}\`. Delete or rename those first.`);
        }
      }
      if (moving.length === 0) return { renamed: [] };
      const newName = new Map(moving.map(({ from, to }) => [from, to]));
      const apps = Object.fromEntries(Object.entries(secrets.apps).map(([name, entry]) => [newName.get(name) ?? name, entry]));
      renameAppKeys(document, newName);
      await this.store.save(path, { ...secrets, apps }, { document, projectPath: this.options.projectPath() });
      return { renamed: moving.map(({ from }) => from) };
    });
  }

  private change(update: (secrets: SecretsFile, path: string) => SecretsFile, app: string): Promise<AppCredentialsView> {
    return this.queue.run(async () => {
      const { secrets, path, document } = await this.read();
      const updated = update(secrets, path);
      await this.store.save(path, updated, { document, projectPath: this.options.projectPath() });
      return viewOf(app, updated.apps[app]);
    });
  }

  private async read() {
    const path = secretsFileNameFor(this.options.projectPath());
    const loaded = await this.store.load(path);
    if (!loaded.secrets) {
      const first = loaded.problems[0] ? ` — ${formatFileProblem(loaded.problems[0])}` : '';
      throw new WorkspaceError('LOAD_FAILED', path, `cannot use the secrets file ${path}: it failed to load${first}; fix the file, then try again`, loaded.problems);
    }
    return { path, secrets: loaded.secrets, document: loaded.document };
  }
}

/**
 * Renames the apps' keys in the loaded document itself, so the save writes each entry where it was,
 * with its comments (a key that merely disappeared would be written anew at the end).
 */
function renameAppKeys(document: Document | undefined, newName: ReadonlyMap<string, string>): void {
  const apps = document?.get('apps', true);
  if (!isMap(apps)) return;
  for (const pair of apps.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && newName.has(pair.key.value)) pair.key.value = newName.get(pair.key.value);
  }
}

function findKey(secrets: SecretsFile, app: string, appKey: string, path: string) {
  const key = secrets.apps[app]?.keys.find((k) => k.appKey === appKey);
  if (!key) throw new HostError('NOT_FOUND', `App \`${app}\` has no AppKey ${appKey} in ${path}. Reload its credentials; they may have been changed elsewhere.`);
  return key;
}

function viewOf(app: string, secrets: AppSecrets | undefined): AppCredentialsView {
  return {
    app,
    keys: (secrets?.keys ?? []).map((key) => ({ appKey: key.appKey, secretSet: true as const })),
    appCodes: (secrets?.appCodes ?? []).map(maskAppCode),
  };
}
