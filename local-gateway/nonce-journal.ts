/**
 * Used nonces that outlive a restart of the local gateway: each nonce the gateway remembers is
 * also appended to a journal in its state dir, and a gateway that starts reads the journal back,
 * so a request replayed after a restart is still refused for the rest of its window.
 *
 * Why a journal rather than refusing every timestamp older than the start: the window is ±15
 * minutes, so a request dated ahead of the gateway's clock, or one without X-Ca-Timestamp, could
 * still be replayed after a restart; and a caller whose clock lags would be refused for nothing.
 * The journal keeps exactly what the running gateway kept (docs/local-gateway.md, "Replays").
 *
 * Two segment files take turns: lines go to one; once it has been written for ROTATE_AFTER_MS
 * and every nonce in the other has expired, the other is emptied and written instead. So the
 * journal holds at most two windows' worth of lines, and is never rewritten in place.
 *
 * The lines of one turn of the event loop go out in one write at its end (setImmediate), on
 * close, and on exit: a write per call cost 2.5–5 µs, a tenth of a signed call. So only a process
 * killed outright (SIGKILL, out of memory) within that turn can lose the nonces it just used.
 * One gateway writes a journal at a time (a lock file with its pid); a second one on the same
 * project keeps its nonces in memory only, and says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createNonceStore, type NonceStore } from '../shared/security/nonce-store';

export interface NonceJournalOptions {
  /** The gateway's state dir; created (0700, with a .gitignore that ignores it) when missing. */
  dir: string;
  /** Names this journal's files in `dir`: `<name>.nonces.0`, `<name>.nonces.1` and `<name>.lock`. */
  name: string;
  /** Clock for reading the journal back (nonces already expired are skipped). */
  now?: () => number;
}

export interface NonceJournal {
  /** The store to give the gateway: what it remembers is appended to the journal too. */
  store: NonceStore;
  /** Set when used nonces will not outlive this process, saying why and what to do. */
  warning?: string;
  /** Closes the files and lets another gateway take the journal. */
  close(): void;
}

/** The state dir of a project's gateway unless `--state-dir` says otherwise: `.apigw-local/` beside the project file. */
export function defaultStateDir(projectPath: string): string {
  return path.join(path.dirname(path.resolve(projectPath)), STATE_DIR_NAME);
}

export const STATE_DIR_NAME = '.apigw-local';

/** A segment is written at least this long before the other one may be emptied (the nonce window). */
const ROTATE_AFTER_MS = 15 * 60_000;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const GITIGNORE = '# API Gateway Studio: the local gateway\'s state (used nonces); never commit it\n*\n';

