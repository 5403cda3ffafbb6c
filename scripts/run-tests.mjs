#!/usr/bin/env node
// Runs the suites and prints the one closing line CI reads: `N passed, N failed` (plus skipped).
//   node scripts/run-tests.mjs          unit + integration (vitest), then the e2e journeys (Playwright)
//   node scripts/run-tests.mjs --unit   vitest only
//   node scripts/run-tests.mjs --e2e    Playwright only (builds the renderer first)
// Every mode first builds the command-line bundles (scripts/build-electron.mjs): the tests spawn
// bin/apigw-local.js and bin/apigw-studio.js many times, and with bundles that match the sources
// each start takes a fraction of tsx's. A bundle that does not match is never run (the bins then run
// the sources through tsx), so a source edited during the run is still tested as it is on disk.
// Extra arguments after `--` go to the runner. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : 'all';
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

suite('build:electron', buildBundles);
if (only !== 'e2e') suite('vitest', runVitest);
if (only !== 'unit') suite('playwright', runPlaywright);

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);

function suite(name, run) {
  const counts = run();
  if (!counts) {
    // No report means the runner itself failed to start or crashed: count it as one failure.
    console.error(`${name}: no report was written; counting the suite as failed.`);
    totals.failed += 1;
    ok = false;
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (!counts.exitOk) ok = false;
}

/** Counts as one failure when the build fails; the tests still run, from the sources. */
function buildBundles() {
  const run = node(['scripts/build-electron.mjs']);
  return { passed: 0, failed: run.status === 0 ? 0 : 1, skipped: 0, exitOk: run.status === 0 };
}

function runVitest() {
  const out = 'test-results/vitest.json';
  rmSync(out, { force: true });
  const run = node(['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...passThrough]);
  const report = readJson(out);
  if (!report) return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
    skipped: report.numPendingTests + report.numTodoTests,
    exitOk: run.status === 0,
  };
}

function runPlaywright() {
  const build = spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  if (build.status !== 0) return undefined;
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const run = node(['node_modules/@playwright/test/cli.js', 'test', ...passThrough]);
  const report = readJson(out);
  if (!report) return undefined;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  return { passed: expected, failed: unexpected + flaky, skipped, exitOk: run.status === 0 };
}

function node(argv) {
  return spawnSync(process.execPath, argv, { stdio: 'inherit' });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
