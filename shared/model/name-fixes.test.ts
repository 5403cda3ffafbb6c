import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appRenames, fixNames, nameFixes, nameIssues } from './name-fixes';
import { renameApi, renameApp, renameGroup, renamePlugin, renamePolicy } from './rename';
import type { CloudIds, Project } from './schema';
import { validateProject } from './validate';

const OLD_NAMES: [string, string][] = [
  ['demo_hello_api', 'demo-hello-api'],
  ['demo_caller_app', 'demo-caller-app'],
  ['demo_low_qps', 'demo-low-qps'],
];

/** The quickstart as an older version wrote it (names with `-`), synced once: ids and records under `cloud`. */
function olderQuickstart(): Project {
  let text = readFileSync(new URL('../../examples/quickstart.apigw.yaml', import.meta.url), 'utf8');
  for (const [now, before] of OLD_NAMES) text = text.replaceAll(now, before);
  const { project } = validateProject(parse(text));
  if (!project) throw new Error('the older quickstart does not load');
  const ids: CloudIds = {
    syncedAt: '2026-11-23T10:00:00.000Z',
    groups: { 'demo-hello-api': 'g1' },
    apis: { 'demo-hello-api/hello': 'a1', 'demo-hello-api/secure_hello': 'a2', 'demo-hello-api/limited': 'a3', 'demo-hello-api/get_user': 'a4' },
    apps: { 'demo-caller-app': '20112314518200' },
    throttlingPolicies: { 'demo-low-qps': 't1' },
    plugins: {},
    fingerprints: { 'group:demo-hello-api': 'f1', 'api:demo-hello-api/limited': 'f2', 'app:demo-caller-app': 'f3', 'throttlingPolicy:demo-low-qps': 'f4' },
    relations: {
      'vars:demo-hello-api/TEST': ['backendPort'],
      'throttling:demo-hello-api/RELEASE': ['limited=demo-low-qps'],
      'auths:demo-caller-app': ['demo-hello-api/secure_hello/RELEASE', 'demo-hello-api/secure_hello/TEST'],
    },
    deployed: { 'demo-hello-api/hello/TEST': { '1': '20261123090000001' } },
    pending: { 'api:demo-hello-api/extra': 'token-1' },
  };
  return { ...project, cloud: { 'work/cn-hangzhou': ids } };
}

