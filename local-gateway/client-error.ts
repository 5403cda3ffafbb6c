/**
 * The answer to a request that Node's HTTP parser refused before it became a request (the
 * server's `clientError`): the cloud's code for what was wrong, from what the parser reports.
 * There is no request to read, only the parser's error code and the last piece it read.
 */
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';

/** What Node attaches to a parser error (node:_http_server adds rawPacket and bytesParsed). */
export interface ParserError {
  code?: string;
  message: string;
  reason?: string;
  /** The piece of the stream the parser was reading when it failed. */
  rawPacket?: Uint8Array;
  /** How far into rawPacket it got. */
  bytesParsed?: number;
}

/** One run of request-target characters: visible ASCII, as Node's parser accepts in a URL. */
const URL_RUN = /^[\x21-\x7e]*$/;
/** The end of a request line: ` HTTP/1.1`. */
const REQUEST_LINE_END = / HTTP\/\d\.\d\r?$/;
const HEADER_LIMIT = `${GATEWAY_CHOICES.parserMaxHeaderBytes / 1024 / 1024} MiB`;

export function clientErrorAnswer(err: ParserError): GatewayError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return headerOverflowAnswer(err.rawPacket, err.bytesParsed);
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return gatewayError('I400HD', 'Content-Length', 'is not a single decimal number');
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return gatewayError('I400HD', 'Transfer-Encoding', 'is not supported');
    case 'HPE_INVALID_URL':
      return gatewayError('I400RU', reasonOf(err));
    default:
      return gatewayError('I400BR', reasonOf(err));
  }
}

/**
 * The request line and headers passed Node's limit (GATEWAY_CHOICES.parserMaxHeaderBytes), so
 * only the last piece read is known (GATEWAY_CHOICES.headerOverflowAnswer). That piece starts at
 * least 64 KB before the limit, past maxUrlBytes: if the request line is still running in it,
 * the URL is over the limit (I413UL); if header lines show, a header is what is too large.
 */
export function headerOverflowAnswer(rawPacket: Uint8Array | undefined, bytesParsed: number | undefined): GatewayError {
  const piece = rawPacket === undefined ? '' : Buffer.from(rawPacket.buffer, rawPacket.byteOffset, Math.min(bytesParsed ?? rawPacket.byteLength, rawPacket.byteLength)).toString('latin1');
  const firstBreak = piece.indexOf('\n');
  const stillRequestLine = firstBreak === -1 ? URL_RUN.test(piece) : REQUEST_LINE_END.test(piece.slice(0, firstBreak));
  if (stillRequestLine) return gatewayError('I413UL');
  return gatewayError('I400HD', headerNameIn(piece, firstBreak) ?? 'request headers', `too large: the URL and headers are over ${HEADER_LIMIT} together`);
}

/** The name of the last header line whose start is in the piece (after its first line break). */
function headerNameIn(piece: string, firstBreak: number): string | undefined {
  if (firstBreak === -1) return undefined;
  const lines = piece.slice(firstBreak + 1).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) return lines[i].slice(0, Math.min(colon, 100));
  }
  return undefined;
}

function reasonOf(err: ParserError): string {
  return (err.reason ?? err.message).slice(0, 200);
}
