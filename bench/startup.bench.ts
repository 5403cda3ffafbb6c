// Start-up of the console in browser mode, over several fresh launches (a new `apigw-studio ui`, a
// new data dir with the quickstart copied on first start, a new browser context without cache):
//   ui start → Console URL printed       the host is up (Node, tsx, services, the first project)
//   ui start → first paint               Chromium's first-paint of the page, on the same clock
//   ui start → API list painted          the frame after the API list shows its first row
//   navigation → API list painted        what someone who opens the URL waits for (aim: ≤ 1 s)
//   console: gateway.start → listening   agw:gateway.start until it answers `listening`
//   ui start → gateway listening         the same, started as soon as the list is painted
// Baseline, measured in the same run: navigation → first contentful paint of a one-line static page
// from a plain Node server in the same browser (docs/architecture.md, "Habits": ratios against
// one).
//
// Then the command line, over more launches, each run from its bundle and from the sources through
// tsx in turn (APIGW_BIN_SOURCES=1; the baseline: how the bins started before they had bundles):
//   gateway start → listening            spawning `apigw-local serve <quickstart> --port 0` until it
//                                        prints its Listening line (aim: ≤ 250 ms, median)
//   apigw-studio --version → exit        the smallest thing the console's CLI does
//   node -e '' → exit                    for scale: Node's own start on this machine, now
// Each bundle launch checks that the bin ran the bundle (APIGW_BIN_DEBUG=1): a stale one is an error.
// Prints tables and one JSON line, and writes the JSON to test-results/startup-bench.json.
// Run: npm run bench:startup [-- --launches N --cli-launches N --cli-only]   (builds first)
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type Page, chromium } from '@playwright/test';
import { REPO, startConsole, stopConsole } from '../e2e/console-server';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AIM_MS = 1000;
const GATEWAY_AIM_MS = 250;
const { values: options } = parseArgs({
  options: { launches: { type: 'string', default: '7' }, 'cli-launches': { type: 'string', default: '15' }, 'cli-only': { type: 'boolean', default: false } },
});
const LAUNCHES = Math.max(1, Number(options.launches) || 7);
const CLI_LAUNCHES = Math.max(1, Number(options['cli-launches']) || 15);

// Code that runs in the page, as strings (this file is type-checked without the DOM; the page's CSP
// forbids eval, but Playwright's init scripts and evaluations are not subject to it).
/** Marks `agw:api-list-painted` in the frame after the API list first shows a row. */
const MARK_API_LIST = `(() => {
  const row = '[role="table"][aria-label="APIs"] [role="row"][aria-rowindex="2"]';
  const check = () => {
    if (!document.querySelector(row)) return false;
    requestAnimationFrame(() => setTimeout(() => performance.mark('agw:api-list-painted')));
    return true;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  document.addEventListener('DOMContentLoaded', () => check() || observer.observe(document.body, { childList: true, subtree: true }));
})()`;

