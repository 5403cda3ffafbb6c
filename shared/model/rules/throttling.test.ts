import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem } from '../test-fixtures';

// demo_low_qps: apiDefault 100, userDefault 50, appDefault 20, special APP demo_caller_app 60.
describe('throttling limits', () => {
  it('refuses an app limit above the user limit, explaining the order', () => {
    const project = makeProject();
    project.throttlingPolicies[0].appDefault = 60;
    expect(onlyProblem(project)).toMatchObject({
      path: ['throttlingPolicies', 0, 'appDefault'],
      message: expect.stringContaining('allows 60 calls per app (appDefault) but only 50 per user (userDefault). The limits must be in order appDefault ≤ userDefault ≤ apiDefault'),
    });
  });

  it('refuses a user limit above the API limit', () => {
    const project = makeProject();
    project.throttlingPolicies[0].userDefault = 101;
    expect(onlyProblem(project)).toMatchObject({ path: ['throttlingPolicies', 0, 'userDefault'], message: expect.stringContaining('but only 100 per API (apiDefault)') });
  });

  it('compares the app limit with the API limit when no user limit is set', () => {
    const project = makeProject();
    delete project.throttlingPolicies[0].userDefault;
    project.throttlingPolicies[0].appDefault = 101;
    expect(onlyProblem(project)).toMatchObject({ path: ['throttlingPolicies', 0, 'appDefault'], message: expect.stringContaining('but only 100 per API') });
  });

  it('refuses a special limit above the API limit', () => {
    const project = makeProject();
    project.throttlingPolicies[0].specials[0].limit = 101;
    expect(onlyProblem(project)).toMatchObject({ path: ['throttlingPolicies', 0, 'specials', 0, 'limit'], message: expect.stringContaining('a limit of 101, above the API limit 100') });
  });

  it('refuses two specials for one key', () => {
    const project = makeProject();
    project.throttlingPolicies[0].specials.push({ type: 'APP', key: 'demo_caller_app', limit: 10 });
    expect(onlyProblem(project)).toMatchObject({ path: ['throttlingPolicies', 0, 'specials', 1, 'key'], message: expect.stringContaining('two special limits for APP `demo_caller_app`') });
  });
});
