/**
 * The YAML layer shared by the project file and the secrets file: parse with positions,
 * turn syntax errors and validation problems into problems with a line, and remember how
 * the user indents so that a rewrite looks like their file.
 */
import { type Document, LineCounter, type ToStringOptions, isCollection, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { Problem } from '../model/problems';
import { keyName, locatePath } from './locate';

/** A problem with the place in the file it comes from (1-based line and column). */
export interface LocatedProblem extends Problem {
  line: number;
  column: number;
}

export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
  /** YAML syntax errors (duplicate keys included); empty when the text is well-formed YAML. */
  problems: LocatedProblem[];
}

const styles = new WeakMap<Document, ToStringOptions>();

/** The fixed part of how we write YAML: never fold long lines (a one-word edit must stay a one-line diff). */
const BASE_STYLE: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  styles.set(document, { ...BASE_STYLE, ...detectIndentation(text) });
  keepKeyLineComments(document, text);
  // A syntax error usually sets off a cascade of follow-on errors; only duplicate keys are each
  // real, so report them all plus the first syntax error.
  const firstSyntax = document.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  const reported = document.errors.filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntax);
  const problems = reported.map((error): LocatedProblem => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message =
      error.code === 'DUPLICATE_KEY'
        ? `duplicate key ${keyAt(text, error.pos[0])}: a key may appear only once in a mapping; remove or rename one of them`
        : `invalid YAML: ${error.message}${syntaxHint(error.message)}`;
    return { path: [], message, line, column: col };
  });
  return { document, lineCounter, problems };
}

/** How to write a document: its user's indentation when it was parsed, else ours. */
export function styleFor(document: Document | undefined): ToStringOptions {
  return (document && styles.get(document)) ?? BASE_STYLE;
}

/**
 * `key: # note` above a nested block: yaml files the note under the block, so it would move to a
 * line of its own on write. Giving it to the key keeps it where the user put it.
 */
function keepKeyLineComments(document: Document, text: string): void {
  visit(document, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || !isCollection(value) || value.flow || !value.commentBefore || !key.range || !value.range) return;
      const afterKey = text.slice(key.range[1], value.range[0]).split('\n')[0];
      if (!afterKey.includes('#')) return;
      const [first, ...rest] = value.commentBefore.split('\n');
      key.comment = first;
      value.commentBefore = rest.length > 0 ? rest.join('\n') : undefined;
    },
  });
}

function keyAt(text: string, offset: number): string {
  const raw = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? '';
  return `"${raw.replace(/^["']|["']$/g, '')}"`;
}

/**
 * The user's indent width, and whether list items sit deeper than their key (`indentSeq`): what
 * most of their `key:` lines followed by a nested block do.
 */
function detectIndentation(text: string): ToStringOptions {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const depth = (line: string) => line.length - line.trimStart().length;
  const widths = new Map<number, number>();
  let deeperLists = 0;
  let flushLists = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/:\s*(#.*)?$/.test(lines[i])) continue;
    const deeper = depth(lines[i + 1]) - depth(lines[i]);
    const isList = /^\s*- /.test(lines[i + 1]);
    if (isList && deeper === 0) flushLists++;
    else if (deeper > 0) {
      if (isList) deeperLists++;
      widths.set(deeper, (widths.get(deeper) ?? 0) + 1);
    }
  }
  const [indent] = [...widths].sort(([w1, n1], [w2, n2]) => n2 - n1 || w1 - w2)[0] ?? [];
  const indentSeq = deeperLists === flushLists ? undefined : deeperLists > flushLists;
  const style: ToStringOptions = {};
  // `{a: 1}` or `{ a: 1 }`: the first non-empty flow collection tells
  const flow = /(?:^|: |- )[{[](?:( )[^\s}\]]|[^\s}\]])/m.exec(text.replace(/^\s*#.*$/gm, ''));
  if (flow) style.flowCollectionPadding = flow[1] === ' ';
  if (indent !== undefined && indent >= 2 && indent <= 8) style.indent = indent;
  if (indentSeq !== undefined) style.indentSeq = indentSeq;
  return style;
}

/**
 * Places each validation problem in the file. A problem about several unknown keys of one mapping
 * becomes one problem per key, on the key's own line (validation already does this for one key).
 */
export function locateProblems(parsed: ParsedYaml, problems: Problem[]): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  for (const problem of problems) {
    const { position, node } = locatePath(parsed.document, problem.path, parsed.lineCounter);
    const named = isMap(node) && /unrecognized|unknown/i.test(problem.message) ? quotedNames(problem.message) : [];
    const present = named.filter((name) => isMap(node) && node.items.some((pair) => keyName(pair.key) === name));
    if (present.length === 0) out.push({ ...problem, ...position });
    for (const name of present) {
      const path = [...problem.path, name];
      out.push({ ...problem, path, ...locatePath(parsed.document, path, parsed.lineCounter).position });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function quotedNames(message: string): string[] {
  return [...message.matchAll(/["`]([^"`]+)["`]/g)].map((match) => match[1]);
}

/** The commonest slip in this format: `[param]` paths unquoted where YAML reads `[` as a list. */
function syntaxHint(message: string): string {
  return /flow-seq|flow sequence/i.test(message)
    ? ' (a value with `[` in it, such as a path `/users/[id]` inside `{...}`, must be quoted: "/users/[id]")'
    : '';
}
