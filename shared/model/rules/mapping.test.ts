import { describe, expect, it } from 'vitest';
import { makeProject, onlyProblem, problemsOf } from '../test-fixtures';

// apis[1] get_user maps id → uid (PATH), sends constant X-Source and system CaClientIp as X-Client-Ip (HEAD).
describe('request-to-backend mapping', () => {
  it('requires a service parameter to map a declared request parameter', () => {
    const project = makeProject();
    project.apis[1].serviceParameters[0].requestParameter = 'userId';
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 1, 'serviceParameters', 0, 'requestParameter'],
      message: expect.stringContaining('maps request parameter `userId`, which is not declared. Declared request parameters: id, verbose, fields, X-Trace-Id.'),
    });
  });

  it('refuses two sources for one backend parameter', () => {
    const project = makeProject();
    project.apis[1].systemParameters[0].serviceParameter = 'x-source';
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 1, 'systemParameters', 0, 'serviceParameter'],
      message: expect.stringContaining('Backend parameter `x-source` (HEAD) is set twice: by constantParameters[0] and by systemParameters[0] (CaClientIp)'),
    });
  });

  it('refuses non-PATH mappings in PASSTHROUGH mode, and keeps PATH ones', () => {
    const project = makeProject();
    project.apis[1].request.mode = 'PASSTHROUGH';
    expect(problemsOf(project)).toEqual([]);
    project.apis[1].serviceParameters.push({ requestParameter: 'verbose', name: 'v', location: 'QUERY', type: 'BOOLEAN' });
    expect(onlyProblem(project)).toMatchObject({
      path: ['apis', 1, 'serviceParameters', 1, 'location'],
      message: expect.stringContaining('In PASSTHROUGH mode the gateway forwards the request unchanged and maps only PATH parameters'),
    });
  });
});
