/**
 * The access log: one JSON line per call. It is built from a fixed list of fields, none of which
 * can hold a credential (no headers, no query, no body), so a secret, signature, AppCode or
 * Authorization value never reaches a log file or the console's live view.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import type { GatewayError } from '../shared/gateway/cloud-behaviour';

export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * The X-Ca-Error-Message of a refusal as logged. A403IS's message holds the gateway's
 * StringToSign, made of the call's signed headers, query and form, which may carry what the
 * caller keeps private: the log keeps the message's first words and says where the string is.
 */
export function loggedErrorMessage(error: GatewayError): string {
  return error.code === 'A403IS' ? 'Invalid Signature (the Server StringToSign is in the answer, not in the log: it holds the signed headers and query)' : error.message;
}

/** A failure is logged at `error` level: the gateway refused or failed it, or the backend failed. */
export function isFailure(record: AccessLogRecord): boolean {
  return record.errorCode !== undefined || record.status >= 500;
}

export interface AccessLogSink {
  write(record: AccessLogRecord): void;
  close(): Promise<void>;
}

/**
 * Writes records at or above `level` to a stream (stdout) or a file (appended). Lines are
 * gathered for up to 20 ms (or 64 KB) and written at once, to a file synchronously: a write per
 * call, or a trip through the thread pool per batch, costs the gateway a large share of its
 * throughput under load, while one append to the page cache per batch costs microseconds.
 * Each line is encoded into a buffer as soon as it is made: lines kept as a string until the
 * write were alive at every minor GC of those 20 ms and copied by each, which made each of those
 * pauses about twice as long (~0.6 against ~0.3 ms, the same GC time in all: 1.8M mock calls).
 */
export function createAccessLog(level: LogLevel, target: { file: string } | { stream: Writable }): AccessLogSink {
  if (level === 'silent') return { write() {}, close: async () => {} };
  const fd = 'file' in target ? fs.openSync(target.file, 'a', 0o600) : undefined;
  const stream = 'stream' in target ? target.stream : undefined;
  const errorsOnly = level === 'error';
  const debug = level === 'debug';
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let scheduled: NodeJS.Timeout | undefined;
  let closed = false;
  let failed = false;
  const put = (bytes: Uint8Array) => {
    try {
      if (fd !== undefined) fs.writeSync(fd, bytes);
      // A stream may still hold what it was given after write() returns: it gets its own copy.
      else stream!.write(Buffer.from(bytes));
    } catch (error) {
      // A full disk must not stop the gateway: say so once, keep serving, drop the lines.
      if (!failed) process.emitWarning(`access log: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); lines are being dropped.`);
      failed = true;
    }
  };
  const flush = () => {
    clearTimeout(scheduled);
    scheduled = undefined;
    if (used === 0) return;
    const bytes = buffer.subarray(0, used);
    used = 0;
    put(bytes);
  };
  return {
    write(record) {
      if (closed || (errorsOnly && !isFailure(record))) return;
      const line = formatRecord(record, debug);
      // UTF-8 takes at most 3 bytes for each UTF-16 unit of the line.
      if (used + line.length * 3 > buffer.length) {
        flush();
        // Longer than the whole buffer (not a line the gateway makes today): written on its own.
        if (line.length * 3 > buffer.length) return put(Buffer.from(line, 'utf8'));
      }
      used += buffer.write(line, used, 'utf8');
      if (used >= FLUSH_AT) flush();
      else scheduled ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async close() {
      if (closed) return;
      closed = true;
      flush();
      if (fd !== undefined) fs.closeSync(fd);
    },
  };
}

const FLUSH_AT = 64 * 1024;
/** Room for the longest line past FLUSH_AT (a path is logged up to 2,048 characters). */
const BUFFER_BYTES = FLUSH_AT + 32 * 1024;
/** A line reaches the log at most this late; the live view (the `access` event) is immediate. */
const FLUSH_AFTER_MS = 20;

/** One JSON line, fields in a fixed order; written by hand because it runs for every call. */
export function formatRecord(r: AccessLogRecord, debug: boolean): string {
  let line = `{"time":"${r.time}","requestId":"${r.requestId}"`;
  if (r.group !== undefined) line += ',"group":' + jsonText(r.group);
  if (r.api !== undefined) line += ',"api":' + jsonText(r.api);
  if (r.stage !== undefined) line += ',"stage":"' + r.stage + '"';
  line += ',"method":' + jsonText(r.method) + ',"path":' + jsonText(r.path);
  if (r.host !== undefined) line += ',"host":' + jsonText(r.host);
  if (r.groupBy !== undefined) line += ',"groupBy":"' + r.groupBy + '"';
  line += ',"status":' + r.status;
  if (r.errorCode !== undefined) line += ',"errorCode":"' + r.errorCode + '"';
  // Not kept with jsonText: messages often hold a path or a Host and rarely repeat.
  if (r.errorMessage !== undefined) line += ',"errorMessage":' + JSON.stringify(r.errorMessage);
  if (r.app !== undefined) line += ',"app":' + jsonText(r.app);
  line += ',"latencyMs":' + r.latencyMs;
  if (r.backendLatencyMs !== undefined) line += ',"backendLatencyMs":' + r.backendLatencyMs;
  line += ',"clientIp":' + jsonText(r.clientIp);
  if (debug && r.backend !== undefined) line += ',"backend":' + jsonText(r.backend);
  return line + '}\n';
}

/**
 * The JSON text of a string field, kept for the next calls: group, API, method, path, app and
 * client IP mostly repeat from call to call. Formatting a record took ~330 ns with a
 * JSON.stringify per field and ~95 ns with this (1M records, node 20, a shared 2-core machine);
 * with writing, the access log's cost per call went from ~0.55-0.87 µs to ~0.32-0.38 µs.
 * Only short strings are kept, and the lot is dropped once it holds JSON_TEXTS_KEPT of them, so
 * paths with ids in them cannot grow it past ~0.5 MB.
 */
function jsonText(value: string): string {
  if (value.length > JSON_TEXT_MAX_KEPT_LENGTH) return JSON.stringify(value);
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (jsonTexts.size >= JSON_TEXTS_KEPT) jsonTexts.clear();
    jsonTexts.set(value, text);
  }
  return text;
}

const jsonTexts = new Map<string, string>();
const JSON_TEXTS_KEPT = 512;
const JSON_TEXT_MAX_KEPT_LENGTH = 256;

let lastMs = -1;
let lastIso = '';

/** ISO 8601 of an epoch-ms time; cached, since many calls arrive within one millisecond. */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** Milliseconds rounded to 0.1, as logged. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
