/**
 * The cloud in force: the active profile, or demo mode's offline cloud when none is, as one
 * conversation at a time (a session), the view of it the UI shows, and the OpenAPI call log
 * (host/cloud/call-log.ts) in which every run against it is recorded.
 */
import type { CloudConnectionView } from '../../shared/ipc/cloud-views';
import { CallLog, type CloudClient, CloudError, createCloudClient, currentCallRun } from '../cloud';
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { DEFAULT_REGION, DEMO_ACCOUNT } from '../../offline-cloud';
import type { HostEvents } from '../base/host-events';
import { HostError } from '../base/host-error';
import { PullCache } from '../sync';
import type { Vault } from '../vault';
import { DemoCloud, type DemoCloudOptions } from './demo-cloud';
import { ProfileStore } from './profile-store';

export interface CloudConnectionOptions {
  dataDir: string;
  vault: Vault;
  events: HostEvents;
  /** Options for demo mode's offline cloud (tests: a fast instance lifecycle). */
  demoSim?: DemoCloudOptions['sim'];
  log?: (line: string) => void;
}

/** One open conversation with the cloud in force. */
export interface CloudSession {
  view: CloudConnectionView;
  client: CloudClient;
  cache: PullCache;
}

/** Where demo mode records ids in the project: apart from any real account's. */
export const DEMO_PROFILE_KEY_PREFIX = 'demo/';

export class CloudConnection {
  readonly profiles: ProfileStore;
  readonly demo: DemoCloud;
  /**
   * Every run against the cloud with its calls, newest first (the console's and the CLI's on this
   * data dir); the gateways' purchases and changes are recorded here too.
   */
  readonly calls: CallLog;

  constructor(private readonly options: CloudConnectionOptions) {
    this.profiles = new ProfileStore(options.dataDir, options.vault);
    this.demo = new DemoCloud({ dataDir: options.dataDir, sim: options.demoSim, log: options.log });
    this.calls = new CallLog({ dataDir: options.dataDir, log: options.log });
  }

  /** The cloud in force as the UI shows it. */
  async view(): Promise<CloudConnectionView> {
    const session = await this.session();
    session.client.close();
    return session.view;
  }

  /** Tells the UI which cloud is in force now (after a change of profile, of its keys, or a demo reset). */
  async announce(): Promise<CloudConnectionView> {
    const view = await this.view();
    this.options.events.emit('agw:cloud.connection', view);
    return view;
  }

  /** A conversation with the cloud in force (the caller closes its client); demo mode starts the offline cloud. */
  async session(): Promise<CloudSession> {
    const profile = await this.profiles.active();
    if (profile) {
      const client = createCloudClient({ region: profile.region, endpoint: profile.endpoint, credentials: profile.credentials });
      const view: CloudConnectionView = {
        mode: 'profile',
        label: profile.name,
        region: profile.region,
        endpoint: profile.endpoint ?? client.endpointFor('CloudAPI'),
        accessKeyId: maskAccessKeyId(profile.accessKeyId),
        profileKey: `${profile.name}/${profile.region}`,
      };
      currentCallRun()?.setCloud(view.profileKey);
      const cache = await PullCache.open(this.options.dataDir, { endpoint: profile.endpoint ?? 'aliyun', accessKeyId: profile.accessKeyId, region: profile.region });
      return { view, client, cache };
    }
    const demo = await this.demo.ensure();
    const credentials = { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret };
    const client = createCloudClient({ region: DEFAULT_REGION, endpoint: demo.sim.url, credentials });
    const view: CloudConnectionView = {
      mode: 'demo',
      label: 'Demo',
      region: DEFAULT_REGION,
      endpoint: demo.sim.url,
      accessKeyId: maskAccessKeyId(DEMO_ACCOUNT.accessKeyId),
      profileKey: `${DEMO_PROFILE_KEY_PREFIX}${DEFAULT_REGION}`,
      demo: { cloudUrl: demo.sim.url, gatewayUrl: demo.plane.url, dataDir: demo.dataDir },
    };
    currentCallRun()?.setCloud(view.profileKey);
    // The offline cloud's port changes at each start: its cache is kept by data dir, not by URL.
    const cache = await PullCache.open(this.options.dataDir, { endpoint: `demo:${demo.dataDir}`, accessKeyId: DEMO_ACCOUNT.accessKeyId, region: DEFAULT_REGION });
    return { view, client, cache };
  }

  /** `work` in a session of its own, closed after; a cloud's refusal becomes the UI's CLOUD_FAILED. */
  async withSession<T>(work: (session: CloudSession) => Promise<T>): Promise<T> {
    const session = await this.session();
    try {
      return await work(session);
    } catch (error) {
      throw asHostError(error);
    } finally {
      session.client.close();
    }
  }

  async close(): Promise<void> {
    // A run that just ended is still being written to the data dir: let it land before the host
    // (or a test removing the data dir) goes on.
    await this.calls.flush();
    await this.demo.close();
  }
}

function asHostError(error: unknown): unknown {
  if (error instanceof CloudError) return new HostError('CLOUD_FAILED', error.summary);
  return error;
}
