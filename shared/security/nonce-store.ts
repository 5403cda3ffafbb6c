/**
 * Used nonces, each remembered until a time its caller gives: the end of the window in which its
 * request could be sent again (the local gateway: X-Ca-Timestamp + 15 min, docs/local-gateway.md
 * "Replays"; the offline cloud: Timestamp + 15 min). However many other nonces come in between,
 * a nonce is not forgotten before then, so a burst of calls cannot flush it and make a replay
 * pass. Memory is bounded by time instead of a count: at most (nonces used per second) ×
 * (longest window) keys, about 100 bytes of RSS each for a UUID nonce (bench/nonce-memory.bench.ts).
 *
 * Keys are compared exactly, byte for byte, but kept outside the JavaScript heap's objects: in
 * typed arrays. With a string and a Map entry per nonce, the garbage collector copied every new
 * key out of the young generation and walked all of them in each full collection: at ~1M nonces,
 * young-generation pauses took 5-7 times as long as without the store and a full collection
 * paused the process for ~30 ms, the p99 of every call around it. Here the collector sees a few
 * hundred arrays whatever the number of nonces.
 *
 * - A key's bytes go into the arena of the second its `until` falls in; each second has its own
 *   arena and list of entries, dropped at once when that second is past (an expired key's bytes
 *   need no compaction). A key remembered again, after it expired, moves to its new second.
 * - An entry (hash, until, where its bytes are) lives in fixed-size chunks of typed arrays,
 *   reused through a free list, so no large array is ever copied to grow. The chunks keep the
 *   size of the busiest window seen (20 bytes an entry); the tables and arenas follow the window.
 * - Entries are found by hash in SHARDS open-addressing tables (linear probing, at most half
 *   full), spread by the hash: a table that grows or shrinks rehashes 1/SHARDS of the keys, so
 *   no call waits for all of them (one table of a million keys held its caller ~90 ms).
 * O(1) per call, amortised; nothing walks all the keys.
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
/** A power of two; the low bits of a key's hash pick its table, the others its bucket. */
const SHARD_BITS = 8;
const SHARDS = 1 << SHARD_BITS;
const MIN_BUCKETS = 64;
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const NONE = -1;
/** Emptied slots kept for reuse: a few, since a second's slot is dropped about when the next one is made. */
const SPARE_SLOTS = 4;

/** The keys whose `until` falls in one second: their bytes, one after another, and their entries. */
interface Slot {
  bytes: Uint8Array;
  used: number;
  ids: Int32Array;
  count: number;
}

/** One open-addressing table: bucket → entry id + 1, 0 when empty. */
interface Shard {
  buckets: Int32Array;
  mask: number;
  count: number;
}

