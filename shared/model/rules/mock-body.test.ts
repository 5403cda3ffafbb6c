import { describe, expect, it } from 'vitest';
import { makeProject, mockBackend, onlyProblem, problemsOf } from '../test-fixtures';
import { jsonSyntaxError } from './json-syntax';

// apis[0] hello is MOCK with Content-Type application/json and body {"message":"hello"}.
describe('mock body declared as JSON', () => {
  it('is a problem at the body field, naming line, column and what is wrong', () => {
    const project = makeProject();
    mockBackend(project.apis[0]).body = '{\n  "message": "hello",\n}';
    expect(onlyProblem(project)).toEqual({
      path: ['apis', 0, 'backend', 'body'],
      message:
        'Mock body is not valid JSON, though its Content-Type header is `application/json`: at line 3, column 1 of the body, ' +
        'a trailing `,` before `}` is not allowed in JSON. Fix the JSON, or declare another Content-Type.',
    });
  });

  it('is checked for +json types and, without a Content-Type header, for the result type JSON', () => {
    const project = makeProject();
    const mock = mockBackend(project.apis[0]);
    mock.body = '{message: 1}';
    mock.headers = [{ name: 'content-type', value: 'application/problem+json; charset=UTF-8' }];
    expect(onlyProblem(project).message).toContain('expected a property name in double quotes, found `m`');
    mock.headers = [];
    expect(problemsOf(project)).toEqual([]);
    project.apis[0].result = { type: 'JSON' };
    expect(onlyProblem(project).message).toContain('though the API declares its result type JSON: at line 1, column 2');
  });

  it('leaves other types and empty bodies alone', () => {
    const project = makeProject();
    const mock = mockBackend(project.apis[0]);
    mock.body = 'hello';
    mock.headers = [{ name: 'Content-Type', value: 'text/plain' }];
    project.apis[0].result = { type: 'JSON' };
    expect(problemsOf(project)).toEqual([]);
    mock.headers = [{ name: 'Content-Type', value: 'application/json' }];
    mock.body = '  \n';
    expect(problemsOf(project)).toEqual([]);
  });
});

describe('jsonSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' 1 ', '-0.5e+3', '"a\\u00e9\\n"', '{"a":[1,{"b":null}],"c":true}', '[[[[]]]]']) {
      expect(jsonSyntaxError(text)).toBeUndefined();
    }
  });

  it('names the first error and where it is, the same in every JavaScript engine', () => {
    expect(jsonSyntaxError('')).toEqual({ line: 1, column: 1, reason: 'expected a value (an object, array, string, number, true, false or null), found the end of the text' });
    expect(jsonSyntaxError('[1 2]')).toEqual({ line: 1, column: 4, reason: 'expected `,` or `]` after an array element, found `2`' });
    expect(jsonSyntaxError('{"a" 1}')?.reason).toBe('expected `:` after a property name, found `1`');
    expect(jsonSyntaxError("{'a': 1}")?.reason).toBe('expected a property name in double quotes, found `\'`');
    expect(jsonSyntaxError("['a']")?.reason).toBe('strings need double quotes `"`, not `\'`');
    expect(jsonSyntaxError('{"a": "b\n"}')).toEqual({ line: 1, column: 9, reason: 'a line break inside a string; write it as an escape such as `\\n` or `\\t`' });
    expect(jsonSyntaxError('"\\x"')?.reason).toContain('`\\x` is not a JSON escape');
    expect(jsonSyntaxError('{"a": 1')).toEqual({ line: 1, column: 8, reason: 'expected `,` or `}` after a property value, found the end of the text' });
    expect(jsonSyntaxError('"open')?.reason).toBe('a string is not closed with `"`');
    expect(jsonSyntaxError('{}\r\n{}')).toEqual({ line: 2, column: 1, reason: 'unexpected `{` after the JSON value (only one value is allowed)' });
    expect(jsonSyntaxError('[01]')?.reason).toBe('expected `,` or `]` after an array element, found `1`');
  });

  it('scans a deeply nested body without overflowing the stack', () => {
    expect(jsonSyntaxError(`${'['.repeat(50_000)}1${']'.repeat(49_999)}`)).toMatchObject({ column: 100_001 });
  });
});