/** Reads the journal back into a new store and appends to it from now on. Never throws: on trouble the store stays in memory and `warning` says so. */
export function openNonceJournal(options: NonceJournalOptions): NonceJournal {
  const now = options.now ?? Date.now;
  const inner = createNonceStore();
  const lockFile = path.join(options.dir, `${options.name}.lock`);
  const files = [0, 1].map((i) => path.join(options.dir, `${options.name}.nonces.${i}`));
  const inMemory = (why: string): NonceJournal => ({
    store: inner,
    warning: `used nonces are kept in memory only, so a restart forgets them: ${why}`,
    close() {},
  });

  try {
    prepareDir(options.dir);
  } catch (error) {
    return inMemory(`cannot create ${options.dir} (${codeOf(error)}); give a writable folder with --state-dir.`);
  }
  let holder: number | undefined;
  try {
    holder = takeLock(lockFile);
  } catch (error) {
    return inMemory(`cannot write ${lockFile} (${codeOf(error)}); give a writable folder with --state-dir.`);
  }
  if (holder !== undefined) {
    return inMemory(`another gateway (process ${holder}) keeps this project's nonces in ${options.dir}; stop it, or give this one its own --state-dir.`);
  }

  let fd: number;
  const maxUntil = [-Infinity, -Infinity];
  let active: number;
  try {
    const at = now();
    const loaded = files.map((file) => load(file, inner, at));
    maxUntil[0] = loaded[0].maxUntil;
    maxUntil[1] = loaded[1].maxUntil;
    // Go on with the segment written last; the other is emptied once its nonces have expired.
    active = loaded[1].mtimeMs > loaded[0].mtimeMs ? 1 : 0;
    fd = fs.openSync(files[active], 'a', FILE_MODE);
    // A line cut short (power lost mid-write) must not swallow the next one.
    if (!loaded[active].endsWithNewline) fs.writeSync(fd, '\n');
  } catch (error) {
    fs.rmSync(lockFile, { force: true });
    return inMemory(`cannot read or open ${files[0]} (${codeOf(error)}).`);
  }
  let activeSince = now();
  let failed = false;
  /** Lines not written yet, and the latest expiry among them. */
  let pending = '';
  let pendingMaxUntil = -Infinity;
  let lastAt = activeSince;

  const flush = () => {
    if (pending === '' || failed) return;
    const text = pending;
    pending = '';
    try {
      const other = 1 - active;
      if (lastAt - activeSince >= ROTATE_AFTER_MS && maxUntil[other] < lastAt) {
        fs.closeSync(fd);
        fd = fs.openSync(files[other], 'w', FILE_MODE);
        maxUntil[other] = -Infinity;
        active = other;
        activeSince = lastAt;
      }
      fs.writeSync(fd, text);
      if (pendingMaxUntil > maxUntil[active]) maxUntil[active] = pendingMaxUntil;
      pendingMaxUntil = -Infinity;
    } catch (error) {
      // A full disk must not stop the gateway: it keeps refusing replays until it restarts.
      failed = true;
      process.emitWarning(`local gateway: cannot write used nonces to ${files[active]} (${codeOf(error)}); they are kept in memory only from now on, so a restart will forget them.`);
    }
  };
  // A gateway that ends without close() (an uncaught error) still writes what it has.
  process.on('exit', flush);

  const append = (key: string, until: number, at: number) => {
    if (pending === '') setImmediate(flush);
    pending += `${until} ${lineKey(key)}\n`;
    if (until > pendingMaxUntil) pendingMaxUntil = until;
    lastAt = at;
  };

  let closed = false;
  return {
    store: {
      seen(key, at, until) {
        if (inner.seen(key, at, until)) return true;
        if (until >= at && !closed) append(key, until, at);
        return false;
      },
      get size() {
        return inner.size;
      },
    },
    close() {
      if (closed) return;
      flush();
      closed = true;
      process.off('exit', flush);
      try {
        fs.closeSync(fd);
      } finally {
        fs.rmSync(lockFile, { force: true });
      }
    },
  };
}

function prepareDir(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  // Only a folder made here: a .gitignore of `*` in the user's own folder would hide their files.
  if (created !== undefined) fs.writeFileSync(path.join(dir, '.gitignore'), GITIGNORE, { mode: FILE_MODE });
}

/** Takes the lock; returns the pid of a live gateway holding it instead, if there is one. */
function takeLock(file: string): number | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: FILE_MODE });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readOrEmpty(file));
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return holder;
    // Left by a gateway that ended without closing (killed, crashed): its journal is ours now.
    fs.rmSync(file, { force: true });
  }
  throw Object.assign(new Error('the lock file keeps coming back'), { code: 'EEXIST' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Remembers a segment's nonces that have not expired; lines cut short (a crash mid-write) are skipped. */
function load(file: string, store: NonceStore, at: number): { maxUntil: number; mtimeMs: number; endsWithNewline: boolean } {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { maxUntil: -Infinity, mtimeMs: -Infinity, endsWithNewline: true };
    throw error;
  }
  let maxUntil = -Infinity;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const until = Number(line.slice(0, space));
    const key = keyOfLine(line, space + 1);
    if (!Number.isFinite(until) || key === undefined) continue;
    if (until > maxUntil) maxUntil = until;
    store.seen(key, at, until);
  }
  return { maxUntil, mtimeMs, endsWithNewline: text === '' || text.endsWith('\n') };
}

/**
 * A key as it goes into a line: as it is (AppKey, NUL, nonce: an HTTP header cannot hold a line
 * break), or as JSON text when it holds a line break or starts with `"`. Reading JSON back costs
 * several times more, and a restart reads every line.
 */
function lineKey(key: string): string {
  return key.charCodeAt(0) === 34 /* " */ || key.includes('\n') ? JSON.stringify(key) : key;
}

function keyOfLine(line: string, start: number): string | undefined {
  if (line.charCodeAt(start) !== 34 /* " */) return line.slice(start);
  try {
    const key: unknown = JSON.parse(line.slice(start));
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
