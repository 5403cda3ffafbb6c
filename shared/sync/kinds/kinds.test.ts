// The sync kinds and the order derived from them (docs/sync.md "Adding a sync kind"): creates run
// in the order of kinds/index.ts with what a kind needs before it, deletions in reverse, every
// descriptor is complete and names actions and parameters the official SDK model declares, and no
// other file of shared/ or host/ keeps a list of the kinds of its own.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_MODEL_TABLE } from '../../../offline-cloud/sdk-model-table';
import { CloudIds } from '../../model/schema';
import { PHASE } from '../plan-types';
import { emptySnapshot } from '../snapshot';
import { ALL_KINDS, RELATION_PHASE, SYNC_KINDS, createPhase, deletePhase, emptyCloudIds, numberPhases, orderProblems, settingPhase, syncKind } from '.';
import type { SyncKind } from './kind';

const ROOT = join(__dirname, '../../..');
const NAMES = ALL_KINDS.map((kind) => kind.kind);
const cloudApi = SDK_MODEL_TABLE.actions.CloudAPI;

describe('the order of kinds/index.ts', () => {
  it('creates a kind only after every kind it needs (its parent too)', () => {
    expect(orderProblems(ALL_KINDS)).toEqual([]);
    for (const kind of ALL_KINDS) {
      for (const need of [...kind.needs, ...(kind.parent ? [kind.parent.kind] : [])]) expect(createPhase(need as never)).toBeLessThan(createPhase(kind.kind));
    }
  });

  it('takes a new kind as one more entry: its phases follow from its place, a wrong place is named', () => {
    // A kind inside a group, as a custom domain would be (its fields are not what is tested here).
    const domain: SyncKind<'domain'> = { ...syncKind('app'), kind: 'domain', needs: ['group'], parent: { kind: 'group', param: 'GroupId', key: () => '', idOf: () => undefined } } as SyncKind<'domain'>;
    const [group, ...rest] = ALL_KINDS;
    const phases = numberPhases([group, domain, ...rest]);
    expect(phases.create).toEqual({ group: 1, domain: 3, app: 4, throttlingPolicy: 5, plugin: 6, api: 7 });
    expect(phases.settings).toEqual({ stageVariable: 2, network: 2 });
    expect(phases.relation).toEqual({ unbind: 8, bind: 9, authorize: 10, deployment: 11 });
    expect(phases.remove).toEqual({ api: 12, plugin: 13, throttlingPolicy: 14, app: 15, domain: 16, group: 17 });
    expect(orderProblems([domain, ...ALL_KINDS])).toEqual(['domain needs group, which comes after it']);
    expect(orderProblems([{ ...domain, needs: ['certificate'] }, ...ALL_KINDS])).toContain('domain needs certificate, which is not a sync kind');
  });

  it('deletes in the reverse order, after every create, setting, relation and deployment', () => {
    const byDelete = [...NAMES].sort((a, b) => deletePhase(a) - deletePhase(b));
    expect(byDelete).toEqual([...NAMES].reverse());
    const lastOther = Math.max(...NAMES.map(createPhase), ...Object.values(RELATION_PHASE), PHASE.stageVariable, PHASE.groupNetwork);
    expect(Math.min(...NAMES.map(deletePhase))).toBe(lastOther + 1);
  });

  it('numbers the phases as the plan has always shown them (plan --json prints them)', () => {
    const phases = Object.fromEntries(NAMES.flatMap((name) => [[name, createPhase(name)], [`delete ${name}`, deletePhase(name)]]));
    expect({ ...phases, ...PHASE }).toEqual({
      info: 0,
      group: 1,
      stageVariable: 2,
      groupNetwork: 2,
      app: 3,
      throttlingPolicy: 4,
      plugin: 5,
      api: 6,
      unbind: 7,
      bind: 8,
      authorize: 9,
      deployment: 10,
      'delete api': 11,
      'delete plugin': 12,
      'delete throttlingPolicy': 13,
      'delete app': 14,
      'delete group': 15,
    });
  });

  it('runs a setting in the phase after its kind', () => {
    for (const kind of ALL_KINDS) for (const setting of kind.settings ?? []) expect(settingPhase(setting)).toBe(createPhase(kind.kind) + 1);
    expect(() => settingPhase('nothing')).toThrow(/no sync kind declares/);
  });
});

