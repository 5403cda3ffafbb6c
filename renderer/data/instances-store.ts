/**
 * Dedicated instances as the Gateways area sees them: the region's instances, quota and
 * purchases in progress (the host follows purchases, so this only shows them), and what the
 * region offers a purchase. While anything is changing, the list is read again every few seconds.
 */
import { create } from 'zustand';
import type { InstanceView, InstancesView, PurchaseContext, PurchaseProgress, PurchaseRequest } from '../../shared/ipc/instance-views';
import type { InstanceChange } from '../../shared/purchase';
import { host } from './host';
import { toHostError } from './host-error';

const POLL_MS = 2000;
const TRANSITIONAL = new Set(['CREATING', 'MODIFYING', 'DELETING']);

export interface InstancesStoreState {
  view?: InstancesView;
  loading: boolean;
  /** Why the list could not be read, in a sentence. */
  error?: string;
  context?: PurchaseContext;
  contextError?: string;
  load(): Promise<void>;
  loadContext(): Promise<void>;
  buy(request: PurchaseRequest, token: string): Promise<PurchaseProgress>;
  /** Looks again at a purchase that may have bought something (its `canRetry`). */
  retryPurchase(token: string): Promise<PurchaseProgress>;
  modify(instanceId: string, change: InstanceChange, token?: string): Promise<InstanceView>;
  remove(instanceId: string, confirmation: string): Promise<void>;
}

let pollTimer: ReturnType<typeof setTimeout> | undefined;
let subscribed = false;

/** Whether something is still on its way: an instance between states, or a purchase not ended. */
export function isChanging(view: InstancesView | undefined): boolean {
  if (!view) return false;
  return view.instances.some((instance) => TRANSITIONAL.has(instance.status ?? '')) || view.purchases.some((purchase) => purchase.state !== 'running' && purchase.state !== 'failed');
}

function schedulePoll(): void {
  clearTimeout(pollTimer);
  pollTimer = undefined;
  if (!isChanging(useInstancesStore.getState().view)) return;
  pollTimer = setTimeout(() => void useInstancesStore.getState().load(), POLL_MS);
}

export const useInstancesStore = create<InstancesStoreState>()((set, get) => ({
  loading: false,

  async load() {
    if (!subscribed) {
      subscribed = true;
      host().on('agw:instances.purchase', () => void get().load());
      host().on('agw:cloud.connection', () => {
        set({ context: undefined, view: undefined });
        void get().load();
      });
    }
    set({ loading: true });
    try {
      set({ view: await host().instances.list(), loading: false, error: undefined });
    } catch (error) {
      set({ loading: false, error: toHostError(error).message });
    }
    schedulePoll();
  },

  async loadContext() {
    try {
      set({ context: await host().instances.context(), contextError: undefined });
    } catch (error) {
      set({ contextError: toHostError(error).message });
    }
  },

  async buy(request, token) {
    const progress = await host().instances.buy({ request, token });
    await get().load();
    return progress;
  },

  async retryPurchase(token) {
    const progress = await host().instances.retryPurchase({ token });
    await get().load();
    return progress;
  },

  async modify(instanceId, change, token) {
    const instance = await host().instances.modify({ instanceId, change, token });
    await get().load();
    return instance;
  },

  async remove(instanceId, confirmation) {
    await host().instances.delete({ instanceId, confirmation });
    await get().load();
  },
}));
