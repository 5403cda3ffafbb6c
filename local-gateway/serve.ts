/**
 * Serving a project file: load it, start the gateway, reload it when either file changes. Used
 * by the CLI and by tests that need the whole thing without a child process.
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { SecretsFile } from '../shared/model/schema';
import { createAccessLog, type AccessLogSink, type LogLevel } from './access-log';
import { defaultSecretsPath, loadProjectFiles } from './project-source';
import { watchProjectFiles, type Watcher } from './reload';
import { stagesWithApis, type Runtime } from './runtime';
import { localGroupUrl, OWN_ADDRESS_REASONS } from '../shared/gateway/local-hosts';
import { createLocalGateway, type LocalGateway } from './server';
import { defaultStateDir, openNonceJournal } from './nonce-journal';

export interface ServeOptions {
  projectPath: string;
  secretsPath?: string;
  /** Secrets handed over by the console (`--secrets-from-parent`): the secrets file is then neither read nor watched. */
  secrets?: SecretsFile;
  host?: string;
  port?: number;
  maxBodyBytes?: number;
  /** Where the gateway keeps what must outlive a restart (used nonces); `.apigw-local/` beside the project by default. */
  stateDir?: string;
  /** Access log file; stdout (the `out` stream) when absent. */
  logFile?: string;
  logLevel?: LogLevel;
  /** Where "Listening on" and the access log go. */
  out: Writable;
  /** Where problems and warnings go. */
  err: Writable;
  debounceMs?: number;
  /** Told of every reload attempt: applied, or refused with its problems. */
  onReload?: (outcome: ReloadOutcome) => void;
}

export interface ReloadOutcome {
  ok: boolean;
  problems: string[];
  warnings: string[];
}

export interface ServingProject {
  gateway: LocalGateway;
  host: string;
  port: number;
  /** Serves new secrets with the project being served (the console sends them when they change). */
  updateSecrets(secrets: SecretsFile): ReloadOutcome;
  stop(): Promise<void>;
}

/** Starts serving; rejects with an Error listing every problem when the files are not valid. */
export async function serveProjectFile(options: ServeOptions): Promise<ServingProject> {
  const secretsPath = options.secretsPath ?? defaultSecretsPath(options.projectPath);
  const level = options.logLevel ?? 'info';
  const say = (line: string) => options.err.write(line + '\n');

  let givenSecrets = options.secrets;
  const loaded = await loadProjectFiles(options.projectPath, secretsPath, givenSecrets);
  if (!loaded.ok) {
    throw new Error(`Cannot serve ${options.projectPath}: fix these problems and start again.\n  ${loaded.problems.join('\n  ')}`);
  }
  let log: AccessLogSink;
  try {
    log = createAccessLog(level, options.logFile ? { file: options.logFile } : { stream: options.out });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`Cannot open the access log ${options.logFile} (${code}): check that its folder exists and is writable, or leave out --log.`);
  }
  // Used nonces stay used across restarts: a replay within its window is refused by the next gateway too.
  const nonces = openNonceJournal({ dir: options.stateDir ?? defaultStateDir(options.projectPath), name: path.basename(options.projectPath) });
  const gateway = createLocalGateway({
    project: loaded.project,
    secrets: loaded.secrets,
    host: options.host,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    log,
    nonceStore: nonces.store,
  });
  const warn = (warnings: string[]) => {
    if (level === 'info' || level === 'debug') for (const w of warnings) say(`Warning: ${w}`);
  };
  warn(nonces.warning === undefined ? gateway.warnings : [...gateway.warnings, nonces.warning]);

  let listening: { host: string; port: number };
  try {
    listening = await gateway.listen();
  } catch (error) {
    await log.close();
    nonces.close();
    throw new Error(`Cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${(error as Error).message}. Choose another --port or --host.`);
  }
  const { host, port } = listening;
  // One write, so a reader sees the Listening line and the group lines together.
  let banner = `Listening on ${listenedAt(host, port)}\n`;
  for (const group of gateway.runtime.groups) {
    const stages = stagesWithApis(group);
    const served = stages.length > 0 ? `stages with APIs: ${stages.join(', ')}` : 'no API deployed yet';
    // The address people copy: with the group's BasePath, which every API path of the group follows.
    banner += `  group ${group.name}: ${localGroupUrl(group.name, group.basePath, port)} (${served})\n`;
  }
  banner += ownAddressLine(gateway.runtime, listenedAt(host, port));
  options.out.write(banner);

  // The version being served, so new secrets can be served with it.
  let project = loaded.project;
  const watcher: Watcher = watchProjectFiles({
    projectPath: options.projectPath,
    secretsPath,
    initialHash: loaded.hash,
    debounceMs: options.debounceMs,
    givenSecrets: givenSecrets ? () => givenSecrets as SecretsFile : undefined,
    onChange: (next) => {
      const result = gateway.reload(next.project, next.secrets);
      if (result.ok) project = next.project;
      options.onReload?.({ ok: result.ok, problems: result.error ? [result.error] : [], warnings: result.warnings });
      if (!result.ok) {
        if (level !== 'silent') say(`Kept serving the previous version: ${result.error}`);
        return;
      }
      if (level === 'info' || level === 'debug') say(`Reloaded ${options.projectPath}`);
      warn(result.warnings);
    },
    onProblems: (problems) => {
      options.onReload?.({ ok: false, problems, warnings: [] });
      if (level === 'silent') return;
      say(`Kept serving the previous version: ${options.projectPath} has problems:`);
      for (const problem of problems) say(`  ${problem}`);
    },
  });

  return {
    gateway,
    host,
    port,
    updateSecrets(secrets) {
      givenSecrets = secrets;
      const result = gateway.reload(project, secrets);
      if (!result.ok && level !== 'silent') say(`Kept serving the previous secrets: ${result.error}`);
      return { ok: result.ok, problems: result.error ? [result.error] : [], warnings: result.warnings };
    },
    async stop() {
      watcher.close();
      await gateway.close();
      nonces.close();
    },
  };
}

function listenedAt(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Which group the gateway's own address reaches, and why; or how to make it reach one. */
function ownAddressLine(runtime: Runtime, address: string): string {
  const picked = runtime.ownAddress;
  if (picked) return `  ${address} answers group ${picked.group.name}: ${OWN_ADDRESS_REASONS[picked.by]}\n`;
  if (runtime.groups.length === 0) return '';
  return `  ${address} answers no group (I404DO): call a group's address, or name one in the design file as localGateway.defaultGroup\n`;
}
