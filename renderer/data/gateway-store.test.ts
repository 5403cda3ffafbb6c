import { beforeEach, describe, expect, it } from 'vitest';
import { buildHostApi } from '../../shared/ipc/contract';
import type { AccessLogRecord, CallChannel, EventChannel, GatewayStatus } from '../../shared/ipc/contract';
import { setHost } from './host';
import { HostError } from './host-error';
import {
  appendToRing,
  connectGatewayEvents,
  LOG_CAPACITY,
  matchesFilters,
  NO_LOG_FILTERS,
  statusLine,
  useGatewayStore,
  visibleEntries,
} from './gateway-store';

/** The host boundary, faked: calls answer from `handlers`, events are fired by the test. */
function fakeHost(handlers: Partial<Record<CallChannel, (...args: unknown[]) => unknown>>) {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const calls: { channel: CallChannel; args: unknown[] }[] = [];
  setHost(
    buildHostApi(
      async (channel, args) => {
        calls.push({ channel, args });
        const handler = handlers[channel];
        if (!handler) throw new HostError({ code: 'UNKNOWN_CHANNEL', message: `no fake for ${channel}` });
        return handler(...args);
      },
      (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    ),
  );
  const emit = (channel: EventChannel, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { calls, emit, listeners };
}

let seq = 0;
function record(change: Partial<AccessLogRecord> = {}): AccessLogRecord {
  seq++;
  return { time: new Date(1_700_000_000_000 + seq).toISOString(), requestId: `req-${seq}`, method: 'GET', path: '/hello', status: 200, latencyMs: 1.5, clientIp: '127.0.0.1', ...change };
}

const stopped: GatewayStatus = { state: 'stopped', defaultStage: 'RELEASE', restarts: 0 };
const listening: GatewayStatus = { state: 'listening', url: 'http://127.0.0.1:41234', port: 41234, defaultStage: 'TEST', restarts: 0 };
const store = () => useGatewayStore.getState();
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  useGatewayStore.setState({ status: undefined, error: undefined, busy: undefined, log: [], nextSeq: 1, paused: false, pausedAt: 0, filters: NO_LOG_FILTERS, view: 'log' });
});

describe('gateway store', () => {
  it('starts and stops through the host, keeping the status it answers', async () => {
    const { calls } = fakeHost({ 'agw:gateway.start': () => listening, 'agw:gateway.stop': () => stopped });
    expect(await store().start({ port: 0, defaultStage: 'TEST' })).toBe(true);
    expect(calls[0]).toEqual({ channel: 'agw:gateway.start', args: [{ port: 0, defaultStage: 'TEST' }] });
    expect(store().status).toEqual(listening);
    expect(await store().stop()).toBe(true);
    expect(store().status?.state).toBe('stopped');
    expect(store().busy).toBeUndefined();
  });

  it('says what failed when the host refuses to start', async () => {
    fakeHost({ 'agw:gateway.start': () => Promise.reject(new HostError({ code: 'PORT_IN_USE', message: 'Port 8080 is in use; choose another or 0.' })) });
    expect(await store().start({ port: 8080 })).toBe(false);
    expect(store().error).toBe('Could not start the local gateway: Port 8080 is in use; choose another or 0.');
  });

  it('follows status and log events, and merges the recent log without doubling a call', async () => {
    const early = record({ requestId: 'early' });
    const both = record({ requestId: 'both' });
    const { emit } = fakeHost({ 'agw:gateway.status': () => listening, 'agw:gateway.recentLog': () => [early, both] });
    const off = connectGatewayEvents();
    emit('agw:gateway.log', [both, record({ requestId: 'late' })]);
    await flush();
    expect(store().status).toEqual(listening);
    expect(store().log.map((e) => e.requestId)).toEqual(['early', 'both', 'late']);
    expect(new Set(store().log.map((e) => e.seq)).size).toBe(3);

    emit('agw:gateway.status', { ...listening, state: 'restarting', message: 'Crashed (exit code 1); restarting in 2 s' });
    expect(store().status?.state).toBe('restarting');
    off();
    emit('agw:gateway.log', [record()]);
    expect(store().log).toHaveLength(3);
  });

  it('keeps only the newest LOG_CAPACITY calls', () => {
    const many = Array.from({ length: LOG_CAPACITY + 25 }, () => record());
    store().receive(many.slice(0, 100));
    store().receive(many.slice(100));
    expect(store().log).toHaveLength(LOG_CAPACITY);
    expect(store().log[0].requestId).toBe(many[25].requestId);
    expect(store().log.at(-1)?.requestId).toBe(many.at(-1)?.requestId);
    expect(appendToRing([], [record(), record(), record()], 1, 2).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('freezes the view while paused and shows what arrived on resume', () => {
    store().receive([record(), record()]);
    store().pause();
    store().receive([record()]);
    const { log, filters, pausedAt } = store();
    expect(visibleEntries(log, filters, true, pausedAt)).toHaveLength(2);
    store().resume();
    expect(visibleEntries(store().log, filters, store().paused, store().pausedAt)).toHaveLength(3);
    store().clear();
    expect(store().log).toEqual([]);
  });

  it('filters by status class or exact status, API, app, error code and request id', () => {
    const throttled = record({ status: 429, errorCode: 'T429IN', group: 'demo', api: 'limited' });
    const signed = record({ status: 200, group: 'demo', api: 'secure', app: 'caller' });
    const f = (change: Partial<typeof NO_LOG_FILTERS>) => ({ ...NO_LOG_FILTERS, ...change });
    expect(matchesFilters(throttled, f({ status: '4xx' }))).toBe(true);
    expect(matchesFilters(throttled, f({ status: '429' }))).toBe(true);
    expect(matchesFilters(throttled, f({ status: '5xx' }))).toBe(false);
    expect(matchesFilters(signed, f({ status: '2xx', api: 'demo/secure', app: 'caller' }))).toBe(true);
    expect(matchesFilters(signed, f({ api: 'demo/limited' }))).toBe(false);
    expect(matchesFilters(throttled, f({ errorCode: 'T429IN' }))).toBe(true);
    expect(matchesFilters(signed, f({ requestId: throttled.requestId }))).toBe(false);
  });

  it('shows one request in the log from the debugger', () => {
    store().setFilter('app', 'caller');
    store().setView('debugger');
    store().showRequest('req-9');
    expect(store().filters).toEqual({ ...NO_LOG_FILTERS, requestId: 'req-9' });
    expect(store().view).toBe('log');
  });

  it('words the status line, exactly `Listening on <url>` while listening', () => {
    expect(statusLine(listening)).toBe('Listening on http://127.0.0.1:41234');
    expect(statusLine(stopped)).toBe('Stopped');
    expect(statusLine({ ...stopped, state: 'crashed', message: 'Crashed (exit code 1)' })).toBe('Crashed');
    expect(statusLine(undefined)).toMatch(/Reading/);
  });
});
