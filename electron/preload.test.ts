import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALLS, CHANNEL_PREFIX, type WireApi } from '../shared/ipc/contract';

/** Electron's renderer side as the preload sees it: the binary cannot run here. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: undefined as unknown as (channel: string, ...args: unknown[]) => Promise<unknown>,
  emitter: undefined as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => electron.invoke(channel, ...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => electron.emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => electron.emitter.removeListener(channel, listener),
  },
}));

await import('./preload');
const agw = electron.exposed.get('agw') as WireApi;

beforeEach(() => {
  electron.emitter = new EventEmitter();
  electron.invoke = async () => ({ ok: true, result: undefined });
});

describe('preload', () => {
  it('exposes window.agw only: exactly the contract’s domains and verbs, plus on', () => {
    expect([...electron.exposed.keys()]).toEqual(['agw']);
    const expected: Record<string, string[]> = {};
    for (const channel of Object.keys(CALLS)) {
      const [domain, verb] = channel.slice(CHANNEL_PREFIX.length).split('.');
      (expected[domain] ??= []).push(verb);
    }
    const api = agw as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(expected), 'on'].sort());
    for (const [domain, verbs] of Object.entries(expected)) {
      expect(Object.keys(api[domain] as object).sort(), domain).toEqual(verbs.sort());
    }
    expect(Object.isFrozen(agw)).toBe(true);
  });

  it('invokes the channel with the arguments and hands back the outcome', async () => {
    const calls: unknown[][] = [];
    electron.invoke = async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: true, result: { path: args[0] } };
    };
    await expect(agw.project.open('/p/x.apigw.yaml')).resolves.toEqual({ ok: true, result: { path: '/p/x.apigw.yaml' } });
    await agw.project.current();
    expect(calls).toEqual([['agw:project.open', '/p/x.apigw.yaml'], ['agw:project.current']]);
  });

  it('hands a failure back as a plain outcome, so its code and problems survive contextBridge', async () => {
    const problems = [{ path: ['apis', 0], message: 'bad', line: 3 }];
    const error = { code: 'CHANGED_ON_DISK', message: 'The file changed on disk.', problems };
    electron.invoke = async () => ({ ok: false, error });
    await expect(agw.project.current()).resolves.toEqual({ ok: false, error });
  });

  it('gives listeners the payload only, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = agw.on('agw:menu.command', (...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: { send: () => {} }, senderId: 0 };
    electron.emitter.emit('agw:menu.command', ipcEvent, { command: 'save' });
    expect(received).toEqual([[{ command: 'save' }]]);
    off();
    electron.emitter.emit('agw:menu.command', ipcEvent, { command: 'open' });
    expect(received).toHaveLength(1);
    expect(electron.emitter.listenerCount('agw:menu.command')).toBe(0);
  });

  it('refuses to subscribe to anything but the contract’s events', () => {
    expect(() => agw.on('agw:secret.stream' as never, () => {})).toThrow(/Unknown event channel/);
    expect(electron.emitter.eventNames()).toEqual([]);
  });
});
