import { describe, expect, it } from 'vitest';
import { formatPath } from '../model/problems';
import { parseProjectText, serializeProject } from './project-text';
import { smallProject } from './test-projects';

/** Lines joined with newlines, so a fixture's line numbers can be read off the array index + 1. */
const yaml = (...lines: string[]) => lines.join('\n') + '\n';

const VALID = yaml(
  '# Shop project, edited by hand.',
  'format: apigw-studio/v1',
  'name: shop',
  'groups:',
  '  - name: orders # the only group',
  'apis:',
  '  # The list call.',
  '  - name: list_orders',
  '    group: orders',
  '    request:',
  '      method: GET',
  '      path: /orders',
  '    backend:',
  '      type: MOCK',
  '      body: "[]"',
);

function load(text: string) {
  return parseProjectText(text, 'shop.apigw.yaml');
}

function problemAt(text: string) {
  const { problems } = load(text);
  expect(problems.length).toBeGreaterThan(0);
  return problems.map((p) => ({ line: p.line, path: formatPath(p.path), message: p.message }));
}

describe('parseProjectText: problems carry the line they come from', () => {
  it('a valid file has no problems', () => {
    const { project, problems } = load(VALID);
    expect(problems).toEqual([]);
    expect(project?.apis[0].request.method).toBe('GET');
  });

  it('a YAML syntax error', () => {
    const text = VALID.replace('      path: /orders', '      path: [/orders');
    // One problem, not yaml's cascade, with the hint for the commonest cause.
    expect(problemAt(text)).toEqual([{ line: 13, path: '', message: expect.stringMatching(/^invalid YAML: .*must be quoted: "\/users\/\[id\]"\)$/) }]);
  });

  it('a duplicate key is an error on the second key', () => {
    const text = VALID.replace('      path: /orders\n', '      path: /orders\n      path: /other\n');
    expect(problemAt(text)).toEqual([expect.objectContaining({ line: 13, message: expect.stringMatching(/duplicate key "path"/) })]);
  });

  it('an unknown key points at the key itself', () => {
    const text = VALID.replace('      path: /orders', '      path: /orders\n      methd: POST');
    expect(problemAt(text)).toEqual([{ line: 13, path: 'apis[0].request.methd', message: expect.stringMatching(/methd/) }]);
  });

  it('several unknown keys in one mapping each point at their own line', () => {
    const text = VALID.replace('      path: /orders', '      path: /orders\n      verb: GET\n      route: /x');
    expect(problemAt(text).map((p) => [p.line, p.path])).toEqual([
      [13, 'apis[0].request.verb'],
      [14, 'apis[0].request.route'],
    ]);
  });

  it('a bad enum value points at its key', () => {
    const text = VALID.replace('method: GET', 'method: GTE');
    expect(problemAt(text)).toEqual([expect.objectContaining({ line: 11, path: 'apis[0].request.method' })]);
  });

  it('a missing field points at the key that holds its mapping', () => {
    const text = VALID.replace('      method: GET\n', '');
    expect(problemAt(text)).toEqual([expect.objectContaining({ line: 10, path: 'apis[0].request.method' })]);
  });

  it('a missing field of a list item points at the item', () => {
    const text = VALID.replace('    group: orders\n', '');
    expect(problemAt(text)).toEqual([expect.objectContaining({ line: 8, path: 'apis[0].group' })]);
  });

  it('an empty file says what a project file starts with', () => {
    expect(problemAt('# nothing yet\n')).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/empty.*format: apigw-studio\/v1/) })]);
  });

  it('a secret in the project file is reported at its line, without echoing it', () => {
    const text = VALID.replace('  - name: orders # the only group', '  - name: orders\n    appSecret: s3cr3t-value');
    const [leak] = problemAt(text).filter((p) => p.path === 'groups[0].appSecret');
    expect(leak.line).toBe(6);
    expect(leak.message).toMatch(/shop\.secrets\.yaml/);
    expect(leak.message).not.toMatch(/s3cr3t/);
  });

  it('a known secret value used anywhere is reported', () => {
    const text = VALID.replace('body: "[]"', 'body: "token 0123456789abcdef"');
    const { problems } = parseProjectText(text, 'shop.apigw.yaml', { knownSecrets: ['0123456789abcdef'] });
    expect(problems).toEqual([expect.objectContaining({ line: 15, path: ['apis', 0, 'backend', 'body'] })]);
  });
});

