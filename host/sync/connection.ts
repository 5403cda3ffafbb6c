/**
 * Which cloud, which keys, and under which key of the project's `cloud` section sync records ids:
 *
 * - `--profile P`: the keys saved in the vault as `cloud-profile/P` (profile-keys.ts); ids under
 *   `P/<region>`. They are only sent to the endpoint they were saved for: --endpoint must name it
 *   (and be absent for keys saved for Alibaba Cloud's own).
 * - else ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET; ids under `env/<region>`.
 * - `--endpoint URL` (an offline cloud, a proxy): ids under `endpoint/<region>` whatever the keys,
 *   so ids of an emulator never mix with the real cloud's; with no keys anywhere, the offline
 *   cloud's demo account is used (and the caller is told so). An http:// endpoint must be this
 *   computer (shared/ipc/cloud-endpoint.ts).
 */
import { endpointName, endpointProblem } from '../../shared/ipc/cloud-endpoint';
import { REGION_ID_PATTERN } from '../../shared/ipc/contract';
import { type CloudCredentials, credentialsFromEnv, maskAccessKeyId } from '../../shared/node/cloud-credentials';
import { DEMO_ACCOUNT } from '../../offline-cloud';
import { FileVault } from '../vault';
import type { Vault } from '../vault';
import { SecretEndpointMismatch, parseProfileKeys, profileVaultName } from './profile-keys';

export { profileVaultName } from './profile-keys';

export interface ConnectionRequest {
  region: string;
  profile?: string;
  endpoint?: string;
  /** Where the vault file is (browser mode's FileVault) and the pull cache goes. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** The desktop app passes its safeStorage vault; the CLI uses the data dir's file vault. */
  vault?: Vault;
}

export interface Connection {
  credentials: CloudCredentials;
  region: string;
  endpoint?: string;
  /** The key of `cloud` in the project file. */
  profileKey: string;
  /** Said once on stderr: which keys are used when that is not obvious. */
  notice?: string;
  /** For the pull cache's file name: never the secret. */
  identity: { endpoint: string; accessKeyId: string; region: string };
}

export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

export async function resolveConnection(request: ConnectionRequest): Promise<Connection> {
  const { region, profile, endpoint } = request;
  if (!REGION_ID_PATTERN.test(region)) throw new ConnectionError(`"${region}" is not a region id; give one like cn-hangzhou`);
  const endpointRefusal = endpoint !== undefined ? endpointProblem(endpoint) : undefined;
  if (endpointRefusal) throw new ConnectionError(`--endpoint ${endpoint}: ${endpointRefusal}`);
  let credentials: CloudCredentials | undefined;
  let notice: string | undefined;
  if (profile !== undefined) credentials = await profileCredentials(profile, request);
  else credentials = credentialsFromEnv(request.env);
  if (!credentials && endpoint !== undefined) {
    credentials = { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret };
    notice = `no cloud credentials given: using the offline cloud's demo account (${DEMO_ACCOUNT.accessKeyId}) at ${endpoint}`;
  }
  if (!credentials) {
    throw new ConnectionError('no cloud credentials: give --profile P (a profile saved in the vault), or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or --endpoint URL for the offline cloud');
  }
  const owner = endpoint !== undefined ? 'endpoint' : (profile ?? 'env');
  if (!notice && endpoint === undefined) notice = `using ${profile !== undefined ? `profile ${profile}` : 'ALIBABA_CLOUD_ACCESS_KEY_ID'} (${maskAccessKeyId(credentials.accessKeyId)}) in ${region}`;
  return {
    credentials,
    region,
    endpoint,
    profileKey: `${owner}/${region}`,
    notice,
    identity: { endpoint: endpoint ?? 'aliyun', accessKeyId: credentials.accessKeyId, region },
  };
}

async function profileCredentials(profile: string, request: ConnectionRequest): Promise<CloudCredentials> {
  const vault = request.vault ?? new FileVault({ dataDir: request.dataDir });
  const where = vault instanceof FileVault ? vault.path : 'the vault';
  const stored = await vault.get(profileVaultName(profile));
  if (stored === undefined) {
    throw new ConnectionError(`no cloud profile "${profile}" in ${where}; save its keys there as ${profileVaultName(profile)}, or use ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET instead of --profile`);
  }
  const saved = parseProfileKeys(profile, stored);
  if (!saved) throw new ConnectionError(`the cloud profile "${profile}" in ${where} is not {"accessKeyId": ..., "accessKeySecret": ..., "endpoint": ...}; save it again`);
  try {
    return saved.for(request.endpoint);
  } catch (error) {
    if (!(error instanceof SecretEndpointMismatch)) throw error;
    const instead = error.savedFor === undefined ? 'leave out --endpoint' : `give --endpoint ${error.savedFor}`;
    throw new ConnectionError(
      `the cloud profile "${profile}" was saved for ${endpointName(error.savedFor)}, not ${endpointName(error.asked)}, and a saved secret is only sent to the endpoint it was saved for: ${instead}, or save the profile again with that endpoint (Settings in the console)`,
    );
  }
}
