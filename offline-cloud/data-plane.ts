/**
 * The offline cloud's data plane: the local gateway serving what the offline cloud's stages
 * serve, at `http://<group-label>.localhost:<port>` (the label is the group's name as a DNS
 * label, shared/gateway/local-hosts.ts; X-Ca-Stage picks the stage, RELEASE by default). It reloads
 * after every CloudAPI write, so a DeployApi is callable as soon as its answer arrives.
 */
import { type LocalGateway, createLocalGateway } from '../local-gateway/server';
import type { CloudSim } from './cloud-sim';
import { deployedProject } from './deployed-project';

export interface DataPlaneOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Warnings about what cannot be served, one line each. */
  log?: (line: string) => void;
}

export interface CloudDataPlane {
  readonly url: string;
  readonly port: number;
  readonly gateway: LocalGateway;
  /** Rebuilds what is served from the offline cloud's state now (done after every CloudAPI write). */
  reload(): void;
  close(): Promise<void>;
}

export async function startDataPlane(sim: CloudSim, options: DataPlaneOptions = {}): Promise<CloudDataPlane> {
  const log = options.log ?? (() => {});
  const first = deployedProject(sim.store);
  first.warnings.forEach((line) => log(`data plane: ${line}`));
  const gateway = createLocalGateway({ project: first.project, secrets: first.secrets, host: options.host, port: options.port ?? 0 });
  const { host, port } = await gateway.listen();

  let lastWarnings = new Set(first.warnings);
  const reload = () => {
    let built;
    try {
      built = deployedProject(sim.store);
    } catch (error) {
      log(`data plane: what the offline cloud deploys could not be read (${(error as Error).message}); the previous version keeps serving.`);
      return;
    }
    // Say each warning once, not on every write.
    for (const line of built.warnings) if (!lastWarnings.has(line)) log(`data plane: ${line}`);
    lastWarnings = new Set(built.warnings);
    const result = gateway.reload(built.project, built.secrets);
    if (!result.ok) log(`data plane: the new version was refused (${result.error}); the previous version keeps serving.`);
  };
  const stopListening = sim.onWrite((write) => {
    if (write.product === 'CloudAPI') reload();
  });

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    gateway,
    reload,
    async close() {
      stopListening();
      await gateway.close(1_000);
    },
  };
}
