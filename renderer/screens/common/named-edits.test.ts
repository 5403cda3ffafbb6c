import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { newPlugin, renamePlugin } from '../plugins/plugin-edits';
import { renamePolicy } from '../throttling/policy-edits';
import { unusedName } from './named-edits';

const ids = () => ({ groups: {}, apis: {}, apps: {}, throttlingPolicies: { [FIXTURE.policy]: 'tp-1' }, plugins: { 'demo_web_cors': 'pl-1' } });

describe('renaming policies and plug-ins', () => {
  it('moves the cloud ids sync recorded to the new name', () => {
    const project = { ...makeProject(), cloud: { 'default/cn-hangzhou': ids() } };
    const policy = renamePolicy(project, FIXTURE.policy, 'renamed_policy');
    expect(policy.throttlingPolicies[0].name).toBe('renamed_policy');
    expect(policy.cloud['default/cn-hangzhou'].throttlingPolicies).toEqual({ 'renamed_policy': 'tp-1' });
    const plugin = renamePlugin(project, 'demo_web_cors', 'renamed_cors');
    expect(plugin.plugins.map((p) => p.name)).toEqual(['demo_office_only', 'renamed_cors']);
    expect(plugin.cloud['default/cn-hangzhou'].plugins).toEqual({ 'renamed_cors': 'pl-1' });
    expect(validateProject(plugin).problems).toEqual([]);
  });

  it('creates plug-ins that are valid as they are', () => {
    const project = makeProject();
    const withNew = { ...project, plugins: [...project.plugins, newPlugin('cors', 'new_cors'), newPlugin('ipControl', 'new_ip_control')] };
    expect(validateProject(withNew).problems).toEqual([]);
  });

  it('proposes a name not taken yet', () => {
    expect(unusedName(['new_app'], 'new_app')).toBe('new_app_2');
    expect(unusedName(['a'], 'new_app')).toBe('new_app');
  });
});
