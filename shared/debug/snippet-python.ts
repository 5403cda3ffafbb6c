/** The call in Python with requests; a signed call computes its signature with hmac, as docs/alibaba-data-plane.md, "String to sign" describes. */
import { PER_CALL_HEADERS, shapeOf } from './call-shape';
import { commentText, stringLiteral } from './code-literals';
import { APP_CODE_PLACEHOLDER, APP_SECRET_PLACEHOLDER, describeCall, headersBeforeSigning, type SnippetInput } from './snippet-input';

type Signed = Extract<SnippetInput['auth'], { kind: 'signature' }>;

export function pythonSnippet(input: SnippetInput): string {
  const header = `# ${commentText(describeCall(input))}`;
  const lines = input.auth.kind === 'signature' ? signed(input, input.auth, header) : plain(input, header);
  return lines.join('\n') + '\n';
}

function dictLiteral(entries: [string, string][]): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([name, value]) => `    ${stringLiteral(name)}: ${stringLiteral(value)},`).join('\n')}\n}`;
}

function pairsLiteral(pairs: [string, string][]): string {
  return `[${pairs.map(([name, value]) => `(${stringLiteral(name)}, ${stringLiteral(value)})`).join(', ')}]`;
}

const SEND = [
  'response = requests.request(method, url, headers=headers, data=None if body is None else body.encode("utf-8"), allow_redirects=False)',
  'print(response.status_code, response.headers.get("X-Ca-Error-Message", ""))',
  'print(response.text)',
];

function bodyLine(body: string | undefined): string {
  return `body = ${body === undefined ? 'None' : stringLiteral(body)}`;
}

function plain(input: SnippetInput, header: string): string[] {
  const { prepared } = input;
  const notes = input.auth.kind === 'appCode' && input.auth.placeholder ? [`# Replace ${APP_CODE_PLACEHOLDER} with the app's AppCode.`] : [];
  return [
    header,
    '# pip install requests',
    ...notes,
    'import requests',
    '',
    `method = ${stringLiteral(prepared.method)}`,
    `url = ${stringLiteral(prepared.url)}`,
    bodyLine(prepared.body),
    `headers = ${dictLiteral(prepared.headers)}`,
    '',
    ...SEND,
  ];
}

function signed(input: SnippetInput, auth: Signed, header: string): string[] {
  const { prepared } = input;
  const shape = shapeOf(prepared);
  const digest = auth.signatureMethod === 'HmacSHA1' ? 'hashlib.sha1' : 'hashlib.sha256';
  const note = auth.appSecret === APP_SECRET_PLACEHOLDER ? "replace with the app's AppSecret; " : '';
  const lines = [
    header,
    '# pip install requests',
    'import base64',
    'import hashlib',
    'import hmac',
    'import time',
    'import uuid',
    '',
    'import requests',
    '',
    `APP_KEY = ${stringLiteral(auth.appKey)}`,
    `APP_SECRET = ${stringLiteral(auth.appSecret)}  # ${note}keep it out of source control`,
    '',
    `method = ${stringLiteral(prepared.method)}`,
    `url = ${stringLiteral(prepared.url)}`,
    `path = ${stringLiteral(shape.path)}`,
    `query = ${pairsLiteral(shape.query)}  # decoded, in wire order`,
    `form = ${pairsLiteral(shape.form ?? [])}  # decoded form fields (signed with a form Content-Type only)`,
    bodyLine(prepared.body),
    `headers = ${dictLiteral(headersBeforeSigning(input, PER_CALL_HEADERS).map(([n, v]) => [n.toLowerCase(), v]))}`,
    'headers["x-ca-key"] = APP_KEY',
    `headers["x-ca-timestamp"] = ${auth.fixedTimestamp !== undefined ? stringLiteral(String(auth.fixedTimestamp)) : 'str(int(time.time() * 1000))'}`,
    `headers["x-ca-nonce"] = ${auth.fixedNonce !== undefined ? stringLiteral(auth.fixedNonce) : 'str(uuid.uuid4())'}`,
  ];
  if (auth.computedContentMd5) lines.push('headers["content-md5"] = base64.b64encode(hashlib.md5(body.encode("utf-8")).digest()).decode()');
  lines.push(
    `signed_headers = [${auth.signedHeaderNames.map(stringLiteral).join(', ')}]`,
    '',
    '# StringToSign: method, Accept, Content-MD5, Content-Type, Date, the signed headers, then the path and parameters',
    '# (decoded, sorted by name, the first value of a name; form fields override the query).',
    'params = {}',
    'for name, value in query:',
    '    if name and name not in params:',
    '        params[name] = value',
    'form_params = {}',
    'for name, value in form:',
    '    if name and name not in form_params:',
    '        form_params[name] = value',
    'params.update(form_params)',
    'path_and_params = path',
    'if params:',
    '    path_and_params += "?" + "&".join(name if params[name] == "" else name + "=" + params[name] for name in sorted(params))',
    'string_to_sign = "\\n".join([method] + [headers.get(name, "") for name in ("accept", "content-md5", "content-type", "date")]) + "\\n"',
    'string_to_sign += "".join(name + ":" + headers.get(name, "") + "\\n" for name in sorted(signed_headers))',
    'string_to_sign += path_and_params',
    'headers["x-ca-signature-headers"] = ",".join(signed_headers)',
    `headers["x-ca-signature"] = base64.b64encode(hmac.new(APP_SECRET.encode("utf-8"), string_to_sign.encode("utf-8"), ${digest}).digest()).decode()`,
  );
  for (const [name] of auth.dropped) lines.push(`del headers[${stringLiteral(name.toLowerCase())}]  # removed after signing, as in the debugger`);
  lines.push('', ...SEND);
  return lines;
}
