// The console with a big project: 5,000 APIs in 20 groups, against the quickstart (4 APIs) as
// the baseline measured in the same run (docs/architecture.md, "Habits": ratios, never thresholds).
//   a) navigation → API list interactive: from page.goto to the first row shown and the filter enabled
//   b) keystroke in the filter → list updated: one character typed into the filter until the
//      table shows the number of rows the filter must give (computed here with the same filter code)
// Both in Debian's Chromium through Playwright, each console in its own `apigw-studio ui`.
// Run: npm run bench:console   (builds the renderer first; about a minute)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import type { Api, HttpMethod, Project, ProjectInput } from '../shared/model/schema';
import { deployApi } from '../shared/model/stages';
import { serializeProject } from '../shared/project-file';
import { projectFrom } from '../shared/project-file/test-projects';
import { NO_FILTERS, filterApis } from '../renderer/screens/apis/api-index';
import { startConsole, stopConsole } from '../e2e/console-server';

const GROUPS = 20;
const APIS = 5000;
const LOAD_ROUNDS = 5;
const QUERIES = ['api_g07_01', 'items 42', '/g13/orders'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** 5,000 valid APIs in 20 groups; a third deployed to TEST, a fifth to RELEASE. */
function bigProject(): Project {
  const groups = Array.from({ length: GROUPS }, (_, g) => ({ name: `group_${String(g).padStart(2, '0')}`, description: `Bench group ${g}` }));
  const apis: ProjectInput['apis'] = [];
  for (let i = 0; i < APIS; i++) {
    const g = i % GROUPS;
    const n = String(i).padStart(4, '0');
    const kind = i % 3 === 0 ? 'orders' : 'items';
    const withParam = i % 4 === 0;
    apis.push({
      name: `api_g${String(g).padStart(2, '0')}_${n}`,
      group: groups[g].name,
      description: `Bench API ${i}: ${kind} ${i % 100}`,
      request: { method: METHODS[i % METHODS.length], path: `/g${String(g).padStart(2, '0')}/${kind}/${n}${withParam ? '/[id]' : ''}` },
      parameters: withParam ? [{ name: 'id', location: 'PATH', required: true }] : [],
      backend: { type: 'MOCK', body: `{"api":${i}}`, headers: [{ name: 'Content-Type', value: 'application/json' }] },
      auth: i % 2 === 0 ? { type: 'ANONYMOUS' } : { type: 'APP' },
    });
  }
  let project = projectFrom({ format: 'apigw-studio/v1', name: 'bench-5000', groups, apis });
  const at = '2025-01-01T00:00:00Z';
  project.apis.forEach((api: Api, i: number) => {
    const ref = { group: api.group, api: api.name };
    if (i % 3 === 0) project = deployApi(project, ref, 'TEST', { at });
    if (i % 5 === 0) project = deployApi(project, ref, 'RELEASE', { at });
  });
  return project;
}

interface Measured {
  loadMs: number[];
  keystrokeMs: number[];
}

// Code that runs in the page, as strings: this file is type-checked without the DOM, tsx would
// add helpers (__name) to a function that the page lacks, and the page's CSP forbids eval.
const LIST_READY = `(async () => {
  for (;;) {
    const row = document.querySelector('[role="table"][aria-label="APIs"] [role="row"][aria-rowindex="2"]');
    const filter = document.querySelector('input[type="text"]');
    if (row && filter && !filter.disabled) return performance.now();
    await new Promise((r) => requestAnimationFrame(r));
  }
})()`;

const TYPE_AND_TIME = `async ({ query, expected }) => {
  const input = [...document.querySelectorAll('input')].find((el) => el.labels?.[0]?.textContent?.startsWith('Filter by name'));
  const table = document.querySelector('[role="table"][aria-label="APIs"]');
  if (!input || !table) throw new Error('The API list is not on screen.');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const times = [];
  for (let i = 1; i <= query.length; i++) {
    const start = performance.now();
    setValue.call(input, query.slice(0, i));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const want = String(expected[i - 1] + 1);
    while (table.getAttribute('aria-rowcount') !== want) {
      if (performance.now() - start > 30000) throw new Error('The list did not show ' + want + ' rows for ' + query.slice(0, i));
      await frame();
    }
    await frame();
    times.push(performance.now() - start);
  }
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return times;
}`;

const READ_PROJECT = `(async () => {
  const token = sessionStorage.getItem('agw-token') ?? '';
  const response = await fetch('/api/call/agw:project.current', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Agw-Token': token }, body: '[]' });
  return (await response.json()).result.project;
})()`;

/** Milliseconds from navigation start until the list shows a row and the filter takes input. */
async function measureLoad(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate(LIST_READY)) as number;
}

