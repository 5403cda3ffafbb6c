/** Writing a value as YAML text, into the user's own document when there is one. */
import { Document, isAlias, isCollection, isMap, isScalar, parseDocument, visit } from 'yaml';
import { safeParse } from 'zod';
import { deepEqual } from './deep-equal';
import { createNode, updateDocument } from './document-update';
import type { Schema } from './schema-walk';
import { styleFor } from './yaml-text';

/**
 * The text for `value`. With `previous` (the document that was loaded), that document is updated
 * in place and written, so comments and key order survive; without it, a new document in normal
 * form with `header` as its first comment. The same value and document always give the same text.
 */
export function serializeWith(schema: Schema, value: unknown, previous: Document | undefined, header: string): string {
  // A document with YAML errors cannot be written back; such a file is never saved over anyway.
  if (previous && previous.errors.length === 0) {
    const hadAliases = containsAlias(previous);
    updateDocument(previous, value, schema);
    // Anchors and aliases are the one place an in-place edit can go wrong (an alias left pointing
    // at an anchor that moved or went away), so only then is the result checked by reading it back.
    const text = hadAliases ? writeChecked(previous, schema, value) : previous.toString(styleFor(previous));
    if (text !== undefined) return text;
    previous.contents = createNode(previous, value, schema) as Document['contents'];
    return previous.toString(styleFor(previous));
  }
  const document = new Document();
  document.contents = createNode(document, value, schema) as Document['contents'];
  document.commentBefore = header;
  separateSections(document);
  return document.toString(styleFor(undefined));
}

function containsAlias(document: Document): boolean {
  let found = false;
  visit(document, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found || isAlias(document.contents);
}

function writeChecked(document: Document, schema: Schema, value: unknown): string | undefined {
  try {
    const text = document.toString(styleFor(document));
    const reread = safeParse(schema, parseDocument(text).toJS());
    return reread.success && deepEqual(reread.data, value) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A blank line before each top-level list or mapping, so sections stand apart as in a hand-written file. */
function separateSections(document: Document): void {
  if (!isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    if (isCollection(pair.value) && isScalar(pair.key)) pair.key.spaceBefore = true;
  }
}
