import { describe, expect, it } from 'vitest';
import { gatewayEnv } from './child-env';

/** What a Node program needs to run and reach HTTPS backends, on Linux, macOS and Windows. */
const RUNTIME = {
  PATH: '/usr/bin',
  HOME: '/home/dev',
  USERPROFILE: 'C:\\Users\\dev',
  TMPDIR: '/tmp',
  TEMP: 'C:\\Temp',
  TMP: 'C:\\Tmp',
  SystemRoot: 'C:\\Windows',
  windir: 'C:\\Windows',
  ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  LANG: 'en_US.UTF-8',
  LC_ALL: 'C',
  TZ: 'UTC',
  NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem',
};

describe("the gateway child's environment", () => {
  it('passes exactly what a Node program needs, and nothing of the cloud credentials or anything else', () => {
    const host = {
      ...RUNTIME,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tChildEnvKey0001',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'child-env-secret-Vb6',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token',
      NODE_OPTIONS: '--require ./hook.js',
      npm_config_registry: 'https://registry.example',
    };
    expect(gatewayEnv(host)).toEqual(RUNTIME);
  });

  it('leaves out what the host does not have', () => {
    expect(gatewayEnv({ PATH: '/bin', HOME: undefined })).toEqual({ PATH: '/bin' });
    expect(gatewayEnv({})).toEqual({});
  });
});