describe('an API\'s visibility in the file', () => {
  it('is PRIVATE when absent, as in every file written before it existed, and saving leaves such a file as it was', () => {
    const { project, document, problems } = load(VALID);
    expect(problems).toEqual([]);
    expect(project?.apis[0].visibility).toBe('PRIVATE');
    expect(serializeProject(project!, document)).toBe(VALID);
  });

  it('is written when PUBLIC, and read back', () => {
    const { project, document } = load(VALID);
    const text = serializeProject({ ...project!, apis: [{ ...project!.apis[0], visibility: 'PUBLIC' }] }, document);
    expect(text).toContain('    visibility: PUBLIC\n');
    expect(load(text).project?.apis[0].visibility).toBe('PUBLIC');
  });
});

describe('serializeProject', () => {
  it('load, save, load gives the same project, and a normalised file the same bytes', () => {
    const text = serializeProject(smallProject());
    const first = load(text);
    expect(first.problems).toEqual([]);
    expect(first.project).toEqual(smallProject());
    const again = serializeProject(first.project!, first.document);
    expect(again).toBe(text);
    expect(load(again).project).toEqual(smallProject());
  });

  it('is stable: the same project gives the same bytes', () => {
    expect(serializeProject(smallProject())).toBe(serializeProject(smallProject()));
  });

  it('starts a new file with the header comment, writes multi-line bodies as block scalars, omits defaults', () => {
    const text = serializeProject(smallProject());
    expect(text.startsWith('# API Gateway Studio project — docs/project-file.md\n')).toBe(true);
    expect(text).toContain('      body: |\n        [\n          {"id": 1}\n        ]\n');
    expect(text).not.toMatch(/protocols:|mode: MAPPING|statusCode: 200|required: false/);
  });

  it('keeps comments and key order through a change', () => {
    const text = yaml(
      '# Top comment.',
      'name: shop # the name',
      'format: apigw-studio/v1',
      'apis:',
      '  # The list call.',
      '  - group: orders',
      '    name: list_orders',
      '    backend: {type: MOCK, body: "[]"} # flow style kept',
      '    request: # how it is called',
      '      path: /orders',
      '      method: GET',
      '      protocols: # a comment on a list key',
      '        - HTTP # plain only',
      '  # The second call.',
      '  - group: orders',
      '    name: count',
      '    request: {method: GET, path: /count}',
      '    backend: {type: MOCK}',
      'groups:',
      '  - name: orders',
    );
    const { project, document } = load(text);
    expect(project).toBeDefined();
    project!.apis[0].request.path = '/v2/orders';
    project!.apis[1].description = 'Counts orders.';
    const saved = serializeProject(project!, document);
    expect(saved).toBe(
      text
        .replace('path: /orders', 'path: /v2/orders')
        .replace('    name: count\n', '    name: count\n    description: Counts orders.\n'),
    );
    expect(load(saved).project).toEqual(project);
  });

  it('removes and adds list items without moving other comments', () => {
    const { project, document } = load(VALID.replace('apis:', 'apis:\n  # The first call.\n  - {name: first, group: orders, request: {method: GET, path: /first}, backend: {type: MOCK}}'));
    const [, listOrders] = project!.apis;
    project!.apis = [listOrders, { ...listOrders, name: 'added', request: { ...listOrders.request, path: '/added' } }];
    const saved = serializeProject(project!, document);
    expect(saved).not.toContain('The first call');
    expect(saved).toContain('  # The list call.\n  - name: list_orders\n');
    expect(saved).toContain('  - name: added\n    group: orders\n    request:\n      method: GET\n      path: /added\n    backend:\n      type: MOCK\n      body: "[]"\n');
    expect(load(saved).project).toEqual(project);
  });

  it('keeps a default the user wrote, and writes no new defaults', () => {
    const text = VALID.replace('      path: /orders', '      path: /orders\n      mode: MAPPING');
    const { project, document } = load(text);
    project!.apis[0].auth = { type: 'APP', signatureMethods: ['HmacSHA256'], appCodeAuthType: 'DEFAULT', forceNonceCheck: false };
    const saved = serializeProject(project!, document);
    expect(saved).toContain('      mode: MAPPING\n');
    expect(saved).toContain('    auth:\n      type: APP\n');
    expect(saved).not.toContain('signatureMethods');
  });

  it('keeps the user\'s indentation: lists flush with their key', () => {
    const text = yaml(
      'format: apigw-studio/v1',
      'name: shop',
      'groups:',
      '- name: orders',
      'apis:',
      '- name: list_orders',
      '  group: orders',
      '  request:',
      '    method: GET',
      '    path: /orders',
      '  backend:',
      '    type: MOCK',
    );
    const { project, document } = load(text);
    expect(serializeProject(project!, document)).toBe(text);
  });

  it('keeps the user\'s indentation: four spaces', () => {
    const text = yaml(
      'format: apigw-studio/v1',
      'name: shop',
      'groups:',
      '    - name: orders',
      'apis:',
      '    - name: list_orders',
      '      group: orders',
      '      request:',
      '          method: GET',
      '          path: /orders',
      '      backend:',
      '          type: MOCK',
    );
    const { project, document } = load(text);
    expect(serializeProject(project!, document)).toBe(text);
  });

  it('keeps aliases while their target is unchanged, and stays correct when it changes', () => {
    const text = yaml(
      'format: apigw-studio/v1',
      'name: shop',
      'groups: [{name: orders}]',
      'apis:',
      '  - name: a',
      '    group: orders',
      '    request: &req {method: GET, path: /a}',
      '    backend: {type: MOCK}',
      '  - name: b',
      '    group: orders',
      '    request: *req',
      '    backend: {type: MOCK}',
    );
    const first = load(text);
    expect(serializeProject(first.project!, first.document)).toBe(text);
    const second = load(text);
    second.project!.apis[1].request.path = '/b';
    const saved = serializeProject(second.project!, second.document);
    expect(saved).toContain('&req');
    expect(load(saved).project).toEqual(second.project);
  });
});

