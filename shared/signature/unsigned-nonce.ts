/**
 * Whether a signed request's X-Ca-Nonce is covered by its signature. Every official SDK signs it
 * (they sign every X-Ca-* header), Alibaba's documentation does not say it must be signed, and so
 * the gateway accepts an unsigned one (docs/local-gateway.md, "Replays"). But a nonce outside the
 * signature protects nothing: whoever sees the call can send it again under a new nonce. The
 * debugger says so about the request it sends.
 */
import { parseSignedHeaderNames } from './string-to-sign';

type Headers = ReadonlyArray<readonly [string, string]>;

/** A sentence for the debugger when `headers` carry a signature and a nonce that the signature does not cover. */
export function unsignedNonceNote(headers: Headers): string | undefined {
  const signature = valueOf(headers, 'x-ca-signature');
  const nonce = valueOf(headers, 'x-ca-nonce');
  if (signature === undefined || signature === '' || nonce === undefined || nonce === '') return undefined;
  const listed = valueOf(headers, 'x-ca-signature-headers');
  if (parseSignedHeaderNames(listed).some((name) => name.toLowerCase() === 'x-ca-nonce')) return undefined;
  const which = listed === undefined || listed === '' ? 'the request sends no X-Ca-Signature-Headers' : `X-Ca-Signature-Headers is \`${listed}\``;
  return (
    `X-Ca-Nonce is not among the signed headers (${which}). The gateway accepts this, since Alibaba's documentation does not require it, ` +
    'but anyone who sees the call can send it again with another nonce, so the nonce does not stop replays. ' +
    'The official SDKs all sign it: list x-ca-nonce in X-Ca-Signature-Headers.'
  );
}

function valueOf(headers: Headers, lowerCaseName: string): string | undefined {
  for (const [name, value] of headers) if (name.toLowerCase() === lowerCaseName) return value;
  return undefined;
}
