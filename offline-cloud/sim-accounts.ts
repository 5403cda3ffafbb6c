/**
 * Who may call the offline cloud: the built-in demo account (fixed, documented keys, so demo
 * mode and anyone's client can use it) and any account given at start. Secrets live only in
 * memory; the state file knows accounts by their account id.
 */
import { createHash } from 'node:crypto';
import { type CloudCredentials, credentialsFromEnv } from '../shared/node/cloud-credentials';

export interface SimAccount {
  accessKeyId: string;
  accessKeySecret: string;
  /** The owner id (OwnerId in answers); the key of the account's data in the state file. */
  accountId: string;
  label: string;
}

/** Not a secret: printed at start and written in docs/offline-cloud.md. */
export const DEMO_ACCOUNT: SimAccount = {
  accessKeyId: 'LTAI5tOfflineCloudDemo01',
  accessKeySecret: 'OfflineCloudDemoSecretNotReal1',
  accountId: '1000000000000001',
  label: 'demo',
};

/** A stable 16-digit owner id per AccessKeyId, so an account finds its data again after a restart. */
export function accountIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  return `1${(digest.readBigUInt64BE(0) % 10n ** 15n).toString().padStart(15, '0')}`;
}

export function simAccount(credentials: CloudCredentials, label: string): SimAccount {
  return { accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret, accountId: accountIdFor(credentials.accessKeyId), label };
}

export interface AccountOptions {
  /** Serve the demo account (default true). */
  demo?: boolean;
  accounts?: CloudCredentials[];
  /** Adds the account of ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET when both are set. */
  env?: NodeJS.ProcessEnv;
}

/** The accounts to serve; a later one with the same AccessKeyId replaces an earlier one. */
export function simAccounts(options: AccountOptions): SimAccount[] {
  const list: SimAccount[] = options.demo === false ? [] : [DEMO_ACCOUNT];
  for (const credentials of options.accounts ?? []) list.push(simAccount(credentials, 'given'));
  const fromEnv = options.env ? credentialsFromEnv(options.env) : undefined;
  if (fromEnv) list.push(simAccount(fromEnv, 'environment'));
  return [...new Map(list.map((account) => [account.accessKeyId, account])).values()];
}
