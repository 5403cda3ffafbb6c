/**
 * Runs the local gateway as its own process on the open project: starts it on 127.0.0.1, hands it
 * the apps' secrets over the message channel (never argv or env), restarts it with backoff when it
 * crashes, re-sends the secrets when they change, and passes its access records on to the UI.
 *
 * States: stopped → starting → listening (→ reloads) → crashed → restarting → listening … → stopped.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AccessLogRecord, GatewayStatus } from '../../shared/ipc/contract';
import type { SecretsFile, Stage } from '../../shared/model/schema';
import { defaultAppRoot } from '../base/app-paths';
import { HostError } from '../base/host-error';
import { type FileWatch, watchFile } from '../workspace';
import { SerialQueue } from '../base/serial-queue';
import { AccessFeed } from './access-feed';
import { type BackoffTiming, DEFAULT_BACKOFF, formatDelay, restartDelayMs } from './backoff';
import { gatewayEnv } from './child-env';
import { type ForkGateway, type GatewayProcess, type GatewaySpawn, parseChildMessage } from './gateway-process';
import { forkWithNode } from './node-fork';

export interface SupervisorTiming extends BackoffTiming {
  /** Listening this long without a crash resets the backoff. */
  healthyAfterMs: number;
  /** Access records are handed on at least this often while calls come in. */
  logBatchMs: number;
  /** How long a stopped gateway may take to finish its calls before it is killed. */
  stopGraceMs: number;
  /** Quiet time before a change of the secrets file is acted on. */
  watchDebounceMs: number;
}

const DEFAULT_TIMING: SupervisorTiming = { ...DEFAULT_BACKOFF, healthyAfterMs: 60_000, logBatchMs: 200, stopGraceMs: 5_000, watchDebounceMs: 150 };
const HOST = '127.0.0.1';
const STDERR_TAIL_CHARS = 2_000;

export interface SupervisorOptions {
  /** The open project's file. */
  projectPath: () => string;
  /** Its secrets file, watched so that changes reach the gateway. */
  secretsPath: () => string;
  /** Reads the secrets to hand over (throws when the secrets file fails to load). */
  loadSecrets: () => Promise<SecretsFile>;
  onStatus: (status: GatewayStatus) => void;
  onLog: (records: AccessLogRecord[]) => void;
  /** How to start the process: child_process.fork by default; utilityProcess.fork in the desktop app. */
  fork?: ForkGateway;
  /** The gateway program; `<appRoot>/bin/apigw-local.js` by default (it runs dist/local-gateway/gateway.cjs when that matches the sources, bin/bundle-or-sources.js). */
  gatewayEntry?: string;
  /** The environment the process gets; gatewayEnv() (a short allow-list of the host's) by default. */
  env?: Record<string, string>;
  timing?: Partial<SupervisorTiming>;
}

export interface GatewaySupervisor {
  /** Starts the gateway (or returns its status when it runs on that port already); resolves once it listens. */
  start(request?: { port?: number; defaultStage?: Stage }): Promise<GatewayStatus>;
  stop(): Promise<GatewayStatus>;
  status(): GatewayStatus;
  /** The most recent access records, oldest first. */
  recentLog(): AccessLogRecord[];
  /** Re-reads the secrets and hands them over when they changed (credentials created, rotated, deleted). */
  secretsChanged(): Promise<void>;
  /** Another project was opened: serve it instead, when running. */
  projectChanged(): Promise<void>;
  /** Stops the gateway and everything watching (the app is quitting). */
  close(): Promise<void>;
}

/** One process, from fork to exit. */
interface Run {
  process: GatewayProcess;
  listened: boolean;
  stderr: string;
  exited: Promise<void>;
  /** Settles when it listens (true) or ends first (false). */
  ready: Promise<boolean>;
}

export function createSupervisor(options: SupervisorOptions): GatewaySupervisor {
  return new Supervisor(options);
}

class Supervisor implements GatewaySupervisor {
  private readonly timing: SupervisorTiming;
  private readonly fork: ForkGateway;
  private readonly entry: string;
  private readonly feed: AccessFeed;
  private readonly queue = new SerialQueue();
  private current: GatewayStatus = { state: 'stopped', defaultStage: 'RELEASE', restarts: 0 };
  private run: Run | undefined;
  /** The user asked for it to run: a process that ends is then restarted. */
  private wanted = false;
  private requestedPort = 0;
  /** The port it last listened on; a restart takes it again, so the URL stays the same. */
  private lastPort: number | undefined;
  /** Crashes in a row, for the backoff. */
  private crashesInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private secretsWatch: FileWatch | undefined;
  /** A hash of the secrets last handed over, so that an unchanged file is not sent again. */
  private sentSecrets = '';

