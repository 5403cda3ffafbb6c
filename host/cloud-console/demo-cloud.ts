/**
 * Demo mode's cloud: the offline cloud and its data plane, started inside the host the first time
 * the console needs a cloud and no profile is active, on 127.0.0.1 only, with its state in
 * `<dataDir>/offline-cloud` (the same place `apigw-studio cloud-sim` uses by default). The host
 * holds its admin token (`sim.adminToken`) for /_sim/; a test that knows the data dir reads it
 * from `offline-cloud-admin.json` there.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type CloudDataPlane, type CloudSim, type CloudSimOptions, startCloudSim, startDataPlane, STATE_FILE_NAME } from '../../offline-cloud';

export interface RunningDemoCloud {
  sim: CloudSim;
  plane: CloudDataPlane;
  dataDir: string;
}

export interface DemoCloudOptions {
  dataDir: string;
  /** More options for the offline cloud (tests: faster instance lifecycles). */
  sim?: Omit<CloudSimOptions, 'dataDir' | 'port'>;
  log?: (line: string) => void;
}

/** Where demo mode's offline cloud keeps its files, under the app's data dir. */
export function demoCloudDataDir(appDataDir: string): string {
  return join(appDataDir, 'offline-cloud');
}

export class DemoCloud {
  private starting?: Promise<RunningDemoCloud>;
  readonly dataDir: string;

  constructor(private readonly options: DemoCloudOptions) {
    this.dataDir = demoCloudDataDir(options.dataDir);
  }

  /** The running offline cloud, started on first use; a failed start is retried on the next call. */
  ensure(): Promise<RunningDemoCloud> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  running(): boolean {
    return this.starting !== undefined;
  }

  /** Stops it, removes its state, and starts it again with what a new account finds. */
  async reset(): Promise<RunningDemoCloud> {
    await this.close();
    await rm(join(this.dataDir, STATE_FILE_NAME), { force: true });
    await rm(join(this.dataDir, `${STATE_FILE_NAME}.bak`), { force: true });
    return this.ensure();
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    if (!starting) return;
    const running = await starting.catch(() => undefined);
    if (!running) return;
    await running.plane.close();
    await running.sim.close();
  }

  private async start(): Promise<RunningDemoCloud> {
    const log = this.options.log ?? (() => {});
    // Only the demo account: keys in this process's environment must not open the offline cloud to them.
    const sim = await startCloudSim({ ...this.options.sim, port: 0, dataDir: this.dataDir, demo: true, env: {} });
    try {
      const plane = await startDataPlane(sim, { port: 0, host: '127.0.0.1', log });
      return { sim, plane, dataDir: this.dataDir };
    } catch (error) {
      await sim.close();
      throw error;
    }
  }
}
