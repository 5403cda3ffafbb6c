/**
 * The embedded local gateway as the UI sees it: its status, the live access log (a ring of the
 * last LOG_CAPACITY calls), the log's pause and filters, and which view of the area is shown.
 * It subscribes to the host's gateway events once, the first time a screen needs it, and keeps
 * listening after that so calls made while another area is open still show up.
 */
import { create } from 'zustand';
import type { AccessLogRecord, GatewayStatus } from '../../shared/ipc/contract';
import type { Stage } from '../../shared/model/schema';
import { host } from './host';
import { toHostError } from './host-error';

/** How many calls the live log keeps; older ones drop off. */
export const LOG_CAPACITY = 5000;

/** A record of the log with its arrival order and parsed time. */
export interface LogEntry extends AccessLogRecord {
  /** Increases by one per record received; never reused, even after Clear. */
  seq: number;
  /** `time` in milliseconds since the epoch (NaN when the host sent no valid time). */
  at: number;
}

/**
 * Filters of the log; '' means any. `status` is a class (`2xx`, `4xx`, `5xx`) or an exact code
 * (`429`); `api` is `<group>/<api>`.
 */
export interface LogFilters {
  status: string;
  api: string;
  app: string;
  errorCode: string;
  /** One call, from the debugger's request id. */
  requestId: string;
}

export const NO_LOG_FILTERS: LogFilters = { status: '', api: '', app: '', errorCode: '', requestId: '' };

export type GatewayView = 'log' | 'debugger';

export interface GatewayStoreState {
  status?: GatewayStatus;
  /** The last start, stop or status call that failed, in a sentence. */
  error?: string;
  busy?: 'start' | 'stop';
  log: LogEntry[];
  nextSeq: number;
  paused: boolean;
  /** While paused, the table shows the entries up to this seq. */
  pausedAt: number;
  filters: LogFilters;
  view: GatewayView;
  start(options: { port?: number; defaultStage?: Stage }): Promise<boolean>;
  stop(): Promise<boolean>;
  refresh(): Promise<void>;
  setStatus(status: GatewayStatus): void;
  receive(records: readonly AccessLogRecord[]): void;
  pause(): void;
  resume(): void;
  clear(): void;
  setFilter<K extends keyof LogFilters>(name: K, value: LogFilters[K]): void;
  clearFilters(): void;
  /** Filters the log to one call and shows the log. */
  showRequest(requestId: string): void;
  setView(view: GatewayView): void;
}

export const useGatewayStore = create<GatewayStoreState>()((set, get) => ({
  log: [],
  nextSeq: 1,
  paused: false,
  pausedAt: 0,
  filters: NO_LOG_FILTERS,
  view: 'log',

  async start(options) {
    set({ busy: 'start', error: undefined });
    try {
      set({ status: await host().gateway.start(options) });
      return true;
    } catch (error) {
      set({ error: `Could not start the local gateway: ${toHostError(error).message}` });
      return false;
    } finally {
      set({ busy: undefined });
    }
  },

  async stop() {
    set({ busy: 'stop', error: undefined });
    try {
      set({ status: await host().gateway.stop() });
      return true;
    } catch (error) {
      set({ error: `Could not stop the local gateway: ${toHostError(error).message}` });
      return false;
    } finally {
      set({ busy: undefined });
    }
  },

  async refresh() {
    try {
      set({ status: await host().gateway.status() });
    } catch (error) {
      set({ error: `Could not read the local gateway's status: ${toHostError(error).message}` });
    }
  },

  setStatus: (status) => set({ status }),

  receive(records) {
    if (records.length === 0) return;
    const { log, nextSeq } = get();
    set({ log: appendToRing(log, records, nextSeq), nextSeq: nextSeq + records.length });
  },

  pause: () => set({ paused: true, pausedAt: get().nextSeq - 1 }),
  resume: () => set({ paused: false }),
  clear: () => set({ log: [], pausedAt: get().nextSeq - 1 }),
  setFilter: (name, value) => set({ filters: { ...get().filters, [name]: value } }),
  clearFilters: () => set({ filters: NO_LOG_FILTERS }),
  showRequest: (requestId) => set({ filters: { ...NO_LOG_FILTERS, requestId }, view: 'log', paused: false }),
  setView: (view) => set({ view }),
}));

