/**
 * A short, stable hash of a design-space value: what sync records per object so that the next
 * plan can tell "changed in the cloud since the last sync" (drift) from "changed in the design".
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** JSON with object keys sorted and undefined left out, so equal values always print the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** 16 hex characters (64 bits) of SHA-256: plenty to tell versions of one object apart. */
export function fingerprint(value: unknown): string {
  const digest = sha256(new TextEncoder().encode(canonicalJson(value)));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
