/**
 * Used nonces, each remembered until a time its caller gives: the end of the window in which its
 * request could be sent again (the local gateway: X-Ca-Timestamp + 15 min, reference §1.1; the
 * offline cloud: Timestamp + 15 min). However many other nonces come in between, a nonce is not
 * forgotten before then, so a burst of calls cannot flush it and make a replay pass. Memory is
 * bounded by time instead of a count: at most (nonces used per second) × (longest window) keys,
 * each about 140 bytes (bench/nonce-memory.bench.ts measures it).
 *
 * O(1) per call, amortised: keys sit in Maps (nonce → until) and in one list per second of
 * expiry; a second's list is dropped, with the keys in it that did expire, once it is past.
 * Nothing walks a Map (asking a large Map for its first key after many deletes walks every
 * deleted slot: past ~100k entries a call took 100+ µs). The keys are spread over SHARDS Maps
 * by their last characters (where a nonce's randomness is), because a Map copies all its
 * entries when it grows: one Map of a million keys held the call that grew it for ~90 ms (and
 * ~33 ms at half a million), a spike in every caller's latency; a shard holds 1/SHARDS of that.
 */

export interface NonceStore {
  /**
   * True when `key` is remembered at `now`: a replay. Otherwise remembers it until `until`
   * (epoch ms, inclusive) and returns false. A key whose `until` has already passed is not kept.
   */
  seen(key: string, now: number, until: number): boolean;
  /** Keys remembered, including expired ones not swept yet (at most a second's worth). */
  readonly size: number;
}

/** Expiry is swept per second: a key may outlive its `until` by up to this, never the other way. */
const SLOT_MS = 1000;
/** A power of two. */
const SHARDS = 256;

/** The shard of a key: from its last 8 characters, mixed (a UUID nonce ends in 12 random hex digits). */
function shardOf(key: string): number {
  let hash = 0;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 16)) & (SHARDS - 1);
}

export function createNonceStore(): NonceStore {
  const shards = Array.from({ length: SHARDS }, () => new Map<string, number>());
  let size = 0;
  /** Keys by the second their `until` falls in (a key remembered again is listed again). */
  const slots = new Map<number, string[]>();
  /** Every slot up to this one has been dropped. */
  let swept = -Infinity;

  const drop = (slot: number, now: number) => {
    const keys = slots.get(slot);
    if (keys === undefined) return;
    slots.delete(slot);
    for (const key of keys) {
      // Remembered again later (after it expired) means a later until: that listing forgets it.
      const untils = shards[shardOf(key)];
      const until = untils.get(key);
      if (until !== undefined && until < now) {
        untils.delete(key);
        size--;
      }
    }
  };

  const sweep = (now: number) => {
    // Slot s holds untils in [s, s+1) seconds: all of them are past once s + 1 <= now in seconds.
    const due = Math.floor(now / SLOT_MS) - 1;
    if (due <= swept) return;
    if (due - swept > slots.size) {
      // A long quiet spell: visit the slots there are rather than every second that went by.
      for (const slot of slots.keys()) if (slot <= due) drop(slot, now);
    } else {
      for (let slot = swept + 1; slot <= due; slot++) drop(slot, now);
    }
    swept = due;
  };

  return {
    seen(key, now, until) {
      sweep(now);
      const untils = shards[shardOf(key)];
      const known = untils.get(key);
      if (known !== undefined && known >= now) return true;
      if (until < now) return false;
      if (known === undefined) size++;
      untils.set(key, until);
      const slot = Math.floor(until / SLOT_MS);
      const keys = slots.get(slot);
      if (keys === undefined) slots.set(slot, [key]);
      else keys.push(key);
      return false;
    },
    get size() {
      return size;
    },
  };
}
