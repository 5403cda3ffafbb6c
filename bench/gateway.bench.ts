// Local gateway throughput and latency against bare node:http baselines measured in the same run
// (DESIGN.md: benchmarks print ratios, never absolute thresholds).
//   a) anonymous MOCK through the gateway        vs a bare server answering the same bytes
//   b) signed APP MOCK, throttling bound, each request freshly signed   vs the same bare server
//   c) HTTP backend proxied through the gateway  vs a bare keep-alive node proxy to the same backend
// Servers run in child processes (the gateway's peak RSS is its own); autocannon runs here, no
// pipelining. Warm-up, then interleaved rounds; the ratio is the median of per-round ratios.
// Latency: p50/p99 of each target at half the baseline's throughput (autocannon overallRate).
// Also printed: the CPU each server spent per call (its process.cpuUsage over the run / calls),
// as a ratio baseline/gateway; it moves much less than throughput when the machine is shared.
// Run: npm run bench:gateway   (about two minutes)
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const MOCK_BODY = '{"message":"hello from the mock","items":[1,2,3]}';
const BACKEND_BODY = '{"message":"hello from the backend","items":[1,2,3]}';
const APP_KEY = 'benchKey';
const APP_SECRET = 'benchSecret-0123456789';
const REQUEST_ID = '7AD052CB-EE8B-4DFD-BBAF-EFB340E0A5AF';

const CONNECTIONS = 16;
const WARMUP_SECONDS = 2;
const ROUND_SECONDS = 3;
const ROUNDS = 4;
const LATENCY_SECONDS = 3;

// autocannon ships no types; this is the part of its API used here.
interface CannonRequest { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (req: CannonRequest) => CannonRequest }
interface CannonOptions { url: string; connections: number; pipelining: number; duration: number; overallRate?: number; requests?: CannonRequest[] }
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => Promise<CannonResult>;

// ---------------------------------------------------------------------------------------------
// Child processes

type Role = 'gateway' | 'bare' | 'backend' | 'bareproxy';

async function runChild(role: Role, config: { backendPort?: number; logFile?: string }): Promise<void> {
  let port: number;
  if (role === 'gateway') port = await startGatewayChild(config.backendPort!, config.logFile!);
  else port = await startPlainChild(role, config.backendPort);
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

async function startGatewayChild(backendPort: number, logFile: string): Promise<number> {
  const { fixtureProject, fixtureSecrets } = await import('../local-gateway/test-support');
  const { createLocalGateway } = await import('../local-gateway/server');
  const { createAccessLog } = await import('../local-gateway/access-log');
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
  // As shipped: access log at info level, to a file.
  const gateway = createLocalGateway({ project, secrets, log: createAccessLog('info', { file: logFile }) });
  return (await gateway.listen()).port;
}

function startPlainChild(role: Exclude<Role, 'gateway'>, backendPort?: number): Promise<number> {
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

// ---------------------------------------------------------------------------------------------
// The benchmark

interface Child { process: ChildProcess; port: number }

function start(role: Role, config: object = {}): Promise<Child> {
  const child = fork(SELF, ['child', role, JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => resolve({ process: child, port: m.port }));
    child.once('exit', (code) => reject(new Error(`bench child ${role} exited with ${code}`)));
  });
}

function ask<T>(child: Child, type: string, pick: (m: Record<string, number>) => T): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, number> & { type: string }) => {
      if (m.type !== type) return;
      child.process.off('message', onMessage);
      resolve(pick(m));
    };
    child.process.on('message', onMessage);
    child.process.send({ type });
  });
}

const peakRss = (child: Child) => ask(child, 'rss', (m) => m.maxRss);
const cpuMicros = (child: Child) => ask(child, 'cpu', (m) => m.micros);

interface Target { name: string; child: Child; path: string; signed?: boolean }

interface Measured { result: CannonResult; cpuPerCallMicros: number }