describe('the names of an older project file', () => {
  it('loads, with each name the cloud refuses as a problem at its field that offers the fix', () => {
    const { project, problems } = validateProject(parse(readFileSync(new URL('../../examples/quickstart.apigw.yaml', import.meta.url), 'utf8').replaceAll('demo_hello_api', 'demo-hello-api')));
    expect(project).toBeDefined();
    expect(problems).toEqual([{ path: ['groups', 0, 'name'], message: 'Group name `demo-hello-api`: Alibaba Cloud refuses `-` in group names; use `demo_hello_api`.' }]);
    expect(nameIssues(olderQuickstart()).map(({ list, index, issue }) => [list, index, issue.suggestion])).toEqual([
      ['groups', 0, 'demo_hello_api'],
      ['throttlingPolicies', 0, 'demo_low_qps'],
      ['apps', 0, 'demo_caller_app'],
    ]);
  });

  it('lists one rename per refused name, groups first', () => {
    const fixes = nameFixes(olderQuickstart());
    expect(fixes).toEqual([
      { kind: 'group', from: 'demo-hello-api', to: 'demo_hello_api' },
      { kind: 'throttlingPolicy', from: 'demo-low-qps', to: 'demo_low_qps' },
      { kind: 'app', from: 'demo-caller-app', to: 'demo_caller_app' },
    ]);
    expect(appRenames(fixes)).toEqual([{ from: 'demo-caller-app', to: 'demo_caller_app' }]);
  });

  it('renames every reference, so the fixed project has no problem and no old name left', () => {
    const fixed = fixNames(olderQuickstart());
    expect(validateProject(fixed).problems).toEqual([]);
    const { cloud, ...design } = fixed;
    expect(JSON.stringify(design)).not.toMatch(/demo-hello-api|demo-caller-app|demo-low-qps/);
    expect(fixed.apis.map((api) => api.group)).toEqual(Array(4).fill('demo_hello_api'));
    expect(fixed.deployments.every((d) => d.group === 'demo_hello_api' && d.history.every((r) => r.definition?.group === 'demo_hello_api'))).toBe(true);
    expect(fixed.throttlingPolicies[0]).toMatchObject({ name: 'demo_low_qps', bindings: [{ group: 'demo_hello_api', api: 'limited', stage: 'RELEASE' }] });
    expect(fixed.authorizations.map((a) => `${a.app} ${a.group}`)).toEqual(['demo_caller_app demo_hello_api', 'demo_caller_app demo_hello_api']);
    expect(cloud).toBeDefined();
  });

  it('carries the cloud ids and sync records to the new names, and leaves pending creates under the old one', () => {
    const ids = fixNames(olderQuickstart()).cloud['work/cn-hangzhou'];
    expect(ids).toEqual({
      syncedAt: '2026-11-23T10:00:00.000Z',
      groups: { demo_hello_api: 'g1' },
      apis: { 'demo_hello_api/hello': 'a1', 'demo_hello_api/secure_hello': 'a2', 'demo_hello_api/limited': 'a3', 'demo_hello_api/get_user': 'a4' },
      apps: { demo_caller_app: '20112314518200' },
      throttlingPolicies: { demo_low_qps: 't1' },
      plugins: {},
      fingerprints: { 'group:demo_hello_api': 'f1', 'api:demo_hello_api/limited': 'f2', 'app:demo_caller_app': 'f3', 'throttlingPolicy:demo_low_qps': 'f4' },
      relations: {
        'vars:demo_hello_api/TEST': ['backendPort'],
        'throttling:demo_hello_api/RELEASE': ['limited=demo_low_qps'],
        'auths:demo_caller_app': ['demo_hello_api/secure_hello/RELEASE', 'demo_hello_api/secure_hello/TEST'],
      },
      deployed: { 'demo_hello_api/hello/TEST': { '1': '20261123090000001' } },
      pending: { 'api:demo-hello-api/extra': 'token-1' },
    });
  });

  it('suggests names that collide neither with existing names nor with each other', () => {
    const project = olderQuickstart();
    project.groups.push({ name: 'demo_hello_api', basePath: '/other', stageVariables: {} });
    project.groups.push({ name: 'demo hello api', basePath: '/third', stageVariables: {} });
    expect(nameFixes(project).filter((fix) => fix.kind === 'group').map((fix) => fix.to)).toEqual(['demo_hello_api_2', 'demo_hello_api_3']);
  });

  it("names an API's group by its new name when both are renamed", () => {
    // An API renamed in an older version, whose rules allowed `-`.
    const project = renameApi(olderQuickstart(), { group: 'demo-hello-api', api: 'hello' }, { group: 'demo-hello-api', api: 'say-hello' });
    const fixes = nameFixes(project);
    expect(fixes).toContainEqual({ kind: 'api', group: 'demo_hello_api', from: 'say-hello', to: 'say_hello' });
    const fixed = fixNames(project, fixes);
    expect(fixed.apis[0]).toMatchObject({ group: 'demo_hello_api', name: 'say_hello' });
    expect(fixed.deployments.filter((d) => d.api === 'say_hello').map((d) => d.history[0].definition?.name)).toEqual(['say_hello', 'say_hello']);
    expect(fixed.cloud['work/cn-hangzhou'].apis['demo_hello_api/say_hello']).toBe('a1');
    expect(fixed.cloud['work/cn-hangzhou'].deployed).toEqual({ 'demo_hello_api/say_hello/TEST': { '1': '20261123090000001' } });
  });

  it('leaves a name without a possible suggestion for a person to choose', () => {
    const project = renameApi(olderQuickstart(), { group: 'demo-hello-api', api: 'hello' }, { group: 'demo-hello-api', api: '问候' });
    expect(nameFixes(project).some((fix) => fix.kind === 'api')).toBe(false);
    expect(validateProject(fixNames(project)).problems.map((p) => p.path)).toEqual([['apis', 0, 'name']]);
  });
});

