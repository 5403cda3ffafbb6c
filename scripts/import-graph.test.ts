// No import circles (docs/architecture.md "Rules"): neither between two source files, nor between
// two rooms (a host feature, or a top-level folder). A circle means neither side can be read,
// tested or moved without the other; type-only imports count too, since they tie the same knot.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roomOf } from './eslint/rooms.mjs';

const REPO = join(import.meta.dirname, '..');
const FOLDERS = ['shared', 'host', 'electron', 'local-gateway', 'offline-cloud', 'renderer'];
const SOURCE = /\.tsx?$/;
const NOT_SOURCE = /\.test\.tsx?$|\.d\.ts$|(^|\/)testing\/|^renderer\/vite\.config\.ts$/;
// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, relative ones only.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (name === 'node_modules') return [];
    if (statSync(join(REPO, path)).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !NOT_SOURCE.test(path) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = normalize(join(dirname(from), specifier)).split('\\').join('/');
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((path) => known.has(path));
}

function importGraph(): Map<string, Set<string>> {
  const files = FOLDERS.flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of readFileSync(join(REPO, file), 'utf8').matchAll(SPECIFIER)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? match[3], known);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one node (Tarjan): each is a circle. */
export function circles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function roomGraph(files: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const rooms = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = roomOf(file)!;
    const edges = rooms.get(from) ?? new Set<string>();
    rooms.set(from, edges);
    for (const target of targets) if (roomOf(target) !== from) edges.add(roomOf(target)!);
  }
  return rooms;
}

describe('the import graph', () => {
  const graph = importGraph();

  it('is read: every folder has files and imports', () => {
    for (const folder of FOLDERS) expect([...graph.keys()].some((file) => file.startsWith(`${folder}/`)), folder).toBe(true);
    expect([...graph.values()].reduce((sum, targets) => sum + targets.size, 0)).toBeGreaterThan(500);
  });

  it('has no circle between files', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no circle between rooms (host features and top-level folders)', () => {
    expect(circles(roomGraph(graph))).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const planted = new Map(graph);
    planted.set('host/base/host-error.ts', new Set([...graph.get('host/base/host-error.ts')!, 'host/sync/apply.ts']));
    planted.set('host/sync/apply.ts', new Set([...graph.get('host/sync/apply.ts')!, 'host/base/host-error.ts']));
    expect(circles(planted).some((circle) => circle.includes('host/base/host-error.ts') && circle.includes('host/sync/apply.ts'))).toBe(true);
    expect(circles(roomGraph(planted)).flat()).toEqual(expect.arrayContaining(['host/base', 'host/sync']));
  });
});
