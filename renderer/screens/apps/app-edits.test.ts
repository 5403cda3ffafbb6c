import { describe, expect, it } from 'vitest';
import { FIXTURE, makeProject } from '../../../shared/model/test-fixtures';
import { validateProject } from '../../../shared/model/validate';
import { appDependents, isExpired, removeApp } from './app-edits';

describe('removeApp', () => {
  it('lists and removes authorizations, special limits and IP items of the app', () => {
    const project = makeProject();
    const d = appDependents(project, FIXTURE.app);
    expect(d.authorizations).toHaveLength(1);
    expect(d.specials).toEqual([{ policy: FIXTURE.policy, limit: 60 }]);
    expect(d.ipItems).toEqual([{ plugin: 'demo_office_only', count: 1, emptied: false }]);

    const removed = removeApp(project, FIXTURE.app);
    expect(removed.apps).toEqual([]);
    expect(removed.authorizations).toEqual([]);
    expect(removed.throttlingPolicies[0].specials).toEqual([]);
    const ip = removed.plugins.find((p) => p.type === 'ipControl');
    expect(ip?.type === 'ipControl' && ip.ipControl.items).toHaveLength(1);
    expect(validateProject(removed).problems).toEqual([]);
  });

  it('removes an IP control plug-in whose every item was limited to the app', () => {
    const project = makeProject();
    const ip = project.plugins[0];
    if (ip.type !== 'ipControl') throw new Error('fixture changed');
    ip.ipControl.items = [{ blocks: ['10.0.0.0/8'], app: FIXTURE.app }];
    expect(appDependents(project, FIXTURE.app).ipItems[0].emptied).toBe(true);
    expect(removeApp(project, FIXTURE.app).plugins.map((p) => p.name)).toEqual(['demo_web_cors']);
  });
});

describe('isExpired', () => {
  const at = Date.parse('2030-01-01T00:00:00Z');
  it('compares the expiry with now, and treats no expiry as never', () => {
    expect(isExpired({ app: 'a', group: 'g', api: 'x', stage: 'TEST', expiresAt: '2029-12-31T23:59:59Z' }, at)).toBe(true);
    expect(isExpired({ app: 'a', group: 'g', api: 'x', stage: 'TEST', expiresAt: '2030-01-01T00:00:01Z' }, at)).toBe(false);
    expect(isExpired({ app: 'a', group: 'g', api: 'x', stage: 'TEST' }, at)).toBe(false);
  });

  it('shows an unreadable expiry as expired, as the gateway refuses it', () => {
    expect(isExpired({ app: 'a', group: 'g', api: 'x', stage: 'TEST', expiresAt: 'next week' }, at)).toBe(true);
  });
});