  constructor(private readonly options: SupervisorOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.fork = options.fork ?? forkWithNode;
    this.entry = options.gatewayEntry ?? join(defaultAppRoot(), 'bin', 'apigw-local.js');
    this.feed = new AccessFeed((records) => options.onLog(records), 2_000, this.timing.logBatchMs);
  }

  status(): GatewayStatus {
    return { ...this.current };
  }

  recentLog(): AccessLogRecord[] {
    return this.feed.recent();
  }

  start(request: { port?: number; defaultStage?: Stage } = {}): Promise<GatewayStatus> {
    return this.queue.run(async () => {
      if (request.defaultStage) this.current.defaultStage = request.defaultStage;
      if (this.wanted) {
        const samePort = request.port === undefined || request.port === this.requestedPort || request.port === this.lastPort;
        if (samePort) {
          this.publish({});
          return this.status();
        }
        await this.end('Stopped to start on another port');
      }
      this.wanted = true;
      this.requestedPort = request.port ?? 0;
      this.lastPort = undefined;
      this.crashesInARow = 0;
      // A fresh start: its crash count and reload start over (published with `starting`).
      this.current = { ...this.current, restarts: 0 };
      delete this.current.lastReload;
      this.watchSecrets();
      await this.launch('starting');
      return this.status();
    });
  }

  stop(): Promise<GatewayStatus> {
    return this.queue.run(async () => {
      await this.end('Stopped');
      return this.status();
    });
  }

  projectChanged(): Promise<void> {
    return this.queue.run(async () => {
      if (!this.wanted) return;
      const run = this.run;
      this.run = undefined;
      if (run) await this.terminate(run);
      this.watchSecrets();
      await this.launch('starting').catch(() => undefined);
    });
  }

  async secretsChanged(): Promise<void> {
    const run = this.run;
    if (!run) return;
    let secrets: SecretsFile;
    try {
      secrets = await this.options.loadSecrets();
    } catch (error) {
      this.publish({ message: `Kept the previous credentials: ${(error as Error).message}` });
      return;
    }
    const hash = hashOf(secrets);
    if (hash === this.sentSecrets || this.run !== run) return;
    this.sentSecrets = hash;
    run.process.send({ type: 'secrets', secrets });
  }

  async close(): Promise<void> {
    await this.stop();
    this.feed.flush();
  }

  /** Forks a process and waits until it listens; a first start that fails is reported and thrown. */
  private async launch(state: 'starting' | 'restarting'): Promise<void> {
    let secrets: SecretsFile;
    let spawn: GatewaySpawn;
    try {
      secrets = await this.options.loadSecrets();
      spawn = this.spawnFor(this.options.projectPath());
    } catch (error) {
      return this.failedToLaunch(state, (error as Error).message);
    }
    if (state === 'starting') this.publish({ state, url: undefined, port: undefined, message: 'Starting the local gateway…' });
    else if (this.current.state !== state) this.publish({ state });
    const run = this.forkRun(spawn);
    this.sentSecrets = hashOf(secrets);
    run.process.send({ type: 'secrets', secrets });
    const listening = await run.ready;
    if (!listening && state === 'starting' && this.wanted && this.run === undefined) {
      this.wanted = false;
      this.stopWatching();
      const reason = `Could not start the local gateway: ${whyEnded(run.stderr)}`;
      this.publish({ state: 'stopped', url: undefined, port: undefined, message: reason });
      throw new HostError('GATEWAY_FAILED', reason);
    }
  }

  private failedToLaunch(state: 'starting' | 'restarting', reason: string): void {
    if (state === 'restarting') return this.crashed('could not restart', reason);
    this.wanted = false;
    this.stopWatching();
    const message = `Could not start the local gateway: ${reason}`;
    this.publish({ state: 'stopped', url: undefined, port: undefined, message });
    throw new HostError('GATEWAY_FAILED', message);
  }

  private spawnFor(projectPath: string): GatewaySpawn {
    const port = this.requestedPort !== 0 ? this.requestedPort : (this.lastPort ?? 0);
    return {
      modulePath: this.entry,
      // The access log reaches the console as messages; the process writes none of its own.
      args: ['serve', projectPath, '--secrets-from-parent', '--host', HOST, '--port', String(port), '--log-level', 'silent'],
      env: this.options.env ?? gatewayEnv(),
    };
  }

