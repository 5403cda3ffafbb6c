/**
 * Wires the host's services to the contract: one handler per call, one event emitter. Both
 * transports (Electron IPC in main.ts, HTTP in web-host/) take these and a dispatcher.
 */
import { join, resolve } from 'node:path';
import type { AppInfo, CallOutcome } from '../../shared/ipc/contract';
import { secretsFileNameFor } from '../../shared/project-file';
import { type CloudConnection, createCloudConsole, testConnection } from '../cloud-console';
import type { DemoCloudOptions } from '../cloud-console';
import type { ForkGateway } from '../gateway-supervisor';
import { InstanceService } from '../instances';
import { createSupervisor, readProjectSecrets } from '../gateway-supervisor';
import { readAppInfo, type Vault } from '../settings';
import { CredentialsService } from '../credentials';
import { DebugService } from '../debugger';
import { ExportService, ImportService } from '../openapi';
import { type ChooseFile, WorkspaceService } from '../workspace';
import { FileVault } from '../vault';
import type { Vault as SecretVault } from '../vault';
import { defaultAppRoot } from '../base/app-paths';
import { prepareDataDir } from '../../shared/node/data-dir';
import { type Dispatcher, type HostHandlers, createDispatcher } from '../base/dispatch';
import { FileAccess, resolveUserPath } from '../base/file-access';
import { HostEvents } from '../base/host-events';

export interface HostServicesOptions {
  /** Settings, recent projects and the first-start copy of the quickstart live here. */
  dataDir: string;
  /** The project to open; otherwise the most recent, otherwise the quickstart in demo mode. */
  projectPath?: string;
  mode: AppInfo['mode'];
  /** The app's folder (package.json, examples/); the repo or bundle root by default. */
  appRoot?: string;
  /** The desktop app's native file dialog; browser mode has none. */
  chooseFile?: ChooseFile;
  /** The desktop app's vault description; a 0600-file vault otherwise. */
  vault?: Vault;
  /** Quiet time before a change of the project file on disk is reported. */
  watchDebounceMs?: number;
  /** How the local gateway process is started: utilityProcess.fork in the desktop app; child_process.fork otherwise. */
  forkGateway?: ForkGateway;
  /** The local gateway program; `<appRoot>/bin/apigw-local.js` by default, which starts from its bundle when that matches the sources. */
  gatewayEntry?: string;
  /** Where cloud keys are kept: safeStorage in the desktop app; the data dir's 0600 file vault otherwise. */
  secretVault?: SecretVault;
  /** Options for demo mode's offline cloud (tests and e2e: a fast instance lifecycle). */
  demoSim?: DemoCloudOptions['sim'];
  /** How often a gateway purchase looks at its instance until it runs (default 2 s; tests: less). */
  instancePollMs?: number;
  /** The host's log (never secrets). */
  log?: (line: string) => void;
}

export interface HostServices {
  handlers: HostHandlers;
  /** The door both transports use: the handlers behind the contract's checks and the file-access rule. */
  dispatcher: Dispatcher;
  /** Opens a project the user named outside the page (a command line, the File menu), through the same door. */
  openChosen(path: string): Promise<CallOutcome>;
  events: HostEvents;
  workspace: WorkspaceService;
  cloud: CloudConnection;
  instances: InstanceService;
  close(): Promise<void>;
}

