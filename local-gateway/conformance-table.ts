/**
 * The conformance table: every error code of Alibaba's published code table
 * (docs/alibaba-data-plane.md, "Error codes", plus the documented I400MP) that the local gateway
 * can give, each with a request that provokes it and the answer Alibaba documents for it.
 * conformance.test.ts sends every row to a real gateway on 127.0.0.1. Codes the gateway cannot give
 * are listed with the reason.
 *
 * Sources are named, not linked: docs/local-gateway.md ("Error codes") links each page.
 */
import net from 'node:net';
import type { GatewayErrorCode } from '../shared/gateway/cloud-behaviour';
import { signRequest } from '../shared/signature/sign';
import { sdk, sdkRefusal } from './sdk-test-support';
import { call, fixtureProject, fixtureSecrets, mockApi, type Answer, type FixtureApi } from './test-support';

/** Where a row's documented answer was read (the docs row links the page). */
export const SOURCES = {
  codeTable: "Alibaba's error code table (VPC-type instances)",
  codeTableCopy: "Alibaba's error code table, row read in its copy on Alibaba's developer community",
  i404nfPage: "Alibaba's I404NF troubleshooting page",
  codeTableTroubleshooting: "Alibaba's page on troubleshooting the error code table",
  helpSiteExcerpt: "an excerpt of Alibaba's error code table on its help site",
  debuggingPage: "Alibaba's API debugging troubleshooting page",
} as const;

type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** The codes of the published table (docs/alibaba-data-plane.md, "Error codes"), in its order (its late row D504CO last), plus I400MP. */
export const REFERENCE_CODES = [
  'I400HD', 'I400MH', 'I400BD', 'I400PA', 'I405UM', 'I400RU', 'I403PT', 'I413RL', 'I413UL', 'I400CT', 'I404DO', 'I410GG',
  'I400SG', 'I404NF', 'X400PM', 'X500ED', 'X500AM', 'X403DG', 'B451DO', 'B451GO', 'B403OD', 'A400AC', 'A400IK', 'A403IS',
  'D504CO', 'I400MP',
] as const;

/** Documented codes the local gateway never gives, and why. */
export const NOT_PRODUCED: Record<string, string> = {
  I403PT: 'the local gateway listens on plain HTTP and serves HTTPS-only APIs over it (GATEWAY_CHOICES.servesHttpsOnlyApisOverHttp)',
  I410GG: 'there are no instances locally that a group could move away from',
  X400PM: 'plug-ins are checked when the project is validated; an invalid one is never served',
  X500ED: 'there are no old API definition versions locally',
  X500AM: 'only for a definition validation refuses (a backend address that is not http(s) once stage variables are filled in), and an invalid project is never served',
  X403DG: 'group and domain data come from a validated project',
  B451DO: 'no domain is banned for legal reasons locally',
  B451GO: 'no group is banned for legal reasons locally',
  B403OD: 'there is no provider account that could be overdue locally',
};

export const KEY = 'conformanceKey';
export const SECRET = 'conformanceSecret-0123456789';
export const APP_CODE = 'conformanceAppCode0123456789abcdef';
const GROUP = 'conformance';

export interface ConformanceContext {
  /** The gateway's port on 127.0.0.1. */
  port: number;
}

/** What a row checks of the answer. */
export interface ConformanceAnswer {
  status: number;
  code: string | undefined;
  message: string | undefined;
}

export interface ConformanceRow {
  code: GatewayErrorCode;
  /** The request that provokes it, in words. */
  request: string;
  status: number;
  /** The published X-Ca-Error-Message template for the code (docs/alibaba-data-plane.md, "Error codes"). */
  template: string;
  /** The exact message this request gets, or its shape where the call fills in a part (a nonce, a port). */
  message: string | RegExp;
  source: Source[];
  send(context: ConformanceContext): Promise<ConformanceAnswer>;
}

function app(name: string, path: string, auth: FixtureApi['auth'], extra: Partial<FixtureApi> = {}): FixtureApi {
  return mockApi(name, 'GET', path, { auth, ...extra });
}

