import { beforeEach, describe, expect, it } from 'vitest';
import { buildHostApi } from '../../shared/ipc/contract';
import type { CallChannel, DebugResult } from '../../shared/ipc/contract';
import { setHost } from './host';
import { HostError } from './host-error';
import type { DebugCall, KeyValueStorage } from './debugger';
import { HISTORY_LIMIT, debugSnippets, openDebugger, sendDebugCall, setDebuggerStorage, useDebuggerStore, withoutSecrets } from './debugger';
import { useGatewayStore } from './gateway-store';
import { useUiStore } from './ui-store';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const signed: DebugCall = {
  target: { kind: 'local' },
  group: 'demo',
  api: 'secure',
  stage: 'RELEASE',
  method: 'GET',
  path: '/secure/hello',
  query: [],
  headers: [
    ['Authorization', 'APPCODE abc'],
    ['X-Proxy-Drop', '1'],
  ],
  body: { kind: 'none' },
  auth: { kind: 'signature', app: 'caller', secretOverride: 'not-the-secret', signatureMethod: 'HmacSHA256', extraSignedHeaders: ['X-Proxy-Drop'], addContentMd5: false },
  dropAfterSigning: ['X-Proxy-Drop'],
};

const answered: DebugResult = {
  prepared: { method: 'GET', url: 'http://127.0.0.1:1/secure/hello', headers: [] },
  response: { status: 403, headers: [], body: '', bodyEncoding: 'utf8', timeMs: 3, requestId: 'r-1', errorCode: 'A403IS' },
};

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  setDebuggerStorage(storage);
});

describe('debugger memory', () => {
  it('never keeps a secret: no secret override, no credential header values', () => {
    const clean = withoutSecrets(signed);
    expect(clean.auth).not.toHaveProperty('secretOverride');
    expect(clean.headers).toEqual([
      ['Authorization', ''],
      ['X-Proxy-Drop', '1'],
    ]);
  });

  it('records sent calls per API, newest first, capped, and persists them without secrets', () => {
    const store = useDebuggerStore.getState();
    const entry = store.record('demo/secure', signed, answered);
    expect(entry).toMatchObject({ status: 403, requestId: 'r-1', errorCode: 'A403IS', timeMs: 3, secretOverridden: true });
    store.record('demo/secure', signed, { failure: 'Nothing listens on 127.0.0.1:1.' });
    const list = useDebuggerStore.getState().history['demo/secure'];
    expect(list.map((e) => e.failure)).toEqual(['Nothing listens on 127.0.0.1:1.', undefined]);
    const saved = storage.data.get('agw.debugger.v1') ?? '';
    expect(saved).toContain('/secure/hello');
    expect(saved).not.toContain('not-the-secret');
    expect(saved).not.toContain('APPCODE abc');

    for (let i = 0; i < HISTORY_LIMIT + 5; i++) useDebuggerStore.getState().record('demo/secure', signed, answered);
    expect(useDebuggerStore.getState().history['demo/secure']).toHaveLength(HISTORY_LIMIT);
    useDebuggerStore.getState().clearHistory('demo/secure');
    expect(useDebuggerStore.getState().history['demo/secure']).toBeUndefined();
  });

  it('saves named examples per API, replacing one of the same name, and reads them back', () => {
    const store = useDebuggerStore.getState();
    store.saveExample('demo/secure', 'wrong secret', signed);
    store.saveExample('demo/secure', 'a first', signed);
    store.saveExample('demo/secure', 'wrong secret', { ...signed, path: '/secure/hello2' });
    const examples = useDebuggerStore.getState().examples['demo/secure'];
    expect(examples.map((e) => e.name)).toEqual(['a first', 'wrong secret']);
    expect(examples[1].request.path).toBe('/secure/hello2');

    useDebuggerStore.setState({ examples: {} });
    useDebuggerStore.getState().restore();
    expect(useDebuggerStore.getState().examples['demo/secure']).toHaveLength(2);
    useDebuggerStore.getState().deleteExample('demo/secure', 'a first');
    expect(useDebuggerStore.getState().examples['demo/secure'].map((e) => e.name)).toEqual(['wrong secret']);
  });

  it('drops unreadable memory instead of failing', () => {
    storage.data.set('agw.debugger.v1', '{not json');
    useDebuggerStore.getState().restore();
    expect(useDebuggerStore.getState().history).toEqual({});
  });
});

describe('debugger calls', () => {
  it('passes the request to the host and turns refusals into HostErrors', async () => {
    const calls: { channel: CallChannel; args: unknown[] }[] = [];
    setHost(
      buildHostApi(
        async (channel, args) => {
          calls.push({ channel, args });
          if (channel === 'agw:debug.send') return answered;
          throw new HostError({ code: 'NO_APP', message: 'App caller has no credentials.' });
        },
        () => () => undefined,
      ),
    );
    expect(await sendDebugCall(signed)).toEqual(answered);
    expect(calls[0]).toEqual({ channel: 'agw:debug.send', args: [signed] });
    await expect(debugSnippets(signed, false)).rejects.toMatchObject({ name: 'HostError', code: 'NO_APP' });
    expect(calls[1].args[1]).toEqual({ includeSecret: false });
  });

  it('opens the debugger of the Local gateway area on an API', () => {
    openDebugger({ group: 'demo', api: 'secure' });
    const first = useDebuggerStore.getState().target;
    expect(first).toMatchObject({ group: 'demo', api: 'secure' });
    expect(useGatewayStore.getState().view).toBe('debugger');
    expect(useUiStore.getState().area).toBe('local-gateway');
    openDebugger({ group: 'demo', api: 'secure' });
    expect(useDebuggerStore.getState().target?.seq).toBeGreaterThan(first!.seq);
  });
});
