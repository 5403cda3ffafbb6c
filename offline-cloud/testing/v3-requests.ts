/**
 * For tests: V3 (ACS3-HMAC-SHA256) requests crafted by hand, signed as the official SDKs sign them
 * (the algorithm the V3 test vectors of docs/offline-cloud.md, "Signature V3" pin down,
 * rpc-signature-v3.test.ts), so a test can change one piece (a header left unsigned, a body changed
 * after signing, an old date).
 */
import { randomBytes } from 'node:crypto';
import type { CloudProduct } from '../../shared/cloud/products';
import { PRODUCTS } from '../../shared/cloud/products';
import type { CloudSim } from '../cloud-sim';
import { sha256Hex, v3CanonicalRequest, v3Signature, v3StringToSign } from '../rpc-signature-v3';
import { DEMO_ACCOUNT } from '../sim-accounts';
import { type CraftedAnswer, type Keys, rpcTimestamp } from './sim-requests';

export interface V3Crafted {
  product?: CloudProduct;
  query?: Record<string, string>;
  /** Form fields sent in the body (content-type application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  keys?: Keys;
  /** Sign with this secret instead of the keys' own. */
  secret?: string;
  /** Replace or (undefined) drop headers after the defaults, before signing. */
  headers?: Record<string, string | undefined>;
  /** Headers left out of SignedHeaders (still sent). */
  unsigned?: string[];
  /** Sent instead of the signed body, the signature left as it was. */
  bodyAfterSigning?: string;
  /** The Authorization header as given, instead of the computed one. */
  authorization?: string;
  date?: number;
}

export async function v3Call(sim: CloudSim, action: string, crafted: V3Crafted = {}): Promise<CraftedAnswer> {
  const keys = crafted.keys ?? DEMO_ACCOUNT;
  const query = crafted.query ?? {};
  const body = crafted.form ? new URLSearchParams(crafted.form).toString() : '';
  const defaults: Record<string, string | undefined> = {
    host: `127.0.0.1:${sim.port}`,
    'x-acs-action': action,
    'x-acs-version': PRODUCTS[crafted.product ?? 'CloudAPI'].version,
    'x-acs-date': rpcTimestamp(crafted.date ?? Date.now()),
    'x-acs-signature-nonce': randomBytes(32).toString('hex'),
    'x-acs-content-sha256': sha256Hex(body),
    'x-acs-credentials-provider': 'static_ak',
    ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...crafted.headers,
  };
  const headers = Object.fromEntries(Object.entries(defaults).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const signedHeaders = Object.keys(headers)
    .filter((name) => (name === 'host' || name === 'content-type' || name.startsWith('x-acs-')) && !(crafted.unsigned ?? []).includes(name))
    .sort();
  const canonical = v3CanonicalRequest({
    method: 'POST',
    query: Object.entries(query),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    signedHeaders,
    contentSha256: headers['x-acs-content-sha256'] ?? '',
  });
  const signature = v3Signature(v3StringToSign(canonical), crafted.secret ?? keys.accessKeySecret);
  const authorization = crafted.authorization ?? `ACS3-HMAC-SHA256 Credential=${keys.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  const { host: _host, ...sent } = headers;
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${sim.url}/${search ? `?${search}` : ''}`, {
    method: 'POST',
    headers: { ...sent, authorization },
    body: crafted.bodyAfterSigning ?? (body || undefined),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}
