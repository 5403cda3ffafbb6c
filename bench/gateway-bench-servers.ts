// The servers bench/gateway.bench.ts measures, one per child process (`node <bundle> --bench-server <role> <config>`):
//   gateway     the local gateway as `apigw-local serve` runs it: access log at info level to a file,
//               used nonces journalled in a state dir; three APIs (anonymous MOCK, signed MOCK with
//               a throttling policy bound, HTTP backend)
//   bare        a bare node:http server answering the mock's bytes
//   backend     the HTTP backend both proxies call
//   bareproxy   a bare keep-alive node:http proxy to that backend
// The benchmark runs this file as a bundle that esbuild builds with the options of the shipped
// bundles (scripts/build-electron.mjs), not through tsx: tsx keeps function names by wrapping each
// named closure in a defineProperty call, made again for every closure created per call, which
// the shipped gateway never pays.
// Each child answers `cpu` and `rss` messages and exits when the benchmark goes away.
import http from 'node:http';
import { fixtureProject, fixtureSecrets } from '../local-gateway/test-support';
import { createLocalGateway } from '../local-gateway/server';
import { createAccessLog } from '../local-gateway/access-log';
import { openNonceJournal } from '../local-gateway/nonce-journal';

export type Role = 'gateway' | 'bare' | 'backend' | 'bareproxy';

export interface ServerConfig {
  backendPort?: number;
  /** For the gateway: its access log and nonce journal go here. */
  dir?: string;
}

export const MOCK_BODY = '{"message":"hello from the mock","items":[1,2,3]}';
const BACKEND_BODY = '{"message":"hello from the backend","items":[1,2,3]}';
export const APP_KEY = 'benchKey';
export const APP_SECRET = 'benchSecret-0123456789';
const REQUEST_ID = '7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF';

async function runChild(role: Role, config: ServerConfig): Promise<void> {
  let port: number;
  if (role === 'gateway') port = await startGateway(config.backendPort!, config.dir!);
  else port = await startPlain(role, config.backendPort);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'rss') process.send!({ type: 'rss', maxRss: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage().rss });
    if (message.type === 'cpu') {
      const used = process.cpuUsage();
      process.send!({ type: 'cpu', micros: used.user + used.system });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', port });
}

async function startGateway(backendPort: number, dir: string): Promise<number> {
  const mock = { type: 'MOCK' as const, statusCode: 200, body: MOCK_BODY, headers: [{ name: 'Content-Type', value: 'application/json' }] };
  const project = fixtureProject({
    groups: [{ name: 'bench', stageVariables: { RELEASE: { backendPort: String(backendPort) } } }],
    apps: [{ name: 'benchApp' }],
    authorizations: [{ app: 'benchApp', group: 'bench', api: 'signedMock', stage: 'RELEASE' }],
    throttlingPolicies: [
      { name: 'benchLimit', unit: 'SECOND', apiDefault: 1_000_000_000, appDefault: 1_000_000_000, bindings: [{ group: 'bench', api: 'signedMock', stage: 'RELEASE' }] },
    ],
    apis: [
      { name: 'anonymousMock', request: { method: 'GET', path: '/mock' }, backend: mock },
      { name: 'signedMock', request: { method: 'GET', path: '/signed' }, backend: mock, auth: { type: 'APP' } },
      {
        name: 'proxied',
        request: { method: 'GET', path: '/proxy' },
        backend: { type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: '/data', method: 'GET', timeout: 10_000 },
      },
    ],
  });
  const secrets = fixtureSecrets({ apps: { benchApp: { keys: [{ appKey: APP_KEY, appSecret: APP_SECRET }] } } });
  // As `apigw-local serve` runs it (local-gateway/serve.ts).
  const nonces = openNonceJournal({ dir, name: 'bench' });
  const gateway = createLocalGateway({ project, secrets, log: createAccessLog('info', { file: `${dir}/access.log` }), nonceStore: nonces.store });
  return (await gateway.listen()).port;
}

function startPlain(role: Exclude<Role, 'gateway'>, backendPort?: number): Promise<number> {
  let handler: http.RequestListener;
  if (role === 'bare') {
    const body = Buffer.from(MOCK_BODY);
    handler = (_req, res) => {
      res.writeHead(200, ['Content-Type', 'application/json', 'Content-Length', String(body.length), 'X-Ca-Request-Id', REQUEST_ID]);
      res.end(body);
    };
  } else if (role === 'backend') {
    const body = Buffer.from(BACKEND_BODY);
    handler = (_req, res) => {
      res.writeHead(200, ['Content-Type', 'application/json', 'Content-Length', String(body.length)]);
      res.end(body);
    };
  } else {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    handler = (req, res) => {
      const headers = { ...req.headers, host: `127.0.0.1:${backendPort}` };
      delete headers.connection;
      const upstream = http.request({ host: '127.0.0.1', port: backendPort, path: '/data', method: req.method, headers, agent }, (bres) => {
        res.writeHead(bres.statusCode ?? 502, bres.headers);
        bres.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
  }
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

// Started as a child, not when the benchmark imports the constants above.
if (process.argv[2] === '--bench-server') {
  await runChild(process.argv[3] as Role, JSON.parse(process.argv[4] ?? '{}') as ServerConfig);
}
