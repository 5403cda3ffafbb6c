/**
 * The SignatureNonces seen in the last 15 minutes (the window of reference §1.2, which matches
 * the Timestamp tolerance: an older request is refused for its Timestamp anyway). Bounded, so
 * a flood of calls cannot grow memory without end; past the bound the oldest nonces are forgotten.
 */

export const NONCE_WINDOW_MS = 15 * 60_000;

export class NonceCache {
  /** Insertion order is time order, so expired entries are always at the front. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly windowMs = NONCE_WINDOW_MS,
  ) {}

  /** Records the nonce and says whether it was new. */
  remember(accessKeyId: string, nonce: string, now: number): boolean {
    this.evict(now);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, now + this.windowMs);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(now: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
  }
}
