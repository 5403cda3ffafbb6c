import { describe, expect, it } from 'vitest';
import { Project } from './schema';
import { abolishApi, deployApi, findDeployment, rollbackApi, rollbackTargets, servedApis, servedRecord } from './stages';

const ref = { group: 'shop', api: 'list_items' };
const at = '2026-11-23T09:00:00.000Z';

function project(): Project {
  return Project.parse({
    format: 'apigw-studio/v1',
    name: 'shop',
    groups: [{ name: 'shop' }],
    apis: [{ name: 'list_items', group: 'shop', request: { method: 'GET', path: '/items' }, backend: { type: 'MOCK', body: 'v1' } }],
  });
}

function withBody(p: Project, body: string): Project {
  return { ...p, apis: p.apis.map((a) => ({ ...a, backend: { type: 'MOCK' as const, statusCode: 200, headers: [], body } })) };
}

describe('stages', () => {
  it('deploy snapshots the working copy, which later edits do not change', () => {
    const deployed = deployApi(project(), ref, 'TEST', { description: 'first', at });
    const edited = withBody(deployed, 'v2');
    const record = servedRecord(findDeployment(edited, ref, 'TEST'));
    expect(record).toMatchObject({ version: 1, at, description: 'first' });
    expect(record?.definition.backend).toMatchObject({ body: 'v1' });
    expect(servedApis(edited, 'RELEASE')).toEqual([]);
  });

  it('offers to roll back to earlier snapshots, never to what the stage serves now', () => {
    let p = deployApi(project(), ref, 'RELEASE', { at });
    p = deployApi(withBody(p, 'v2'), ref, 'RELEASE', { at });
    expect(rollbackTargets(findDeployment(p, ref, 'RELEASE'))).toEqual([1]);
    p = abolishApi(p, ref, 'RELEASE', { at });
    // Nothing is served after an abolish: both snapshots may be served again.
    expect(rollbackTargets(findDeployment(p, ref, 'RELEASE'))).toEqual([1, 2]);
    p = rollbackApi(p, ref, 'RELEASE', 2, { at });
    // Version 4 re-serves 2: rolling back to 2 would change nothing.
    expect(rollbackTargets(findDeployment(p, ref, 'RELEASE'))).toEqual([1]);
    expect(rollbackTargets(undefined)).toEqual([]);
    // rollbackApi follows the same rule: by default the latest target, never what is served now.
    expect(() => rollbackApi(p, ref, 'RELEASE', 2, { at })).toThrow(/serves that version now/);
    expect(findDeployment(rollbackApi(p, ref, 'RELEASE', undefined, { at }), ref, 'RELEASE')!.history.at(-1)).toMatchObject({ version: 5, rollbackOf: 1 });
  });

  it('numbers versions per stage and rolls back by appending a copy', () => {
    let p = deployApi(project(), ref, 'RELEASE', { at });
    p = deployApi(withBody(p, 'v2'), ref, 'RELEASE', { at });
    p = rollbackApi(p, ref, 'RELEASE', 1, { at });
    const history = findDeployment(p, ref, 'RELEASE')!.history;
    expect(history.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(history[2]).toMatchObject({ rollbackOf: 1, description: 'Rollback to version 1' });
    expect(servedApis(p, 'RELEASE')[0].backend).toMatchObject({ body: 'v1' });
  });

  it('abolish keeps the history and stops serving', () => {
    let p = deployApi(project(), ref, 'PRE', { at });
    p = abolishApi(p, ref, 'PRE', { at });
    expect(findDeployment(p, ref, 'PRE')!.history).toHaveLength(2);
    expect(servedApis(p, 'PRE')).toEqual([]);
    expect(() => abolishApi(p, ref, 'PRE')).toThrow(/not deployed there/);
  });

  it('refuses unknown APIs and versions with a sentence naming them', () => {
    expect(() => deployApi(project(), { group: 'shop', api: 'nope' }, 'TEST')).toThrow('Cannot deploy shop/nope to TEST: no such API in the project.');
    const p = deployApi(project(), ref, 'TEST', { at });
    expect(() => rollbackApi(p, ref, 'TEST', 7)).toThrow(/version 7/);
  });
});
