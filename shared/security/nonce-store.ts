/**
 * Remembered nonces (reference §1.1: each accepted once within 15 minutes), in O(1) per call
 * however full: a ring of (nonce, expiry) in arrival order sits beside a Map for lookups, so the
 * oldest entry is found without walking the Map. (Deleting from the front of a large Map and
 * then asking for its first key walks every deleted slot: past ~100k entries a call took 100+ µs.)
 */
import { GATEWAY_CHOICES } from '../gateway/cloud-behaviour';

export interface NonceStore {
  /** True if the nonce was already used within its TTL; records it otherwise. */
  seen(nonce: string, now: number): boolean;
}

export interface NonceStoreOptions {
  /** Most nonces remembered; the oldest are forgotten first. Default GATEWAY_CHOICES.nonceMemoryMax. */
  max?: number;
  /** How long a nonce is remembered. Default GATEWAY_CHOICES.nonceTtlMs. */
  ttlMs?: number;
}

export function createNonceStore(opts: NonceStoreOptions = {}): NonceStore {
  const max = Math.max(1, opts.max ?? GATEWAY_CHOICES.nonceMemoryMax);
  const ttlMs = opts.ttlMs ?? GATEWAY_CHOICES.nonceTtlMs;
  const expiries = new Map<string, number>();
  const nonces: Array<string | undefined> = new Array(max);
  const expiresAt = new Float64Array(max);
  let head = 0;
  let size = 0;

  const dropOldest = () => {
    const nonce = nonces[head] as string;
    // A nonce remembered again later has a later expiry: only its own slot may forget it.
    if (expiries.get(nonce) === expiresAt[head]) expiries.delete(nonce);
    nonces[head] = undefined;
    head = head + 1 === max ? 0 : head + 1;
    size--;
  };

  return {
    seen(nonce, now) {
      while (size > 0 && expiresAt[head] <= now) dropOldest();
      const known = expiries.get(nonce);
      if (known !== undefined && known > now) return true;
      if (size === max) dropOldest();
      const expiry = now + ttlMs;
      expiries.set(nonce, expiry);
      const tail = (head + size) % max;
      nonces[tail] = nonce;
      expiresAt[tail] = expiry;
      size++;
      return false;
    },
  };
}
