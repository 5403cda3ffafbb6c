/**
 * For tests: pop-core clients pointed at an offline cloud, and requests crafted by hand (an old
 * Timestamp, a reused nonce, parameters split between query and body) signed with the same
 * algorithm the test vectors of docs/alibaba-openapi.md, "Signature v1.0 (pop-core)" pin down.
 */
// Every program that compiles this file must see our declaration of pop-core, not the package's template one.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../host/cloud/pop-core.d.ts" />
import RPCClient from '@alicloud/pop-core';
import { randomUUID } from 'node:crypto';
import { type CloudProduct, PRODUCTS } from '../../shared/cloud/products';
import type { CloudSim } from '../cloud-sim';
import { signRpc } from '../rpc-signature';
import { DEMO_ACCOUNT } from '../sim-accounts';

export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
}

/** A plain pop-core RPCClient for one product of the offline cloud, with the demo keys by default. */
export function popCore(sim: CloudSim, product: CloudProduct, keys: Keys = DEMO_ACCOUNT): RPCClient {
  return new RPCClient({ endpoint: sim.url, apiVersion: PRODUCTS[product].version, accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
}

/** `2024-01-01T00:00:00Z`, as pop-core writes it. */
export function rpcTimestamp(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The common parameters of a signed call; `overrides` replace or (with undefined) remove any of them. */
export function commonParams(product: CloudProduct, action: string, overrides: Record<string, string | undefined> = {}, keys: Keys = DEMO_ACCOUNT): Record<string, string> {
  const params: Record<string, string | undefined> = {
    Action: action,
    Format: 'JSON',
    Version: PRODUCTS[product].version,
    AccessKeyId: keys.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: rpcTimestamp(Date.now()),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface Crafted {
  method?: string;
  /** Sign with this secret (default: the demo account's); false to send no Signature. */
  secret?: string | false;
  /** For POST: these parameters go in the query string, the rest in the form body. */
  inQuery?: string[];
}

export interface CraftedAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

/** Sends `params` (signed unless told otherwise) the way the protocol allows, and reads the answer as it comes. */
export async function craftedCall(sim: CloudSim, params: Record<string, string>, crafted: Crafted = {}): Promise<CraftedAnswer> {
  const method = crafted.method ?? 'GET';
  const secret = crafted.secret ?? DEMO_ACCOUNT.accessKeySecret;
  const signed = secret === false ? params : { ...params, Signature: signRpc(method, params, secret) };
  const inQuery = method === 'POST' ? new Set(crafted.inQuery ?? []) : new Set(Object.keys(signed));
  const query = new URLSearchParams(Object.entries(signed).filter(([name]) => inQuery.has(name)));
  const body = new URLSearchParams(Object.entries(signed).filter(([name]) => !inQuery.has(name)));
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const response = await fetch(`${sim.url}/?${query}`, {
    method,
    headers: hasBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: hasBody ? body.toString() : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}