const TIMINGS = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  return {
    timeOrigin: performance.timeOrigin,
    firstPaint: at('first-paint'),
    firstContentfulPaint: at('first-contentful-paint'),
    rendererStart: at('agw:renderer-start'),
    apiListPainted: at('agw:api-list-painted'),
  };
})()`;

const START_GATEWAY = `(async () => {
  const token = sessionStorage.getItem('agw-token') ?? '';
  const started = performance.now();
  const response = await fetch('/api/call/agw:gateway.start', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Agw-Token': token }, body: '[{"port":0}]' });
  const outcome = await response.json();
  return { ok: outcome.ok && outcome.result.state === 'listening', ms: performance.now() - started, at: performance.timeOrigin + performance.now() };
})()`;

interface PageTimings {
  timeOrigin: number;
  firstPaint?: number;
  firstContentfulPaint?: number;
  rendererStart?: number;
  apiListPainted?: number;
}

interface Launch {
  uiToUrlMs: number;
  uiToFirstPaintMs: number;
  uiToApiListMs: number;
  navToRendererStartMs: number;
  navToFirstPaintMs: number;
  navToApiListMs: number;
  gatewayStartMs: number;
  uiToGatewayListeningMs: number;
}

/** Resolves once the page has a performance entry of that name (waitForFunction would need eval, which the CSP forbids). */
function untilEntry(name: string): string {
  return `(async () => {
    const started = performance.now();
    while (performance.getEntriesByName(${JSON.stringify(name)}).length === 0) {
      if (performance.now() - started > 30000) throw new Error('No ${name} within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  })()`;
}

async function pageTimings(page: Page): Promise<PageTimings> {
  await page.evaluate(untilEntry('agw:api-list-painted'));
  return (await page.evaluate(TIMINGS)) as PageTimings;
}

async function launchOnce(browser: Browser): Promise<Launch> {
  const dataDir = await mkdtemp(join(tmpdir(), 'agw-startup-'));
  const uiStart = Date.now();
  const { server, child } = await startConsole(dataDir);
  const urlAt = Date.now();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_API_LIST);
    await page.goto(server.url, { waitUntil: 'commit' });
    const t = await pageTimings(page);
    if (t.firstPaint === undefined || t.apiListPainted === undefined) throw new Error('The page reported no first paint or no API list.');
    const gateway = (await page.evaluate(START_GATEWAY)) as { ok: boolean; ms: number; at: number };
    if (!gateway.ok) throw new Error(`The local gateway did not start. Console output:\n${server.output()}`);
    return {
      uiToUrlMs: urlAt - uiStart,
      uiToFirstPaintMs: t.timeOrigin + t.firstPaint - uiStart,
      uiToApiListMs: t.timeOrigin + t.apiListPainted - uiStart,
      navToRendererStartMs: t.rendererStart ?? Number.NaN,
      navToFirstPaintMs: t.firstPaint,
      navToApiListMs: t.apiListPainted,
      gatewayStartMs: gateway.ms,
      uiToGatewayListeningMs: gateway.at - uiStart,
    };
  } finally {
    await context.close();
    await stopConsole(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Navigation → first contentful paint of a one-line page served by a plain Node server. */
async function baselineOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(untilEntry('first-contentful-paint'));
    return (await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")) as number;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const whole = (n: number) => Math.round(n);

/** Prints a table: a label column, then right-aligned figures. */
function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows.slice(1)) console.log(line(row));
}

async function consoleBench() {
  const page = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>baseline</title><h1>Baseline</h1>'));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const baselineUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const launches: Launch[] = [];
  const baseline: number[] = [];
  try {
    console.log(`Measuring ${LAUNCHES} fresh launches of apigw-studio ui, each with the baseline page...`);
    for (let i = 0; i < LAUNCHES; i++) {
      baseline.push(await baselineOnce(browser, baselineUrl));
      launches.push(await launchOnce(browser));
      process.stdout.write('.');
    }
    process.stdout.write('\n');
  } finally {
    await browser.close();
    page.close();
  }

  const measures: [keyof Launch, string][] = [
    ['uiToUrlMs', 'ui start → Console URL printed'],
    ['uiToFirstPaintMs', 'ui start → first paint'],
    ['uiToApiListMs', 'ui start → API list painted'],
    ['navToRendererStartMs', 'navigation → renderer script runs'],
    ['navToFirstPaintMs', 'navigation → first paint'],
    ['navToApiListMs', 'navigation → API list painted'],
    ['gatewayStartMs', 'console: gateway.start → listening'],
    ['uiToGatewayListeningMs', 'ui start → gateway listening'],
  ];
  const baselineMedian = median(baseline);
  const summary = Object.fromEntries(
    measures.map(([key]) => {
      const values = launches.map((launch) => launch[key]);
      return [key, { medianMs: whole(median(values)), p90Ms: whole(percentile(values, 90)), ratioToBaseline: Math.round((median(values) / baselineMedian) * 10) / 10 }];
    }),
  ) as Record<keyof Launch, { medianMs: number; p90Ms: number; ratioToBaseline: number }>;
  const report = {
    launches: LAUNCHES,
    baseline: { what: 'navigation → first contentful paint of a static one-line page', medianMs: whole(baselineMedian), p90Ms: whole(percentile(baseline, 90)) },
    measures: summary,
    aim: { what: 'navigation → API list painted ≤ 1 s (median)', ms: AIM_MS, met: summary.navToApiListMs.medianMs <= AIM_MS },
    samples: launches.map((launch) => Object.fromEntries(Object.entries(launch).map(([key, value]) => [key, whole(value)]))),
  };

  const rows = [['measure', 'median ms', 'p90 ms', '× baseline'], ...measures.map(([key, label]) => [label, String(summary[key].medianMs), String(summary[key].p90Ms), `${summary[key].ratioToBaseline}×`])];
  rows.push(['baseline: static page, navigation → FCP', String(report.baseline.medianMs), String(report.baseline.p90Ms), '1×']);
  printTable(rows);
  console.log(`\nAim (${report.aim.what}): ${report.aim.met ? 'met' : 'missed'} at ${summary.navToApiListMs.medianMs} ms.`);
  return report;
}

type BinStart = 'bundle' | 'tsx';

/** The bin's environment: the bundle (and say so on stderr), or the sources through tsx. */
function binEnv(start: BinStart): NodeJS.ProcessEnv {
  return { ...process.env, APIGW_BIN_DEBUG: '1', APIGW_BIN_SOURCES: start === 'tsx' ? '1' : '' };
}

/** Refuses a launch that did not start the way it was meant to (a stale bundle runs the sources). */
function checkStart(command: string, start: BinStart, stderr: string): void {
  const said = stderr.split('\n')[0];
  const expected = start === 'bundle' ? `${command}: running the bundle ` : `${command}: running the sources through tsx`;
  if (!said.startsWith(expected)) throw new Error(`${command} was to start from its ${start} but said: ${said}\nRun npm run build:electron (and leave the sources alone while this runs).`);
}

/** Spawning `apigw-local serve <project> --port 0` → its Listening line, in ms; the process is then stopped. */
async function gatewayListening(project: string, start: BinStart): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'apigw-local.js'), 'serve', project, '--port', '0'], { env: binEnv(start), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^Listening on http:\/\/127\.0\.0\.1:\d+$/m.test(out)) resolve(performance.now() - started);
    });
    void exited.then(() => reject(new Error(`apigw-local serve ended before listening:\n${out}${err}`)));
  });
  child.kill('SIGTERM');
  await exited;
  checkStart('apigw-local', start, err);
  return ms;
}

