/**
 * The debugger's working state: the form, the last preview and answer, and which result tab is
 * open. Kept in a store so switching to the access log and back loses nothing.
 */
import { create } from 'zustand';
import type { DebugResult, PreparedCall } from '../../../../shared/ipc/contract';
import type { DebugCall } from '../../../data/debugger';
import type { Project, Stage } from '../../../../shared/model/schema';
import { debugKey, prepareDebugCall, sendDebugCall, useDebuggerStore } from '../../../data/debugger';
import type { DebugForm } from './debug-form';
import { formFromRequest, initialForm, toDebugCall } from './debug-form';

export type ResultTab = 'response' | 'request' | 'snippets' | 'history';

export interface DebugFormStoreState {
  form?: DebugForm;
  /** The request the last preview or send was made from. */
  prepared?: PreparedCall;
  result?: DebugResult;
  busy?: 'prepare' | 'send';
  /** What failed (the host refused the request), in a sentence. */
  error?: string;
  tab: ResultTab;
  /** The "Debug" request (its seq) already turned into a form. */
  appliedTarget?: number;
  /** Starts a fresh form for an API in a stage, keeping where calls go. */
  choose(project: Project, ref: { group: string; api: string }, stage: Stage): void;
  update(recipe: (form: DebugForm) => DebugForm): void;
  /** Loads a sent or saved request into the form. */
  load(project: Project, request: DebugCall): void;
  preview(): Promise<void>;
  send(request?: DebugCall): Promise<void>;
  setTab(tab: ResultTab): void;
}

export const useDebugForm = create<DebugFormStoreState>()((set, get) => ({
  tab: 'response',
  choose(project, ref, stage) {
    const previous = get().form;
    const fresh = initialForm(project, ref, stage);
    set({
      form: previous ? { ...fresh, target: previous.target, baseUrl: previous.baseUrl } : fresh,
      prepared: undefined,
      result: undefined,
      error: undefined,
    });
  },
  update(recipe) {
    const form = get().form;
    if (form) set({ form: recipe(form) });
  },
  load(project, request) {
    const form = get().form;
    if (!form) return;
    const fresh = initialForm(project, { group: form.group, api: form.api }, request.stage);
    set({ form: formFromRequest(fresh, request), error: undefined });
  },
  async preview() {
    const form = get().form;
    if (!form) return;
    set({ busy: 'prepare', error: undefined });
    try {
      set({ prepared: await prepareDebugCall(toDebugCall(form)), tab: 'request' });
    } catch (error) {
      set({ error: `Could not build the request: ${(error as Error).message}` });
    } finally {
      set({ busy: undefined });
    }
  },
  async send(request) {
    const form = get().form;
    if (!form) return;
    const sent = request ?? toDebugCall(form);
    set({ busy: 'send', error: undefined });
    try {
      const result = await sendDebugCall(sent);
      useDebuggerStore.getState().record(debugKey(form), sent, result);
      set({ result, prepared: result.prepared, tab: 'response' });
    } catch (error) {
      set({ error: `Could not send the call: ${(error as Error).message}` });
    } finally {
      set({ busy: undefined });
    }
  },
  setTab: (tab) => set({ tab }),
}));
