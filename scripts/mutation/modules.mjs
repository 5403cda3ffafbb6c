/**
 * The modules that guard money, secrets and replay, each mutated by Stryker on its own (with the
 * tests that speak for it and the tsconfig of its folder), so a score belongs to one promise.
 * `mutate`: the production files changed one small edit at a time; `tests`: the test files run
 * against each change; `tsconfig`: what the TypeScript checker compiles a change with (a change
 * that does not compile is not counted).
 */
export const MUTATION_MODULES = [
  {
    name: 'signature',
    what: 'shared/signature: the data plane signature (string to sign, HMAC, Content-MD5, comparisons)',
    mutate: ['shared/signature/*.ts', '!shared/signature/*.test.ts'],
    tests: ['shared/signature/*.test.ts'],
    tsconfig: 'shared/tsconfig.json',
  },
  {
    name: 'security',
    what: 'shared/security: the nonce store (replay) and the content security policy',
    mutate: ['shared/security/*.ts', '!shared/security/*.test.ts'],
    tests: ['shared/security/*.test.ts', 'electron/renderer-csp.test.ts', 'local-gateway/replay.test.ts'],
    tsconfig: 'shared/tsconfig.json',
  },
  {
    name: 'gateway-policies',
    what: 'local-gateway: app auth, throttling, IP control, CORS',
    mutate: ['local-gateway/auth.ts', 'local-gateway/throttling.ts', 'local-gateway/ip-control.ts', 'local-gateway/cors.ts'],
    tests: ['local-gateway/auth.test.ts', 'local-gateway/throttling.test.ts', 'local-gateway/throttle-reload.test.ts', 'local-gateway/ip-control.test.ts', 'local-gateway/cors.test.ts', 'local-gateway/replay.test.ts', 'local-gateway/pipeline.test.ts'],
    tsconfig: 'local-gateway/tsconfig.json',
  },
  {
    name: 'cloud-client',
    what: 'host/cloud: the OpenAPI client and its retry rules (tokens, lost answers)',
    mutate: ['host/cloud/client.ts', 'host/cloud/retry.ts'],
    tests: ['host/cloud/client.test.ts'],
    tsconfig: 'host/tsconfig.json',
  },
  {
    name: 'sync-apply',
    what: 'host/sync: apply, its steps, create-or-adopt (rerun converges, nothing created twice)',
    mutate: ['host/sync/apply.ts', 'host/sync/apply-steps.ts', 'host/sync/create-or-adopt.ts'],
    tests: ['host/sync/sync.test.ts', 'host/sync/lost-answers.test.ts'],
    tsconfig: 'host/tsconfig.json',
  },
  {
    name: 'purchases',
    what: 'host/instances: purchases (one buy per token) and their errors',
    mutate: ['host/instances/purchases.ts', 'host/instances/instance-errors.ts'],
    tests: ['host/instances/instance-service.test.ts', 'host/instances/purchase-wire.test.ts'],
    tsconfig: 'host/tsconfig.json',
  },
  {
    name: 'child-env',
    what: "host/gateway-supervisor: the gateway child's environment (no cloud keys)",
    mutate: ['host/gateway-supervisor/child-env.ts'],
    // supervisor.test.ts reads the running child's /proc too, but takes ~25 s a run: 9 min for this module.
    tests: ['host/gateway-supervisor/child-env.test.ts'],
    tsconfig: 'host/tsconfig.json',
  },
  {
    name: 'ipc-guard',
    what: "electron/main: the IPC guard and the app's origin",
    mutate: ['electron/main/ipc-guard.ts', 'electron/main/app-origin.ts'],
    tests: ['electron/main/ipc-guard.test.ts', 'electron/main/app-origin.test.ts'],
    tsconfig: 'electron/tsconfig.json',
  },
  {
    name: 'request-guard',
    what: "host/web-host: browser mode's request guard (token, Host, Origin)",
    mutate: ['host/web-host/request-guard.ts'],
    tests: ['host/web-host/web-host.test.ts'],
    tsconfig: 'host/tsconfig.json',
  },
  {
    name: 'secret-guard',
    what: 'shared/project-file: the secret guard (no secret in the project file)',
    mutate: ['shared/project-file/secret-guard.ts'],
    tests: ['shared/project-file/secret-guard.test.ts', 'shared/project-file/secrets-text.test.ts', 'shared/project-file/project-text.test.ts'],
    tsconfig: 'shared/tsconfig.json',
  },
];
