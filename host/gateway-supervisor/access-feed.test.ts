import { describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../../shared/ipc/contract';
import { AccessFeed } from './access-feed';

function record(n: number): AccessLogRecord {
  return { time: '2026-01-01T00:00:00.000Z', requestId: `R${n}`, method: 'GET', path: `/p${n}`, status: 200, latencyMs: 1, clientIp: '127.0.0.1' };
}

describe('AccessFeed', () => {
  it('keeps the most recent records, oldest first', () => {
    const feed = new AccessFeed(() => {}, 3, 1_000);
    for (let n = 1; n <= 5; n++) feed.push(record(n));
    expect(feed.recent().map((r) => r.requestId)).toEqual(['R3', 'R4', 'R5']);
    feed.flush();
  });

  it('hands records on in batches', async () => {
    const batches: AccessLogRecord[][] = [];
    const feed = new AccessFeed((batch) => batches.push(batch), 10, 5);
    feed.push(record(1));
    feed.push(record(2));
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    feed.push(record(3));
    feed.flush();
    expect(batches.map((batch) => batch.map((r) => r.requestId))).toEqual([['R1', 'R2'], ['R3']]);
  });
});
