import { describe, expect, it } from 'vitest';
import { NAME_RULES, descriptionProblem, nameProblem, fillStageVariables, stageVariableReferences } from './names';

describe('nameProblem', () => {
  it('accepts cloud-style names, hyphens after the first character and Chinese names', () => {
    for (const name of ['demo_api', 'demo-hello-api', 'Api2', '用户查询', 'a用户-1']) expect(nameProblem('api', name)).toBeUndefined();
  });

  it('refuses a name that is too short, naming the range', () => {
    expect(nameProblem('group', 'abc')).toContain('Group names have 4 to 50 characters');
  });

  it('uses the app limit of 26 characters', () => {
    expect(NAME_RULES.app.maxLength).toBe(26);
    expect(nameProblem('app', 'a'.repeat(27))).toContain('too long (27 characters)');
  });

  it('refuses a name starting with `_`, `-` or a digit', () => {
    for (const name of ['_low-qps', '-low-qps', '1low-qps']) {
      expect(nameProblem('throttlingPolicy', name)).toContain('must start with a letter');
    }
  });

  it('names the first character that is not allowed', () => {
    expect(nameProblem('plugin', 'my plugin')).toContain('contains ` `');
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
