import { describe, expect, it } from 'vitest';
import type { PlanLine } from '../../../shared/sync/plan-types';
import { planSections, shownValue } from './plan-sections';

const line = (op: PlanLine['op'], kind: PlanLine['kind'], name: string): PlanLine => ({ op, kind, name, reason: '', phase: 0, ref: {} });

describe('planSections', () => {
  it('groups the changes by kind in apply order and sets information lines apart', () => {
    const { changes, information } = planSections([
      line('create', 'api', 'g/a'),
      line('unmanaged', 'group', 'other'),
      line('create', 'group', 'g'),
      line('deploy', 'deployment', 'g/a @TEST'),
      line('orphan', 'app', 'old'),
      line('update', 'api', 'g/b'),
    ]);
    expect(changes.map((section) => [section.label, section.lines.map((l) => l.name)])).toEqual([
      ['API groups', ['g']],
      ['APIs', ['g/a', 'g/b']],
      ['Deployments', ['g/a @TEST']],
    ]);
    expect(information.map((l) => l.name)).toEqual(['other', 'old']);
  });

  it('shows values so that a string, a number and nothing cannot be confused', () => {
    expect(shownValue('5')).toBe('"5"');
    expect(shownValue(5)).toBe('5');
    expect(shownValue(undefined)).toBe('(not set)');
    expect(shownValue({ a: [1, 2] })).toBe('{ "a": [ 1, 2 ] }');
  });
});
