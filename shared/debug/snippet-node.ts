/**
 * The call in Node: with the official aliyun-api-gateway SDK where it can make it (Client for
 * signed GET/POST/PUT/DELETE with HmacSHA256, SimpleClient for a plain AppCode call in RELEASE),
 * otherwise with fetch, signing with node:crypto as docs/alibaba-data-plane.md, "String to sign"
 * describes.
 */
import { PER_CALL_HEADERS, headerValue, shapeOf } from './call-shape';
import { commentText, stringLiteral } from './code-literals';
import { APP_CODE_PLACEHOLDER, APP_SECRET_PLACEHOLDER, describeCall, headersBeforeSigning, type SnippetInput } from './snippet-input';

type Signed = Extract<SnippetInput['auth'], { kind: 'signature' }>;

const SDK_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
const PRINT_RESULT = [
  '  .then(async (response) => {',
  '    console.log(response.status, response.headers.get("x-ca-error-message") ?? "");',
  '    console.log(await response.text());',
  '  })',
  '  .catch((error) => console.error(error.message));',
];
const PRINT_SDK_RESULT = ['  .then((result) => console.log(result))', '  // A refusal arrives as an error whose message holds X-Ca-Error-Message.', '  .catch((error) => console.error(error.message));'];

export function nodeSnippet(input: SnippetInput): string {
  const auth = input.auth;
  const header = `// ${commentText(describeCall(input))}`;
  if (auth.kind === 'signature') {
    const sdkFits = SDK_METHODS.has(input.prepared.method) && auth.signatureMethod === 'HmacSHA256';
    return (sdkFits ? sdkClient(input, auth, header) : signedFetch(input, auth, header)).join('\n') + '\n';
  }
  if (auth.kind === 'appCode' && simpleClientFits(input)) return simpleClient(input, header).join('\n') + '\n';
  return plainFetch(input, header).join('\n') + '\n';
}

function objectLiteral(entries: [string, string][], indent: string): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([name, value]) => `${indent}  ${stringLiteral(name)}: ${stringLiteral(value)},`).join('\n')}\n${indent}}`;
}

function secretLine(auth: Signed): string {
  const note = auth.appSecret === APP_SECRET_PLACEHOLDER ? "replace with the app's AppSecret; " : '';
  return `const APP_SECRET = ${stringLiteral(auth.appSecret)}; // ${note}keep it out of source control`;
}

/** The SDK's Client signs for itself; what it adds on its own is left out of `headers`. */
function sdkClient(input: SnippetInput, auth: Signed, header: string): string[] {
  const { prepared } = input;
  const extraSigned = auth.signedHeaderNames.filter((name) => !name.startsWith('x-ca-'));
  const base = headersBeforeSigning(input, PER_CALL_HEADERS);
  const headers = base.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'x-ca-stage' || lower === 'content-md5' || extraSigned.includes(lower)) return false;
    return !(lower === 'accept' && value === 'application/json');
  });
  const signHeaders = base.filter(([name]) => extraSigned.includes(name.toLowerCase()));
  const notes: string[] = [];
  if (auth.fixedTimestamp !== undefined || auth.fixedNonce !== undefined) notes.push('// The SDK makes its own X-Ca-Timestamp and X-Ca-Nonce: the fixed ones of the debugger are not reproduced.');
  for (const [name] of auth.dropped) notes.push(`// The debugger removed ${commentText(name)} after signing; the SDK cannot, so this call keeps it.`);
  if (prepared.method === 'POST') notes.push('// For a POST without a form body the SDK also adds Content-MD5.');

  const options = [`    headers: ${objectLiteral(headers, '    ')},`];
  if (signHeaders.length > 0) options.push(`    signHeaders: ${objectLiteral(signHeaders, '    ')},`);
  const data = sdkData(input);
  if (data !== undefined) options.push(`    data: ${data},`);
  return [
    header,
    '// npm install aliyun-api-gateway',
    "const { Client } = require('aliyun-api-gateway');",
    '',
    `const APP_KEY = ${stringLiteral(auth.appKey)};`,
    secretLine(auth),
    '',
    '// The SDK adds x-ca-key, x-ca-timestamp, x-ca-nonce, x-ca-stage and accept itself, and signs every x-ca-* header.',
    `const client = new Client(APP_KEY, APP_SECRET, ${stringLiteral(input.stage)});`,
    ...notes,
    '',
    'client',
    `  .${prepared.method.toLowerCase()}(${stringLiteral(prepared.url)}, {`,
    ...options,
    '  })',
    ...PRINT_SDK_RESULT,
  ];
}

/** The body as the SDK takes it: form fields as an object, JSON as a value (it serializes both itself). */
function sdkData(input: SnippetInput): string | undefined {
  const { prepared } = input;
  if (prepared.body === undefined || (prepared.method !== 'POST' && prepared.method !== 'PUT')) return undefined;
  const form = shapeOf(prepared).form;
  if (form) {
    const fields = new Map<string, string[]>();
    for (const [name, value] of form) fields.set(name, [...(fields.get(name) ?? []), value]);
    const entries = [...fields].map(([name, values]) => `      ${stringLiteral(name)}: ${values.length === 1 ? stringLiteral(values[0]) : `[${values.map(stringLiteral).join(', ')}]`},`);
    return `{\n${entries.join('\n')}\n    }`;
  }
  if ((headerValue(prepared.headers, 'content-type') ?? 'application/json').startsWith('application/json')) {
    try {
      return JSON.stringify(JSON.parse(prepared.body), null, 2).replaceAll('\n', '\n    ');
    } catch {
      return `${stringLiteral(prepared.body)} /* not JSON: the SDK will send it as a JSON string */`;
    }
  }
  return stringLiteral(prepared.body);
}