/** Spawning `node -e ''` → its exit, in ms: the floor no command can go under on this machine now. */
async function bareNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - started;
}

/** Spawning `apigw-studio --version` → its exit, in ms. */
async function studioVersion(start: BinStart): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'apigw-studio.js'), '--version'], { env: binEnv(start), stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`apigw-studio --version exited with ${code}:\n${err}`);
  checkStart('apigw-studio', start, err);
  return ms;
}

async function cliBench() {
  const dir = await mkdtemp(join(tmpdir(), 'agw-cli-startup-'));
  try {
    for (const name of ['quickstart.apigw.yaml', 'quickstart.secrets.yaml']) await copyFile(join(REPO, 'examples', name), join(dir, name));
    const project = join(dir, 'quickstart.apigw.yaml');
    const samples = { gateway: { bundle: [] as number[], tsx: [] as number[] }, studio: { bundle: [] as number[], tsx: [] as number[] }, node: [] as number[] };
    console.log(`\nMeasuring ${CLI_LAUNCHES} launches of apigw-local serve and apigw-studio --version, from the bundle and through tsx in turn...`);
    for (let i = 0; i < CLI_LAUNCHES; i++) {
      // Alternated, so that the machine's load weighs on both alike.
      for (const start of ['bundle', 'tsx'] as const) {
        samples.gateway[start].push(await gatewayListening(project, start));
        samples.studio[start].push(await studioVersion(start));
      }
      samples.node.push(await bareNode());
      process.stdout.write('.');
    }
    process.stdout.write('\n');

    const figure = (values: number[], baseline: number[]) => ({ medianMs: whole(median(values)), p90Ms: whole(percentile(values, 90)), ratioToTsx: Math.round((median(values) / median(baseline)) * 100) / 100 });
    const measures = {
      gatewayListening: { what: 'gateway start → listening (spawning apigw-local serve → its Listening line)', bundle: figure(samples.gateway.bundle, samples.gateway.tsx), tsx: figure(samples.gateway.tsx, samples.gateway.tsx) },
      studioVersion: { what: 'apigw-studio --version → exit', bundle: figure(samples.studio.bundle, samples.studio.tsx), tsx: figure(samples.studio.tsx, samples.studio.tsx) },
      bareNode: { what: "node -e '' → exit (no command starts faster on this machine now)", ...figure(samples.node, samples.node) },
    };
    const rows = [['measure', 'median ms', 'p90 ms', '× tsx']];
    for (const [label, measure] of [['gateway start → listening', measures.gatewayListening], ['apigw-studio --version → exit', measures.studioVersion]] as const) {
      rows.push([`${label} (bundle)`, String(measure.bundle.medianMs), String(measure.bundle.p90Ms), `${measure.bundle.ratioToTsx}×`]);
      rows.push([`  baseline: the same through tsx`, String(measure.tsx.medianMs), String(measure.tsx.p90Ms), '1×']);
    }
    rows.push(["for scale: node -e '' → exit", String(measures.bareNode.medianMs), String(measures.bareNode.p90Ms), '']);
    printTable(rows);
    const aim = { what: `gateway start → listening ≤ ${GATEWAY_AIM_MS} ms (median, bundle)`, ms: GATEWAY_AIM_MS, met: measures.gatewayListening.bundle.medianMs <= GATEWAY_AIM_MS };
    console.log(`\nAim (${aim.what}): ${aim.met ? 'met' : 'missed'} at ${measures.gatewayListening.bundle.medianMs} ms.`);
    const rounded = (values: number[]) => values.map(whole);
    return {
      launches: CLI_LAUNCHES,
      measures,
      aim,
      samples: { gateway: { bundle: rounded(samples.gateway.bundle), tsx: rounded(samples.gateway.tsx) }, studio: { bundle: rounded(samples.studio.bundle), tsx: rounded(samples.studio.tsx) }, node: rounded(samples.node) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const report = { console: options['cli-only'] ? undefined : await consoleBench(), cli: await cliBench() };
  await mkdir(join(REPO, 'test-results'), { recursive: true });
  await writeFile(join(REPO, 'test-results', 'startup-bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report));
}

await main();
