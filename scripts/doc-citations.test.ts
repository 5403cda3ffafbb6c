// Every fact the code relies on is cited from the repository's own docs/ (docs/architecture.md,
// "Habits"): a maintainer with a clone alone must be able to follow each citation. This fails when
// a source file cites a document outside the repository (../shared/reference, DESIGN.md,
// STYLE.md, "reference §…"), names a docs/<file>.md that does not exist, or quotes a section
// of it that the file does not have.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const FOLDERS = ['shared', 'local-gateway', 'offline-cloud', 'renderer', 'electron', 'host', 'bench', 'scripts', 'e2e', 'bin'];
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|yml|yaml)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'test-results']);
/** This file names the patterns it looks for, so it is the one file they may appear in. */
const SELF = 'scripts/doc-citations.test.ts';

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function allSources(): string[] {
  const topLevel = readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(ROOT, entry.name));
  return [...topLevel, ...FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))]
    .map((path) => relative(ROOT, path).split('\\').join('/'))
    .filter((path) => path !== SELF)
    .sort();
}

/** A comment's lines joined into one line, so that a citation broken over two lines reads as one. */
function joinLines(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*(?:\*(?!\/)|\/\/+|#)?[ \t]*/g, ' ');
}

/** Ways the code cited documents that live outside the repository. */
const OUTSIDE: Array<[RegExp, string]> = [
  [/(?<!RFC \d+ )§/, 'a numbered section (§) of a document outside the repository'],
  [/\b(?:DESIGN|STYLE)\.md\b/, 'DESIGN.md / STYLE.md, which live outside the repository'],
  [/shared\/reference|\breference\/[\w-]+\.md/, '../shared/reference, which lives outside the repository'],
  [/\(reference:|\breference\s*§/i, '"(reference: …)" / "reference §…"'],
  [/\breference['’]s\b/i, '"the reference\'s …"'],
  [/\b(?:of|in|from|by|like|as) the reference\b/i, '"… the reference" as a document'],
  [/\bthe reference\s+(?:describes|gives|leaves|names|confirms|lists|says|infers|records)\b/i, '"the reference <verb>s" as a document'],
  [/\breference shape\b/i, '"the reference shape"'],
  [/\b(?:control|data) plane §/i, '"control plane §…" / "data plane §…"'],
];

export interface Citation {
  doc: string;
  sections: string[];
  anchor?: string;
}

/** `docs/<file>.md`, then optionally `#anchor` or one or more quoted section names. */
const CITATION = /\bdocs\/([\w.-]+\.md)(?:#([\w-]+)|((?:\s*[,:(]?\s*"[^"\n]+"(?:\s*(?:,|and)\s*"[^"\n]+")*)))?/g;

export function citationsIn(text: string): Citation[] {
  const found: Citation[] = [];
  for (const match of joinLines(text).matchAll(CITATION)) {
    const sections = [...(match[3] ?? '').matchAll(/"([^"\n]+)"/g)].map((m) => m[1]);
    found.push({ doc: match[1], sections, anchor: match[2] });
  }
  return found;
}

export function outsideCitationsIn(text: string): string[] {
  const joined = joinLines(text);
  return OUTSIDE.filter(([pattern]) => pattern.test(joined)).map(([pattern, what]) => `${what}: "${joined.match(pattern)?.[0]}"`);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as '-'. */
function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/**
 * The sections of a doc a comment may name: its headings, and the bold labels that open a
 * paragraph or list item (`**Idempotency**: …`, `- **Methods.** …`), with or without backticks
 * and a closing period.
 */
export function sectionsOf(markdown: string): { names: Set<string>; anchors: Set<string> } {
  const names = new Set<string>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    const label = /^\s*(?:[-*]\s+)?(?:<a id="[^"]*"><\/a>)?\*\*([^*]+?)[.:]?\*\*/.exec(line)?.[1];
    for (const name of [heading, label]) {
      if (!name) continue;
      // A heading may be cited without its closing remark: "Fault injection" for "Fault injection (tests)".
      for (const form of [name, name.replace(/\s*\([^)]*\)$/, '')]) {
        names.add(form);
        names.add(form.replace(/`/g, ''));
      }
    }
    if (heading) anchors.add(slug(heading));
    for (const id of line.matchAll(/<a id="([^"]+)">/g)) anchors.add(id[1]);
  }
  return { names, anchors };
}

describe('citations in source files', () => {
  const files = allSources();
  const texts = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('cite no document outside the repository', () => {
    const problems = files.flatMap((file) => outsideCitationsIn(texts.get(file) ?? '').map((what) => `${file}: ${what}`));
    expect(problems).toEqual([]);
  });

  it('cite docs that exist, and sections those docs have', () => {
    const docs = new Map<string, ReturnType<typeof sectionsOf> | null>();
    const docSections = (doc: string) => {
      if (!docs.has(doc)) {
        const path = join(ROOT, 'docs', doc);
        docs.set(doc, existsSync(path) ? sectionsOf(readFileSync(path, 'utf8')) : null);
      }
      return docs.get(doc);
    };
    const problems: string[] = [];
    for (const file of files) {
      for (const citation of citationsIn(texts.get(file) ?? '')) {
        const sections = docSections(citation.doc);
        if (!sections) {
          problems.push(`${file}: docs/${citation.doc} does not exist`);
          continue;
        }
        for (const name of citation.sections) {
          if (!sections.names.has(name)) problems.push(`${file}: docs/${citation.doc} has no section "${name}"`);
        }
        if (citation.anchor && !sections.anchors.has(citation.anchor)) problems.push(`${file}: docs/${citation.doc} has no anchor #${citation.anchor}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the citation checks themselves', () => {
  it.each([
    '/** Throttling limits (reference: data plane §7). */',
    '// Layout (reference §1.2): five fixed lines',
    ' * Plug-ins (reference\n * §2.9): CreatePlugin',
    '/** The reference gives no length for InstanceName. */',
    "  it('lists the seeded VPCs in the reference shape', async () => {",
    '// run (DESIGN.md: benchmarks print ratios)',
    ' * (reference/alibaba-openapi-control-plane.md §3.5)',
    '// signing with node:crypto as the reference describes.',
    "/** The reference's X-Ca-Error-Message template. */",
  ])('refuses %j', (text) => {
    expect(outsideCitationsIn(text)).not.toEqual([]);
  });

  it.each([
    '/** Renaming an object with every reference to it. */',
    ' * A dialog that adds one reference. (the\n * reference is already there)',
    "hint={`Renaming updates every reference: ${apiCount} APIs`}",
    '// Hop-by-hop headers (RFC 9110 §7.6.1)',
    'const reference = sameLength ? a : b;',
    '/** Throttling limits (docs/alibaba-data-plane.md, "Throttling"). */',
  ])('accepts %j', (text) => {
    expect(outsideCitationsIn(text)).toEqual([]);
  });

  it('reads a citation over two comment lines, with one or more sections', () => {
    expect(citationsIn(' * limits (docs/alibaba-openapi.md,\n * "Dedicated instances" and "Instance specifications").')).toEqual([
      { doc: 'alibaba-openapi.md', sections: ['Dedicated instances', 'Instance specifications'], anchor: undefined },
    ]);
    expect(citationsIn('// see docs/local-gateway.md#base-path')).toEqual([{ doc: 'local-gateway.md', sections: [], anchor: 'base-path' }]);
  });

  it('knows a doc by its headings and bold labels', () => {
    const { names, anchors } = sectionsOf('# Title\n\n## The `apigw` CLI\n\n**Methods.** text\n\n```\n## not a heading\n```\n');
    expect([...names]).toEqual(['Title', 'The `apigw` CLI', 'The apigw CLI', 'Methods']);
    expect(sectionsOf('## Fault injection (tests)\n').names.has('Fault injection')).toBe(true);
    expect([...anchors]).toEqual(['title', 'the-apigw-cli']);
  });
});
