/**
 * The cloud an instance operation talks to: the host's cloud in force (a profile, or demo mode's
 * offline cloud) or the CLI's connection. `key` says which cloud and region, so a purchase is
 * only ever followed in the cloud it was made in.
 */
import type { CloudClient } from '../cloud';

export interface InstanceCloud {
  /** The cloud and region, e.g. `demo/cn-hangzhou` or `prod/cn-shanghai` (the profile key of sync). */
  key: string;
  region: string;
  client: CloudClient;
}

/** Opens a conversation with the cloud in force; whoever opens it closes its client. */
export type OpenInstanceCloud = () => Promise<InstanceCloud>;

export async function withCloud<T>(open: OpenInstanceCloud, work: (cloud: InstanceCloud) => Promise<T>): Promise<T> {
  const cloud = await open();
  try {
    return await work(cloud);
  } finally {
    cloud.client.close();
  }
}
