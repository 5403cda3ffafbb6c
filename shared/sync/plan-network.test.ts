import { describe, expect, it } from 'vitest';
import type { Project } from '../model/schema';
import { makeProject } from '../model/test-fixtures';
import { plan } from './plan';
import { networkKey } from './plan-network';
import { PHASE, type PlanLine } from './plan-types';
import { emptySnapshot } from './snapshot';
import { syncedCloud } from './testing/synced-cloud';

const networkLines = (lines: PlanLine[]) => lines.filter((line) => line.ref.setting === 'network');

function withInternet(project: Project, internet: boolean | undefined): Project {
  const [first, ...rest] = project.groups;
  return { ...project, groups: [{ ...first, network: internet === undefined ? undefined : { internet } }, ...rest] };
}

describe("a group's Internet access", () => {
  it('is set on a new group after the group is created, as an update of the group', () => {
    const design = withInternet({ ...makeProject(), cloud: {} }, true);
    const group = design.groups[0].name;
    const result = plan(design, emptySnapshot('cn-hangzhou', '2026-12-07T10:00:00Z'), undefined);
    const [line, ...more] = networkLines(result.lines);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ op: 'update', kind: 'group', name: group, phase: PHASE.groupNetwork, ref: { group, setting: 'network' }, fields: [{ path: 'network.internet', to: true }] });
    expect(line.phase).toBeGreaterThan(result.lines.find((candidate) => candidate.op === 'create' && candidate.kind === 'group')!.phase);
    expect(result.fingerprints[networkKey(group)]).toBe(line.fingerprint?.value);
  });

  it('is set on a synced group when the design first says so, and then is in sync', () => {
    const synced = makeProject();
    const { snapshot, ids } = syncedCloud(synced);
    const design = withInternet(synced, true);
    const group = design.groups[0].name;
    const [line] = networkLines(plan(design, snapshot, ids).lines);
    expect(line).toMatchObject({ op: 'update', id: ids.groups[group], fields: [{ path: 'network.internet', to: true }] });
    expect(line.reason).toContain('the cloud does not report it');

    const after = { ...ids, fingerprints: { ...ids.fingerprints, [line.fingerprint!.key]: line.fingerprint!.value } };
    expect(networkLines(plan(design, snapshot, after).lines)).toEqual([]);
    // Turned off in the design: the cloud side is what sync set (on).
    const [off] = networkLines(plan(withInternet(synced, false), snapshot, after).lines);
    expect(off.fields).toEqual([{ path: 'network.internet', from: true, to: false }]);
    expect(off.reason).toContain('changed in the design');
  });

  it('is left as the cloud has it when the design says nothing', () => {
    const synced = withInternet(makeProject(), true);
    const { snapshot, ids } = syncedCloud(synced);
    expect(networkLines(plan(synced, snapshot, ids).lines)).toEqual([]);
    const silent = plan(withInternet(synced, undefined), snapshot, ids);
    expect(networkLines(silent.lines)).toEqual([]);
    expect(silent.fingerprints).not.toHaveProperty(networkKey(synced.groups[0].name));
  });
});