describe('serializeProject keeps each item\'s comments with the item', () => {
  const text = yaml(
    'format: apigw-studio/v1',
    'name: shop',
    'groups: [{name: orders}]',
    'apis:',
    '  # first: the list call',
    '  - {name: list, group: orders, request: {method: GET, path: /list}, backend: {type: MOCK}}',
    '  # second: the count call',
    '  - {name: count, group: orders, request: {method: GET, path: /count}, backend: {type: MOCK}}',
    '  # third: the sum call',
    '  - {name: sum, group: orders, request: {method: GET, path: /sum}, backend: {type: MOCK}}',
  );

  it('when items are reordered', () => {
    const { project, document } = load(text);
    project!.apis.reverse();
    const saved = serializeProject(project!, document);
    expect(saved.indexOf('# third')).toBeLessThan(saved.indexOf('name: sum'));
    expect(saved.indexOf('name: sum')).toBeLessThan(saved.indexOf('# second'));
    expect(saved.indexOf('# second')).toBeLessThan(saved.indexOf('name: count'));
    expect(saved.indexOf('name: count')).toBeLessThan(saved.indexOf('# first'));
    expect(saved.indexOf('# first')).toBeLessThan(saved.indexOf('name: list'));
    expect(load(saved).project).toEqual(project);
  });

  it('when an item is renamed in place', () => {
    const { project, document } = load(text);
    project!.apis[1].name = 'total';
    const saved = serializeProject(project!, document);
    expect(saved).toBe(text.replace('name: count', 'name: total'));
  });
});
