import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Project } from '../model/schema';
import { validateProject } from '../model/validate';
import { importSnapshot, mergeSnapshot } from './import-snapshot';
import { plan } from './plan';
import { planChanges } from './plan-types';
import { syncedCloud } from './testing/synced-cloud';

function example(name: string): Project {
  const { project, problems } = validateProject(parse(readFileSync(new URL(`../../examples/${name}.apigw.yaml`, import.meta.url), 'utf8')));
  if (!project || problems.length > 0) throw new Error(`examples/${name} does not validate`);
  return { ...project, cloud: {} };
}

describe('importSnapshot', () => {
  it('turns a synced petstore cloud back into the petstore design, with every id recorded', () => {
    const design = example('petstore');
    const { snapshot, ids } = syncedCloud(design);
    const { project, notes } = importSnapshot(snapshot, { name: 'imported', profileKey: 'prod/cn-hangzhou' });
    expect(notes).toEqual([]);
    expect(validateProject(JSON.parse(JSON.stringify(project))).problems).toEqual([]);
    expect(project.apis).toEqual(design.apis);
    expect(project.groups).toEqual(design.groups);
    expect(project.apps).toEqual(design.apps);
    expect(project.plugins).toEqual(design.plugins);
    expect(project.authorizations.length).toBe(design.authorizations.length);
    expect(project.throttlingPolicies.map((policy) => policy.bindings.length)).toEqual(design.throttlingPolicies.map((policy) => policy.bindings.length));
    const recorded = project.cloud['prod/cn-hangzhou'];
    expect(recorded.apis).toEqual(ids.apis);
    // Each stage serves what the cloud serves, as its first version; the next plan has nothing to do.
    expect(project.deployments.every((deployment) => deployment.history.length === 1)).toBe(true);
    expect(planChanges(plan(project, snapshot, recorded))).toEqual([]);
  });

  it('names what it could not bring over', () => {
    const { snapshot } = syncedCloud(example('quickstart'));
    snapshot.plugins.push({ id: 'p1', name: 'jwt_check', item: { PluginName: 'jwt_check', PluginType: 'jwtAuth', PluginData: '{}' } });
    const hello = snapshot.apis[0];
    hello.detail = { ...hello.detail, ServiceConfig: { ServiceProtocol: 'FunctionCompute', Mock: 'FALSE' } };
    const { notes } = importSnapshot(snapshot, { name: 'x', profileKey: 'env/cn-hangzhou' });
    expect(notes).toEqual([
      'API demo_hello_api/hello uses a FunctionCompute backend, which the design cannot hold; it was imported without.',
      'Plug-in jwt_check was not imported: plug-ins of type jwtAuth are not in the design model.',
    ]);
  });
});

describe('mergeSnapshot', () => {
  it('takes the cloud values in, adds what only the cloud has, keeps what only the design has, and says so', () => {
    const design = example('quickstart');
    const { snapshot } = syncedCloud(design);
    const edited: Project = structuredClone(design);
    edited.apis[0].description = 'Edited locally';
    edited.apps.push({ name: 'local_only_app' });
    edited.apps = edited.apps.filter((app) => app.name !== 'demo_caller_app');
    edited.authorizations = [];
    const imported = importSnapshot(snapshot, { name: 'x', profileKey: 'env/cn-hangzhou' }).project;
    const { project, lines } = mergeSnapshot(edited, imported, 'env/cn-hangzhou');
    expect(lines.map((line) => `${line.op} ${line.kind} ${line.name}`)).toEqual([
      'change api demo_hello_api/hello',
      'add app demo_caller_app',
      'add authorization demo_caller_app → demo_hello_api/secure_hello @TEST',
      'add authorization demo_caller_app → demo_hello_api/secure_hello @RELEASE',
    ]);
    expect(lines[0].fields).toEqual([{ path: 'description', from: 'Edited locally', to: 'Says hello without asking who calls.' }]);
    expect(project.apps.map((app) => app.name)).toEqual(['local_only_app', 'demo_caller_app']);
    expect(project.cloud['env/cn-hangzhou'].apps['demo_caller_app']).toBeDefined();
  });
});
