import { describe, expect, it } from 'vitest';
import { httpBackend, makeProject, mockBackend, onlyProblem, problemsOf } from '../test-fixtures';
import { backendAddressProblem } from './backend';

// apis[0] hello is MOCK; apis[2] echo_message is HTTP at http://127.0.0.1:8081 (not deployed);
// apis[1] get_user is HTTP at http://#backendHost#:#backendPort#, deployed to TEST.
describe('mock backend', () => {
  it('limits the body to 51200 UTF-8 bytes, not characters', () => {
    const project = makeProject();
    // A JSON string, as the mock's Content-Type is JSON: two quotes and two bytes per `é`.
    mockBackend(project.apis[0]).body = `"${'é'.repeat(25_599)}"`;
    expect(problemsOf(project)).toEqual([]);
    mockBackend(project.apis[0]).body = `"${'é'.repeat(25_600)}"`;
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 0, 'backend', 'body'], message: expect.stringContaining('Mock body is 51202 bytes (UTF-8); at most 51200') });
  });

  it('refuses a status code that is not a standard one', () => {
    const project = makeProject();
    mockBackend(project.apis[0]).statusCode = 299;
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 0, 'backend', 'statusCode'], message: expect.stringContaining('Mock status code 299 is not a standard HTTP status code') });
  });
});

describe('HTTP backend', () => {
  it('refuses an address with a path', () => {
    const project = makeProject();
    httpBackend(project.apis[2]).address = 'http://api.example.com/v1?x=1';
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 2, 'backend', 'address'], message: expect.stringContaining('move `/v1?x=1` into the backend path') });
  });

  it('checks addresses with stage variables replaced by a plausible value', () => {
    expect(backendAddressProblem('https://#host#.example.com:#port#')).toBeUndefined();
    expect(backendAddressProblem('http://[::1]:8080')).toBeUndefined();
    expect(backendAddressProblem('api.example.com')).toContain('must start with http:// or https://');
    expect(backendAddressProblem('ftp://files.example.com')).toContain('uses scheme `ftp`');
    expect(backendAddressProblem('http://a.com:70000')).toContain('invalid port `70000`');
    expect(backendAddressProblem('http://a b.com')).toContain('invalid host `a b.com`');
    expect(backendAddressProblem('http://user:pw@a.com')).toContain('user name or password');
  });

  it('limits the timeout to 1..120000 ms', () => {
    const project = makeProject();
    httpBackend(project.apis[2]).timeout = 120_001;
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 2, 'backend', 'timeout'], message: expect.stringContaining('Use 1 to 120000 ms') });
    httpBackend(project.apis[2]).timeout = 0;
    expect(onlyProblem(project).path).toEqual(['apis', 2, 'backend', 'timeout']);
  });

  it('needs a content type value for CUSTOM and DEFAULT', () => {
    const project = makeProject();
    httpBackend(project.apis[2]).contentType = { category: 'DEFAULT' };
    expect(onlyProblem(project)).toMatchObject({ path: ['apis', 2, 'backend', 'contentType', 'value'], message: expect.stringContaining('Content type category DEFAULT needs a value') });
  });

  it('needs every stage variable of a deployed snapshot in that stage, naming the stage', () => {
    const project = makeProject();
    delete project.groups[0].stageVariables.TEST?.backendPort;
    expect(onlyProblem(project)).toMatchObject({
      path: ['deployments', 2, 'history', 2, 'definition', 'backend', 'address'],
      message: expect.stringContaining(
        'API `get_user` is deployed to TEST, where its backend address `http://#backendHost#:#backendPort#` uses stage variable `#backendPort#`',
      ),
    });
  });
});
