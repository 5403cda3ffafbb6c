/**
 * Writes a value into an existing YAML document in place, so that what the user wrote by hand
 * survives a save: their key order, comments, quoting and anchors stay wherever the value did
 * not change. Changed scalars are set, list items are matched by identity (name, version, ...)
 * so comments travel with their item, and new content is written in the schema's normal form.
 */
import { type Document, type Node, type Pair, type YAMLMap, type YAMLSeq, Scalar, isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import { safeParse } from 'zod';
import { deepEqual } from './deep-equal';
import { keyName } from './locate';
import { isDefaultValue, normalForm, orderedKeys } from './normal-form';
import { type Schema, shapeOf } from './schema-walk';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new node for `value` in normal form, multi-line strings as `|` block scalars. */
export function createNode(document: Document, value: unknown, schema: Schema | undefined): Node {
  const node = document.createNode(normalForm(value, schema), { aliasDuplicateObjects: false }) as Node;
  useBlockScalars(node);
  return node;
}

function useBlockScalars(node: unknown): void {
  visit(node as Node, {
    Scalar(key, scalar) {
      if (key !== 'key' && typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
    },
  });
}

export function updateDocument(document: Document, value: unknown, schema: Schema): void {
  document.contents = updateNode(document, document.contents, value, schema) as Document['contents'];
}

function updateNode(document: Document, node: unknown, value: unknown, schema: Schema | undefined): unknown {
  if (isAlias(node)) {
    // An alias stays only while what it points at still loads as the wanted value.
    const target = node.resolve(document);
    return target && loadsAs(target, value, schema, document) ? node : createNode(document, value, schema);
  }
  const shape = schema ? shapeOf(schema, value) : ({ kind: 'other' } as const);
  if (isMap(node) && isPlainObject(value)) {
    if (shape.kind === 'object') {
      updateMap(document, node, value, { schemaOf: (key) => shape.fields[key], order: shape.order, isObject: true });
    } else {
      const record = shape.kind === 'record' ? shape.value : undefined;
      updateMap(document, node, value, { schemaOf: () => record, order: Object.keys(value), isObject: false });
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    updateSeq(document, node, value, shape.kind === 'array' ? shape.element : undefined);
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    setScalar(node, value);
    return node;
  }
  return createNode(document, value, schema);
}

function loadsAs(node: unknown, value: unknown, schema: Schema | undefined, document: Document): boolean {
  const raw = (node as Node).toJS(document);
  if (!schema) return deepEqual(raw, value);
  const parsed = safeParse(schema, raw);
  return parsed.success && deepEqual(parsed.data, value);
}

function setScalar(node: Scalar, value: unknown): void {
  if (node.value === value) return;
  node.value = value;
  const multiLine = typeof value === 'string' && value.includes('\n');
  if (multiLine) node.type = Scalar.BLOCK_LITERAL;
  else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = undefined;
}

interface MapSchema {
  schemaOf: (key: string) => Schema | undefined;
  /** Where new keys go: the schema's order for an object, the value's for a record. */
  order: string[];
  /** An object of the model (its defaults may be left out), not a record of names. */
  isObject: boolean;
}

/**
 * Keys the value lacks are removed; keys it adds are inserted where the schema's order puts them,
 * unless they only repeat a default (the file did not say it, so neither do we).
 */
function updateMap(document: Document, map: YAMLMap, value: Plain, { schemaOf, order, isObject }: MapSchema): void {
  const present = new Set<string>();
  map.items = map.items.filter((pair) => {
    const key = keyName(pair.key);
    if (value[key] === undefined || present.has(key)) return false;
    present.add(key);
    pair.value = updateNode(document, pair.value, value[key], schemaOf(key));
    return true;
  });
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index < 0 ? order.length : index;
  };
  for (const key of orderedKeys(value, order)) {
    const item = value[key];
    if (present.has(key) || item === undefined) continue;
    if (isObject && isDefaultValue(schemaOf(key), item)) continue;
    const pair = document.createPair(key, createNode(document, item, schemaOf(key))) as Pair;
    const before = isObject ? map.items.findIndex((p) => rank(keyName(p.key)) > rank(key)) : -1;
    if (before < 0) map.items.push(pair);
    else map.items.splice(before, 0, pair);
  }
}

/** Fields that tell list items apart, so an edited, moved or removed item keeps its own comments. */
const IDENTITY_FIELDS = ['type', 'group', 'api', 'stage', 'app', 'name', 'version', 'requestParameter', 'code', 'appKey', 'key'];

function identityOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return 'list';
  return JSON.stringify(IDENTITY_FIELDS.map((field) => (value as Plain)[field] ?? null));
}

function identityOfNode(node: unknown, document: Document): string {
  const target = isAlias(node) ? node.resolve(document) : node;
  if (isScalar(target)) return identityOf(target.value);
  if (isSeq(target)) return 'list';
  if (isMap(target)) {
    return JSON.stringify(
      IDENTITY_FIELDS.map((field) => {
        const item = target.get(field, true);
        return isScalar(item) ? (item.value ?? null) : null;
      }),
    );
  }
  return 'other';
}

function kindOfNode(node: unknown, document: Document): string {
  const target = isAlias(node) ? node.resolve(document) : node;
  return isMap(target) ? 'map' : isSeq(target) ? 'list' : 'scalar';
}

function kindOfValue(value: unknown): string {
  return Array.isArray(value) ? 'list' : isPlainObject(value) ? 'map' : 'scalar';
}

function updateSeq(document: Document, seq: YAMLSeq, values: unknown[], element: Schema | undefined): void {
  const old = seq.items;
  const byIdentity = new Map<string, { indexes: number[]; next: number }>();
  old.forEach((node, index) => {
    const id = identityOfNode(node, document);
    const entry = byIdentity.get(id);
    if (entry) entry.indexes.push(index);
    else byIdentity.set(id, { indexes: [index], next: 0 });
  });
  const used = new Set<number>();
  const match: (number | undefined)[] = values.map((value) => {
    const entry = byIdentity.get(identityOf(value));
    const index = entry?.indexes[entry.next];
    if (entry && index !== undefined) {
      entry.next++;
      used.add(index);
    }
    return index;
  });
  // An item whose identity changed (renamed, say) keeps the node at its old position.
  values.forEach((value, i) => {
    if (match[i] === undefined && i < old.length && !used.has(i) && kindOfNode(old[i], document) === kindOfValue(value)) {
      match[i] = i;
      used.add(i);
    }
  });
  // A comment between `key:` and the first item is stored on the list, but describes that item:
  // when the item moves or goes, the comment goes with it.
  if (seq.commentBefore && old.length > 0 && match[0] !== 0) {
    const first = old[0] as Node;
    first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
    seq.commentBefore = undefined;
  }
  seq.items = values.map((value, i) => {
    const index = match[i];
    return index === undefined ? createNode(document, value, element) : updateNode(document, old[index], value, element);
  });
}