/** Starts the services and opens the first project (a WorkspaceError if `projectPath` cannot be read). */
export async function createHostServices(options: HostServicesOptions): Promise<HostServices> {
  const dataDir = resolve(options.dataDir);
  const appRoot = options.appRoot ?? defaultAppRoot();
  await prepareDataDir(dataDir);
  const events = new HostEvents();
  const workspace = new WorkspaceService({ dataDir, appRoot, events, chooseFile: options.chooseFile, watchDebounceMs: options.watchDebounceMs });
  const files = new FileAccess({ dataDir, typedPaths: !options.chooseFile, recent: async () => (await workspace.recent()).map((entry) => entry.path) });
  // The command line chose this one.
  if (options.projectPath !== undefined) files.grant(resolveUserPath(options.projectPath));
  await workspace.start(options.projectPath);
  const credentials = new CredentialsService({ projectPath: () => workspace.projectPath() });
  const currentProject = () => workspace.project();
  const importer = new ImportService({ currentProject });
  const exporter = new ExportService({ currentProject });
  const projectPath = () => workspace.projectPath();
  const gateway = createSupervisor({
    projectPath,
    secretsPath: () => secretsFileNameFor(projectPath()),
    loadSecrets: () => readProjectSecrets(projectPath()),
    onStatus: (status) => events.emit('agw:gateway.status', status),
    onLog: (records) => events.emit('agw:gateway.log', records),
    fork: options.forkGateway,
    gatewayEntry: options.gatewayEntry ?? join(appRoot, 'bin', 'apigw-local.js'),
  });
  const cloudConsole = createCloudConsole({
    dataDir,
    vault: options.secretVault ?? new FileVault({ dataDir }),
    workspace,
    events,
    demoSim: options.demoSim,
    log: options.log,
  });
  const cloud = cloudConsole.connection;
  const instances = new InstanceService({
    dataDir,
    openCloud: async () => {
      const session = await cloud.session();
      return { key: session.view.profileKey, region: session.view.region, client: session.client };
    },
    onPurchase: (progress) => events.emit('agw:instances.purchase', progress),
    pollMs: options.instancePollMs,
    calls: cloud.calls,
    log: options.log,
  });
  // Purchases the app was following when it stopped go on (buying was asked for; CreateInstance's Token keeps a resend from buying twice).
  void instances.resume().catch((error: unknown) => options.log?.(`gateway purchases: could not pick them up again: ${(error as Error).message}`));
  const debug = new DebugService({
    gatewayStatus: () => gateway.status(),
    cloudTarget: (group) => cloudConsole.callTarget.address(group),
    cloudCredentials: (app) => cloudConsole.callTarget.appCredentials(app),
    projectPath,
    project: currentProject,
    loadSecrets: readProjectSecrets,
  });
  // The gateway serves the open project; a credentials change reaches it at once (the file watch would too, a little later).
  const stopFollowingProject = events.on('agw:project.opened', () => void gateway.projectChanged());
  const thenResendSecrets = <T>(result: Promise<T>) => result.finally(() => void gateway.secretsChanged());

  const handlers: HostHandlers = {
    'agw:app.info': () => readAppInfo({ mode: options.mode, dataDir, appRoot, vault: options.vault }),
    'agw:project.current': () => workspace.current(),
    'agw:project.open': (path) => workspace.open(path),
    'agw:project.create': (request) => workspace.create(request),
    'agw:project.save': (request) => workspace.save(request),
    'agw:project.chooseFile': async (request) => {
      const choice = await workspace.chooseFile(request);
      // The user picked it in the dialog: the open, create or import that follows may use it.
      if (choice.path !== undefined) files.grant(choice.path);
      return choice;
    },
    'agw:project.recent': () => workspace.recent(),
    'agw:project.text': () => workspace.text(),
    'agw:apps.createCredentials': (request) => thenResendSecrets(credentials.createCredentials(request)),
    'agw:apps.credentials': (request) => credentials.credentials(request),
    'agw:apps.revealSecret': (request) => credentials.revealSecret(request),
    'agw:apps.rotateSecret': (request) => thenResendSecrets(credentials.rotateSecret(request)),
    'agw:apps.deleteCredentials': (request) => thenResendSecrets(credentials.deleteCredentials(request)),
    'agw:apps.renameCredentials': (request) => thenResendSecrets(credentials.renameCredentials(request)),
    'agw:import.preview': (request) => importer.preview(request),
    'agw:export.openapi': (request) => exporter.openApi(request),
    'agw:gateway.start': (request) => gateway.start(request),
    'agw:gateway.stop': () => gateway.stop(),
    'agw:gateway.status': async () => gateway.status(),
    'agw:gateway.recentLog': async () => gateway.recentLog(),
    'agw:debug.prepare': (request) => debug.prepare(request),
    'agw:debug.send': (request) => debug.send(request),
    'agw:debug.snippets': (request, options) => debug.snippets(request, options),
    'agw:cloud.profiles': () => cloudConsole.profiles.list(),
    'agw:cloud.saveProfile': (input) => cloudConsole.profiles.save(input),
    'agw:cloud.deleteProfile': ({ name }) => cloudConsole.profiles.delete(name),
    'agw:cloud.activate': ({ profile }) => cloudConsole.profiles.activate(profile),
    'agw:cloud.testConnection': (request) => testConnection(cloud, request),
    'agw:cloud.connection': () => cloud.view(),
    'agw:cloud.resetDemo': () => cloudConsole.profiles.resetDemo(),
    'agw:cloud.pullPreview': () => cloudConsole.pull.preview(),
    'agw:cloud.pullMerge': () => cloudConsole.pull.merge(),
    'agw:cloud.plan': (request) => cloudConsole.review.plan(request),
    'agw:cloud.apply': (request) => cloudConsole.review.apply(request),
    'agw:cloud.cancel': ({ jobId }) => Promise.resolve(cloudConsole.jobs.cancel(jobId)),
    'agw:cloud.retry': (request) => cloudConsole.jobRetry.retry(request),
    'agw:cloud.job': async () => cloudConsole.jobs.current(),
    'agw:cloud.syncLog': () => cloudConsole.jobs.log(),
    'agw:cloud.callLog': () => cloud.calls.list(),
    'agw:cloud.callRun': (request) => cloud.calls.get(request.runId),
    'agw:cloud.stages': () => cloudConsole.stages.view(),
    'agw:cloud.stageAction': (request) => cloudConsole.stages.act(request),
    'agw:instances.list': () => instances.list(),
    'agw:instances.show': ({ instanceId }) => instances.show(instanceId),
    'agw:instances.context': () => instances.context(),
    'agw:instances.check': (request) => instances.check(request),
    'agw:instances.buy': (request) => instances.buy(request),
    'agw:instances.retryPurchase': (request) => instances.retryPurchase(request),
    'agw:instances.modify': (request) => instances.modify(request),
    'agw:instances.delete': (request) => instances.delete(request),
  };
  const close = async () => {
    stopFollowingProject();
    // The gateway process must not outlive the app.
    await gateway.close();
    // Purchases stop being followed before demo mode's offline cloud goes away; they go on at the next start.
    await instances.close();
    await cloud.close();
    await workspace.close();
  };
  const dispatcher = createDispatcher(handlers, { files });
  const openChosen = (path: string) => {
    files.grant(resolveUserPath(path));
    return dispatcher.dispatch('agw:project.open', [path]);
  };
  return { handlers, dispatcher, openChosen, events, workspace, cloud, instances, close };
}
