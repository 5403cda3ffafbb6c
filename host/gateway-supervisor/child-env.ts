/**
 * The environment the gateway process gets: only what a Node program needs to run and to reach
 * HTTPS backends. The host's environment may hold cloud credentials (ALIBABA_CLOUD_*), and the
 * gateway needs none of it.
 */
const PASSED = ['PATH', 'HOME', 'USERPROFILE', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'windir', 'ComSpec', 'LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS'];

export function gatewayEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED) {
    const value = env[name];
    if (value !== undefined) passed[name] = value;
  }
  return passed;
}
