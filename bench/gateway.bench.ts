// Local gateway throughput, CPU and latency against bare node:http baselines measured in the same
// run (docs/architecture.md, "Habits": benchmarks print ratios, never absolute thresholds).
//   a) anonymous MOCK through the gateway        vs a bare server answering the same bytes
//   b) signed APP MOCK, throttling bound, each request freshly signed   vs the same bare server
//   c) HTTP backend proxied through the gateway  vs a bare keep-alive node proxy to the same backend
// Servers run in child processes (the gateway's peak RSS is its own), built as the shipped bundles
// are (bench/gateway-bench-servers.ts: the gateway as `apigw-local serve` runs it, access log and
// nonce journal included); the load is generated here, no pipelining. Each scenario prints three ratios, gateway ÷ baseline ("×bare"):
//   throughput  autocannon at full load; warm-up, then interleaved rounds, median of per-round ratios
//   CPU/call    the server process's CPU time (process.cpuUsage, user + system, all its threads) over
//               each of those runs ÷ the calls answered; median of per-round ratios. It moves less
//               than throughput when the machine is shared, though it still grows as a server
//               slows (fewer calls per turn of the event loop), so the same is measured at half load
//   p99         at half the baseline's throughput, requests paced evenly (bench/paced-load.ts: open
//               loop, each timed from when it was due, after a warm-up), gateway and baseline in
//               turn, over a few rounds: each side's median p99; the CPU per call at that equal rate
//               is printed beside it
// Aims (issue 14): throughput ≥ 0.85 (a), 0.80 (b), 0.90 (c); CPU/call ≤ 1.2 (a); p99 ≤ 1.5 (all).
// Ends with one JSON line. Run: npm run bench:gateway   (about three minutes; check
// `uptime` first: another heavy process on the machine moves every figure)
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { pacedLoad, type PacedResult } from './paced-load';
import { APP_KEY, APP_SECRET, type Role, type ServerConfig } from './gateway-bench-servers';

const SERVERS = fileURLToPath(new URL('./gateway-bench-servers.ts', import.meta.url));

const CONNECTIONS = 16;
const WARMUP_SECONDS = 2;
const ROUND_SECONDS = 3;
const ROUNDS = 4;
const LATENCY_ROUNDS = 3;
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
// The benchmark

interface Child { process: ChildProcess; port: number }

/**
 * The servers as one bundle, built as the shipped ones are (scripts/build-electron.mjs: esbuild,
 * node20, no kept names) rather than run through tsx (gateway-bench-servers.ts says why).
 */
