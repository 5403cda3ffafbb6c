/**
 * The rooms of the repository and which of them each may import (docs/architecture.md "Rules").
 * One table, read by an ESLint rule that resolves every relative import to the file it names, so
 * `../../host/sync/apply` and `../sync/apply` are judged alike wherever they are written.
 *
 * A room is a top-level folder, except inside host/ where every feature folder is a room of its
 * own and host/base/ is the floor all features stand on. A host feature reaches another feature
 * (and the host reaches the offline cloud) only through that room's door, its index.ts.
 * Tests and their helpers (`*.test.ts`, `testing/`) drive the rooms from outside and are not held
 * to the table; e2e/, bench/ and scripts/ are such drivers as a whole.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** What each room may import besides itself; `door:` means only through that room's index.ts. */
export const ALLOWED = {
  'shared': ['shared'],
  'shared/node': ['shared'],
  'renderer': ['shared'],
  'local-gateway': ['shared', 'shared/node'],
  'offline-cloud': ['shared', 'shared/node', 'local-gateway'],
  'host/base': ['shared', 'shared/node'],
  'host/*': ['shared', 'shared/node', 'host/base', 'door:host/*', 'door:offline-cloud'],
  'electron': ['shared', 'shared/node', 'host/base', 'door:host/*'],
};

/** Rules inside a room: the importing file's path prefix, the imported path prefix, and why not. */
export const FORBIDDEN_INSIDE = [
  { from: 'renderer/data/', to: 'renderer/screens/', why: 'renderer/data/ (the stores) never imports a screen: screens use the stores, not the other way round.' },
  { from: 'renderer/data/', to: 'renderer/app/', why: 'renderer/data/ (the stores) never imports the app shell.' },
  // The transport is installed once by the entry (renderer/main.tsx) and used by the stores.
  { from: 'renderer/screens/', to: 'renderer/data/transport', why: 'Screens never call the host transport directly: they go through a store in renderer/data/.' },
  { from: 'renderer/components/', to: 'renderer/data/transport', why: 'Components never call the host transport directly: they go through a store in renderer/data/.' },
  { from: 'renderer/app/', to: 'renderer/data/transport', why: 'The app shell never calls the host transport directly: it goes through a store in renderer/data/.' },
];

const DRIVERS = /(^|\/)(e2e|bench|scripts)\/|\.test\.tsx?$|(^|\/)testing\//;

/** The room a repository path belongs to, or undefined for files outside every room. */
export function roomOf(path) {
  const host = /^host\/([^/]+)\//.exec(path);
  if (host) return host[1] === 'base' ? 'host/base' : `host/${host[1]}`;
  if (path.startsWith('shared/node/')) return 'shared/node';
  const top = /^(shared|renderer|local-gateway|offline-cloud|electron)\//.exec(path);
  return top?.[1];
}

/** `host/sync` or `host/sync/index`: the folder's door, not a file behind it. */
const isDoor = (to, room) => to === room || to === `${room}/index`;

/** Why `from` may not import `to` (both repository paths, `to` without extension), or undefined. */
export function importProblem(from, to) {
  if (DRIVERS.test(from)) return undefined;
  const inside = FORBIDDEN_INSIDE.find((rule) => from.startsWith(rule.from) && (to === rule.to || to.startsWith(rule.to)));
  if (inside) return inside.why;
  const mine = roomOf(from);
  // `to` may name a folder (its door) or a file: either way `${to}/index` lies inside its room.
  const theirs = roomOf(`${to}/index`);
  if (!mine || !theirs || mine === theirs) return undefined;
  const allowed = ALLOWED[mine.startsWith('host/') && mine !== 'host/base' ? 'host/*' : mine] ?? [];
  const theirsPattern = theirs.startsWith('host/') && theirs !== 'host/base' ? 'host/*' : theirs;
  if (allowed.includes(theirs)) return undefined;
  if (allowed.includes(`door:${theirsPattern}`)) {
    if (isDoor(to, theirs)) return undefined;
    return `${mine}/ reaches ${theirs}/ only through its door, ${theirs}/index.ts: import the folder, not one of its files.`;
  }
  const may = allowed.map((room) => room.replace(/^door:(.*)$/, '$1 (through its index.ts)')).join(', ') || 'nothing outside itself';
  return `${mine}/ may not import ${theirs}/: it may import ${may}.`;
}

/** The ESLint rule: every relative import (and re-export, and dynamic import) is checked. */
export const roomsRule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the table of rooms in scripts/eslint/rooms.mjs.' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const from = relative(root, context.filename).split(sep).join('/');
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = relative(root, resolve(dirname(context.filename), source.value)).split(sep).join('/').replace(/\.(tsx?|mjs|js)$/, '');
      const problem = importProblem(from, to);
      if (problem) context.report({ node, message: problem });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const roomsPlugin = { rules: { 'allowed-imports': roomsRule } };