async function load(target: Target, seconds: number, overallRate?: number): Promise<Measured> {
  const requests: CannonRequest[] | undefined = target.signed ? [{ method: 'GET', path: target.path, setupRequest: signEach }] : undefined;
  const cpuBefore = await cpuMicros(target.child);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.child.port}${target.path}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    overallRate,
    requests,
  });
  const cpuPerCallMicros = (await cpuMicros(target.child) - cpuBefore) / Math.max(1, result.requests.total);
  if (result.non2xx > 0 || result.errors > 0) {
    console.warn(`  ! ${target.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { result, cpuPerCallMicros };
}

let signRequest: typeof import('../shared/signature/sign').signRequest;
let nodeHmac: typeof import('../local-gateway/node-hmac').nodeHmac;

/** A fresh signature (new nonce and timestamp) for every request, as a real client sends. */
function signEach(req: CannonRequest): CannonRequest {
  // Native HMAC, as a real client's SDK has: the load generator must not be what is measured.
  const signed = signRequest({ method: 'GET', url: req.path ?? '/', appKey: APP_KEY, appSecret: APP_SECRET, hmac: nodeHmac });
  return { ...req, headers: signed.headers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Scenario { key: string; label: string; target: number; gateway: Target; baseline: Target }

async function runBench(): Promise<void> {
  ({ signRequest } = await import('../shared/signature/sign'));
  ({ nodeHmac } = await import('../local-gateway/node-hmac'));
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-'));
  const backend = await start('backend');
  const gateway = await start('gateway', { backendPort: backend.port, logFile: path.join(logDir, 'access.log') });
  const bare = await start('bare');
  const bareProxy = await start('bareproxy', { backendPort: backend.port });
  const children = [backend, gateway, bare, bareProxy];

  const scenarios: Scenario[] = [
    { key: 'a', label: 'anonymous MOCK', target: 0.85, gateway: { name: 'gateway /mock', child: gateway, path: '/mock' }, baseline: { name: 'bare server', child: bare, path: '/mock' } },
    {
      key: 'b',
      label: 'signed APP MOCK + throttling',
      target: 0.75,
      gateway: { name: 'gateway /signed', child: gateway, path: '/signed', signed: true },
      baseline: { name: 'bare server (signed requests)', child: bare, path: '/signed', signed: true },
    },
    { key: 'c', label: 'HTTP backend proxied', target: 0.85, gateway: { name: 'gateway /proxy', child: gateway, path: '/proxy' }, baseline: { name: 'bare node proxy', child: bareProxy, path: '/proxy' } },
  ];

  console.log(`Warming up (${WARMUP_SECONDS}s per target)...`);
  for (const s of scenarios) {
    await load(s.gateway, WARMUP_SECONDS);
    await load(s.baseline, WARMUP_SECONDS);
  }

  const rounds = new Map<string, { gateway: number[]; baseline: number[]; ratios: number[]; cpuRatios: number[]; gatewayCpu: number[]; baselineCpu: number[] }>();
  for (const s of scenarios) rounds.set(s.key, { gateway: [], baseline: [], ratios: [], cpuRatios: [], gatewayCpu: [], baselineCpu: [] });
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`Round ${round + 1}/${ROUNDS}...`);
    for (const s of scenarios) {
      // Alternate which goes first, so drift in the machine's state does not favour one side.
      const order = round % 2 === 0 ? [s.gateway, s.baseline] : [s.baseline, s.gateway];
      const results = new Map<Target, Measured>();
      for (const target of order) results.set(target, await load(target, ROUND_SECONDS));
      const g = results.get(s.gateway)!;
      const b = results.get(s.baseline)!;
      const r = rounds.get(s.key)!;
      r.gateway.push(g.result.requests.average);
      r.baseline.push(b.result.requests.average);
      r.ratios.push(g.result.requests.average / b.result.requests.average);
      r.gatewayCpu.push(g.cpuPerCallMicros);
      r.baselineCpu.push(b.cpuPerCallMicros);
      r.cpuRatios.push(b.cpuPerCallMicros / g.cpuPerCallMicros);
    }
  }

  console.log(`Latency at half the baseline's throughput (${LATENCY_SECONDS}s per target)...`);
  const latency = new Map<string, { rate: number; gateway: CannonResult; baseline: CannonResult }>();
  for (const s of scenarios) {
    const rate = Math.max(1, Math.floor(median(rounds.get(s.key)!.baseline) / 2));
    const g = await load(s.gateway, LATENCY_SECONDS, rate);
    const b = await load(s.baseline, LATENCY_SECONDS, rate);
    latency.set(s.key, { rate, gateway: g.result, baseline: b.result });
  }
  const rss = await peakRss(gateway);

  const report = {
    connections: CONNECTIONS,
    rounds: ROUNDS,
    roundSeconds: ROUND_SECONDS,
    gatewayPeakRssMB: Math.round((rss / 1024 / 1024) * 10) / 10,
    scenarios: scenarios.map((s) => {
      const r = rounds.get(s.key)!;
      const l = latency.get(s.key)!;
      return {
        scenario: s.key,
        label: s.label,
        gatewayReqPerSec: Math.round(median(r.gateway)),
        baselineReqPerSec: Math.round(median(r.baseline)),
        ratio: Math.round(median(r.ratios) * 1000) / 1000,
        roundRatios: r.ratios.map((x) => Math.round(x * 1000) / 1000),
        gatewayCpuMicrosPerCall: Math.round(median(r.gatewayCpu) * 10) / 10,
        baselineCpuMicrosPerCall: Math.round(median(r.baselineCpu) * 10) / 10,
        cpuRatio: Math.round(median(r.cpuRatios) * 1000) / 1000,
        target: s.target,
        meetsTarget: median(r.ratios) >= s.target,
        latencyAtReqPerSec: l.rate,
        gatewayP50Ms: l.gateway.latency.p50,
        gatewayP99Ms: l.gateway.latency.p99,
        baselineP50Ms: l.baseline.latency.p50,
        baselineP99Ms: l.baseline.latency.p99,
      };
    }),
  };

  const rows = report.scenarios.map((s) => [
    `${s.scenario}) ${s.label}`,
    String(s.gatewayReqPerSec),
    String(s.baselineReqPerSec),
    `${s.ratio.toFixed(3)} (≥ ${s.target})`,
    `${s.gatewayCpuMicrosPerCall}, ${s.baselineCpuMicrosPerCall} → ${s.cpuRatio.toFixed(2)}`,
    `${s.gatewayP50Ms} / ${s.gatewayP99Ms}`,
    `${s.baselineP50Ms} / ${s.baselineP99Ms}`,
  ]);
  const header = ['scenario', 'gateway req/s', 'baseline req/s', 'ratio (median)', 'CPU µs/call gw, base → base/gw', 'gateway p50/p99 ms', 'baseline p50/p99 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log(`\nGateway peak RSS: ${report.gatewayPeakRssMB} MB`);
  console.log(JSON.stringify(report));

  for (const child of children) child.process.disconnect();
  rmSync(logDir, { recursive: true, force: true });
}

if (process.argv[2] === 'child') {
  await runChild(process.argv[3] as Role, JSON.parse(process.argv[4] ?? '{}'));
} else {
  await runBench();
}
