import { describe, expect, it } from 'vitest';
import { CLOUD_REQUEST_METHODS, apiCloudBlocker, requestMethodCloudProblem, snapshotCloudBlocker } from './cloud-methods';
import { HTTP_METHODS } from './schema';
import { makeProject, problemsOf } from './test-fixtures';

describe('request methods Alibaba Cloud takes', () => {
  it('are every design method but ANY', () => {
    expect(HTTP_METHODS.filter((method) => !CLOUD_REQUEST_METHODS.includes(method))).toEqual(['ANY']);
    for (const method of CLOUD_REQUEST_METHODS) expect(requestMethodCloudProblem(method), method).toBeUndefined();
  });

  it('says at the field why ANY cannot be synced and what to do', () => {
    expect(requestMethodCloudProblem('ANY')).toBe(
      'ANY is served by the local gateway only: Alibaba Cloud takes one request method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS), so sync refuses this API until you choose one.',
    );
  });

  it('names the API, or the stage and version of a snapshot, in the reason a plan line gives', () => {
    const api = { group: 'shop', name: 'catch_all', request: { method: 'ANY' as const } };
    expect(apiCloudBlocker(api)).toBe(
      'API shop/catch_all has request method ANY, which only the local gateway serves: Alibaba Cloud takes one method per API (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS); choose one in the design to sync it',
    );
    expect(snapshotCloudBlocker(api, 'RELEASE', 3)).toContain('RELEASE serves version 3 in the design, whose request method ANY only the local gateway serves');
    expect(apiCloudBlocker({ ...api, request: { method: 'HEAD' } })).toBeUndefined();
  });

  it('leave an ANY API valid: the local gateway serves it', () => {
    const project = makeProject();
    project.apis[0].request.method = 'ANY';
    expect(problemsOf(project)).toEqual([]);
  });
});
