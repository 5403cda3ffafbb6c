#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity on the built desktop app (run `npm run build` first).
// It reads .js and .html only, so the bundles are copied as .js into a scratch folder with the page
// and package.json. Then:
//   HIGH findings fail;
//   MEDIUM findings fail unless the source line they come from (found through the bundle's source
//   map), or the line above it, says `eng-disable <CHECK_ID> -- <why>`;
//   LOW and INFORMATIONAL findings are listed.
// Exit status 0 when nothing fails, 1 otherwise. scripts/packaging.test.ts runs this in CI.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What is scanned: the bundle, the name Electronegativity sees it under. */
const INPUTS = [
  { built: 'dist/electron/main.cjs', as: 'main.js' },
  { built: 'dist/electron/preload.cjs', as: 'preload.js' },
  { built: 'dist/local-gateway/gateway.cjs', as: 'gateway.js' },
  { built: 'dist/renderer/index.html', as: 'index.html' },
  { built: 'package.json', as: 'package.json' },
];
const BLOCKING = new Set(['HIGH', 'CRITICAL']);

const missing = INPUTS.filter((input) => !existsSync(join(root, input.built))).map((input) => input.built);
if (missing.length > 0) {
  console.error(`lint:electron: ${missing.join(', ')} missing; run npm run build first.`);
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'apigw-electronegativity-'));
try {
  for (const input of INPUTS) copyFileSync(join(root, input.built), join(scratch, input.as));
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  // Its API, not its CLI: the CLI writes its CSV header and rows with racing async writes.
  // Without a network its release check says so on stdout and carries on; the scan itself is offline.
  const scan = createRequire(import.meta.url)('@doyensec/electronegativity');
  const result = await scan({ input: scratch, isRelative: true, electronVersionOverride: electronVersion }, false);
  const unscanned = result.errors.filter((error) => !error.tolerable);
  const findings = result.issues.map(toFinding);
  const judged = findings.map((finding) => ({ ...finding, ...judge(finding) }));
  printTable(judged);
  for (const error of unscanned) console.log(`not scanned: ${error.file}: ${error.message}`);
  const failing = judged.filter((finding) => finding.verdict === 'fails');
  console.log(`\nlint:electron: ${findings.length} finding(s), ${failing.length + unscanned.length} failing (HIGH, MEDIUM without an eng-disable justification at the source line, or a file it could not parse).`);
  process.exitCode = failing.length + unscanned.length > 0 ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function toFinding(issue) {
  return {
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    column: issue.location.column + 1,
    description: issue.description,
  };
}

/** Whether a finding fails the lint, and where in the sources it comes from. */
function judge(finding) {
  const source = originalPosition(finding);
  const where = source ? `${source.path}:${source.line}` : `${finding.file}:${finding.line}`;
  if (BLOCKING.has(finding.severity)) return { where, verdict: 'fails' };
  if (finding.severity !== 'MEDIUM') return { where, verdict: 'listed' };
  const justification = source && justificationAt(source, finding.check);
  return justification ? { where, verdict: `justified: ${justification}` } : { where, verdict: 'fails' };
}

/** The source file and line (1-based) a bundle position comes from, through the bundle's source map. */
function originalPosition(finding) {
  const input = INPUTS.find((entry) => entry.as === finding.file);
  const mapFile = input && join(root, `${input.built}.map`);
  if (!mapFile || !existsSync(mapFile) || !(finding.line > 0)) return undefined;
  const entry = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))).findEntry(finding.line - 1, Math.max(0, finding.column - 1));
  if (!entry || entry.originalSource === undefined) return undefined;
  const absolute = resolve(dirname(mapFile), entry.originalSource.replace(/^file:\/\//, ''));
  return { path: absolute.startsWith(root) ? absolute.slice(root.length) : absolute, absolute, line: entry.originalLine + 1 };
}

/** The text after `eng-disable CHECK_ID --` on the source line or the line above, if there is one. */
function justificationAt(source, check) {
  if (!existsSync(source.absolute)) return undefined;
  const lines = readFileSync(source.absolute, 'utf8').split('\n');
  const pattern = new RegExp(`eng-disable\\s+${check}\\s+--\\s+(\\S.{9,})`);
  for (const text of [lines[source.line - 1], lines[source.line - 2]]) {
    const match = text === undefined ? null : pattern.exec(text);
    if (match) return match[1].replace(/\s*\*\/\s*$/, '').trim();
  }
  return undefined;
}

function printTable(rows) {
  if (rows.length === 0) return;
  const cells = [['severity', 'check', 'source', 'verdict'], ...rows.map((row) => [`${row.severity}/${row.confidence}`, row.check, row.where, row.verdict === 'listed' ? `listed: ${row.description}` : row.verdict])];
  const widths = cells[0].map((_, c) => Math.min(70, Math.max(...cells.map((row) => row[c].length))));
  for (const row of cells) console.log(row.map((cell, c) => cell.slice(0, 70).padEnd(widths[c])).join(' | '));
}
