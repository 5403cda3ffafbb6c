import { describe, expect, it } from 'vitest';
import { DebugRequest } from '../../../../shared/ipc/contract';
import { FIXTURE, makeProject } from '../../../../shared/model/test-fixtures';
import { fillPath, formFromRequest, formProblems, initialForm, matchPath, pathParamNames, splitNames, toDebugCall } from './debug-form';
import type { DebugForm } from './debug-form';

const group = FIXTURE.group;

describe('debugger form', () => {
  it('prefills the API a stage serves: path, query and header parameters with demo/default values', () => {
    const form = initialForm(makeProject(), { group, api: 'get_user' }, 'TEST');
    expect(form.method).toBe('GET');
    expect(form.pathTemplate).toBe('/users/[id]');
    expect(form.pathParams).toEqual([{ name: 'id', value: '', include: true, param: { type: 'Long', required: true, description: undefined, enum: undefined } }]);
    expect(form.query.map((r) => [r.name, r.value, r.include])).toEqual([
      ['verbose', 'false', true],
      ['fields', 'all', true],
    ]);
    expect(form.query[1].param?.enum).toEqual(['name', 'all']);
    expect(form.headers.map((r) => [r.name, r.include])).toEqual([['X-Trace-Id', false]]);
    expect(form.bodyKind).toBe('none');
    // APP auth: signed, by the app authorized in that stage.
    expect(form.auth.kind).toBe('signature');
    expect(form.auth.app).toBe(FIXTURE.app);
  });

  it('starts a form body for BODY parameters and an anonymous call for an anonymous API', () => {
    const echo = initialForm(makeProject(), { group, api: 'echo_message' }, 'TEST');
    expect(echo.bodyKind).toBe('form');
    expect(echo.formFields.map((r) => r.name)).toEqual(['message']);
    expect(formProblems(echo)).toEqual(['The form field message is required: fill it in.']);
    const hello = initialForm(makeProject(), { group, api: 'hello' }, 'RELEASE');
    expect(hello.auth.kind).toBe('anonymous');
  });

  it('builds the contract request: filled path, sent rows only, signature options', () => {
    const form = initialForm(makeProject(), { group, api: 'get_user' }, 'TEST');
    const filled: DebugForm = {
      ...form,
      pathParams: [{ ...form.pathParams[0], value: '4 2' }],
      query: [{ ...form.query[0], include: false }, form.query[1], { name: 'extra', value: '', include: true }],
      headers: [{ name: 'X-Proxy-Drop', value: '1', include: true }],
      auth: { ...form.auth, extraSignedHeaders: 'X-Proxy-Drop, ', secretOverride: 'wrong', fixedTimestamp: true, timestamp: '1700000000000' },
      dropAfterSigning: 'X-Proxy-Drop',
    };
    expect(formProblems(filled)).toEqual([]);
    const request = toDebugCall(filled);
    expect(request).toEqual({
      target: { kind: 'local' },
      group,
      api: 'get_user',
      stage: 'TEST',
      method: 'GET',
      path: '/users/4%202',
      query: [
        ['fields', 'all'],
        ['extra', ''],
      ],
      headers: [['X-Proxy-Drop', '1']],
      body: { kind: 'none' },
      auth: {
        kind: 'signature',
        app: FIXTURE.app,
        secretOverride: 'wrong',
        signatureMethod: 'HmacSHA256',
        extraSignedHeaders: ['X-Proxy-Drop'],
        timestamp: 1700000000000,
        addContentMd5: false,
      },
      dropAfterSigning: ['X-Proxy-Drop'],
    });
    // The host's schema accepts it as is.
    expect(DebugRequest.safeParse(request).success).toBe(true);
  });

  it('names what to fix before sending', () => {
    const form = initialForm(makeProject(), { group, api: 'get_user' }, 'TEST');
    const bad: DebugForm = { ...form, target: 'url', baseUrl: 'example.com', auth: { ...form.auth, app: '', fixedTimestamp: true, timestamp: 'soon' } };
    expect(formProblems(bad)).toEqual([
      'Fill the path parameter id.',
      'Enter the base URL to call, like https://example.com (scheme and host).',
      'Choose the app whose credentials sign the call.',
      'The fixed timestamp must be milliseconds since 1970, digits only.',
    ]);
  });

  it('fills and reads back paths with parameters and a trailing wildcard', () => {
    expect(pathParamNames('/files/[bucket]/*')).toEqual(['bucket', '*']);
    const rows = [
      { name: 'bucket', value: 'a b', include: true },
      { name: '*', value: '/x/y.txt', include: true },
    ];
    expect(fillPath('/files/[bucket]/*', rows)).toBe('/files/a%20b/x/y.txt');
    expect(matchPath('/files/[bucket]/*', '/files/a%20b/x/y.txt')).toEqual({ bucket: 'a b', '*': 'x/y.txt' });
    expect(matchPath('/users/[id]', '/orders/1')).toBeUndefined();
    expect(splitNames(' a, b  c,,')).toEqual(['a', 'b', 'c']);
  });

  it('loads a sent request back into the form, without the secret override', () => {
    const project = makeProject();
    const fresh = initialForm(project, { group, api: 'get_user' }, 'TEST');
    const sent = toDebugCall({
      ...fresh,
      pathParams: [{ ...fresh.pathParams[0], value: '7' }],
      headers: [{ ...fresh.headers[0], value: 'trace-1', include: true }, { name: 'X-Extra', value: 'v', include: true }],
      auth: { ...fresh.auth, kind: 'appCode', appCodeInQuery: true },
    });
    const loaded = formFromRequest(fresh, sent);
    expect(loaded.pathParams[0].value).toBe('7');
    expect(loaded.pathParams[0].param?.type).toBe('Long');
    expect(loaded.headers.map((r) => [r.name, r.value, r.include])).toEqual([
      ['X-Trace-Id', 'trace-1', true],
      ['X-Extra', 'v', true],
    ]);
    expect(loaded.query.map((r) => r.include)).toEqual([true, true]);
    expect(loaded.auth).toMatchObject({ kind: 'appCode', appCodeInQuery: true, secretOverride: '' });
    expect(toDebugCall(loaded)).toEqual(sent);
  });
});
