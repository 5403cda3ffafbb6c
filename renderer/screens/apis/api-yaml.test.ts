import { describe, expect, it } from 'vitest';
import { makeProject } from '../../../shared/model/test-fixtures';
import { apiToYaml, parseApiYaml, sameApiDefinition } from './api-yaml';

describe('API YAML', () => {
  const api = makeProject().apis[1];

  it('round-trips an API', () => {
    const parsed = parseApiYaml(apiToYaml(api));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(sameApiDefinition(parsed.api, api)).toBe(true);
  });

  it('names the YAML syntax error', () => {
    const parsed = parseApiYaml('name: x\n  bad: [');
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.error).toMatch(/^Not valid YAML/);
  });

  it('names the field that does not fit an API', () => {
    const parsed = parseApiYaml(apiToYaml(api).replace('method: GET', 'method: FETCH'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/request\.method/);
    expect(parseApiYaml('- a\n- b')).toMatchObject({ ok: false });
  });
});
