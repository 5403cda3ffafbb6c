/**
 * From a field path (what validation reports) to a place in the file (what a person needs):
 * the deepest node that exists on the path. A missing field points at the key or list item
 * that holds its parent mapping; anything else at its own key.
 */
import { type Document, type LineCounter, isAlias, isMap, isNode, isScalar, isSeq } from 'yaml';
import type { FieldPath } from '../model/problems';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function startOf(node: unknown, lineCounter: LineCounter): Position | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

export interface Located {
  position: Position;
  /** The node at the end of the path, when every step of it exists. */
  node?: unknown;
}

export function locatePath(document: Document, path: FieldPath, lineCounter: LineCounter): Located {
  let node: unknown = document.contents;
  let position = startOf(node, lineCounter) ?? { line: 1, column: 1 };
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyName(p.key) === String(part));
      if (!pair) return { position };
      position = startOf(pair.key, lineCounter) ?? position;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && part < node.items.length) {
      node = node.items[part];
      position = startOf(node, lineCounter) ?? position;
    } else {
      return { position };
    }
  }
  return { position, node };
}
