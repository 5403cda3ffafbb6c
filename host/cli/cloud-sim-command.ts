/**
 * `apigw-studio cloud-sim`: runs the offline cloud on 127.0.0.1 and its data plane (what its
 * stages serve, on a second port), prints both URLs, the demo account's keys and this start's
 * admin token for /_sim/, and serves until SIGINT/SIGTERM. An account in ALIBABA_CLOUD_ACCESS_KEY_ID /
 * _SECRET is served too; only its masked AccessKeyId is printed.
 */
import { join } from 'node:path';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { type CloudDataPlane, type CloudSim, DEFAULT_INSTANCE_DELAY_MS, DEMO_ACCOUNT, startCloudSim, startDataPlane } from '../../offline-cloud';
import { defaultDataDir } from '../base/app-paths';
import { type CliIo, EXIT, absolutePath, stopSignal } from './cli-io';
import type { CliCommand } from './command';

export interface CloudSimRun {
  port: number;
  /** The data plane's port (0: any free one). */
  gatewayPort?: number;
  dataDir: string;
  /** How long a dedicated instance stays CREATING, MODIFYING or DELETING (default DEFAULT_INSTANCE_DELAY_MS). */
  instanceDelayMs?: number;
  env: NodeJS.ProcessEnv;
  /** Resolves when the offline cloud should stop. */
  stopped: Promise<unknown>;
}

export function defaultCloudSimDataDir(): string {
  return join(defaultDataDir(), 'offline-cloud');
}

export const cloudSimCommand: CliCommand = {
  name: 'cloud-sim',
  args: '[options]',
  summary: 'Run the offline cloud, the OpenAPI emulator behind demo mode',
  options: {
    port: { type: 'string' },
    'gateway-port': { type: 'string' },
    data: { type: 'string' },
    'instance-delay-ms': { type: 'string' },
  },
  optionHelp: [
    '--port N      Listen on port N of 127.0.0.1 (default 0: any free port)',
    '--gateway-port N  Serve the deployed APIs on port N of 127.0.0.1 (default 0: any free port)',
    `--data DIR    Keep the offline cloud's state here (default ${defaultCloudSimDataDir()})`,
    `--instance-delay-ms N  How long a bought, changed or deleted gateway instance stays CREATING, MODIFYING or DELETING (default ${DEFAULT_INSTANCE_DELAY_MS})`,
    'Also serves the account in ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET when both are set.',
  ],
  async run({ positionals, values, io }) {
    const usage = (message: string) => {
      io.err(`apigw-studio cloud-sim: ${message}. usage: apigw-studio cloud-sim ${cloudSimCommand.args}`);
      return EXIT.usage;
    };
    if (positionals.length > 0) return usage(`unexpected argument ${positionals[0]}`);
    const ports: number[] = [];
    for (const option of ['port', 'gateway-port'] as const) {
      const text = values[option] ?? '0';
      if (typeof text !== 'string' || !/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
        return usage(`--${option} takes a number from 0 to 65535, not ${String(values[option])}`);
      }
      ports.push(Number(text));
    }
    const delayText = values['instance-delay-ms'] ?? String(DEFAULT_INSTANCE_DELAY_MS);
    if (typeof delayText !== 'string' || !/^\d{1,7}$/.test(delayText)) {
      return usage(`--instance-delay-ms takes a number of milliseconds from 0 to 9999999, not ${String(values['instance-delay-ms'])}`);
    }
    const dataDir = typeof values.data === 'string' ? absolutePath(io, values.data) : defaultCloudSimDataDir();
    return runCloudSim({ port: ports[0], gatewayPort: ports[1], dataDir, instanceDelayMs: Number(delayText), env: process.env, stopped: stopSignal() }, io);
  },
};

export async function runCloudSim(options: CloudSimRun, io: CliIo): Promise<number> {
  let sim: CloudSim;
  try {
    sim = await startCloudSim({ port: options.port, dataDir: options.dataDir, instanceDelayMs: options.instanceDelayMs, env: options.env });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.err(`apigw-studio cloud-sim: cannot listen on 127.0.0.1:${options.port} (${code}); choose another port with --port, or --port 0 for any free one`);
    } else {
      io.err(`apigw-studio cloud-sim: ${(error as Error).message}`);
    }
    return EXIT.usage;
  }
  let plane: CloudDataPlane;
  try {
    plane = await startDataPlane(sim, { port: options.gatewayPort ?? 0, log: (line) => io.err(line) });
  } catch (error) {
    await sim.close();
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`apigw-studio cloud-sim: cannot serve the data plane on 127.0.0.1:${options.gatewayPort ?? 0} (${code ?? (error as Error).message}); choose another port with --gateway-port`);
    return EXIT.usage;
  }
  io.out(`Offline cloud: ${sim.url}`);
  io.out(`Gateway: ${plane.url}`);
  io.out(`Deployed APIs answer at http://<group>.localhost:${plane.port}<group's BasePath><path> (X-Ca-Stage picks the stage, RELEASE by default).`);
  io.out(`Demo account: AccessKeyId ${DEMO_ACCOUNT.accessKeyId}  AccessKeySecret ${DEMO_ACCOUNT.accessKeySecret}`);
  for (const account of sim.accounts.filter((candidate) => candidate.label === 'environment')) {
    io.out(`Also serving the account of ALIBABA_CLOUD_ACCESS_KEY_ID (${maskAccessKeyId(account.accessKeyId)})`);
  }
  io.out(`State: ${sim.store.path}`);
  io.out(`Admin token: ${sim.adminToken}  (send it as X-Sim-Admin-Token to /_sim/)`);
  io.out('Press Ctrl+C to stop.');
  await options.stopped;
  await plane.close();
  await sim.close();
  io.out('Offline cloud stopped.');
  return EXIT.ok;
}
