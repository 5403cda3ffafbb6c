#!/usr/bin/env node
/**
 * npm run test:mutation [-- <module> ...] [--incremental] [--changed <git-ref>]
 *
 * Runs Stryker on each module of modules.mjs in turn (one at a time, one test process: the
 * machine is shared), then prints the mutation score per module and every surviving mutant with
 * its place and replacement. Exit code 1 when a module scores below MUTATION_THRESHOLD (85).
 *
 * --incremental   reuse the results kept in test-results/mutation/<module>.incremental.json: only
 *                 mutants in changed code, or covered by changed tests, run again.
 * --changed <ref> mutate only the lines of the modules' production files that differ from <ref>
 *                 (git diff -U0), module by module; modules with no changed line are skipped. This is
 *                 what CI runs (.ci/run): a change is judged by the mutants in the code it touched.
 * Reports (HTML and JSON) go to test-results/mutation/<module>/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_MODULES } from './modules.mjs';

export const MUTATION_THRESHOLD = 85;
const OUT = 'test-results/mutation';

const args = process.argv.slice(2);
const incremental = args.includes('--incremental');
const changedAt = args.indexOf('--changed');
const changedRef = changedAt >= 0 ? args[changedAt + 1] : undefined;
const named = args.filter((arg, i) => !arg.startsWith('--') && (changedAt < 0 || i !== changedAt + 1));

const unknown = named.filter((name) => !MUTATION_MODULES.some((module) => module.name === name));
if (unknown.length > 0) {
  console.error(`No such module: ${unknown.join(', ')}. Modules: ${MUTATION_MODULES.map((module) => module.name).join(', ')}`);
  process.exit(2);
}
let modules = named.length > 0 ? MUTATION_MODULES.filter((module) => named.includes(module.name)) : MUTATION_MODULES;
/** Per module, the `file:start-end` ranges it mutates; only the changed lines with --changed. */
const ranges = new Map();
if (changedRef) {
  const changed = changedLines(changedRef);
  for (const module of modules) {
    const files = [...changed.keys()].filter((file) => isMutated(module, file));
    ranges.set(module.name, files.flatMap((file) => changed.get(file).map(([start, end]) => `${file}:${start}-${end}`)));
  }
  modules = modules.filter((module) => ranges.get(module.name).length > 0);
  console.log(`Changed since ${changedRef}: ${modules.length > 0 ? modules.map((module) => `${module.name} (${ranges.get(module.name).join(', ')})`).join('; ') : 'no line of a mutated module'}`);
}

function isMutated(module, file) {
  return module.mutate.some((glob) => !glob.startsWith('!') && matches(glob, file)) && !module.mutate.some((glob) => glob.startsWith('!') && matches(glob.slice(1), file));
}

/** The line ranges each file gained or changed since `ref` (deleted lines leave nothing to mutate). */
function changedLines(ref) {
  const diff = execFileSync('git', ['diff', '-U0', '--no-color', ref, '--', '*.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const byFile = new Map();
  let file;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) file = line === '+++ /dev/null' ? undefined : line.slice('+++ b/'.length);
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) byFile.set(file, [...(byFile.get(file) ?? []), [start, start + count - 1]]);
    }
  }
  return byFile;
}

/** `*` within one path segment only: the globs of modules.mjs are that simple. */
function matches(glob, file) {
  const pattern = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return pattern.test(file);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const summary = [];
await mkdir(OUT, { recursive: true });

for (const module of modules) {
  const started = Date.now();
  console.log(`\n== ${module.name}: ${module.what}`);
  process.env.MUTATION_TESTS = module.tests.join(',');
  const stryker = new Stryker({
    mutate: ranges.get(module.name) ?? module.mutate,
    testRunner: 'vitest',
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
    checkers: ['typescript'],
    tsconfigFile: module.tsconfig,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    concurrency: 1,
    incremental,
    incrementalFile: `${OUT}/${module.name}.incremental.json`,
    reporters: ['html', 'json', 'progress-append-only'],
    htmlReporter: { fileName: `${OUT}/${module.name}/index.html` },
    jsonReporter: { fileName: `${OUT}/${module.name}/mutation.json` },
    // Outside the repository: the sandbox is a copy of the project, and the tree's own tsc, eslint and vitest must not see it.
    tempDirName: join(tmpdir(), 'apigw-stryker', module.name),
    cleanTempDir: true,
    ignorePatterns: ['dist', 'test-results', 'e2e', 'coverage', '*.tsbuildinfo'],
    thresholds: { high: 90, low: MUTATION_THRESHOLD, break: null },
    logLevel: 'warn',
  });
  let results;
  try {
    results = await stryker.runMutationTest();
  } catch (error) {
    // One module that cannot run (its tests fail unmutated) does not stop the others.
    console.error(`${module.name}: not run: ${error.message}`);
    summary.push({ module, failed: error.message, minutes: (Date.now() - started) / 60_000 });
    continue;
  }
  const detected = results.filter((result) => DETECTED.has(result.status)).length;
  const undetected = results.filter((result) => UNDETECTED.has(result.status));
  const valid = detected + undetected.length;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const minutes = (Date.now() - started) / 60_000;
  summary.push({ module, score, detected, valid, undetected, minutes, results: results.length });
}

const lines = ['', `Mutation score per module (aim: at least ${MUTATION_THRESHOLD}%)`, ''];
for (const { module, score, detected, valid, undetected, minutes, failed } of summary) {
  if (failed) {
    lines.push(`FAIL ${module.name.padEnd(17)} not run: ${oneLine(failed)}`);
    continue;
  }
  lines.push(`${score >= MUTATION_THRESHOLD ? 'ok  ' : 'LOW '} ${module.name.padEnd(17)} ${score.toFixed(1).padStart(5)}%  ${String(detected).padStart(4)}/${String(valid).padEnd(4)} detected  ${String(undetected.length).padStart(3)} undetected  ${minutes.toFixed(1)} min`);
}
for (const { module, undetected } of summary) {
  if (!undetected || undetected.length === 0) continue;
  lines.push('', `Survivors in ${module.name}:`);
  for (const mutant of undetected.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line)) {
    const where = `${relative(process.cwd(), mutant.fileName)}:${mutant.location.start.line}:${mutant.location.start.column}`;
    const original = sourceAt(mutant.fileName, mutant.location);
    lines.push(`  ${where} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test runs it)' : ''}: ${oneLine(original)} -> ${oneLine(mutant.replacement ?? '')}`);
  }
}
const text = lines.join('\n');
console.log(text);
await writeFile(`${OUT}/summary.txt`, `${text}\n`);
process.exitCode = summary.some(({ score, failed }) => failed || score < MUTATION_THRESHOLD) ? 1 : 0;

/** The mutated text: Stryker's result locations count lines and columns from 1. */
function sourceAt(fileName, location) {
  const source = readFileSync(fileName, 'utf8').split('\n');
  const { start, end } = location;
  if (start.line === end.line) return source[start.line - 1].slice(start.column - 1, end.column - 1);
  return [source[start.line - 1].slice(start.column - 1), ...source.slice(start.line, end.line - 1), source[end.line - 1].slice(0, end.column - 1)].join('\n');
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}
