import { describe, expect, it } from 'vitest';
import { secretsFileNameFor } from './file-names';
import { parseSecretsText, serializeSecrets } from './secrets-text';
import { findSecretsInProject, secretValuesOf } from './secret-guard';
import { smallProject } from './test-projects';

const SECRETS = { apps: { caller: { keys: [{ appKey: '204000001', appSecret: 'callerSecret0123456789' }], appCodes: ['callerAppCode0123456789'] } } };

describe('secrets file text', () => {
  it('starts a new file with a header that says what it holds and that it is never committed', () => {
    const text = serializeSecrets(SECRETS);
    expect(text).toMatch(/^# .*secrets.*\n# .*0600.*never commit/i);
    const { secrets, problems } = parseSecretsText(text, 'shop.secrets.yaml');
    expect(problems).toEqual([]);
    expect(secrets).toEqual(SECRETS);
  });

  it('keeps comments when a key is added', () => {
    const text = '# mine\napps:\n  caller: # the caller app\n    appCodes: [callerAppCode0123456789]\n';
    const { secrets, document } = parseSecretsText(text, 'shop.secrets.yaml');
    secrets!.apps.caller.keys.push({ appKey: 'k', appSecret: 's' });
    const saved = serializeSecrets(secrets!, document);
    expect(saved).toContain('# mine\n');
    expect(saved).toContain('caller: # the caller app\n');
    expect(parseSecretsText(saved, 'x').secrets).toEqual(secrets);
  });

  it('an empty secrets file is an empty set of secrets', () => {
    expect(parseSecretsText('', 'x').secrets).toEqual({ apps: {} });
  });

  it('reports problems with their line', () => {
    const { secrets, problems } = parseSecretsText('apps:\n  caller:\n    keys:\n      - appKey: k\n', 'x');
    expect(secrets).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line: 4, path: ['apps', 'caller', 'keys', 0, 'appSecret'] })]);
  });
});

describe('secretsFileNameFor', () => {
  it.each([
    ['x/quickstart.apigw.yaml', 'x/quickstart.secrets.yaml'],
    ['quickstart.apigw.yml', 'quickstart.secrets.yaml'],
    ['C:\\p\\shop.yaml', 'C:\\p\\shop.secrets.yaml'],
    ['shop.yml', 'shop.secrets.yaml'],
    ['shop', 'shop.secrets.yaml'],
  ])('%s → %s', (project, secrets) => expect(secretsFileNameFor(project)).toBe(secrets));
});

describe('findSecretsInProject', () => {
  it('finds nothing in a clean project', () => {
    expect(findSecretsInProject(smallProject(), secretValuesOf(SECRETS))).toEqual([]);
  });

  it('finds credential-named keys anywhere, in any spelling', () => {
    const raw = { apps: [{ name: 'a', app_secret: 'x' }], cloud: { 'p/r': { AccessKeySecret: 'y' } } };
    expect(findSecretsInProject(raw).map((p) => p.path)).toEqual([
      ['apps', 0, 'app_secret'],
      ['cloud', 'p/r', 'AccessKeySecret'],
    ]);
  });

  it('finds known secret values, alone or inside a longer value', () => {
    const project = smallProject();
    project.apis[0].description = 'callerSecret0123456789';
    project.apis[1].constantParameters.push({ name: 'Authorization', value: 'APPCODE callerAppCode0123456789', location: 'HEAD' });
    const problems = findSecretsInProject(project, secretValuesOf(SECRETS), { secretsFileName: 'shop.secrets.yaml' });
    expect(problems.map((p) => p.path)).toEqual([
      ['apis', 0, 'description'],
      ['apis', 1, 'constantParameters', 0, 'value'],
    ]);
    expect(problems[0].message).toMatch(/shop\.secrets\.yaml/);
    expect(JSON.stringify(problems)).not.toMatch(/callerSecret|callerAppCode/);
  });

  it('a short secret only counts as a whole value, so ordinary words do not trip it', () => {
    expect(findSecretsInProject({ description: 'a test api' }, ['test'])).toEqual([]);
    expect(findSecretsInProject({ description: 'test' }, ['test'])).toHaveLength(1);
  });
});
