import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem, problemsOf } from '../test-fixtures';

describe('auth rules', () => {
  it('refuses a signature method listed twice', () => {
    const project = makeProject();
    const auth = project.apis[2].auth;
    if (auth.type !== 'APP') throw new Error('fixture changed');
    auth.signatureMethods = ['HmacSHA256', 'HmacSHA256'];
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 2, 'auth', 'signatureMethods', 1], message: expect.stringContaining('`HmacSHA256` is listed twice') });
  });

  it('lets an ANONYMOUS API use a policy with app and user limits and specials', () => {
    const project = makeProject();
    // hello is ANONYMOUS and bound to demo_low_qps, which has appDefault, userDefault and an APP special.
    expect(project.apis[0].auth.type).toBe('ANONYMOUS');
    expect(project.throttlingPolicies[0].bindings[0].api).toBe('hello');
    expect(problemsOf(project)).toEqual([]);
  });
});
