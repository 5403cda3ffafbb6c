import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { newPlugin, renamePlugin } from '../plugins/plugin-edits';
import { renamePolicy } from '../throttling/policy-edits';
import { unusedName } from './named-edits';

const ids = () => ({ groups: {}, apis: {}, apps: {}, throttlingPolicies: { [FIXTURE.policy]: 'tp-1' }, plugins: { 'demo-web-cors': 'pl-1' } });

describe('renaming policies and plug-ins', () => {
  it('moves the cloud ids sync recorded to the new name', () => {
    const project = { ...makeProject(), cloud: { 'default/cn-hangzhou': ids() } };
    const policy = renamePolicy(project, FIXTURE.policy, 'renamed-policy');
    expect(policy.throttlingPolicies[0].name).toBe('renamed-policy');
    expect(policy.cloud['default/cn-hangzhou'].throttlingPolicies).toEqual({ 'renamed-policy': 'tp-1' });
    const plugin = renamePlugin(project, 'demo-web-cors', 'renamed-cors');
    expect(plugin.plugins.map((p) => p.name)).toEqual(['demo-office-only', 'renamed-cors']);
    expect(plugin.cloud['default/cn-hangzhou'].plugins).toEqual({ 'renamed-cors': 'pl-1' });
    expect(validateProject(plugin).problems).toEqual([]);
  });

  it('creates plug-ins that are valid as they are', () => {
    const project = makeProject();
    const withNew = { ...project, plugins: [...project.plugins, newPlugin('cors', 'new-cors'), newPlugin('ipControl', 'new-ip-control')] };
    expect(validateProject(withNew).problems).toEqual([]);
  });

  it('proposes a name not taken yet', () => {
    expect(unusedName(['new-app'], 'new-app')).toBe('new-app-2');
    expect(unusedName(['a'], 'new-app')).toBe('new-app');
  });
});
