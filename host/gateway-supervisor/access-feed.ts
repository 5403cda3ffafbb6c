/**
 * The gateway's access records on their way to the UI: the most recent ones kept in a ring (for
 * a screen opened after the calls), and new ones handed on in batches, so a burst of calls
 * becomes a few events a second rather than one per call.
 */
import type { AccessLogRecord } from '../../shared/ipc/contract';

export class AccessFeed {
  private readonly ring: AccessLogRecord[] = [];
  /** Where the oldest record is, once the ring is full. */
  private start = 0;
  private pending: AccessLogRecord[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: (records: AccessLogRecord[]) => void,
    private readonly capacity = 2_000,
    private readonly batchMs = 200,
  ) {}

  push(record: AccessLogRecord): void {
    if (this.ring.length < this.capacity) this.ring.push(record);
    else {
      this.ring[this.start] = record;
      this.start = (this.start + 1) % this.capacity;
    }
    this.pending.push(record);
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  /** Oldest first. */
  recent(): AccessLogRecord[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }

  /** Hands on what is pending now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.emit(batch);
  }
}
