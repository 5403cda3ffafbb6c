/**
 * The X-Ca-Error-Message of a signature mismatch (docs/alibaba-data-plane.md,
 * "Signature failures"), which carries the server's StringToSign so a caller can compare it with
 * its own.
 */

const PREFIX = 'Invalid Signature, Server StringToSign:';

/** `Invalid Signature, Server StringToSign:` + backtick + StringToSign with `\n` as `#` + backtick. */
export function formatSignatureMismatchMessage(serverStringToSign: string): string {
  return PREFIX + '`' + serverStringToSign.replaceAll('\n', '#') + '`';
}

/**
 * Recovers the server's StringToSign from an X-Ca-Error-Message value, or undefined when the
 * value is not a signature-mismatch message. Lossy: every `#` becomes a newline, including a `#`
 * that was part of a header value or the path, because the gateway's message cannot tell them
 * apart. Tolerates a missing pair of backticks (the SDK only strips the prefix).
 */
export function parseServerStringToSign(headerValue: string | undefined): string | undefined {
  if (headerValue === undefined || !headerValue.startsWith(PREFIX)) return undefined;
  let quoted = headerValue.slice(PREFIX.length);
  if (quoted.length >= 2 && quoted.startsWith('`') && quoted.endsWith('`')) quoted = quoted.slice(1, -1);
  return quoted.replaceAll('#', '\n');
}
