/**
 * Actions are plain handlers grouped in modules, one module per product area
 * (offline-cloud/actions/*). A module names its product; the product's API version comes
 * from shared/cloud/products.ts. Adding the API Gateway's groups, APIs or purchases later means
 * adding a module to DEFAULT_ACTION_MODULES, nothing in the server.
 */
import type { CloudProduct } from '../shared/cloud/products';
import type { ActionParams } from './action-params';
import type { SimAccount } from './sim-accounts';
import type { RegionInfo } from './sim-regions';
import type { AccountState, RegionState } from './sim-records';

export interface ActionContext {
  product: CloudProduct;
  action: string;
  params: ActionParams;
  account: SimAccount;
  accountState: AccountState;
  /** The region the request is for: its RegionId, else the region of the Host it was sent to, else cn-hangzhou. */
  regionId: string;
  /** A served region's data (the request's region by default); InvalidRegionId.NotFound otherwise. */
  region(regionId?: string): RegionState;
  regionInfo(regionId?: string): RegionInfo;
  requestId: string;
  now: Date;
}

/** Returns the answer's fields; the server adds RequestId. Throws SimError for a refusal. */
export type ActionHandler = (context: ActionContext) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface ActionDefinition {
  /** Writes are persisted before they are answered. */
  kind: 'read' | 'write';
  handler: ActionHandler;
}

export interface ActionModule {
  product: CloudProduct;
  actions: Record<string, ActionDefinition>;
  /**
   * Changes that come with time (an instance that has finished starting), applied to each region
   * of the caller's account before every call, so every action sees the same moment. Says
   * whether anything changed (then the server saves). Driven by the clock, not timers, so a
   * restart resumes where the state file left off.
   */
  settle?: (region: RegionState, now: Date) => boolean;
}

export const read = (handler: ActionHandler): ActionDefinition => ({ kind: 'read', handler });
export const write = (handler: ActionHandler): ActionDefinition => ({ kind: 'write', handler });

export class ActionRegistry {
  private readonly actions = new Map<string, ActionDefinition>();
  private readonly settlers: NonNullable<ActionModule['settle']>[] = [];

  constructor(modules: readonly ActionModule[]) {
    for (const module of modules) {
      if (module.settle) this.settlers.push(module.settle);
      for (const [name, definition] of Object.entries(module.actions)) {
        const key = `${module.product} ${name}`;
        if (this.actions.has(key)) throw new Error(`offline cloud: ${module.product} ${name} is registered twice`);
        this.actions.set(key, definition);
      }
    }
  }

  /** Action names are case-sensitive, as in the cloud. */
  find(product: CloudProduct, action: string): ActionDefinition | undefined {
    return this.actions.get(`${product} ${action}`);
  }

  /** Runs every module's settle on each region of the account; says whether anything changed. */
  settle(account: AccountState, now: Date): boolean {
    let changed = false;
    for (const region of Object.values(account.regions)) {
      for (const settle of this.settlers) changed = settle(region, now) || changed;
    }
    return changed;
  }

  get size(): number {
    return this.actions.size;
  }
}