/** The log with `records` appended (numbered from `firstSeq`), keeping the newest `capacity`. */
export function appendToRing(log: readonly LogEntry[], records: readonly AccessLogRecord[], firstSeq: number, capacity = LOG_CAPACITY): LogEntry[] {
  const added = records.map((r, i) => ({ ...r, seq: firstSeq + i, at: Date.parse(r.time) }));
  const all = log.length + added.length > capacity ? [...log, ...added].slice(-capacity) : [...log, ...added];
  return all;
}

/** `<group>/<api>` of a record, the value of the API filter; '' when the call matched no API. */
export function apiLabel(record: Pick<AccessLogRecord, 'group' | 'api'>): string {
  if (!record.api) return '';
  return record.group ? `${record.group}/${record.api}` : record.api;
}

/** Whether a status matches the status filter: a class like `4xx`, or an exact code. */
export function statusMatches(status: number, filter: string): boolean {
  if (filter === '') return true;
  const cls = /^([1-5])xx$/i.exec(filter);
  if (cls) return Math.floor(status / 100) === Number(cls[1]);
  return String(status) === filter.trim();
}

export function matchesFilters(record: AccessLogRecord, filters: LogFilters): boolean {
  return (
    statusMatches(record.status, filters.status) &&
    (filters.api === '' || apiLabel(record) === filters.api) &&
    (filters.app === '' || record.app === filters.app) &&
    (filters.errorCode === '' || record.errorCode === filters.errorCode) &&
    (filters.requestId === '' || record.requestId === filters.requestId)
  );
}

export function hasLogFilters(filters: LogFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}

/** What the table shows: the filtered entries, frozen at the pause point while paused. */
export function visibleEntries(log: readonly LogEntry[], filters: LogFilters, paused: boolean, pausedAt: number): LogEntry[] {
  return log.filter((e) => (!paused || e.seq <= pausedAt) && matchesFilters(e, filters));
}

/** A call refused by throttling (the gateway's T429* codes). */
export function isThrottled(record: Pick<AccessLogRecord, 'status' | 'errorCode'>): boolean {
  return record.errorCode?.startsWith('T429') ?? false;
}

/** A call that did not succeed: the gateway or the backend answered 4xx/5xx. */
export function isError(record: Pick<AccessLogRecord, 'status'>): boolean {
  return record.status >= 400;
}

/**
 * The one line that says what the gateway is doing. While listening it is exactly
 * `Listening on <url>`; the supervisor's message (why it crashed, when it restarts) goes beside it.
 */
export function statusLine(status: GatewayStatus | undefined): string {
  if (!status) return 'Reading the gateway status…';
  switch (status.state) {
    case 'stopped':
      return 'Stopped';
    case 'starting':
      return 'Starting…';
    case 'listening':
      return `Listening on ${status.url ?? `http://127.0.0.1:${status.port ?? '?'}`}`;
    case 'crashed':
      return 'Crashed';
    case 'restarting':
      return 'Restarting…';
  }
}

/**
 * Subscribes to the gateway events and loads the status and the recent log; returns the
 * unsubscribe function. Records that arrive while the recent log loads are kept, not doubled.
 */
export function connectGatewayEvents(): () => void {
  const store = useGatewayStore;
  const offStatus = host().on('agw:gateway.status', (status) => store.getState().setStatus(status));
  const offLog = host().on('agw:gateway.log', (records) => store.getState().receive(records));
  void store.getState().refresh();
  host()
    .gateway.recentLog()
    .then((recent) => {
      const { log, nextSeq } = store.getState();
      const known = new Set(log.map((e) => e.requestId));
      const missing = recent.filter((r) => !known.has(r.requestId));
      if (missing.length === 0) return;
      // The recent records are older than anything received since: they go first.
      const merged = appendToRing([], [...missing, ...log], nextSeq);
      store.setState({ log: merged, nextSeq: nextSeq + merged.length });
    })
    .catch((error: unknown) => store.setState({ error: `Could not read the recent access log: ${toHostError(error).message}` }));
  return () => {
    offStatus();
    offLog();
  };
}

let connection: (() => void) | undefined;

/** Connects once for the life of the page (the screens call it when they mount). */
export function ensureGatewayConnection(): void {
  connection ??= connectGatewayEvents();
}
