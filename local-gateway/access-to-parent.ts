/**
 * Access records on their way to the console that started the gateway: gathered for up to
 * BATCH_MS (or BATCH_RECORDS records) and sent as one `{ type: 'access', records }` message.
 * A message per call cost the gateway about 4.4 µs of CPU a call (the channel serializes and
 * writes each message), a fifth of a whole mock call; in batches of 64 or more it is about 1 µs
 * a record (measured with process.send on a 2-core machine). The console's live view gets a
 * record at most BATCH_MS later; it gathers them again for the UI anyway (AccessFeed, 200 ms).
 */
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import type { LocalGateway } from './server';

export const ACCESS_BATCH_MS = 50;
/** Keeps one message to a few tens of KB however busy the gateway is. */
const BATCH_RECORDS = 256;

export interface AccessForwarder {
  /** Sends what is gathered now (before the gateway stops, so the last calls reach the console). */
  flush(): void;
  /** Flushes, and forwards nothing more. */
  stop(): void;
}

export function forwardAccessRecords(gateway: Pick<LocalGateway, 'on'>, send: (message: { type: 'access'; records: AccessLogRecord[] }) => void): AccessForwarder {
  let records: AccessLogRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (records.length === 0) return;
    const batch = records;
    records = [];
    send({ type: 'access', records: batch });
  };
  const off = gateway.on('access', (record) => {
    // The gateway hands over a record once its call is logged and never changes it after.
    records.push(record);
    if (records.length >= BATCH_RECORDS) flush();
    else timer ??= setTimeout(flush, ACCESS_BATCH_MS);
  });
  return {
    flush,
    stop() {
      off();
      flush();
    },
  };
}
