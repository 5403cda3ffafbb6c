import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { dependentCount, groupDependents, removeGroup, renameGroup, stageVariableRows, withStageVariables } from './group-edits';

describe('renameGroup', () => {
  it('moves every reference to the new name and keeps the project valid', () => {
    const project = makeProject();
    project.cloud = { 'default/cn-hangzhou': { groups: { [FIXTURE.group]: 'g-1' }, apis: { [`${FIXTURE.group}/hello`]: 'a-1' }, apps: {}, throttlingPolicies: {}, plugins: {} } };
    const renamed = renameGroup(project, FIXTURE.group, 'renamed_group');

    expect(renamed.groups.map((g) => g.name)).toEqual(['renamed_group']);
    expect(renamed.apis.every((a) => a.group === 'renamed_group')).toBe(true);
    expect(renamed.deployments.every((d) => d.group === 'renamed_group' && d.history.every((r) => !r.definition || r.definition.group === 'renamed_group'))).toBe(true);
    expect(renamed.authorizations[0].group).toBe('renamed_group');
    expect(renamed.throttlingPolicies[0].bindings.every((b) => b.group === 'renamed_group')).toBe(true);
    expect(renamed.plugins.every((p) => p.bindings.every((b) => b.group === 'renamed_group'))).toBe(true);
    expect(renamed.cloud['default/cn-hangzhou'].groups).toEqual({ 'renamed_group': 'g-1' });
    expect(renamed.cloud['default/cn-hangzhou'].apis).toEqual({ 'renamed_group/hello': 'a-1' });
    expect(validateProject(renamed).problems).toEqual([]);
  });

  it('leaves the input untouched', () => {
    const project = makeProject();
    const before = JSON.stringify(project);
    renameGroup(project, FIXTURE.group, 'renamed_group');
    expect(JSON.stringify(project)).toBe(before);
  });
});

describe('removeGroup', () => {
  it('lists and removes the APIs, histories, authorizations and bindings, keeping policies and plug-ins', () => {
    const project = makeProject();
    const d = groupDependents(project, FIXTURE.group);
    expect(d.apis).toHaveLength(3);
    expect(d.deployments).toHaveLength(3);
    expect(d.authorizations).toHaveLength(1);
    expect(d.throttlingBindings).toHaveLength(2);
    expect(d.pluginBindings).toHaveLength(2);
    expect(dependentCount(d)).toBe(11);

    const removed = removeGroup(project, FIXTURE.group);
    expect(removed.groups).toEqual([]);
    expect(removed.apis).toEqual([]);
    expect(removed.deployments).toEqual([]);
    expect(removed.authorizations).toEqual([]);
    expect(removed.throttlingPolicies[0].bindings).toEqual([]);
    expect(removed.plugins.map((p) => p.bindings)).toEqual([[], []]);
    expect(validateProject(removed).problems).toEqual([]);
  });
});

describe('stage variables', () => {
  it('keeps the order of rows and drops an emptied stage', () => {
    const group = makeProject().groups[0];
    expect(stageVariableRows(group, 'TEST')).toEqual([['backendHost', '127.0.0.1'], ['backendPort', '8081']]);
    const renamed = withStageVariables(group, 'TEST', [['host', '127.0.0.1'], ['backendPort', '8081']]);
    expect(Object.keys(renamed.stageVariables.TEST ?? {})).toEqual(['host', 'backendPort']);
    expect(withStageVariables(group, 'RELEASE', []).stageVariables).not.toHaveProperty('RELEASE');
  });
});