function simpleClientFits(input: SnippetInput): boolean {
  const { prepared, auth } = input;
  if (auth.kind !== 'appCode' || auth.inQuery || input.stage !== 'RELEASE' || !SDK_METHODS.has(prepared.method) || prepared.body !== undefined) return false;
  // SimpleClient sends its Authorization header and nothing else of the caller's.
  return prepared.headers.every(([name]) => ['authorization', 'x-ca-stage'].includes(name.toLowerCase()));
}

function simpleClient(input: SnippetInput, header: string): string[] {
  const code = headerValue(input.prepared.headers, 'authorization')?.replace(/^APPCODE /, '') ?? APP_CODE_PLACEHOLDER;
  return [
    header,
    '// npm install aliyun-api-gateway',
    "const { SimpleClient } = require('aliyun-api-gateway');",
    '',
    `const client = new SimpleClient(${stringLiteral(code)}); // the app's AppCode: keep it out of source control`,
    '',
    'client',
    `  .${input.prepared.method.toLowerCase()}(${stringLiteral(input.prepared.url)}, {})`,
    ...PRINT_SDK_RESULT,
  ];
}

function fetchCall(input: SnippetInput, headers: string, body: string | undefined): string[] {
  return [
    `fetch(url, {`,
    `  method: ${stringLiteral(input.prepared.method)},`,
    `  headers: ${headers},`,
    ...(body !== undefined ? [`  body: ${body},`] : []),
    "  redirect: 'manual',",
    '})',
    ...PRINT_RESULT,
  ];
}

function plainFetch(input: SnippetInput, header: string): string[] {
  const { prepared } = input;
  const notes = input.auth.kind === 'appCode' && input.auth.placeholder ? [`// Replace ${APP_CODE_PLACEHOLDER} with the app's AppCode.`] : [];
  const body = prepared.body === undefined ? undefined : stringLiteral(prepared.body);
  return [header, '// Node 18+ (fetch is built in).', ...notes, `const url = ${stringLiteral(prepared.url)};`, '', ...fetchCall(input, objectLiteral(prepared.headers, '  '), body)];
}

/** Signs with node:crypto, following the StringToSign layout line by line. */
function signedFetch(input: SnippetInput, auth: Signed, header: string): string[] {
  const { prepared } = input;
  const shape = shapeOf(prepared);
  const pairs = (list: [string, string][]) => `[${list.map(([n, v]) => `[${stringLiteral(n)}, ${stringLiteral(v)}]`).join(', ')}]`;
  const algorithm = auth.signatureMethod === 'HmacSHA1' ? 'sha1' : 'sha256';
  const lines = [
    header,
    '// Node 18+ (fetch and node:crypto are built in).',
    "const crypto = require('node:crypto');",
    '',
    `const APP_KEY = ${stringLiteral(auth.appKey)};`,
    secretLine(auth),
    '',
    `const method = ${stringLiteral(prepared.method)};`,
    `const url = ${stringLiteral(prepared.url)};`,
    `const path = ${stringLiteral(shape.path)};`,
    `const query = ${pairs(shape.query)}; // decoded, in wire order`,
    `const form = ${pairs(shape.form ?? [])}; // decoded form fields (signed with a form Content-Type only)`,
    `const body = ${prepared.body === undefined ? 'undefined' : stringLiteral(prepared.body)};`,
    `const headers = ${objectLiteral(headersBeforeSigning(input, PER_CALL_HEADERS).map(([n, v]) => [n.toLowerCase(), v]), '')};`,
    'headers["x-ca-key"] = APP_KEY;',
    `headers["x-ca-timestamp"] = ${auth.fixedTimestamp !== undefined ? stringLiteral(String(auth.fixedTimestamp)) : 'String(Date.now())'};`,
    `headers["x-ca-nonce"] = ${auth.fixedNonce !== undefined ? stringLiteral(auth.fixedNonce) : 'crypto.randomUUID()'};`,
  ];
  if (auth.computedContentMd5) lines.push('headers["content-md5"] = crypto.createHash("md5").update(body, "utf8").digest("base64");');
  lines.push(
    `const signedHeaders = [${auth.signedHeaderNames.map(stringLiteral).join(', ')}];`,
    '',
    '// StringToSign: method, Accept, Content-MD5, Content-Type, Date, the signed headers, then the path and parameters',
    '// (decoded, sorted by name, the first value of a name; form fields override the query).',
    'const params = new Map();',
    'for (const [name, value] of query) if (name && !params.has(name)) params.set(name, value);',
    'const formParams = new Map();',
    'for (const [name, value] of form) if (name && !formParams.has(name)) formParams.set(name, value);',
    'for (const [name, value] of formParams) params.set(name, value);',
    'const names = [...params.keys()].sort();',
    'const pathAndParams = names.length === 0 ? path : path + "?" + names.map((n) => (params.get(n) === "" ? n : n + "=" + params.get(n))).join("&");',
    'const stringToSign =',
    '  [method, ...["accept", "content-md5", "content-type", "date"].map((name) => headers[name] ?? "")].join("\\n") + "\\n" +',
    '  [...signedHeaders].sort().map((name) => name + ":" + (headers[name] ?? "") + "\\n").join("") +',
    '  pathAndParams;',
    'headers["x-ca-signature-headers"] = signedHeaders.join(",");',
    `headers["x-ca-signature"] = crypto.createHmac(${stringLiteral(algorithm)}, APP_SECRET).update(stringToSign, "utf8").digest("base64");`,
  );
  for (const [name] of auth.dropped) lines.push(`delete headers[${stringLiteral(name.toLowerCase())}]; // removed after signing, as in the debugger`);
  lines.push('', ...fetchCall(input, 'headers', prepared.body === undefined ? undefined : 'body'));
  return lines;
}
