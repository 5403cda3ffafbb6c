/**
 * Compares the client's StringToSign with the one the gateway sent back in a signature-mismatch
 * message, line by line, and names the likely cause. Pure, for the console's debugger.
 *
 * Layout (docs/alibaba-data-plane.md, "String to sign"): five fixed lines (method, Accept,
 * Content-MD5, Content-Type, Date), one line per signed header, then the path and parameters. The
 * fixed lines and the last one are paired by position; the header lines are aligned by header name
 * (LCS), so one dropped or added header does not shift every line after it.
 */
import type { SignatureComparison } from '../ipc/contract';
import { sdkDifference, type WireParameters } from './sdk-differences';

type Row = SignatureComparison['lines'][number];
type Range = [number, number];

/** What a row of the StringToSign means, to explain a difference in it. */
type Role = { kind: 'fixed'; index: number } | { kind: 'header'; name: string } | { kind: 'path' } | { kind: 'line'; index: number };

const FIXED_LINES = 5;
const FIXED_NAMES = ['method', 'Accept', 'Content-MD5', 'Content-Type', 'Date'];
const FIXED_HINTS = [
  'the call went out with another method than the one signed (a redirect, or a proxy that rewrote it)',
  'some HTTP clients add or replace Accept (curl and requests send */* when none is given); send exactly the Accept you signed',
  'the body changed after it was signed, or Content-MD5 was added or dropped on the way',
  'the client or a proxy changed Content-Type (a charset appended?); send exactly the one you signed',
  'send exactly the Date header you signed, or leave it out',
];
/** Above this many cells the header alignment falls back to pairing by position. */
const MAX_LCS_CELLS = 1_000_000;

export const IDENTICAL_CAUSE =
  'The strings to sign are identical, so the signature differs because of the secret: the AppSecret used to sign is not the one the gateway has for this AppKey.';

/**
 * `server` is the gateway's string as parseServerStringToSign restored it: every `#` became a
 * newline, because the gateway's message writes newlines as `#`. The client's `#` are read the
 * same way, so a `#` in a signed value is not mistaken for a difference. `wire` is the query and
 * form as sent, to tell a repeated parameter that an SDK signed its own way (sdk-differences.ts).
 */
export function compareStringsToSign(client: string, server: string, wire?: WireParameters): SignatureComparison {
  const clientLines = client.replaceAll('#', '\n').split('\n');
  const serverLines = server.split('\n');
  const { rows, roles } = align(clientLines, serverLines);
  const firstDifference = rows.findIndex((row) => !row.same);
  const identical = firstDifference === -1;
  return {
    client,
    server,
    identical,
    lines: rows,
    likelyCause: identical ? IDENTICAL_CAUSE : causeOf(rows[firstDifference], roles[firstDifference], wire),
  };
}

function align(client: string[], server: string[]): { rows: Row[]; roles: Role[] } {
  const rows: Row[] = [];
  const roles: Role[] = [];
  const push = (row: Row, role: Role) => {
    rows.push(row);
    roles.push(role);
  };
  // Too short to have the layout (not a StringToSign we know): align whole lines.
  if (client.length <= FIXED_LINES || server.length <= FIXED_LINES) {
    alignLines(client, server, (line) => line, true).forEach((row, index) => push(row, { kind: 'line', index }));
    return { rows, roles };
  }
  for (let i = 0; i < FIXED_LINES; i++) push(paired(client[i], server[i]), { kind: 'fixed', index: i });
  const clientHeaders = client.slice(FIXED_LINES, -1);
  const serverHeaders = server.slice(FIXED_LINES, -1);
  for (const row of alignLines(clientHeaders, serverHeaders, headerName, false)) {
    push(row, { kind: 'header', name: headerName(row.client ?? row.server ?? '') });
  }
  push(paired(client[client.length - 1], server[server.length - 1]), { kind: 'path' });
  return { rows, roles };
}

function headerName(line: string): string {
  const colon = line.indexOf(':');
  return colon === -1 ? line : line.slice(0, colon);
}

