// Start-up of the console in browser mode, over several fresh launches (a new `apigw-studio ui`, a
// new data dir with the quickstart copied on first start, a new browser context without cache):
//   ui start → Console URL printed       the host is up (Node, tsx, services, the first project)
//   ui start → first paint               Chromium's first-paint of the page, on the same clock
//   ui start → API list painted          the frame after the API list shows its first row
//   navigation → API list painted        what someone who opens the URL waits for (aim: ≤ 1 s)
//   gateway start → listening            agw:gateway.start until it answers `listening`
//   ui start → gateway listening         the same, started as soon as the list is painted
// Baseline, measured in the same run: navigation → first contentful paint of a one-line static page
// from a plain Node server in the same browser (DESIGN.md: benchmarks print ratios against one).
// Prints a table and one JSON line, and writes the JSON to test-results/startup-bench.json.
// Run: npm run bench:startup [-- --launches N]   (builds the renderer first)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type Page, chromium } from '@playwright/test';
import { REPO, startConsole, stopConsole } from '../e2e/console-server';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AIM_MS = 1000;
const { values: options } = parseArgs({ options: { launches: { type: 'string', default: '7' } } });
const LAUNCHES = Math.max(1, Number(options.launches) || 7);

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

async function main(): Promise<void> {
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
    ['gatewayStartMs', 'gateway start → listening'],
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
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`\nAim (${report.aim.what}): ${report.aim.met ? 'met' : 'missed'} at ${summary.navToApiListMs.medianMs} ms.`);
  await mkdir(join(REPO, 'test-results'), { recursive: true });
  await writeFile(join(REPO, 'test-results', 'startup-bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report));
}

await main();
