/** Resource ids shaped like the cloud's: `vpc-bp1` + 18 lower-case letters and digits. */
import { createHash, randomBytes } from 'node:crypto';
import type { RegionInfo } from './sim-regions';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function fromBytes(bytes: Uint8Array, length: number): string {
  return Array.from(bytes.subarray(0, length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** The same inputs give the same id: seeded resources keep their ids across restarts and reseeds. */
export function stableId(kind: string, region: RegionInfo, ...parts: string[]): string {
  const digest = createHash('sha256').update([kind, region.regionId, ...parts].join('\n')).digest();
  return `${kind}-${region.idPrefix}${fromBytes(digest, 18)}`;
}

/** `length` random lower-case letters and digits: the tail of a fresh id for a resource created by a call. */
export function randomIdTail(length: number): string {
  return fromBytes(randomBytes(length), length);
}
