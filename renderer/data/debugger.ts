/**
 * The debugger's host calls (the host signs: secrets never reach the UI) and its memory: the calls
 * sent per API and the examples saved per API, kept in localStorage without any secret.
 */
import { create } from 'zustand';
import type { CallArgs, CallSnippets, DebugResult, PreparedCall } from '../../shared/ipc/contract';
import type { Stage } from '../../shared/model/schema';
import { host } from './host';
import { toHostError } from './host-error';
import { useGatewayStore } from './gateway-store';
import { useUiStore } from './ui-store';

/** A debugger call as the host receives it (every default filled in). */
export type DebugCall = CallArgs<'agw:debug.send'>[0];

export async function prepareDebugCall(request: DebugCall): Promise<PreparedCall> {
  try {
    return await host().debug.prepare(request);
  } catch (error) {
    throw toHostError(error);
  }
}

export async function sendDebugCall(request: DebugCall): Promise<DebugResult> {
  try {
    return await host().debug.send(request);
  } catch (error) {
    throw toHostError(error);
  }
}

export async function debugSnippets(request: DebugCall, includeSecret: boolean): Promise<CallSnippets> {
  try {
    return await host().debug.snippets(request, { includeSecret });
  } catch (error) {
    throw toHostError(error);
  }
}

/** Headers whose values are credentials: their values are never kept. */
const SECRET_HEADERS = new Set(['authorization', 'x-ca-signature', 'proxy-authorization']);

/** The request without anything secret: no secret override, no credential header values. */
export function withoutSecrets(request: DebugCall): DebugCall {
  const headers = request.headers.map(([name, value]): [string, string] => [name, SECRET_HEADERS.has(name.toLowerCase()) ? '' : value]);
  if (request.auth.kind !== 'signature') return { ...request, headers };
  const { secretOverride: _dropped, ...auth } = request.auth;
  return { ...request, headers, auth };
}

export interface HistoryEntry {
  id: string;
  /** ISO time it was sent. */
  at: string;
  request: DebugCall;
  status?: number;
  timeMs?: number;
  requestId?: string;
  errorCode?: string;
  /** Set when nothing answered. */
  failure?: string;
  /** The call was signed with a typed secret, which is not kept: sending it again uses the app's own. */
  secretOverridden?: boolean;
}

export interface SavedExample {
  name: string;
  savedAt: string;
  request: DebugCall;
}

/** Calls kept per API in the history. */
export const HISTORY_LIMIT = 50;
const STORAGE_KEY = 'agw.debugger.v1';

/** Where the debugger keeps its memory; localStorage in the app, a fake in tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let storage: KeyValueStorage | undefined = typeof localStorage === 'undefined' ? undefined : localStorage;

/** `<group>/<api>`: the key of an API's history and examples. */
export function debugKey(ref: { group: string; api: string }): string {
  return `${ref.group}/${ref.api}`;
}

export interface DebuggerStoreState {
  /** The API the "Debug" button asked for; `seq` makes a repeated request new. */
  /** The API a "Debug" button asked for; `where` and `stage` when it named them (the Cloud screen does). */
  target?: { group: string; api: string; seq: number; where?: 'local' | 'cloud'; stage?: Stage };
  history: Record<string, HistoryEntry[]>;
  examples: Record<string, SavedExample[]>;
  /** Records a call that was sent (newest first, at most HISTORY_LIMIT per API). */
  record(key: string, request: DebugCall, result: DebugResult | { failure: string }): HistoryEntry;
  clearHistory(key: string): void;
  /** Saves (or replaces) a named example of an API. */
  saveExample(key: string, name: string, request: DebugCall): void;
  deleteExample(key: string, name: string): void;
  /** Reads the history and examples from storage again. */
  restore(): void;
}

interface Persisted {
  history: Record<string, HistoryEntry[]>;
  examples: Record<string, SavedExample[]>;
}

function readPersisted(): Persisted {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    const parsed = text ? (JSON.parse(text) as Partial<Persisted>) : {};
    return { history: parsed.history ?? {}, examples: parsed.examples ?? {} };
  } catch {
    return { history: {}, examples: {} }; // unreadable memory is dropped, not fatal
  }
}

function writePersisted(state: Persisted): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ history: state.history, examples: state.examples }));
  } catch {
    // Storage full or disabled: the memory still lasts for this session.
  }
}

let entrySeq = 0;

export const useDebuggerStore = create<DebuggerStoreState>()((set, get) => {
  const persist = (next: Partial<Persisted>) => {
    set(next);
    writePersisted(get());
  };
  return {
    ...readPersisted(),
    record(key, request, result) {
      const response = 'response' in result ? result.response : undefined;
      const entry: HistoryEntry = {
        id: `${Date.now().toString(36)}-${(++entrySeq).toString(36)}`,
        at: new Date().toISOString(),
        request: withoutSecrets(request),
        status: response?.status,
        timeMs: response?.timeMs,
        requestId: response?.requestId,
        errorCode: response?.errorCode,
        failure: result.failure,
        ...(request.auth.kind === 'signature' && request.auth.secretOverride ? { secretOverridden: true } : {}),
      };
      const list = [entry, ...(get().history[key] ?? [])].slice(0, HISTORY_LIMIT);
      persist({ history: { ...get().history, [key]: list } });
      return entry;
    },
    clearHistory(key) {
      const { [key]: _gone, ...rest } = get().history;
      persist({ history: rest });
    },
    saveExample(key, name, request) {
      const others = (get().examples[key] ?? []).filter((e) => e.name !== name);
      const example: SavedExample = { name, savedAt: new Date().toISOString(), request: withoutSecrets(request) };
      persist({ examples: { ...get().examples, [key]: [...others, example].sort((a, b) => a.name.localeCompare(b.name)) } });
    },
    deleteExample(key, name) {
      persist({ examples: { ...get().examples, [key]: (get().examples[key] ?? []).filter((e) => e.name !== name) } });
    },
    restore: () => set(readPersisted()),
  };
});

/** Uses another storage (tests); then reads the memory from it. */
export function setDebuggerStorage(next: KeyValueStorage | undefined): void {
  storage = next;
  useDebuggerStore.getState().restore();
}

let targetSeq = 0;

/** Opens the debugger of the Local gateway area on one API (the API editor's "Debug" button, the Cloud screen's "Call"). */
export function openDebugger(ref: { group: string; api: string }, options: { where?: 'local' | 'cloud'; stage?: Stage } = {}): void {
  useDebuggerStore.setState({ target: { ...ref, ...options, seq: ++targetSeq } });
  useGatewayStore.getState().setView('debugger');
  useUiStore.getState().setArea('local-gateway');
}