/** The project every row is sent to: one group, so the gateway's own address reaches it. */
export function conformanceProject(deadPort: number) {
  const apis: FixtureApi[] = [
    mockApi('hello', 'GET', '/hello'),
    app('signed', '/signed', { type: 'APP' }),
    app('nonceForced', '/nonce-forced', { type: 'APP', forceNonceCheck: true }),
    app('byCode', '/by-code', { type: 'APP', appCodeAuthType: 'HEADER' }),
    mockApi('form', 'POST', '/form', { request: { method: 'POST', path: '/form', bodyFormat: 'FORM' }, parameters: [{ name: 'name', location: 'BODY' }] }),
    mockApi('required', 'GET', '/required', { parameters: [{ name: 'name', location: 'QUERY', required: true }] }),
    { name: 'deadBackend', request: { method: 'GET', path: '/dead' }, backend: { type: 'HTTP', address: 'http://127.0.0.1:#deadPort#', path: '/', method: 'GET' } },
  ];
  return fixtureProject({
    name: 'conformance',
    groups: [{ name: GROUP, stageVariables: { RELEASE: { deadPort: String(deadPort) } } }],
    apps: [{ name: 'caller' }],
    authorizations: ['signed', 'nonceForced', 'byCode'].map((api) => ({ app: 'caller', group: GROUP, api, stage: 'RELEASE' as const })),
    apis,
  });
}

export const conformanceSecrets = () => fixtureSecrets({ apps: { caller: { keys: [{ appKey: KEY, appSecret: SECRET }], appCodes: [APP_CODE] } } });

/** The gateway's body limit for these rows (I413RL), small so a row need not send megabytes. */
export const MAX_BODY_BYTES = 1024;

function answerOf(answer: Answer): ConformanceAnswer {
  const header = (name: string) => answer.headers[name] as string | undefined;
  return { status: answer.status, code: header('x-ca-error-code'), message: header('x-ca-error-message') };
}

/** One HTTP call through node:http. */
async function http(port: number, path: string, options: Parameters<typeof call>[2] = {}): Promise<ConformanceAnswer> {
  return answerOf(await call(port, path, options));
}

/**
 * Raw bytes on a new connection (what node:http will not send: a broken Content-Length, a control
 * character in the URL, megabytes of request line); resolves with the head of the answer.
 */
export function rawRequest(port: number, head: string): Promise<ConformanceAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      socket.destroy();
      const [statusLine, ...lines] = text.split('\r\n\r\n')[0].split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), code: headers.get('x-ca-error-code'), message: headers.get('x-ca-error-message') });
    };
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      text += data;
      if (text.includes('\r\n\r\n')) done();
    });
    socket.on('close', done);
    // The gateway may answer and close before a large request is all written.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done() : reject(error)));
    socket.on('connect', () => socket.write(head));
  });
}

/** A call signed with shared/signature (as the console's debugger and `apigw-local sign` sign). */
function signedHeaders(path: string, extra: { nonce?: string; appKey?: string } = {}): Record<string, string> {
  return signRequest({ method: 'GET', url: path, appKey: extra.appKey ?? KEY, appSecret: SECRET, nonce: extra.nonce }).headers;
}

/** What the official Node SDK's refusal carries. */
async function sdkAnswer(pending: Promise<unknown>): Promise<ConformanceAnswer> {
  const error = await sdkRefusal(pending);
  return { status: error.code, code: error.data.headers['x-ca-error-code'], message: error.data.headers['x-ca-error-message'] };
}

const base = (port: number) => `http://127.0.0.1:${port}`;
const SDK_STRING_TO_SIGN = (tail: string) =>
  new RegExp(`^Invalid Signature, Server StringToSign:\`GET#application/json####x-ca-key:${KEY}#x-ca-nonce:[0-9a-f-]{36}#x-ca-stage:RELEASE#x-ca-timestamp:\\d+#${tail}\`$`);

