/**
 * The Settings screen's "Test connection": DescribeRegions with a saved profile, the keys being
 * typed, or the cloud in force; the answer says whether the endpoint and both keys work and whether
 * the region is one the account has.
 */
import type { CloudProfileInput, ConnectionTestResult } from '../../shared/ipc/cloud-views';
import { type CloudClient, CloudError, createCloudClient } from '../cloud';
import { type CloudCredentials, maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { HostError } from '../base/host-error';
import type { CloudConnection } from './cloud-connection';
import { failureOf } from './sync-jobs';

export interface ConnectionTestRequest {
  profile?: string;
  draft?: Partial<CloudProfileInput>;
}

/**
 * DescribeRegions with a saved profile or the keys being typed: proves the endpoint and both keys.
 * A draft may lean on the saved secret of the profile it edits only at that profile's endpoint.
 */
export async function testConnection(connection: CloudConnection, request: ConnectionTestRequest): Promise<ConnectionTestResult> {
  let target: { region: string; endpoint?: string; credentials: CloudCredentials };
  if (request.draft) {
    const draft = request.draft;
    const endpoint = draft.endpoint || undefined;
    const { accessKeyId, accessKeySecret } = await connection.profiles.keysOfDraft(draft.previousName ?? draft.name, { accessKeyId: draft.accessKeyId, accessKeySecret: draft.accessKeySecret, endpoint });
    if (!draft.region || !accessKeyId) throw new HostError('BAD_REQUEST', 'Type the region and the AccessKeyId to test the connection.');
    if (accessKeySecret === undefined) throw new HostError('BAD_REQUEST', 'Type the AccessKeySecret to test the connection.');
    target = { region: draft.region, endpoint, credentials: { accessKeyId, accessKeySecret } };
  } else if (request.profile) {
    const profile = await connection.profiles.withKeys(request.profile);
    target = { region: profile.region, endpoint: profile.endpoint, credentials: profile.credentials };
  } else {
    const session = await connection.session();
    try {
      return await describeRegions(session.client, session.view.region, session.view.accessKeyId, session.view.endpoint);
    } finally {
      session.client.close();
    }
  }
  const client = createCloudClient({ region: target.region, endpoint: target.endpoint, credentials: target.credentials, retry: { attempts: 1 } });
  try {
    return await describeRegions(client, target.region, maskAccessKeyId(target.credentials.accessKeyId), target.endpoint ?? client.endpointFor('CloudAPI'));
  } finally {
    client.close();
  }
}

async function describeRegions(client: CloudClient, region: string, accessKeyId: string, endpoint: string): Promise<ConnectionTestResult> {
  try {
    const answer = await client.call<{ Regions?: { Region?: { RegionId: string; LocalName?: string }[] } }>('CloudAPI', 'DescribeRegions', { Language: 'en' });
    const regions = (answer.Regions?.Region ?? []).map((item) => ({ id: item.RegionId, name: item.LocalName ?? item.RegionId }));
    const known = regions.some((item) => item.id === region);
    const where = known ? `in ${region}` : `(${region} is not among its regions: choose one of the list)`;
    return { ok: known, message: `Connected to ${endpoint} as ${accessKeyId} ${where}; ${regions.length} regions.`, regions };
  } catch (error) {
    const failure = error instanceof CloudError ? failureOf(error) : undefined;
    const why = error instanceof CloudError ? error.summary : (error as Error).message;
    return { ok: false, message: `Could not connect: ${why}`, ...(failure ? { failure } : {}) };
  }
}
