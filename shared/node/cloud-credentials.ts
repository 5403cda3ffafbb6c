/**
 * Cloud access keys: from an explicit profile, else from the environment variables Alibaba's own
 * CLI and SDKs read. The secret is only ever handed to pop-core; nothing here prints it.
 */

export interface CloudCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** An STS token, for temporary credentials. */
  securityToken?: string;
}

export const CREDENTIAL_ENV = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

/** The keys in the environment, or undefined unless both id and secret are set. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): CloudCredentials | undefined {
  const accessKeyId = env[CREDENTIAL_ENV.accessKeyId]?.trim();
  const accessKeySecret = env[CREDENTIAL_ENV.accessKeySecret]?.trim();
  if (!accessKeyId || !accessKeySecret) return undefined;
  const securityToken = env[CREDENTIAL_ENV.securityToken]?.trim();
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}

/** An explicit profile wins over the environment; an incomplete one is not quietly replaced by it. */
export function resolveCredentials(explicit: CloudCredentials | undefined, env: NodeJS.ProcessEnv = process.env): CloudCredentials | undefined {
  if (explicit) return explicit.accessKeyId && explicit.accessKeySecret ? explicit : undefined;
  return credentialsFromEnv(env);
}

/** `LTAI****abcd`: enough to tell keys apart in a message, not enough to use. */
export function maskAccessKeyId(accessKeyId: string): string {
  if (accessKeyId.length <= 8) return '****';
  return `${accessKeyId.slice(0, 4)}****${accessKeyId.slice(-4)}`;
}
