import { describe, expect, it } from 'vitest';
import { NAME_RULES, checkName, descriptionProblem, fillStageVariables, nameHint, nameProblem, stageVariableReferences, suggestName } from './names';

describe('names as Alibaba Cloud enforces them', () => {
  it('refuses `-` in every kind, naming the fix', () => {
    expect(nameProblem('group', 'demo-hello-api')).toContain('Alibaba Cloud refuses `-` in group names; use `demo_hello_api`.');
    expect(nameProblem('api', 'get-user')).toContain('Alibaba Cloud refuses `-` in API names; use `get_user`.');
    expect(nameProblem('app', 'demo-caller-app')).toContain('Alibaba Cloud refuses `-` in app names; use `demo_caller_app`.');
    expect(nameProblem('throttlingPolicy', 'demo-low-qps')).toContain('Alibaba Cloud refuses `-` in throttling policy names; use `demo_low_qps`.');
    expect(nameProblem('plugin', 'office-only')).toContain('Alibaba Cloud refuses `-` in plug-in names; use `office_only`.');
    expect(checkName('group', 'demo-hello-api')?.suggestion).toBe('demo_hello_api');
  });

  it('groups: 4-50, a letter or Chinese character first, then letters, digits, `_` and Chinese characters', () => {
    for (const name of ['demo_hello_api', 'Shop2', '用户查询', '用户_api_1', 'a'.repeat(50)]) expect(nameProblem('group', name), name).toBeUndefined();
    expect(nameProblem('group', '1shop')).toContain('start with a letter or a Chinese character; use `group_1shop`');
    expect(nameProblem('group', '_shop')).toContain('start with a letter or a Chinese character; use `shop`');
    expect(nameProblem('group', 'abc')).toContain('too short (3 characters): Alibaba Cloud wants group names of 4 to 50 characters; use `abc_`');
    expect(nameProblem('group', 'a'.repeat(51))).toContain('too long (51 characters)');
    // Chinese characters count as one character each, as a person reads them.
    expect(nameProblem('group', '用'.repeat(50))).toBeUndefined();
    expect(nameProblem('group', '用户')).toContain('too short (2 characters)');
  });

  it('APIs: 4-50, a letter first, then letters, digits and `_` (no Chinese characters)', () => {
    for (const name of ['hello', 'get_user_2', 'A234']) expect(nameProblem('api', name), name).toBeUndefined();
    expect(nameProblem('api', '2fa_check')).toContain('start with a letter; use `api_2fa_check`');
    const chinese = checkName('api', '用户查询');
    expect(chinese?.message).toContain('Alibaba Cloud refuses Chinese characters in API names. Use letters, digits and `_`, starting with a letter.');
    expect(chinese?.suggestion).toBeUndefined();
  });

  it('apps: 4-26, a letter first, then letters, digits and `_`', () => {
    expect(NAME_RULES.app.maxLength).toBe(26);
    expect(nameProblem('app', 'a'.repeat(26))).toBeUndefined();
    expect(nameProblem('app', 'a'.repeat(27))).toContain('too long (27 characters)');
    expect(checkName('app', 'a'.repeat(27))?.suggestion).toBe('a'.repeat(26));
    expect(nameProblem('app', '支付应用')).toContain('refuses Chinese characters in app names');
  });

  it('throttling policies: 4-50, anything but `_` first (a digit may start), then letters, digits and `_`', () => {
    for (const name of ['low_qps', '2qps_limit', 'QPS2']) expect(nameProblem('throttlingPolicy', name), name).toBeUndefined();
    expect(nameProblem('throttlingPolicy', '_low_qps')).toContain('start with a letter or a digit; use `low_qps`');
    expect(nameProblem('throttlingPolicy', '限流策略')).toContain('refuses Chinese characters');
  });

  it('plug-ins: 4-50, anything but `_` first, then letters, digits, `_` and Chinese characters', () => {
    for (const name of ['cors_web', '1st_cors', '跨域插件', 'ip_白名单']) expect(nameProblem('plugin', name), name).toBeUndefined();
    expect(nameProblem('plugin', '_cors')).toContain('use `cors`');
  });

  it('names every refused character once, and turns a run of them into one `_`', () => {
    expect(nameProblem('api', 'a.b-c d--e')).toContain('refuses `.`, `-` and spaces in API names; use `a_b_c_d_e`');
    expect(suggestName('group', 'demo-')).toBe('demo');
    expect(suggestName('app', 'café-app')).toBe('caf_app');
  });

  it('suggests a name that is not taken yet', () => {
    expect(suggestName('group', 'demo-hello-api', ['demo_hello_api'])).toBe('demo_hello_api_2');
    expect(suggestName('group', 'demo-hello-api', ['demo_hello_api', 'demo_hello_api_2'])).toBe('demo_hello_api_3');
    // The suffix still fits the length limit.
    expect(suggestName('app', `${'a'.repeat(26)}-b`, ['a'.repeat(26)])).toBe(`${'a'.repeat(24)}_2`);
    expect(checkName('group', 'demo-hello-api', ['demo_hello_api'])?.message).toContain('use `demo_hello_api_2`');
  });

  it('gives no suggestion when nothing usable is left', () => {
    expect(suggestName('api', '---')).toBeUndefined();
    expect(suggestName('app', '应用')).toBeUndefined();
    expect(nameProblem('app', '')).toBe(`Enter a app name: ${nameHint('app')}`);
  });

  it('measures descriptions in characters', () => {
    expect(descriptionProblem('group `g`', '描'.repeat(180), 180)).toBeUndefined();
    expect(descriptionProblem('group `g`', 'x'.repeat(181), 180)).toContain('181 characters long; at most 180');
  });
});

describe('stage variables', () => {
  it('fills #name# with own values only, and names the first one missing', () => {
    expect(fillStageVariables('http://#host#:#port#/x', { host: 'a', port: '8080' })).toEqual({ text: 'http://a:8080/x' });
    // `toString` is not a stage variable just because every object has one.
    expect(fillStageVariables('http://#toString#/', {})).toEqual({ text: 'http://#toString#/', missing: 'toString' });
    expect(stageVariableReferences('#a#/#b#?#c d#')).toEqual(['a', 'b']);
  });
});
