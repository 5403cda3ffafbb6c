import { describe, expect, it } from 'vitest';
import { deployApi } from '../model/stages';
import { cloudStatePathFor, localStatePathFor } from './file-names';
import { type LayoutInput, parseProjectLayout, serializeProjectLayout } from './layout';
import { smallProject } from './test-projects';

const DESIGN = '/p/shop.apigw.yaml';

/** The files of `texts` as the store would read them back. */
function inputOf(texts: ReturnType<typeof serializeProjectLayout>): LayoutInput {
  return {
    design: { path: DESIGN, text: texts.design },
    local: texts.local === undefined ? undefined : { path: localStatePathFor(DESIGN), text: texts.local },
    clouds: Object.entries(texts.clouds).map(([key, text]) => ({ path: cloudStatePathFor(DESIGN, key), text })),
  };
}

function withState() {
  const project = deployApi(smallProject(), { group: 'orders', api: 'list_orders' }, 'TEST', { at: '2026-11-24T00:00:00.000Z' });
  project.cloud['default/cn-hangzhou'] = { groups: { users: 'g2', orders: 'g1' }, apis: { 'orders/list_orders': 'a1' }, apps: {}, throttlingPolicies: {}, plugins: {} };
  return project;
}

describe('the project as three kinds of files', () => {
  it('writes the design without state, the deployments and each profile\'s ids in their own files, and reads them back as one project', () => {
    const project = withState();
    const texts = serializeProjectLayout(project);
    expect(texts.design).not.toMatch(/deployments|cloud|g1/);
    expect(texts.local).toMatch(/^format: apigw-studio\/local-state\/v1\nproject: shop\n/m);
    // Names in sorted order whatever order sync learnt them in: the same ids always give the same text.
    expect(texts.clouds['default/cn-hangzhou']).toContain('profile: default/cn-hangzhou\n\ngroups:\n  orders: g1\n  users: g2\n');
    const back = parseProjectLayout(inputOf(texts));
    expect(back.problems).toEqual([]);
    expect(back.notices).toEqual([]);
    expect(back.project).toEqual(project);
    expect(back.embedded).toEqual({ deployments: false, cloud: [] });
  });

  it('names the state file and its line in a problem found there', () => {
    const input = inputOf(serializeProjectLayout(withState()));
    input.local!.text = input.local!.text.replace('stage: TEST', 'stage: LIVE');
    input.clouds[0].text += 'colour: blue\n';
    const { problems } = parseProjectLayout(input);
    const local = problems.find((problem) => problem.file === localStatePathFor(DESIGN));
    expect(local).toMatchObject({ path: ['deployments', 0, 'stage'] });
    expect(input.local!.text.split('\n')[local!.line - 1]).toContain('stage: LIVE');
    expect(problems.find((problem) => problem.file === input.clouds[0].path)).toMatchObject({ path: ['colour'] });
  });

  it('reports ids of objects the design no longer has and a state written for another project, and keeps both', () => {
    const project = withState();
    const texts = serializeProjectLayout(project);
    const input = inputOf(texts);
    input.design.text = input.design.text.replace('name: shop', 'name: shop2').replace(/  - name: users[\s\S]*?(?=\napis:)/, '');
    input.design.text = input.design.text.replace(/  - name: get_user[\s\S]*?(?=\n\S)/, '').replace(/authorizations:[\s\S]*$/, '');
    const result = parseProjectLayout(input);
    expect(result.problems).toEqual([]);
    expect(result.project!.cloud['default/cn-hangzhou'].groups).toEqual({ users: 'g2', orders: 'g1' });
    expect(result.notices).toEqual([
      expect.stringContaining(`${localStatePathFor(DESIGN)} was written for project "shop", not "shop2"`),
      expect.stringContaining(`${cloudStatePathFor(DESIGN, 'default/cn-hangzhou')} was written for project "shop"`),
      expect.stringContaining('holds ids of 1 object(s) the design no longer has (groups.users)'),
    ]);
  });

  it('reads an older file holding its state itself, and its next save moves the state out', () => {
    const project = withState();
    const texts = serializeProjectLayout(project);
    const old = `${texts.design}deployments:\n${texts.local!.split('deployments:\n')[1]}cloud:\n  default/cn-hangzhou:\n    groups: {orders: g1, users: g2}\n    apis: {orders/list_orders: a1}\n`;
    const loaded = parseProjectLayout({ design: { path: DESIGN, text: old }, clouds: [] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.project).toEqual(project);
    expect(loaded.embedded).toEqual({ deployments: true, cloud: ['default/cn-hangzhou'] });
    const saved = serializeProjectLayout(loaded.project!, loaded.documents);
    expect(saved.moved).toEqual({ deployments: true, cloud: ['default/cn-hangzhou'] });
    expect(saved.design).toBe(texts.design);
    expect(parseProjectLayout(inputOf(saved)).project).toEqual(project);
    // Interrupted between the state files and the design: both places hold the same state, which is fine.
    const interrupted = parseProjectLayout({ ...inputOf(saved), design: { path: DESIGN, text: old } });
    expect(interrupted.problems).toEqual([]);
    // Different state in both places is a problem to settle, never a silent choice.
    const differ = parseProjectLayout({ ...inputOf(saved), design: { path: DESIGN, text: old.replace('orders: g1', 'orders: g9') } });
    expect(differ.problems).toEqual([expect.objectContaining({ file: DESIGN, path: ['cloud', 'default/cn-hangzhou'] })]);
  });

  it('keeps file names safe whatever the profile is called', () => {
    expect(cloudStatePathFor(DESIGN, 'endpoint/cn-hangzhou')).toBe('/p/shop.state/cloud/endpoint/cn-hangzhou.yaml');
    expect(cloudStatePathFor(DESIGN, '../x y/cn-hangzhou')).toBe('/p/shop.state/cloud/%2E.%2Fx%20y/cn-hangzhou.yaml');
  });
});