  private forkRun(spawn: GatewaySpawn): Run {
    let settleReady: (listening: boolean) => void = () => {};
    let settleExited: () => void = () => {};
    const run = {
      listened: false,
      stderr: '',
      ready: new Promise<boolean>((resolve) => (settleReady = resolve)),
      exited: new Promise<void>((resolve) => (settleExited = resolve)),
    } as Run;
    run.process = this.fork(spawn, {
      onMessage: (message) => {
        if (this.run !== run) return;
        if (this.onMessage(run, message)) settleReady(true);
      },
      onStderr: (text) => {
        run.stderr = (run.stderr + text).slice(-STDERR_TAIL_CHARS);
      },
      onExit: (code, signal) => {
        settleReady(false);
        settleExited();
        if (this.run !== run) return;
        this.run = undefined;
        this.exited(run, code, signal);
      },
    });
    this.run = run;
    return run;
  }

  /** Acts on one message; true when it says the process listens. */
  private onMessage(run: Run, raw: unknown): boolean {
    const message = parseChildMessage(raw);
    if (!message) return false;
    if (message.type === 'access') {
      for (const record of message.records) this.feed.push(record);
      return false;
    }
    if (message.type === 'reload') {
      const lastReload = { at: new Date().toISOString(), ok: message.ok, problems: message.problems };
      const what = message.cause === 'secrets' ? "Reloaded the apps' credentials" : 'Reloaded after save';
      this.publish({ lastReload, message: message.ok ? what : `Kept serving the previous version: ${message.problems[0] ?? 'the new one has problems'}` });
      return false;
    }
    const restarted = this.current.state === 'restarting';
    run.listened = true;
    this.lastPort = message.port;
    const url = `http://${HOST}:${message.port}`;
    this.publish({ state: 'listening', port: message.port, url, message: restarted ? `Restarted after a crash; listening on ${url}` : `Listening on ${url}` });
    clearTimeout(this.healthTimer);
    this.healthTimer = setTimeout(() => (this.crashesInARow = 0), this.timing.healthyAfterMs);
    this.healthTimer.unref();
    return true;
  }

  private exited(run: Run, code: number | null, signal: string | null): void {
    clearTimeout(this.healthTimer);
    if (!this.wanted) return;
    // A first start that never listened is reported by launch(); anything else is a crash.
    if (!run.listened && this.current.state === 'starting') return;
    // The port it had may be taken now; a free one is better than a restart loop.
    if (!run.listened && this.requestedPort === 0) this.lastPort = undefined;
    const how = code !== null ? `exit code ${code}` : signal ? `killed by ${signal}` : 'did not start';
    this.crashed(how, run.stderr.trim() === '' ? undefined : whyEnded(run.stderr));
  }

  /** Says so, then restarts after the backoff: "Crashed (exit code 1); restarting in 2 s. <why>". */
  private crashed(how: string, why?: string): void {
    this.crashesInARow++;
    const delay = restartDelayMs(this.crashesInARow, this.timing);
    const message = `Crashed (${how}); restarting in ${formatDelay(delay)}${why ? `. ${why}` : ''}`;
    this.publish({ state: 'crashed', url: undefined, port: undefined, restarts: this.current.restarts + 1, message });
    this.publish({ state: 'restarting' });
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.queue.run(async () => {
        if (this.wanted && !this.run) await this.launch('restarting');
      });
    }, delay);
  }

  /** Stops the process for good and says so. */
  private async end(message: string): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    clearTimeout(this.healthTimer);
    this.stopWatching();
    const run = this.run;
    this.run = undefined;
    if (run) await this.terminate(run);
    if (run || this.current.state !== 'stopped') this.publish({ state: 'stopped', url: undefined, port: undefined, message });
  }

  /** Asks the process to finish its calls and end; kills it when it takes longer than the grace. */
  private async terminate(run: Run): Promise<void> {
    run.process.send({ type: 'stop' });
    run.process.kill();
    const timer = setTimeout(() => run.process.kill(true), this.timing.stopGraceMs);
    await run.exited;
    clearTimeout(timer);
  }

  private watchSecrets(): void {
    this.stopWatching();
    let path: string;
    try {
      path = this.options.secretsPath();
    } catch {
      return;
    }
    this.secretsWatch = watchFile(path, () => void this.secretsChanged(), this.timing.watchDebounceMs);
  }

  private stopWatching(): void {
    this.secretsWatch?.close();
    this.secretsWatch = undefined;
  }

  private publish(change: Partial<GatewayStatus>): void {
    this.current = { ...this.current, ...change };
    for (const key of Object.keys(this.current) as (keyof GatewayStatus)[]) if (this.current[key] === undefined) delete this.current[key];
    this.options.onStatus(this.status());
  }
}

/** The gateway's own words on why it stopped, on one line (it never prints a secret). */
function whyEnded(stderr: string): string {
  const text = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/^apigw-local serve: /, '');
  return text === '' ? 'the gateway process ended without saying why' : text;
}

function hashOf(secrets: SecretsFile): string {
  return createHash('sha256').update(JSON.stringify(secrets)).digest('hex');
}