/**
 * Types `query` one character at a time into the filter (as React sees typing), timing each
 * character until the table's row count is the expected one and a frame has been painted.
 */
async function measureTyping(page: Page, query: string, expected: number[]): Promise<number[]> {
  return (await page.evaluate(`(${TYPE_AND_TIME})(${JSON.stringify({ query, expected })})`)) as number[];
}

async function measureConsole(browser: Browser, project: Project | undefined): Promise<Measured> {
  const dataDir = await mkdtemp(join(tmpdir(), 'agw-bench-'));
  const extra: string[] = [];
  if (project) {
    const file = join(dataDir, 'bench.apigw.yaml');
    await writeFile(file, serializeProject(project));
    extra.push('--project', file);
  }
  const { server, child } = await startConsole(dataDir, extra);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const loadMs: number[] = [];
    for (let round = 0; round < LOAD_ROUNDS; round++) loadMs.push(await measureLoad(page, server.url));
    const apis = project ?? undefined;
    const keystrokeMs: number[] = [];
    for (const query of QUERIES) {
      // The expected counts come from the list's own filter code, over the project the console shows.
      const shown = apis ?? (await quickstartProject(page));
      const expected = [...query].map((_, i) => filterApis(shown, { ...NO_FILTERS, text: query.slice(0, i + 1) }).length);
      // A query that matches nothing ends on the "no match" text; keep to prefixes that match.
      const usable = expected.findIndex((n) => n === 0);
      const typed = usable < 0 ? query : query.slice(0, usable);
      if (typed.length > 0) keystrokeMs.push(...(await measureTyping(page, typed, expected.slice(0, typed.length))));
    }
    await context.close();
    return { loadMs, keystrokeMs };
  } finally {
    await stopConsole(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The quickstart's APIs as the page has them (read through the page's own host call). */
async function quickstartProject(page: Page): Promise<Pick<Project, 'apis' | 'deployments'>> {
  return (await page.evaluate(READ_PROJECT)) as Pick<Project, 'apis' | 'deployments'>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  console.log(`Generating ${APIS} APIs in ${GROUPS} groups...`);
  const project = bigProject();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    console.log('Measuring the baseline (quickstart, 4 APIs)...');
    const baseline = await measureConsole(browser, undefined);
    console.log(`Measuring the big project (${APIS} APIs)...`);
    const big = await measureConsole(browser, project);

    const report = {
      apis: APIS,
      groups: GROUPS,
      load: { baselineMedianMs: round1(median(baseline.loadMs)), bigMedianMs: round1(median(big.loadMs)), ratio: round1(median(big.loadMs) / median(baseline.loadMs)), rounds: LOAD_ROUNDS },
      keystroke: {
        baselineMedianMs: round1(median(baseline.keystrokeMs)),
        bigMedianMs: round1(median(big.keystrokeMs)),
        bigP90Ms: round1(percentile(big.keystrokeMs, 90)),
        ratio: round1(median(big.keystrokeMs) / median(baseline.keystrokeMs)),
        samples: big.keystrokeMs.length,
      },
    };
    const rows = [
      ['measure', 'quickstart (4 APIs)', `big (${APIS} APIs)`, 'ratio big/baseline'],
      ['navigation → list interactive, median ms', String(report.load.baselineMedianMs), String(report.load.bigMedianMs), `${report.load.ratio}×`],
      ['keystroke → list updated, median ms', String(report.keystroke.baselineMedianMs), `${report.keystroke.bigMedianMs} (p90 ${report.keystroke.bigP90Ms})`, `${report.keystroke.ratio}×`],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
    console.log('\n' + line(rows[0]));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const row of rows.slice(1)) console.log(line(row));
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
}

await main();
