import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { updateApi } from '../apis/api-edits';
import { deployApis, deployBlock, deployTarget, orderedStages } from './deploy-edits';

const group = FIXTURE.group;

describe('the Deploy dialog', () => {
  it('deploys each API to each stage, TEST first, with one description', () => {
    const project = makeProject();
    const names = project.apis.filter((a) => a.group === group).map((a) => a.name).slice(0, 2);
    const changed = updateApi(project, { group, api: names[0] }, (api) => ({ ...api, description: 'changed' }));
    const deployed = deployApis(changed, { group, apis: names, stages: ['RELEASE', 'TEST'], description: '  first  ' });
    for (const api of names) {
      for (const stage of ['TEST', 'RELEASE']) {
        const last = deployed.deployments.find((d) => d.api === api && d.stage === stage)?.history.at(-1);
        expect(last?.description).toBe('first');
        expect(last?.definition?.name).toBe(api);
      }
      expect(deployed.deployments.find((d) => d.api === api && d.stage === 'PRE')?.history.at(-1)?.description).not.toBe('first');
    }
    expect(deployed.deployments.find((d) => d.api === names[0] && d.stage === 'TEST')?.history.at(-1)?.definition?.description).toBe('changed');
    expect(validateProject(deployed).problems).toEqual([]);
  });

  it('records no description when none was typed', () => {
    const project = makeProject();
    const api = project.apis.find((a) => a.group === group)!.name;
    const deployed = deployApis(project, { group, apis: [api], stages: ['PRE'], description: '   ' });
    expect(deployed.deployments.find((d) => d.api === api && d.stage === 'PRE')?.history.at(-1)?.description).toBeUndefined();
  });

  it('says why Deploy cannot be pressed: the caller\'s reason first, then stages, then the description', () => {
    const ok = { group, apis: ['hello'], stages: ['TEST' as const], description: '' };
    expect(deployBlock(ok)).toBeUndefined();
    expect(deployBlock(ok, 'Fix the problem first.')).toBe('Fix the problem first.');
    expect(deployBlock({ ...ok, stages: [] })).toBe('Choose at least one stage.');
    expect(deployBlock({ ...ok, apis: [] })).toBe('Choose at least one API.');
    expect(deployBlock({ ...ok, description: 'x'.repeat(201) })).toMatch(/201 characters long; at most 200/);
  });

  it('names what is deployed and orders the stages', () => {
    expect(deployTarget(['hello'])).toBe('hello');
    expect(deployTarget(['a', 'b', 'c'])).toBe('3 APIs');
    expect(orderedStages(['RELEASE', 'TEST', 'PRE'])).toEqual(['TEST', 'PRE', 'RELEASE']);
  });
});