export const CONFORMANCE_ROWS: ConformanceRow[] = [
  {
    code: 'I400HD',
    request: 'POST /hello with `Content-Length: abc`',
    status: 400,
    template: 'Invalid Header `${HeaderName}` ${Reason}',
    message: 'Invalid Header `Content-Length` is not a single decimal number',
    source: [SOURCES.codeTable],
    send: ({ port }) => rawRequest(port, `POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: abc\r\n\r\n`),
  },
  {
    code: 'I400HD',
    request: 'GET /hello with a 300 KB header X-Huge (the URL and headers over 192 KB)',
    status: 400,
    template: 'Invalid Header `${HeaderName}` ${Reason}',
    message: 'Invalid Header `X-Huge` too large: the URL and headers are over 192 KB together',
    source: [SOURCES.codeTable],
    send: ({ port }) => rawRequest(port, `GET /hello HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Huge: ${'h'.repeat(300 * 1024)}\r\n\r\n`),
  },
  {
    code: 'I400MH',
    request: 'GET /nonce-forced (forceNonceCheck), signed without X-Ca-Nonce',
    status: 400,
    template: 'Header `${HeaderName}` is Required',
    message: 'Header `X-Ca-Nonce` is Required',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/nonce-forced', { headers: signedHeaders('/nonce-forced', { nonce: '' }) }),
  },
  {
    code: 'I400BD',
    request: 'POST /form with the form body `name=%ZZ`',
    status: 400,
    template: 'Invalid Body: ${Reason}',
    message: 'Invalid Body: Malformed percent-encoding in "name=%ZZ" at offset 0: each % must be followed by two hex digits, and the bytes must form valid UTF-8.',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/form', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=%ZZ' }),
  },
  {
    code: 'I400PA',
    request: 'GET /hello%E0%A4%A (the path is not valid percent-encoded UTF-8)',
    status: 400,
    template: 'Invalid Request Path `${Reason}`',
    message: 'Invalid Request Path `/hello%E0%A4%A`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello%E0%A4%A'),
  },
  {
    code: 'I400PA',
    request: 'GET /hello?name=%ZZ (a query piece is not valid percent-encoding)',
    status: 400,
    template: 'Invalid Request Path `${Reason}`',
    message: 'Invalid Request Path `?name=%ZZ`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello?name=%ZZ'),
  },
  {
    code: 'I405UM',
    request: 'PROPFIND /hello (a method the gateway does not know)',
    status: 405,
    template: 'Unsupported Method `${Reason}`',
    message: 'Unsupported Method `PROPFIND`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello', { method: 'PROPFIND' }),
  },
  {
    code: 'I400RU',
    request: 'GET /hel<U+0001>lo (a control character in the request-target)',
    status: 400,
    template: 'Invalid Request Uri `${Reason}`',
    message: 'Invalid Request Uri `Invalid char in url path`',
    source: [SOURCES.codeTable],
    send: ({ port }) => rawRequest(port, `GET /hel\x01lo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
  },
  {
    code: 'I413RL',
    request: `POST /hello declaring a body over the gateway's limit (${MAX_BODY_BYTES} bytes here)`,
    status: 413,
    template: 'Request body too Large',
    message: 'Request body too Large',
    source: [SOURCES.codeTable],
    send: ({ port }) => rawRequest(port, `POST /hello HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000000000\r\n\r\n`),
  },
  {
    code: 'I413UL',
    request: 'GET /hello with a 129 KB query',
    status: 413,
    template: 'Request URL too Large',
    message: 'Request URL too Large',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello?x=' + 'a'.repeat(129 * 1024)),
  },
  {
    code: 'I413UL',
    request: "GET /hello with a 2 MB query (past Node's parser limit: answered from the socket)",
    status: 413,
    template: 'Request URL too Large',
    message: 'Request URL too Large',
    source: [SOURCES.codeTable],
    send: ({ port }) => rawRequest(port, `GET /hello?x=${'a'.repeat(2 * 1024 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
  },
  {
    code: 'I400CT',
    request: 'POST /form with a form body in a charset the gateway cannot decode',
    status: 400,
    template: 'Invalid Content-Type: `${Reason}`',
    message: 'Invalid Content-Type: `application/x-www-form-urlencoded; charset=no-such-charset`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/form', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=no-such-charset' }, body: 'name=x' }),
  },
  {
    code: 'I404DO',
    request: 'GET /hello with Host other.localhost (no group has that domain)',
    status: 404,
    template: 'Invalid Domain `${DomainName}`',
    message: 'Invalid Domain `other.localhost`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello', { host: 'other.localhost' }),
  },
  {
    code: 'I400SG',
    request: 'GET /hello with X-Ca-Stage: PROD',
    status: 400,
    template: 'Invalid Stage',
    message: 'Invalid Stage',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/hello', { headers: { 'X-Ca-Stage': 'PROD' } }),
  },
  {
    code: 'I404NF',
    request: 'GET /nope (no API has the path)',
    status: 404,
    template: 'API not found ${Reason}',
    message: 'API not found with `GET /nope`',
    source: [SOURCES.codeTable],
    send: ({ port }) => http(port, '/nope'),
  },
  {
    code: 'I404NF',
    request: 'POST /hello (the path is served, for GET only)',
    status: 404,
    template: 'API not found ${Reason}',
    message: 'API not found with `POST /hello`',
    source: [SOURCES.codeTable, SOURCES.i404nfPage],
    send: ({ port }) => http(port, '/hello', { method: 'POST' }),
  },
  {
    code: 'I404NF',
    request: 'GET /hello with X-Ca-Stage: TEST (deployed to RELEASE only)',
    status: 404,
    template: 'API not found ${Reason}',
    message: 'API not found with `GET /hello`',
    source: [SOURCES.codeTable, SOURCES.i404nfPage],
    send: ({ port }) => http(port, '/hello', { headers: { 'X-Ca-Stage': 'TEST' } }),
  },
  {
    code: 'A400AC',
    request: 'GET /by-code (AppCode in the header) by the official SDK\'s SimpleClient with an AppCode no app has',
    status: 400,
    template: 'Invalid AppCode ${Reason}',
    message: 'Invalid AppCode `not found`',
    source: [SOURCES.codeTableCopy],
    send: ({ port }) => sdkAnswer(new sdk.SimpleClient('notAnAppCode').get(`${base(port)}/by-code`)),
  },
  {
    code: 'A400IK',
    request: 'GET /signed by the official SDK\'s Client with an AppKey no app has',
    status: 400,
    template: 'Invalid AppKey',
    message: 'Invalid AppKey',
    source: [SOURCES.codeTableCopy],
    send: ({ port }) => sdkAnswer(new sdk.Client('noSuchKey', SECRET).get(`${base(port)}/signed`)),
  },
  {
    code: 'A403IS',
    request: 'GET /signed?a=1&a=2 by the official SDK\'s Client: it signs `a=1,2`, the gateway the first value, `a=1`',
    status: 403,
    template: 'Invalid Signature, Server StringToSign:${StringToSign}',
    message: SDK_STRING_TO_SIGN('/signed\\?a=1'),
    source: [SOURCES.codeTableTroubleshooting, SOURCES.codeTableCopy],
    send: ({ port }) => sdkAnswer(new sdk.Client(KEY, SECRET).get(`${base(port)}/signed`, { query: { a: ['1', '2'] } })),
  },
  {
    code: 'A403IS',
    request: 'GET /signed by the official SDK\'s Client with a wrong AppSecret',
    status: 403,
    template: 'Invalid Signature, Server StringToSign:${StringToSign}',
    message: SDK_STRING_TO_SIGN('/signed'),
    source: [SOURCES.codeTableTroubleshooting, SOURCES.codeTableCopy],
    send: ({ port }) => sdkAnswer(new sdk.Client(KEY, 'notTheSecret').get(`${base(port)}/signed`)),
  },
  {
    code: 'D504CO',
    request: 'GET /dead, whose HTTP backend is a port nothing listens on',
    status: 504,
    template: 'Backend service connect failed `${Reason}`',
    message: /^Backend service connect failed `Connection refused 127\.0\.0\.1:\d+`$/,
    source: [SOURCES.helpSiteExcerpt],
    send: ({ port }) => http(port, '/dead'),
  },
  {
    code: 'I400MP',
    request: 'GET /required without its required query parameter `name`',
    status: 400,
    template: 'Invalid Parameter Required `${Name}`',
    message: 'Invalid Parameter Required `name`',
    source: [SOURCES.debuggingPage],
    send: ({ port }) => http(port, '/required'),
  },
];