describe('every descriptor', () => {
  it('is complete: names, records and actions', () => {
    expect(new Set(NAMES).size).toBe(NAMES.length);
    expect(SYNC_KINDS.length).toBe(ALL_KINDS.length);
    for (const kind of ALL_KINDS) {
      for (const text of [kind.noun, kind.cloudNoun, kind.cloud.create.action, kind.cloud.create.idField, kind.cloud.modify, kind.cloud.delete, kind.cloud.idParam]) {
        expect(text, kind.kind).toMatch(/\S/);
      }
      const list = kind.cloud.list;
      for (const text of [list.action, list.path, list.idField, list.nameField, list.nameFilter]) expect(text, kind.kind).toMatch(/\S/);
      expect(list.pageSize).toBeGreaterThan(0);
      expect(kind.cloud.notFound.length, kind.kind).toBeGreaterThan(0);
      for (const fn of [kind.design, kind.name, kind.ref, kind.toParams, kind.designFields, kind.cloudFields]) expect(typeof fn).toBe('function');
    }
  });

  it('records its ids in a CloudIds field of its own, and CloudIds has no id record without a kind', () => {
    const records = ALL_KINDS.map((kind) => kind.ids);
    expect(new Set(records).size).toBe(records.length);
    const idRecords = Object.keys(CloudIds.shape).filter((field) => CloudIds.parse({})[field as keyof CloudIds] !== undefined && field !== 'syncedAt');
    expect(records.sort()).toEqual(idRecords.sort());
    expect(CloudIds.parse(emptyCloudIds())).toEqual(emptyCloudIds());
  });

  it('is pulled into a list of the snapshot of its own', () => {
    const snapshot = emptySnapshot('cn-hangzhou', '2026-01-01T00:00:00.000Z');
    const lists = ALL_KINDS.map((kind) => kind.snapshot);
    expect(new Set(lists).size).toBe(lists.length);
    for (const list of lists) expect(snapshot[list]).toEqual([]);
  });

  it('calls actions with the parameters the CloudAPI SDK model declares', () => {
    const declares = (action: string, param: string) => expect(Object.keys(cloudApi[action]?.params ?? {}), `${action} ${param}`).toContain(param);
    for (const kind of ALL_KINDS) {
      const { cloud, parent } = kind;
      for (const action of [cloud.list.action, cloud.create.action, cloud.modify, cloud.delete, ...(cloud.detail ? [cloud.detail.action] : [])]) {
        expect(cloudApi[action], `${kind.kind}: ${action}`).toBeDefined();
      }
      declares(cloud.modify, cloud.idParam);
      declares(cloud.delete, cloud.idParam);
      declares(cloud.list.action, cloud.list.nameFilter);
      if (cloud.detail) declares(cloud.detail.action, cloud.idParam);
      if (parent) for (const action of [cloud.create.action, cloud.modify, cloud.list.action, ...(cloud.detail ? [cloud.detail.action] : [])]) declares(action, parent.param);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// One list of kinds: kinds/index.ts

/** The kinds by their names, and by their names or id records (`throttlingPolicy`, `throttlingPolicies`). */
const KIND_NAMES = new Map<string, string>(ALL_KINDS.map((kind) => [kind.kind, kind.kind]));
const KIND_OR_RECORD = new Map<string, string>(ALL_KINDS.flatMap((kind) => [[kind.kind, kind.kind], [kind.ids, kind.kind]]));
const kindsIn = (text: string, pattern: RegExp, names = KIND_OR_RECORD) => new Set([...text.matchAll(pattern)].map((match) => names.get(match[1])).filter((name) => name !== undefined));

/**
 * Lists of four or more sync kinds (by name or id record) in a source text: a union or array of
 * them, an object keyed by them (ID_FIELD, NOUN, DELETE_PHASE, CLOUD_LISTS were such lists), or a
 * table of entries each naming one. Four, so that a reference naming an app, a group and an API
 * (an authorization) is not one.
 */
function kindLists(text: string): string[] {
  const found: string[] = [];
  for (const [match] of text.matchAll(/'\w+'(?:\s*\|\s*'\w+')+/g)) if (kindsIn(match, /'(\w+)'/g).size >= 4) found.push(match);
  for (const [match] of text.matchAll(/\[\s*'\w+'(?:\s*,\s*'\w+')+\s*,?\s*\]/g)) if (kindsIn(match, /'(\w+)'/g).size >= 4) found.push(match);
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const window = lines.slice(index, index + 12).join('\n');
    // Keys by kind name only: the design's lists and the id records share their names (`groups`, `apis`...).
    const keyed = kindsIn(window, /^\s*(\w+)\s*:/gm, KIND_NAMES).size >= 4 || kindsIn(line, /[{,]\s*(\w+)\s*:/g, KIND_NAMES).size >= 4;
    // A table of entries that each name a kind: `{ kind: 'group', ... }`, `{ record: 'groups', ... }`.
    const entries = kindsIn(window, /\w+:\s*'(\w+)'/g).size >= 4 && kindsIn(line, /\w+:\s*'(\w+)'/g).size > 0;
    if (keyed || entries) found.push(`line ${index + 1}: ${line.trim()}`);
  });
  return found;
}

/**
 * Allowed, with the reason: the design model's naming rules (names.ts: NamedKind) and the one-step
 * fix of refused names (name-fixes.ts: the design lists it walks) are about the design's named
 * objects, checked in the editor without sync; a sync kind need not be one of them.
 */
const ALLOWED = new Set(['shared/model/names.ts', 'shared/model/name-fixes.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

describe('one list of kinds', () => {
  it('finds the lists this rule forbids', () => {
    expect(kindLists("type ObjectKind = 'group' | 'api' | 'app' | 'throttlingPolicy' | 'plugin';")).toHaveLength(1);
    expect(kindLists("const ID_FIELD = { group: 'groups', api: 'apis', app: 'apps', throttlingPolicy: 'throttlingPolicies', plugin: 'plugins' };")).toHaveLength(1);
    expect(kindLists('const DELETE_PHASE = {\n  group: 15,\n  app: 14,\n  throttlingPolicy: 13,\n  plugin: 12,\n};')).not.toHaveLength(0);
    expect(kindLists("const RECORDS = [\n  { record: 'groups', kind: 'group' },\n  { record: 'apis', kind: 'api' },\n  { record: 'apps', kind: 'app' },\n  { record: 'plugins', kind: 'plugin' },\n];")).not.toHaveLength(0);
    expect(kindLists("const authorization = { app: 'caller', group: 'users', api: 'get_user', stage: 'TEST' };")).toEqual([]);
    expect(kindLists('export const Project = z.strictObject({\n  groups: z.array(Group),\n  apis: z.array(Api),\n  apps: z.array(App),\n  plugins: z.array(Plugin),\n});')).toEqual([]);
  });

  it('has no second list of the sync kinds in shared/ or host/ outside kinds/', () => {
    const offenders = [...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'host'))]
      .filter((path) => !path.startsWith('shared/sync/kinds/') && !ALLOWED.has(path))
      .flatMap((path) => kindLists(readFileSync(join(ROOT, path), 'utf8')).map((list) => `${path}: ${list}`));
    expect(offenders).toEqual([]);
  });
});