export function createNonceStore(): NonceStore {
  // A seed per store: the same keys spread over other buckets in each process.
  const seed = (Math.random() * 0x1_0000_0000) >>> 0;
  const shards: Shard[] = Array.from({ length: SHARDS }, () => ({ buckets: new Int32Array(MIN_BUCKETS), mask: MIN_BUCKETS - 1, count: 0 }));
  // Entries by id (chunk = id >> CHUNK_BITS). A free entry has `until` NaN and the next free id in `offset`.
  const hashes: Int32Array[] = [];
  const untils: Float64Array[] = [];
  const offsets: Int32Array[] = [];
  const lengths: Int32Array[] = [];
  let allocated = 0;
  let freeHead = NONE;
  let size = 0;
  const slots = new Map<number, Slot>();
  /**
   * Dropped slots, emptied, for the next seconds: under steady load their arrays already have the
   * size a second needs, so nothing is allocated (a new array buffer per second and its growth
   * made the collector run a full collection for the outside memory it counts).
   */
  const spare: Slot[] = [];
  /** Every slot up to this one has been dropped. */
  let swept = -Infinity;
  /** The key being looked up, as bytes (see encode), and its length and hash. */
  let scratch = new Uint8Array(256);
  let keyLength = 0;
  let keyHash = 0;

  /**
   * A key as bytes: a UTF-16 unit under 0x80 as one byte, any other as three (0xE0 | u >> 12,
   * 0x80 | u >> 6 & 0x3F, 0x80 | u & 0x3F), so two keys have the same bytes only when they are
   * the same string. Hashed on the way (FNV-1a, then mixed).
   */
  const encode = (key: string) => {
    if (key.length * 3 > scratch.length) scratch = new Uint8Array(key.length * 6);
    const bytes = scratch;
    let n = 0;
    let h = seed ^ 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (unit < 0x80) {
        bytes[n++] = unit;
        h = Math.imul(h ^ unit, 0x01000193);
      } else {
        const b0 = 0xe0 | (unit >> 12);
        const b1 = 0x80 | ((unit >> 6) & 0x3f);
        const b2 = 0x80 | (unit & 0x3f);
        bytes[n++] = b0;
        bytes[n++] = b1;
        bytes[n++] = b2;
        h = Math.imul(Math.imul(Math.imul(h ^ b0, 0x01000193) ^ b1, 0x01000193) ^ b2, 0x01000193);
      }
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    keyLength = n;
    keyHash = h ^ (h >>> 16);
  };

  const slotOf = (until: number): Slot => {
    const number = Math.floor(until / SLOT_MS);
    let slot = slots.get(number);
    if (slot === undefined) {
      slot = spare.pop() ?? { bytes: new Uint8Array(4096), used: 0, ids: new Int32Array(256), count: 0 };
      slots.set(number, slot);
    }
    return slot;
  };

  /** Puts the key being looked up in the arena of `until`'s second and lists entry `id` there. */
  const place = (id: number, until: number) => {
    const slot = slotOf(until);
    if (slot.used + keyLength > slot.bytes.length) slot.bytes = grown(slot.bytes, slot.used + keyLength);
    const bytes = slot.bytes;
    const at = slot.used;
    for (let i = 0; i < keyLength; i++) bytes[at + i] = scratch[i];
    slot.used = at + keyLength;
    if (slot.count === slot.ids.length) slot.ids = grown(slot.ids, slot.count + 1);
    slot.ids[slot.count++] = id;
    untils[id >> CHUNK_BITS][id & (CHUNK - 1)] = until;
    offsets[id >> CHUNK_BITS][id & (CHUNK - 1)] = at;
  };

  /** The entry holding the key being looked up, or NONE. */
  const find = (shard: Shard): number => {
    const { buckets, mask } = shard;
    for (let b = (keyHash >>> SHARD_BITS) & mask; ; b = (b + 1) & mask) {
      const held = buckets[b];
      if (held === 0) return NONE;
      const id = held - 1;
      const chunk = id >> CHUNK_BITS;
      const at = id & (CHUNK - 1);
      if (hashes[chunk][at] === keyHash && lengths[chunk][at] === keyLength && sameBytes(untils[chunk][at], offsets[chunk][at])) return id;
    }
  };

  /** True when the bytes kept at `offset` in the arena of `until`'s second are the key being looked up. */
  const sameBytes = (until: number, offset: number): boolean => {
    // A listed entry's second is never dropped before the entry is (drop forgets it first).
    const bytes = slots.get(Math.floor(until / SLOT_MS))!.bytes;
    for (let i = 0; i < keyLength; i++) if (bytes[offset + i] !== scratch[i]) return false;
    return true;
  };

  const allocate = (): number => {
    if (freeHead !== NONE) {
      const id = freeHead;
      freeHead = offsets[id >> CHUNK_BITS][id & (CHUNK - 1)];
      return id;
    }
    if ((allocated & (CHUNK - 1)) === 0) {
      hashes.push(new Int32Array(CHUNK));
      untils.push(new Float64Array(CHUNK));
      offsets.push(new Int32Array(CHUNK));
      lengths.push(new Int32Array(CHUNK));
    }
    return allocated++;
  };

  const insert = (shard: Shard, id: number, hash: number) => {
    const { buckets, mask } = shard;
    let b = (hash >>> SHARD_BITS) & mask;
    while (buckets[b] !== 0) b = (b + 1) & mask;
    buckets[b] = id + 1;
  };

  const resize = (shard: Shard, buckets: number) => {
    const old = shard.buckets;
    shard.buckets = new Int32Array(buckets);
    shard.mask = buckets - 1;
    for (let b = 0; b < old.length; b++) {
      const held = old[b];
      if (held !== 0) insert(shard, held - 1, hashes[(held - 1) >> CHUNK_BITS][(held - 1) & (CHUNK - 1)]);
    }
  };

  /** Forgets entry `id`: out of its table (the entries after it in the run move back), onto the free list. */
  const forget = (id: number) => {
    const chunk = id >> CHUNK_BITS;
    const at = id & (CHUNK - 1);
    const shard = shards[hashes[chunk][at] & (SHARDS - 1)];
    const { buckets, mask } = shard;
    let hole = (hashes[chunk][at] >>> SHARD_BITS) & mask;
    while (buckets[hole] !== id + 1) hole = (hole + 1) & mask;
    for (let b = (hole + 1) & mask; buckets[b] !== 0; b = (b + 1) & mask) {
      const held = buckets[b];
      const home = (hashes[(held - 1) >> CHUNK_BITS][(held - 1) & (CHUNK - 1)] >>> SHARD_BITS) & mask;
      // An entry may fill the hole when the hole lies on its way from its home bucket to where it is.
      if (((b - home) & mask) >= ((b - hole) & mask)) {
        buckets[hole] = held;
        hole = b;
      }
    }
    buckets[hole] = 0;
    untils[chunk][at] = NaN;
    offsets[chunk][at] = freeHead;
    freeHead = id;
    size--;
    if (--shard.count < buckets.length / 8 && buckets.length > MIN_BUCKETS) resize(shard, buckets.length / 2);
  };

  const drop = (number: number, now: number) => {
    const slot = slots.get(number);
    if (slot === undefined) return;
    slots.delete(number);
    const ids = slot.ids;
    for (let i = 0; i < slot.count; i++) {
      const id = ids[i];
      // Remembered again later (after it expired) means a later until: that listing forgets it.
      // A free entry's until is NaN, never below `now`.
      if (untils[id >> CHUNK_BITS][id & (CHUNK - 1)] < now) forget(id);
    }
    if (spare.length < SPARE_SLOTS) {
      slot.used = 0;
      slot.count = 0;
      spare.push(slot);
    }
  };

  const sweep = (now: number) => {
    // Slot s holds untils in [s, s+1) seconds: all of them are past once s + 1 <= now in seconds.
    const due = Math.floor(now / SLOT_MS) - 1;
    if (due <= swept) return;
    if (due - swept > slots.size) {
      // A long quiet spell: visit the slots there are rather than every second that went by.
      for (const number of slots.keys()) if (number <= due) drop(number, now);
    } else {
      for (let number = swept + 1; number <= due; number++) drop(number, now);
    }
    swept = due;
  };

  return {
    seen(key, now, until) {
      sweep(now);
      encode(key);
      const shard = shards[keyHash & (SHARDS - 1)];
      const id = find(shard);
      if (id !== NONE) {
        if (untils[id >> CHUNK_BITS][id & (CHUNK - 1)] >= now) return true;
        // Expired but not swept yet: remembered again, for its new window.
        if (until >= now) place(id, until);
        return false;
      }
      if (until < now) return false;
      const fresh = allocate();
      hashes[fresh >> CHUNK_BITS][fresh & (CHUNK - 1)] = keyHash;
      lengths[fresh >> CHUNK_BITS][fresh & (CHUNK - 1)] = keyLength;
      place(fresh, until);
      if (++shard.count > shard.buckets.length / 2) resize(shard, shard.buckets.length * 2);
      insert(shard, fresh, keyHash);
      size++;
      return false;
    },
    get size() {
      return size;
    },
  };
}

/** A copy of `array` with room for at least `needed` elements (twice as many, so growing is amortised O(1)). */
function grown<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