async function bundleServers(dir: string): Promise<string> {
  const outfile = path.join(dir, 'servers.mjs');
  await build({
    entryPoints: [SERVERS],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS dependencies bundled into an ES module still require() Node's own modules.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return outfile;
}

let serversBundle: string;

function start(role: Role, config: ServerConfig = {}): Promise<Child> {
  const child = fork(serversBundle, ['--bench-server', role, JSON.stringify(config)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

/** The request line and headers autocannon would send for this target, freshly signed when it is signed. */
function rawRequest(target: Target): string {
  let head = `GET ${target.path} HTTP/1.1\r\nHost: 127.0.0.1:${target.child.port}\r\n`;
  if (target.signed) for (const [name, value] of Object.entries(signEach({ path: target.path }).headers!)) head += `${name}: ${value}\r\n`;
  return head + '\r\n';
}

interface PacedMeasured { result: PacedResult; cpuPerCallMicros: number }

async function paced(target: Target, rate: number): Promise<PacedMeasured> {
  const cpuBefore = await cpuMicros(target.child);
  const result = await pacedLoad({ port: target.child.port, rate, seconds: LATENCY_SECONDS, warmupSeconds: 0.5, connections: CONNECTIONS, request: () => rawRequest(target) });
  const cpuPerCallMicros = (await cpuMicros(target.child) - cpuBefore) / Math.max(1, result.completed);
  if (result.non2xx > 0 || result.errors > 0 || result.behind > 0) {
    console.warn(`  ! ${target.name} at ${rate} req/s: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.behind} requests behind`);
  }
  return { result, cpuPerCallMicros };
}

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

interface Aims {
  /** Throughput ×bare at least this. */
  throughput: number;
  /** CPU per call ×bare at most this, where the issue sets one. */
  cpu?: number;
  /** p99 at half load ×bare at most this. */
  p99: number;
}

interface Scenario { key: string; label: string; aims: Aims; gateway: Target; baseline: Target }

interface Rounds { gateway: number[]; baseline: number[]; ratios: number[]; gatewayCpu: number[]; baselineCpu: number[]; cpuRatios: number[] }

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function runBench(): Promise<void> {
  ({ signRequest } = await import('../shared/signature/sign'));
  ({ nodeHmac } = await import('../local-gateway/node-hmac'));
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-'));
  serversBundle = await bundleServers(logDir);
  const backend = await start('backend');
  const gateway = await start('gateway', { backendPort: backend.port, dir: logDir });
  const bare = await start('bare');
  const bareProxy = await start('bareproxy', { backendPort: backend.port });
  const children = [backend, gateway, bare, bareProxy];

  const scenarios: Scenario[] = [
    {
      key: 'a',
      label: 'anonymous MOCK',
      aims: { throughput: 0.85, cpu: 1.2, p99: 1.5 },
      gateway: { name: 'gateway /mock', child: gateway, path: '/mock' },
      baseline: { name: 'bare server', child: bare, path: '/mock' },
    },
    {
      key: 'b',
      label: 'signed APP MOCK + throttling',
      aims: { throughput: 0.8, p99: 1.5 },
      gateway: { name: 'gateway /signed', child: gateway, path: '/signed', signed: true },
      baseline: { name: 'bare server (signed requests)', child: bare, path: '/signed', signed: true },
    },
    {
      key: 'c',
      label: 'HTTP backend proxied',
      aims: { throughput: 0.9, p99: 1.5 },
      gateway: { name: 'gateway /proxy', child: gateway, path: '/proxy' },
      baseline: { name: 'bare node proxy', child: bareProxy, path: '/proxy' },
    },
  ];

  console.log(`Warming up (${WARMUP_SECONDS}s per target)...`);
  for (const s of scenarios) {
    await load(s.gateway, WARMUP_SECONDS);
    await load(s.baseline, WARMUP_SECONDS);
  }

  const rounds = new Map<string, Rounds>();
  for (const s of scenarios) rounds.set(s.key, { gateway: [], baseline: [], ratios: [], gatewayCpu: [], baselineCpu: [], cpuRatios: [] });
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
      r.cpuRatios.push(g.cpuPerCallMicros / b.cpuPerCallMicros);
    }
  }

  console.log(`Latency at half the baseline's throughput, paced (${LATENCY_ROUNDS} rounds of ${LATENCY_SECONDS}s per target)...`);
  const latency = new Map<string, { rate: number; gateway: PacedMeasured[]; baseline: PacedMeasured[] }>();
  for (const s of scenarios) latency.set(s.key, { rate: Math.max(1, Math.floor(median(rounds.get(s.key)!.baseline) / 2)), gateway: [], baseline: [] });
  for (let round = 0; round < LATENCY_ROUNDS; round++) {
    for (const s of scenarios) {
      const l = latency.get(s.key)!;
      const order = round % 2 === 0 ? [s.gateway, s.baseline] : [s.baseline, s.gateway];
      for (const target of order) (target === s.gateway ? l.gateway : l.baseline).push(await paced(target, l.rate));
    }
  }
  const rss = await peakRss(gateway);

  const report = {
    connections: CONNECTIONS,
    rounds: ROUNDS,
    roundSeconds: ROUND_SECONDS,
    latencyRounds: LATENCY_ROUNDS,
    latencySeconds: LATENCY_SECONDS,
    loadAverage: os.loadavg().map(round2),
    cpus: os.cpus().length,
    gatewayPeakRssMB: round1(rss / 1024 / 1024),
    scenarios: scenarios.map((s) => {
      const r = rounds.get(s.key)!;
      const l = latency.get(s.key)!;
      const throughputRatio = median(r.ratios);
      const cpuRatio = median(r.cpuRatios);
      // Each side's median over the rounds: one stall of another process on the machine moves one round, not the figure.
      const of = (runs: PacedMeasured[], pick: (m: PacedMeasured) => number) => median(runs.map(pick));
      const p99Ratio = of(l.gateway, (m) => m.result.p99Ms) / of(l.baseline, (m) => m.result.p99Ms);
      const halfLoadGatewayCpu = of(l.gateway, (m) => m.cpuPerCallMicros);
      const halfLoadBaselineCpu = of(l.baseline, (m) => m.cpuPerCallMicros);
      return {
        scenario: s.key,
        label: s.label,
        aims: s.aims,
        gatewayReqPerSec: Math.round(median(r.gateway)),
        baselineReqPerSec: Math.round(median(r.baseline)),
        throughputRatio: round3(throughputRatio),
        roundRatios: r.ratios.map(round3),
        gatewayCpuMicrosPerCall: round1(median(r.gatewayCpu)),
        baselineCpuMicrosPerCall: round1(median(r.baselineCpu)),
        cpuRatio: round3(cpuRatio),
        latencyAtReqPerSec: l.rate,
        gatewayP50Ms: round2(of(l.gateway, (m) => m.result.p50Ms)),
        gatewayP99Ms: round2(of(l.gateway, (m) => m.result.p99Ms)),
        baselineP50Ms: round2(of(l.baseline, (m) => m.result.p50Ms)),
        baselineP99Ms: round2(of(l.baseline, (m) => m.result.p99Ms)),
        p99Ratio: round3(p99Ratio),
        roundP99Ms: { gateway: l.gateway.map((m) => round2(m.result.p99Ms)), baseline: l.baseline.map((m) => round2(m.result.p99Ms)) },
        halfLoadGatewayCpuMicrosPerCall: round1(halfLoadGatewayCpu),
        halfLoadBaselineCpuMicrosPerCall: round1(halfLoadBaselineCpu),
        halfLoadCpuRatio: round3(halfLoadGatewayCpu / halfLoadBaselineCpu),
        meetsAims: throughputRatio >= s.aims.throughput && (s.aims.cpu === undefined || cpuRatio <= s.aims.cpu) && p99Ratio <= s.aims.p99,
      };
    }),
  };

  const mark = (ok: boolean) => (ok ? ' ' : '!');
  const rows = report.scenarios.map((s) => [
    `${s.scenario}) ${s.label}`,
    `${s.gatewayReqPerSec} / ${s.baselineReqPerSec}`,
    `${s.throughputRatio.toFixed(2)} ${mark(s.throughputRatio >= s.aims.throughput)} (≥ ${s.aims.throughput})`,
    `${s.gatewayCpuMicrosPerCall} / ${s.baselineCpuMicrosPerCall}`,
    `${s.cpuRatio.toFixed(2)} ${mark(s.aims.cpu === undefined || s.cpuRatio <= s.aims.cpu)}${s.aims.cpu === undefined ? '' : ` (≤ ${s.aims.cpu})`}`,
    `${s.gatewayP50Ms.toFixed(2)} / ${s.baselineP50Ms.toFixed(2)}`,
    `${s.gatewayP99Ms.toFixed(2)} / ${s.baselineP99Ms.toFixed(2)}`,
    `${s.p99Ratio.toFixed(2)} ${mark(s.p99Ratio <= s.aims.p99)} (≤ ${s.aims.p99})`,
    `${s.halfLoadGatewayCpuMicrosPerCall} / ${s.halfLoadBaselineCpuMicrosPerCall} → ${s.halfLoadCpuRatio.toFixed(2)}`,
  ]);
  const header = [
    'scenario',
    'req/s gw / base',
    'throughput ×bare',
    'CPU µs/call gw / base',
    'CPU ×bare',
    'p50 ms gw / base',
    'p99 ms gw / base',
    'p99 ×bare',
    'half load: CPU µs/call → ×bare',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log(`\n×bare = gateway ÷ baseline; "!" marks a figure outside its aim. Latency at ${report.scenarios.map((s) => `${s.scenario}) ${s.latencyAtReqPerSec}`).join(', ')} req/s.`);
  console.log(`Gateway peak RSS: ${report.gatewayPeakRssMB} MB. Load average at the end: ${report.loadAverage.join(' ')} (${report.cpus} CPUs).`);
  console.log(JSON.stringify(report));

  for (const child of children) child.process.disconnect();
  rmSync(logDir, { recursive: true, force: true });
}

await runBench();
