/**
 * Route matching for one group in one stage: a segment trie built once per (re)load, walked in
 * priority order exact > [param] > trailing /* (GATEWAY_CHOICES.routePriority), backtracking so a
 * less specific route still answers when a more specific branch has no route for the path.
 */
import { GATEWAY_CHOICES } from '../shared/gateway/cloud-behaviour';

/** What a route table holds for each (path pattern, method); the server's compiled API. */
export interface RouteTarget {
  /** Request path pattern, e.g. `/users/[id]/*`. */
  pattern: string;
  /** Upper-case method, or `ANY`. */
  method: string;
}

export interface RouteHit<T> {
  target: T;
  /** Path parameters by name, decoded. */
  params: Record<string, string>;
  /** For a `/*` route: the part of the wire path the `*` matched (no leading slash), else undefined. */
  rest?: string;
}

interface Entry<T> {
  target: T;
  /** Parameter name for each segment position of the pattern (undefined for literal segments). */
  paramNames: Array<string | undefined>;
  /** The hit of a pattern without parameters or `/*`, made once and shared by its calls. */
  fixedHit?: RouteHit<T>;
}

interface Leaf<T> {
  byMethod: Map<string, Entry<T>>;
}

interface TrieNode<T> {
  exact: Map<string, TrieNode<T>>;
  param?: TrieNode<T>;
  /** Routes ending here. */
  end?: Leaf<T>;
  /** Routes whose pattern ends with `/*` after this node's segments. */
  wildcard?: Leaf<T>;
}

const PARAM_SEGMENT = /^\[([^\]]+)\]$/;
const NO_PARAMS: Record<string, string> = Object.freeze({});

export class RouteTable<T extends RouteTarget> {
  private readonly root: TrieNode<T> = newNode();
  /** Pattern/method pairs added twice; the first stays (reported by the caller). */
  readonly conflicts: Array<{ kept: T; dropped: T }> = [];
  size = 0;

  add(target: T): void {
    let pattern = target.pattern;
    let wildcard = false;
    if (pattern === '/*' || pattern.endsWith('/*')) {
      wildcard = true;
      pattern = pattern.slice(0, -2);
    }
    const segments = pattern === '' || pattern === '/' ? [] : pattern.replace(/^\//, '').split('/');
    const paramNames: Array<string | undefined> = [];
    let node = this.root;
    for (const segment of segments) {
      const param = PARAM_SEGMENT.exec(segment);
      if (param) {
        node.param ??= newNode();
        node = node.param;
        paramNames.push(param[1]);
      } else {
        let next = node.exact.get(segment);
        if (!next) node.exact.set(segment, (next = newNode()));
        node = next;
        paramNames.push(undefined);
      }
    }
    const leaf = wildcard ? (node.wildcard ??= { byMethod: new Map() }) : (node.end ??= { byMethod: new Map() });
    const existing = leaf.byMethod.get(target.method);
    if (existing) {
      this.conflicts.push({ kept: existing.target, dropped: target });
      return;
    }
    const entry: Entry<T> = { target, paramNames };
    if (!wildcard && !paramNames.some((name) => name !== undefined)) entry.fixedHit = { target, params: NO_PARAMS };
    leaf.byMethod.set(target.method, entry);
    this.size++;
  }

  /**
   * Finds the route for a request. `segments` are the decoded path segments (the path without its
   * leading slash, split on `/`); `wireSegments` the same segments as sent, for the `/*` remainder.
   */
  match(method: string, segments: readonly string[], wireSegments: readonly string[]): RouteHit<T> | undefined {
    const found = this.walk(this.root, method, segments, 0);
    if (!found) return undefined;
    const { entry, depth, wildcard } = found;
    if (entry.fixedHit) return entry.fixedHit;
    const params: Record<string, string> = {};
    for (let i = 0; i < entry.paramNames.length; i++) {
      const name = entry.paramNames[i];
      if (name !== undefined) params[name] = segments[i];
    }
    const hit: RouteHit<T> = { target: entry.target, params };
    if (wildcard) hit.rest = wireSegments.slice(depth).join('/');
    return hit;
  }

  private walk(node: TrieNode<T>, method: string, segments: readonly string[], i: number): Found<T> | undefined {
    if (i === segments.length) {
      const atEnd = pick(node.end, method);
      if (atEnd) return { entry: atEnd, depth: i, wildcard: false };
      if (GATEWAY_CHOICES.wildcardMatchesBarePrefix) {
        const bare = pick(node.wildcard, method);
        if (bare) return { entry: bare, depth: i, wildcard: true };
      }
      return undefined;
    }
    const segment = segments[i];
    const exact = node.exact.get(segment);
    if (exact) {
      const found = this.walk(exact, method, segments, i + 1);
      if (found) return found;
    }
    // A parameter stands for one non-empty segment.
    if (node.param && segment !== '') {
      const found = this.walk(node.param, method, segments, i + 1);
      if (found) return found;
    }
    const rest = pick(node.wildcard, method);
    return rest ? { entry: rest, depth: i, wildcard: true } : undefined;
  }
}

interface Found<T> {
  entry: Entry<T>;
  depth: number;
  wildcard: boolean;
}

/** The route for the method (an exact method beats ANY). */
function pick<T>(leaf: Leaf<T> | undefined, method: string): Entry<T> | undefined {
  if (!leaf) return undefined;
  return leaf.byMethod.get(method) ?? leaf.byMethod.get('ANY');
}

function newNode<T>(): TrieNode<T> {
  return { exact: new Map() };
}
