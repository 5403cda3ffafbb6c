/**
 * CLI tests run commands in this process, and the commands read cloud keys from the environment
 * before anything else: a developer's own ALIBABA_CLOUD_* variables must not reach a test (nor a
 * real cloud). Call once at the top of a test file: the variables are taken away for the file and
 * put back after it; a test may set them, and they are cleared again after each test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CREDENTIAL_VARS = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'];

export function isolateCredentialEnv(): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const name of CREDENTIAL_VARS) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of CREDENTIAL_VARS) delete process.env[name];
  });
  afterAll(() => {
    for (const name of CREDENTIAL_VARS) if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  });
}
