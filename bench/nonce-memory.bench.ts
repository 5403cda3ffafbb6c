// Memory of the nonce store (shared/security/nonce-store.ts) at the bound docs/local-gateway.md
// states: 2,000 signed calls a second for a 15-minute window = 1,800,000 nonces remembered at once.
// Prints RSS and heap before and after, and the bytes per nonce; then what the local gateway's
// journal (local-gateway/nonce-journal.ts) adds per call. No thresholds.
// Run: npm run bench:nonces [-- N]   (node --expose-gc, so the numbers are after a full GC)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNonceStore } from '../shared/security/nonce-store';
import { openNonceJournal } from '../local-gateway/nonce-journal';

const N = Number(process.argv[2] ?? 1_800_000);
const WINDOW_MS = 15 * 60_000;
const APP_KEY = '204000001';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(run with node --expose-gc for figures after a full GC)');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const measure = () => {
  gc?.();
  gc?.();
  return process.memoryUsage();
};

// Keys as the gateway makes them: the X-Ca-Nonce header as Node's parser hands it over (a flat
// string read from the socket's bytes), joined to the AppKey. Made inside the loop, so the bytes
// counted are what the store keeps: the key, its Map entry, its expiry and its slot in a list.
const headerBytes = Buffer.alloc(36);
const keyOf = (i: number) => {
  headerBytes.write(nonceText(i), 'latin1');
  return `${APP_KEY}\u0000${headerBytes.toString('latin1')}`;
};
/** A UUID-shaped nonce that the same `i` always gives, so a replay can be made from its number. */
const nonceText = (i: number) => `${i.toString(16).padStart(8, '0')}-7bd8-41cd-9c19-62c05ea524a2`;
const start = Date.now();

/** Fills a store to the bound; a function, so the store can be collected before the next part. */
function fillToTheBound(): void {
  const before = measure();
  const store = createNonceStore();
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    // 2,000 a second, each remembered until its own timestamp + 15 minutes.
    const now = start + Math.floor(i / 2);
    store.seen(keyOf(i), now, now + WINDOW_MS);
  }
  const insertNs = ((performance.now() - started) * 1e6) / N;
  const after = measure();
  const end = start + Math.floor(N / 2);
  let refused = 0;
  for (let i = 0; i < 1000; i++) if (store.seen(keyOf(i), end, end + WINDOW_MS)) refused++;

  const rss = after.rss - before.rss;
  const heap = after.heapUsed - before.heapUsed;
  console.log(`nonces remembered              ${store.size.toLocaleString('en-US')} (the first 1,000 replayed at the end: ${refused} refused)`);
  console.log(`RSS   before → after           ${mb(before.rss)} → ${mb(after.rss)}  (+${mb(rss)}, ${Math.round(rss / N)} bytes per nonce)`);
  console.log(`heap  before → after           ${mb(before.heapUsed)} → ${mb(after.heapUsed)}  (+${mb(heap)}, ${Math.round(heap / N)} bytes per nonce)`);
  console.log(`per call                       ${insertNs.toFixed(0)} ns to check and remember`);
}
fillToTheBound();

// The journal: what a gateway adds per call so that a restart keeps its nonces. Calls come in
// turns of the event loop (the journal writes once per turn); the store alone runs the same way.
const TURN = 16;
const turns = async (run: (i: number) => void, count: number): Promise<number> => {
  const began = performance.now();
  for (let i = 0; i < count; i += TURN) {
    for (let j = i; j < i + TURN && j < count; j++) run(j);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ((performance.now() - began) * 1e6) / count;
};
const dir = mkdtempSync(join(tmpdir(), 'nonce-bench-'));
try {
  const count = Math.min(N, 200_000);
  measure();
  // Each twice, alternating, so neither pays alone for the other's garbage; the better run counts.
  let aloneNs = Infinity;
  let journalNs = Infinity;
  for (let round = 0; round < 2; round++) {
    const alone = createNonceStore();
    aloneNs = Math.min(aloneNs, await turns((i) => alone.seen(keyOf(i), start, start + WINDOW_MS), count));
    measure();
    rmSync(join(dir, 'bench.nonces.0'), { force: true });
    const journal = openNonceJournal({ dir, name: 'bench', now: () => start });
    journalNs = Math.min(journalNs, await turns((i) => journal.store.seen(keyOf(i), start, start + WINDOW_MS), count));
    journal.close();
    measure();
  }
  const reopenStarted = performance.now();
  const reopened = openNonceJournal({ dir, name: 'bench', now: () => start });
  const reopenMs = performance.now() - reopenStarted;
  reopened.close();
  console.log(`per call, ${TURN} per loop turn     ${aloneNs.toFixed(0)} ns the store alone, ${journalNs.toFixed(0)} ns with the journal (${(journalNs / aloneNs).toFixed(2)}×)`);
  console.log(`restart: reading them back     ${reopenMs.toFixed(0)} ms for ${reopened.store.size.toLocaleString('en-US')} nonces (${((reopenMs * 1e6) / count).toFixed(0)} ns each)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
