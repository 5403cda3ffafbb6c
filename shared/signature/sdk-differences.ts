/**
 * Where Alibaba's official SDKs sign a parameter otherwise than Alibaba documents
 * (docs/alibaba-data-plane.md; docs/local-gateway.md, "Where Alibaba's SDKs sign differently"): a
 * repeated parameter, a value that needs percent-encoding, a value of only spaces, a parameter
 * without a name. The gateway signs as documented; when a client's path-and-parameters line differs
 * from the gateway's only in such ways, this names the SDK behaviour behind it.
 */
import { parseUrlEncoded } from './url-encoded';

/** The parameters as they went on the wire, raw (the text after `?`, a form body). */
export interface WireParameters {
  query?: string;
  form?: string;
}

interface Piece {
  name: string;
  /** undefined when the name was signed alone (no `=`). */
  value: string | undefined;
}

/**
 * A sentence naming the SDK difference that explains every difference between the two lines, or
 * undefined when the lines differ otherwise (a changed value, another path). `wire` confirms a
 * repeated parameter when given.
 */
export function sdkDifference(clientLine: string, serverLine: string, wire: WireParameters = {}): string | undefined {
  const client = splitLine(clientLine);
  const server = splitLine(serverLine);
  if (client.path !== server.path) return undefined;
  const serverByName = new Map(server.pieces.map((piece) => [piece.name, piece]));
  const explained: string[] = [];
  const matched = new Set<string>();
  for (const piece of client.pieces) {
    const same = serverByName.get(piece.name);
    if (same !== undefined && same.value === piece.value) {
      matched.add(piece.name);
      continue;
    }
    const cause = causeOf(piece, serverByName, wire);
    if (cause === undefined) return undefined;
    explained.push(cause.sentence);
    if (cause.serverName !== undefined) matched.add(cause.serverName);
  }
  // A parameter only the gateway signed is no SDK difference we know.
  if (server.pieces.some((piece) => !matched.has(piece.name))) return undefined;
  return explained.length === 0 ? undefined : [...new Set(explained)].join(' ');
}

function causeOf(piece: Piece, server: Map<string, Piece>, wire: WireParameters): { sentence: string; serverName?: string } | undefined {
  const signed = written(piece);
  if (piece.name === '') {
    return { sentence: `The client signed \`${signed}\`, a parameter without a name, as every official SDK does; the gateway leaves it out, as Alibaba documents. Leave it out of the URL.` };
  }
  const same = server.get(piece.name);
  if (same !== undefined && same.value !== undefined && piece.value !== undefined && piece.value.startsWith(same.value + ',') && repeated(piece.name, piece.value, wire)) {
    return {
      serverName: same.name,
      sentence:
        `The client signed \`${signed}\`: the values of the repeated parameter \`${piece.name}\` joined by commas, as the Node SDK (aliyun-api-gateway) does; ` +
        `the gateway signs the first value, \`${written(same)}\`, as Alibaba documents. Send \`${piece.name}\` once.`,
    };
  }
  if (same !== undefined && piece.value === undefined && same.value !== undefined && same.value.trim() === '') {
    return {
      serverName: same.name,
      sentence:
        `The client signed \`${signed}\` alone for a value of only spaces, as Alibaba's Java demo does for form fields; ` +
        `the gateway signs \`${written(same)}\`: only an empty value is signed as the name alone, as Alibaba documents (the Node SDK keeps the spaces too).`,
    };
  }
  const decodedName = decoded(piece.name);
  const decodedValue = piece.value === undefined ? undefined : decoded(piece.value);
  const target = decodedName === undefined ? undefined : server.get(decodedName);
  if (target !== undefined && decodedValue === target.value && signed !== written(target)) {
    return {
      serverName: target.name,
      sentence:
        `The client signed \`${signed}\` as written in the URL, percent-encoded, as Alibaba's Java and Python demos do; ` +
        `the gateway signs the decoded \`${written(target)}\`, as Alibaba documents and the Node SDK does. With those demos, use values that need no percent-encoding.`,
    };
  }
  return undefined;
}

/** True when `name` came more than once on the wire with exactly these values; without the wire, assumed. */
function repeated(name: string, joined: string, wire: WireParameters): boolean {
  if (wire.query === undefined && wire.form === undefined) return true;
  for (const text of [wire.query, wire.form]) {
    if (text === undefined) continue;
    const parsed = parseUrlEncoded(text);
    if (!parsed.ok) continue;
    const values = parsed.pairs.filter(([n]) => n === name).map(([, value]) => value);
    if (values.length > 1 && values.join(',') === joined) return true;
  }
  return false;
}

function splitLine(line: string): { path: string; pieces: Piece[] } {
  const question = line.indexOf('?');
  if (question === -1) return { path: line, pieces: [] };
  const pieces = line
    .slice(question + 1)
    .split('&')
    .map((text) => {
      const equals = text.indexOf('=');
      return equals === -1 ? { name: text, value: undefined } : { name: text.slice(0, equals), value: text.slice(equals + 1) };
    });
  return { path: line.slice(0, question), pieces };
}

function written(piece: Piece): string {
  return piece.value === undefined ? piece.name : `${piece.name}=${piece.value}`;
}

function decoded(text: string): string | undefined {
  const parsed = parseUrlEncoded(`x=${text}`);
  return parsed.ok && parsed.pairs.length === 1 ? parsed.pairs[0][1] : undefined;
}
