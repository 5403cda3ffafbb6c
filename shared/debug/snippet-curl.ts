/** The call as one curl command, with every header the debugger computed (signature included). */
import { headerValue } from './call-shape';
import { commentText, shellQuote } from './code-literals';
import { APP_CODE_PLACEHOLDER, describeCall, type SnippetInput } from './snippet-input';

const TIMESTAMP_WINDOW_MINUTES = 15;

export function curlSnippet(input: SnippetInput): string {
  const { prepared, auth } = input;
  const comments = [`# ${commentText(describeCall(input))}`];
  const timestamp = headerValue(prepared.headers, 'x-ca-timestamp');
  if (auth.kind === 'signature' && timestamp !== undefined) {
    const at = /^\d+$/.test(timestamp) ? ` (${new Date(Number(timestamp)).toISOString()})` : '';
    comments.push(
      `# Signed for X-Ca-Timestamp ${timestamp}${at}: the gateway accepts this command only within ${TIMESTAMP_WINDOW_MINUTES} minutes of that time, and each X-Ca-Nonce only once; copy it again for another run.`,
    );
  }
  if (auth.kind === 'appCode' && auth.placeholder) comments.push(`# Replace ${APP_CODE_PLACEHOLDER} with the app's AppCode.`);

  // -g: brackets in the URL are literal; -i: show the status line and headers (X-Ca-Error-Message).
  const first = ['curl -sS -i -g', prepared.method === 'HEAD' ? '--head' : `-X ${shellQuote(prepared.method)}`, shellQuote(prepared.url)].join(' ');
  const options: string[] = [];
  for (const [name, value] of prepared.headers) {
    // `Name;` sends an empty header; `Name:` would make curl drop it.
    options.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  // curl adds these when absent; the debugger sent none, and Accept is signed.
  if (headerValue(prepared.headers, 'accept') === undefined) options.push(`-H ${shellQuote('Accept:')}`);
  if (prepared.body !== undefined) {
    if (headerValue(prepared.headers, 'content-type') === undefined) options.push(`-H ${shellQuote('Content-Type:')}`);
    // --data-raw: a body starting with @ is sent as it is, not read from a file.
    options.push(`--data-raw ${shellQuote(prepared.body)}`);
  }
  return [...comments, [first, ...options].join(' \\\n  ')].join('\n') + '\n';
}
