import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNonceJournal, type NonceJournal } from './nonce-journal';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const T = 1_795_459_824_195;
/** The journal writes once per turn of the event loop. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('nonce journal', () => {
  let dir: string;
  let stateDir: string;
  const open: NonceJournal[] = [];
  const journal = (now = T) => {
    const opened = openNonceJournal({ dir: stateDir, name: 'p.apigw.yaml', now: () => now });
    open.push(opened);
    return opened;
  };
  const segment = (i: number) => path.join(stateDir, `p.apigw.yaml.nonces.${i}`);
  const lines = (i: number) => readFileSync(segment(i), 'utf8').split('\n').filter((line) => line !== '');

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nonce-journal-'));
    stateDir = path.join(dir, '.apigw-local');
  });
  afterEach(() => {
    for (const opened of open.splice(0)) opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the next gateway the nonces still inside their window, and only those', async () => {
    const first = journal();
    expect(first.warning).toBeUndefined();
    expect(first.store.seen('key\u0000live', T, T + WINDOW)).toBe(false);
    expect(first.store.seen('key\u0000short', T, T + MINUTE)).toBe(false);
    // Any key text survives the round trip, line breaks and quotes included.
    expect(first.store.seen('"odd\nkey', T, T + WINDOW)).toBe(false);
    await nextTurn();
    first.close();

    const next = journal(T + 2 * MINUTE);
    expect(next.store.size).toBe(2);
    expect(next.store.seen('key\u0000live', T + 2 * MINUTE, T + 2 * MINUTE + WINDOW)).toBe(true);
    expect(next.store.seen('"odd\nkey', T + 2 * MINUTE, T + 2 * MINUTE + WINDOW)).toBe(true);
    expect(next.store.seen('key\u0000short', T + 2 * MINUTE, T + 2 * MINUTE + WINDOW)).toBe(false);
  });

  it('writes what the gateway used even when it ends without closing the journal', () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { openNonceJournal } from ${JSON.stringify(fileURLToPath(new URL('./nonce-journal.ts', import.meta.url)))};
      const journal = openNonceJournal({ dir: ${JSON.stringify(stateDir)}, name: 'p.apigw.yaml' });
      journal.store.seen('k\\u0000n', Date.now(), Date.now() + ${WINDOW});
      process.exit(0);
    `]);
    return new Promise<void>((resolve) => {
      child.on('exit', (code) => {
        expect(code).toBe(0);
        // It ended without close(): its lock names a process that is gone, so the next one takes over.
        const next = journal(Date.now());
        expect(next.warning).toBeUndefined();
        expect(next.store.seen('k\u0000n', Date.now(), Date.now() + WINDOW)).toBe(true);
        resolve();
      });
    });
  });

  it('lets one gateway at a time write it; a second keeps its nonces in memory and says so', () => {
    const first = journal();
    const second = journal();
    expect(second.warning).toMatch(/^used nonces are kept in memory only, so a restart forgets them: another gateway \(process \d+\) keeps this project's nonces in .*; stop it, or give this one its own --state-dir\.$/);
    expect(second.store.seen('n', T, T + WINDOW)).toBe(false);
    expect(second.store.seen('n', T + 1, T + 1 + WINDOW)).toBe(true);
    first.close();
    expect(journal().warning).toBeUndefined();
  });

  it('stays at most two windows long: a segment is emptied once all its nonces have expired', async () => {
    const store = journal().store;
    const use = async (key: string, at: number) => {
      expect(store.seen(key, at, at + WINDOW)).toBe(false);
      await nextTurn();
    };
    await use('a', T);
    await use('b', T + 10 * MINUTE);
    expect(lines(0)).toHaveLength(2);
    // Written 16 minutes: the other segment (empty) takes over.
    await use('c', T + 16 * MINUTE);
    expect(lines(1)).toHaveLength(1);
    // 16 more: the first segment's nonces (until T + 25 min at most) have expired, so it is emptied and written.
    await use('d', T + 32 * MINUTE);
    expect(lines(0)).toEqual([`${T + 32 * MINUTE + WINDOW} d`]);
    expect(lines(1)).toEqual([`${T + 16 * MINUTE + WINDOW} c`]);
  });

  it('skips a line cut short by a crash without losing the next one', () => {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(segment(0), `${T + WINDOW} k\u0000whole\n${T + WINDOW} k\u0000cut-sh`);
    const first = journal();
    expect(first.store.seen('k\u0000whole', T, T + WINDOW)).toBe(true);
    expect(first.store.seen('k\u0000after', T, T + WINDOW)).toBe(false);
    first.close();
    expect(journal().store.seen('k\u0000after', T, T + WINDOW)).toBe(true);
  });

  it('makes its folder private and ignored by git, and leaves a folder it did not make as it was', () => {
    journal().close();
    expect(readFileSync(path.join(stateDir, '.gitignore'), 'utf8')).toMatch(/^# .*\n\*\n$/);
    if (process.platform !== 'win32') {
      expect(statSync(stateDir).mode & 0o777).toBe(0o700);
      expect(statSync(segment(0)).mode & 0o777).toBe(0o600);
    }
    const own = path.join(dir, 'own');
    mkdirSync(own);
    openNonceJournal({ dir: own, name: 'p.apigw.yaml' }).close();
    expect(readdirSync(own)).toEqual(['p.apigw.yaml.nonces.0']);
  });

  it('serves from memory, and says why, when its folder cannot be made', () => {
    writeFileSync(path.join(dir, 'a-file'), '');
    const journalInFile = openNonceJournal({ dir: path.join(dir, 'a-file', 'state'), name: 'p.apigw.yaml' });
    expect(journalInFile.warning).toMatch(/^used nonces are kept in memory only, so a restart forgets them: cannot create .*a-file.state \(ENOTDIR\); give a writable folder with --state-dir\.$/);
    expect(journalInFile.store.seen('n', T, T + WINDOW)).toBe(false);
    expect(journalInFile.store.seen('n', T, T + WINDOW)).toBe(true);
  });
});
