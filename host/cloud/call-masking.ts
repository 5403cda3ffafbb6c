/**
 * What the OpenAPI call log may keep of a call's parameters (docs/sync.md "The OpenAPI call log"):
 * the one rule that decides which parameter is a credential. The log never sees the signature,
 * the nonce or the AccessKeySecret (pop-core adds those after us); the AccessKeyId is kept
 * masked so that two keys can be told apart; every parameter the official SDK models declare
 * for a credential is replaced by `****`, wherever it sits: top-level (`AppSecret`), in a
 * RepeatList (`Tag.1.Value` is judged by `Value`) or as a key inside a JSON-text value.
 */
import { maskAccessKeyId } from '../../shared/node/cloud-credentials';

export const MASKED = '****';

/**
 * Names that carry a credential in the CloudAPI, VPC and ECS request models: AppSecret,
 * NewAppSecret, SignatureSecret (and AccessKeySecret); AppCode, NewAppCode, AuthAppCode;
 * CertificatePrivateKey; AuthKey (VPC BGP, customer gateways); Password, VncPassword (ECS);
 * SecurityToken (an STS token); UserData (ECS boot scripts, which often hold keys). Judged by
 * the end of the name, case-insensitively, so AppCodeAuthType or CustomAppCodeConfig (settings,
 * not credentials) stay readable.
 */
const CREDENTIAL_NAME = /(?:secret|appcode|privatekey|authkey|password|securitytoken|userdata)$/i;

/** Whether a parameter (or a key inside a JSON-text parameter) holds a credential. */
export function isCredentialParam(name: string): boolean {
  const leaf = name.slice(name.lastIndexOf('.') + 1);
  return CREDENTIAL_NAME.test(leaf);
}

/**
 * The parameters as the log keeps them: credentials masked, and `AccessKeyId` (which pop-core
 * adds) first, as `LTAI****abcd`.
 */
export function maskParams(wire: Readonly<Record<string, string>>, accessKeyId?: string): Record<string, string> {
  const masked: Record<string, string> = {};
  if (accessKeyId !== undefined) masked.AccessKeyId = maskAccessKeyId(accessKeyId);
  for (const [name, value] of Object.entries(wire)) {
    if (name === 'AccessKeyId') continue;
    masked[name] = isCredentialParam(name) ? MASKED : maskJsonText(value);
  }
  return masked;
}

/** A JSON object or list sent as text (ServiceConfig, PluginData...) with the credentials inside it masked. */
function maskJsonText(value: string): string {
  if (!/^\s*[[{]/.test(value)) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  let found = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, inner]) => {
        if (isCredentialParam(key)) {
          found = true;
          return [key, MASKED];
        }
        return [key, walk(inner)];
      }),
    );
  };
  const result = walk(parsed);
  // Untouched text stays exactly as it was sent.
  return found ? JSON.stringify(result) : value;
}
