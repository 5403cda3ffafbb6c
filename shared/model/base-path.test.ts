import { describe, expect, it } from 'vitest';
import { basePathPrefix, basePathProblem, callPath, pathUnderBasePath } from './base-path';

describe('a group BasePath in front of request paths', () => {
  it('puts the BasePath before the request path, as callers call it', () => {
    expect(callPath('/test', '/nameid')).toBe('/test/nameid');
    expect(callPath('/v1', '/users/[id]')).toBe('/v1/users/[id]');
    expect(callPath('/', '/hello')).toBe('/hello');
    expect(callPath('/v2/', '/pets')).toBe('/v2/pets');
    expect(callPath('/v1', '/')).toBe('/v1/');
  });

  it('drops only a trailing slash', () => {
    expect(basePathPrefix('/')).toBe('');
    expect(basePathPrefix('/a/b/')).toBe('/a/b');
  });

  it('finds the request path under a BasePath, and nothing outside it', () => {
    expect(pathUnderBasePath('/v1', '/v1/hello')).toBe('/hello');
    expect(pathUnderBasePath('/v1/', '/v1/hello')).toBe('/hello');
    expect(pathUnderBasePath('/v1', '/hello')).toBeUndefined();
    expect(pathUnderBasePath('/v1', '/v10/hello')).toBeUndefined();
    expect(pathUnderBasePath('/v1', '/v1')).toBeUndefined();
    expect(pathUnderBasePath('/', '/hello')).toBe('/hello');
    for (const [base, path] of [['/v1', '/hello'], ['/', '/x/[id]'], ['/a/b/', '/c']]) expect(pathUnderBasePath(base, callPath(base, path))).toBe(path);
  });

  it('accepts literal paths and says what is wrong with others', () => {
    for (const good of ['/', '/v1', '/v2/', '/api/v1.2', '/a-b_c~d']) expect(basePathProblem(good)).toBeUndefined();
    expect(basePathProblem('v1')).toBe('must start with `/`, e.g. `/v1`');
    expect(basePathProblem('/a//b')).toContain('empty segment');
    expect(basePathProblem('/[version]')).toContain('holds `[`');
    expect(basePathProblem('/v1/*')).toContain('holds `*`');
    expect(basePathProblem('/v1?x')).toContain('holds `?`');
    expect(basePathProblem('/a%20b')).toContain('holds `%`');
    expect(basePathProblem('/a b')).toContain('a space or control character');
  });
});
