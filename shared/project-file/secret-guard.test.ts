import { describe, expect, it } from 'vitest';
import { findSecretsInProject, isSecretKeyName, secretValuesOf } from './secret-guard';

describe('the secret guard', () => {
  it('knows every key name that only ever holds a credential, whatever its case, _ or -', () => {
    for (const name of ['appSecret', 'AccessKeySecret', 'app_code', 'appCodes', 'secret-key', 'clientSecret', 'SECRET', 'password']) expect(isSecretKeyName(name), name).toBe(true);
    for (const name of ['appKey', 'accessKeyId', 'secrets', 'code', 'passwordHint', '']) expect(isSecretKeyName(name), name).toBe(false);
  });

  it('finds each such key in a raw project, with its path and where the secret belongs', () => {
    const raw = { apis: [{ backend: { password: 'x', headers: [{ clientSecret: 'y' }] } }], apps: [{ name: 'web', appCode: 'z' }] };
    const problems = findSecretsInProject(raw);
    expect(problems.map((problem) => problem.path)).toEqual([['apis', 0, 'backend', 'password'], ['apis', 0, 'backend', 'headers', 0, 'clientSecret'], ['apps', 0, 'appCode']]);
    expect(problems[0].message).toBe('"password" holds a credential, which never belongs in the project file: move it to the secrets file (<name>.secrets.yaml) and remove it here');
  });

  it('finds a known secret equal to a value, or inside one from 8 characters on; an empty one matches nothing', () => {
    const project = { a: 'short7x', b: 'Bearer short7x', c: 'APPCODE long8xyz', d: '' };
    expect(findSecretsInProject(project, ['short7x', 'long8xyz', '']).map((problem) => problem.path)).toEqual([['a'], ['c']]);
    expect(findSecretsInProject(project, ['short7x', 'long8xy']).map((problem) => problem.path)).toEqual([['a']]);
    expect(findSecretsInProject({ a: 'anything' }, [''])).toEqual([]);
  });

  it('takes the secret values of a secrets file, and none without one', () => {
    expect(secretValuesOf(undefined)).toEqual([]);
    expect(secretValuesOf({ apps: { web: { keys: [{ appKey: 'k1', appSecret: 's1' }], appCodes: ['c1', 'c2'] } } } as never)).toEqual(['s1', 'c1', 'c2']);
  });
});