/**
 * Aligns two lists of lines by `key` with a longest common subsequence. Lines with equal keys
 * are paired; with `pairRuns`, a run of client-only lines next to a run of server-only ones is
 * paired too (a changed line rather than one removed and one added).
 */
function alignLines(client: string[], server: string[], key: (line: string) => string, pairRuns: boolean): Row[] {
  const n = client.length;
  const m = server.length;
  if (n * m > MAX_LCS_CELLS) {
    return Array.from({ length: Math.max(n, m) }, (_, i) => rowOf(client[i], server[i]));
  }
  const clientKeys = client.map(key);
  const serverKeys = server.map(key);
  // lengths[i][j]: LCS length of client[i..] and server[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = clientKeys[i] === serverKeys[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const rows: Row[] = [];
  let onlyClient: string[] = [];
  let onlyServer: string[] = [];
  const flush = () => {
    const pairs = pairRuns ? Math.min(onlyClient.length, onlyServer.length) : 0;
    for (let k = 0; k < pairs; k++) rows.push(paired(onlyClient[k], onlyServer[k]));
    for (const line of onlyClient.slice(pairs)) rows.push(rowOf(line, undefined));
    for (const line of onlyServer.slice(pairs)) rows.push(rowOf(undefined, line));
    onlyClient = [];
    onlyServer = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && clientKeys[i] === serverKeys[j]) {
      flush();
      rows.push(paired(client[i++], server[j++]));
    } else if (j >= m || (i < n && lengths[i + 1][j] >= lengths[i][j + 1])) {
      onlyClient.push(client[i++]);
    } else {
      onlyServer.push(server[j++]);
    }
  }
  flush();
  return rows;
}

function rowOf(client: string | undefined, server: string | undefined): Row {
  if (client !== undefined && server !== undefined) return paired(client, server);
  const whole = (line: string | undefined): Range[] => (line === undefined || line === '' ? [] : [[0, line.length]]);
  return { client, server, same: false, clientRanges: whole(client), serverRanges: whole(server) };
}

/** Two lines side by side; where they differ, the span between their common prefix and suffix. */
function paired(client: string, server: string): Row {
  if (client === server) return { client, server, same: true, clientRanges: [], serverRanges: [] };
  let prefix = 0;
  const shorter = Math.min(client.length, server.length);
  while (prefix < shorter && client[prefix] === server[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && client[client.length - 1 - suffix] === server[server.length - 1 - suffix]) suffix++;
  const span = (line: string): Range[] => (prefix < line.length - suffix ? [[prefix, line.length - suffix]] : []);
  return { client, server, same: false, clientRanges: span(client), serverRanges: span(server) };
}

function causeOf(row: Row, role: Role, wire: WireParameters | undefined): string {
  const client = row.client ?? '';
  const server = row.server ?? '';
  const signedVersusReceived = `the client signed \`${client}\` but the gateway received \`${server}\``;
  switch (role.kind) {
    case 'fixed':
      return `The ${FIXED_NAMES[role.index]} line differs: ${signedVersusReceived} — ${FIXED_HINTS[role.index]}.`;
    case 'header': {
      if (row.client === undefined) {
        return `Header ${role.name} is in the gateway's string but not in the client's: the X-Ca-Signature-Headers the gateway received lists a header the client did not sign (changed on the way?).`;
      }
      if (row.server === undefined) {
        return `Header ${role.name} is in the client's string but not in the gateway's: the X-Ca-Signature-Headers the gateway received does not list it (changed on the way?).`;
      }
      const value = (line: string) => line.slice(role.name.length + 1);
      return `Header ${role.name}: the client signed \`${value(client)}\` but the gateway received \`${value(server)}\` — a proxy on the way may have dropped or changed it.`;
    }
    case 'path':
      return sdkDifference(client, server, wire) ?? `The path and parameters differ: ${signedVersusReceived} — check the path and the query and form parameters (the gateway signs them decoded, sorted by name, first value of a repeated name).`;
    case 'line':
      return `Line ${role.index + 1} differs: ${signedVersusReceived}.`;
  }
}
