import { describe, expect, it } from 'vitest';
import type { PreparedCall } from '../ipc/contract';
import { DebugRequest } from '../ipc/contract';
import { prepareCall } from './prepare-call';
import { APP_SECRET_PLACEHOLDER, buildSnippets } from './snippets';

const anonymous: PreparedCall = {
  method: 'POST',
  url: 'http://127.0.0.1:8080/a[1]?q=it%27s',
  headers: [['X-Ca-Stage', 'TEST'], ['X-Empty', ''], ['X-Quote', "it's"]],
  body: "@not-a-file 'quoted'",
};

describe('buildSnippets', () => {
  it('quotes everything for the shell and keeps curl from adding or dropping headers', () => {
    const { curl } = buildSnippets({ prepared: anonymous, stage: 'TEST', auth: { kind: 'anonymous' } });
    expect(curl).toBe(
      [
        "# POST http://127.0.0.1:8080/a[1]?q=it%27s, stage TEST, without authentication.",
        "curl -sS -i -g -X 'POST' 'http://127.0.0.1:8080/a[1]?q=it%27s' \\",
        "  -H 'X-Ca-Stage: TEST' \\",
        "  -H 'X-Empty;' \\",
        "  -H 'X-Quote: it'\\''s' \\",
        "  -H 'Accept:' \\",
        "  -H 'Content-Type:' \\",
        "  --data-raw '@not-a-file '\\''quoted'\\'''",
        '',
      ].join('\n'),
    );
  });

  it('signs in the code snippets with the placeholder, re-adding dropped headers before signing and removing them after', () => {
    const prepared: PreparedCall = {
      method: 'GET',
      url: 'http://127.0.0.1:8080/p?b=2&a=x%20y',
      headers: [['x-ca-stage', 'TEST'], ['x-ca-key', 'k'], ['x-ca-timestamp', '1'], ['x-ca-nonce', 'n'], ['accept', 'application/json'], ['x-ca-signature-headers', 'x-ca-key,x-ca-nonce,x-ca-stage,x-ca-timestamp,x-foo'], ['x-ca-signature', 'sig']],
      stringToSign: '…',
    };
    const snippets = buildSnippets({
      prepared,
      stage: 'TEST',
      auth: { kind: 'signature', appKey: 'k', appSecret: APP_SECRET_PLACEHOLDER, signatureMethod: 'HmacSHA256', signedHeaderNames: ['x-ca-key', 'x-ca-nonce', 'x-ca-stage', 'x-ca-timestamp', 'x-foo'], computedContentMd5: false, dropped: [['x-foo', 'bar']] },
    });
    expect(snippets.python).toContain('APP_SECRET = "<APP_SECRET>"  # replace with the app\'s AppSecret; keep it out of source control');
    expect(snippets.python).toContain('query = [("b", "2"), ("a", "x y")]  # decoded, in wire order');
    expect(snippets.python).toContain('    "x-foo": "bar",');
    expect(snippets.python).toContain('del headers["x-foo"]  # removed after signing, as in the debugger');
    expect(snippets.java).toContain('headers.remove("x-foo"); // removed after signing, as in the debugger');
    expect(snippets.java).toContain('String[][] query = {{"b", "2"}, {"a", "x y"}};');
    expect(snippets.node).toContain('// The debugger removed x-foo after signing; the SDK cannot, so this call keeps it.');
    expect(snippets.node).toContain('signHeaders: {\n      "x-foo": "bar",\n    },');
    expect(snippets.curl).toContain('# Signed for X-Ca-Timestamp 1 (1970-01-01T00:00:00.001Z): the gateway accepts this command only within 15 minutes of that time');
    expect(snippets.curl).not.toContain("-H 'x-foo");
  });

  it('calls the API at its group\'s BasePath + path in every language, signing that path', () => {
    const request = DebugRequest.parse({ target: { kind: 'local' }, stage: 'TEST', method: 'GET', path: '/hello', auth: { kind: 'signature', app: 'a', timestamp: 1, nonce: 'n' } });
    const details = prepareCall({ request, baseUrl: 'http://127.0.0.1:8080', basePath: '/v1', credentials: { appKey: 'k', appSecret: 's' } });
    const snippets = buildSnippets({
      prepared: details.prepared,
      stage: 'TEST',
      auth: { kind: 'signature', appKey: 'k', appSecret: APP_SECRET_PLACEHOLDER, signatureMethod: 'HmacSHA256', signedHeaderNames: details.signedHeaderNames ?? [], computedContentMd5: false, dropped: [] },
    });
    expect(snippets.curl).toContain("'http://127.0.0.1:8080/v1/hello'");
    for (const code of [snippets.node, snippets.python, snippets.java]) {
      expect(code).toContain('/v1/hello');
      expect(code).not.toMatch(/[^1]\/hello/);
    }
  });
});