describe('renames with their references', () => {
  const base = (): Project => fixNames(olderQuickstart());

  it('an app: authorizations, APP specials, IP-control items, id, fingerprint and authorization scope', () => {
    const project = base();
    project.throttlingPolicies[0].specials = [{ type: 'APP', key: 'demo_caller_app', limit: 1 }];
    project.plugins = [{ name: 'office_only', type: 'ipControl', bindings: [], ipControl: { type: 'ALLOW', items: [{ blocks: ['10.0.0.0/8'], app: 'demo_caller_app' }] } }];
    const renamed = renameApp(project, 'demo_caller_app', 'tutorial_caller');
    expect(renamed.apps[0].name).toBe('tutorial_caller');
    expect(renamed.authorizations.every((a) => a.app === 'tutorial_caller')).toBe(true);
    expect(renamed.throttlingPolicies[0].specials[0].key).toBe('tutorial_caller');
    expect(renamed.plugins[0].type === 'ipControl' && renamed.plugins[0].ipControl.items[0].app).toBe('tutorial_caller');
    const ids = renamed.cloud['work/cn-hangzhou'];
    expect(ids.apps).toEqual({ tutorial_caller: '20112314518200' });
    expect(ids.fingerprints?.['app:tutorial_caller']).toBe('f3');
    expect(Object.keys(ids.relations ?? {})).toContain('auths:tutorial_caller');
  });

  it('a throttling policy: id, fingerprint and the bindings that name it', () => {
    const ids = renamePolicy(base(), 'demo_low_qps', 'two_per_second').cloud['work/cn-hangzhou'];
    expect(ids.throttlingPolicies).toEqual({ two_per_second: 't1' });
    expect(ids.fingerprints?.['throttlingPolicy:two_per_second']).toBe('f4');
    expect(ids.relations?.['throttling:demo_hello_api/RELEASE']).toEqual(['limited=two_per_second']);
  });

  it('a plug-in: id, fingerprint and binding scope', () => {
    const project = base();
    project.plugins = [{ name: 'web_cors', type: 'cors', bindings: [], cors: { allowOrigins: ['*'], allowMethods: ['GET'], allowHeaders: [], exposeHeaders: [], allowCredentials: false, maxAge: 60 } }];
    project.cloud['work/cn-hangzhou'].plugins = { web_cors: 'p1' };
    project.cloud['work/cn-hangzhou'].relations!['plugins:web_cors'] = ['demo_hello_api/hello/RELEASE'];
    const renamed = renamePlugin(project, 'web_cors', 'cors_for_web');
    expect(renamed.plugins[0].name).toBe('cors_for_web');
    expect(renamed.cloud['work/cn-hangzhou'].plugins).toEqual({ cors_for_web: 'p1' });
    expect(renamed.cloud['work/cn-hangzhou'].relations?.['plugins:cors_for_web']).toEqual(['demo_hello_api/hello/RELEASE']);
  });

  it('an API within its group keeps its records; a move to another group drops its id', () => {
    const project = base();
    const renamed = renameApi(project, { group: 'demo_hello_api', api: 'limited' }, { group: 'demo_hello_api', api: 'limited_hello' });
    const ids = renamed.cloud['work/cn-hangzhou'];
    expect(ids.apis['demo_hello_api/limited_hello']).toBe('a3');
    expect(ids.fingerprints?.['api:demo_hello_api/limited_hello']).toBe('f2');
    expect(ids.relations?.['throttling:demo_hello_api/RELEASE']).toEqual(['limited_hello=demo_low_qps']);
    expect(renamed.throttlingPolicies[0].bindings[0].api).toBe('limited_hello');

    project.groups.push({ name: 'other_group', basePath: '/other', stageVariables: {} });
    const moved = renameApi(project, { group: 'demo_hello_api', api: 'limited' }, { group: 'other_group', api: 'limited' });
    expect(moved.cloud['work/cn-hangzhou'].apis['demo_hello_api/limited']).toBeUndefined();
    expect(moved.cloud['work/cn-hangzhou'].apis['other_group/limited']).toBeUndefined();
  });

  it('a group: its APIs, their records and the stage-variable scopes', () => {
    const renamed = renameGroup(base(), 'demo_hello_api', 'hello_group');
    const ids = renamed.cloud['work/cn-hangzhou'];
    expect(ids.groups).toEqual({ hello_group: 'g1' });
    expect(Object.keys(ids.apis).every((key) => key.startsWith('hello_group/'))).toBe(true);
    expect(Object.keys(ids.relations ?? {})).toEqual(['vars:hello_group/TEST', 'throttling:hello_group/RELEASE', 'auths:demo_caller_app']);
    expect(renamed).not.toBe(base());
    expect(renameGroup(renamed, 'hello_group', 'hello_group')).toBe(renamed);
  });
});
