/**
 * Throttling policies (docs/alibaba-data-plane.md, "Throttling"): each policy bound to an API in a
 * stage limits calls per unit for the API, for the account that owns the calling app (USER) and for
 * the app itself. Counting is a fixed window aligned to the unit
 * (GATEWAY_CHOICES.throttlingWindow); the order of the levels and what a refused call costs are
 * GATEWAY_CHOICES.throttlingOrder.
 */
import type { Project, ThrottlingPolicy, ThrottlingUnit } from '../shared/model/schema';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import type { AuthenticatedApp } from './auth';
import { stageRefKey, type StageRef } from './stage-ref';

export interface Throttler {
  /** The policy bound to one API in one stage, looked up once per (re)load (runtime.ts); undefined when none is. */
  forApi(ref: StageRef): ApiThrottle | undefined;
  /** forApi(ref)?.check(app). */
  check(ref: StageRef, app?: AuthenticatedApp): GatewayError | undefined;
}

export interface ApiThrottle {
  /** Counts the call and returns undefined, or returns the refusal without counting anything. */
  check(app?: AuthenticatedApp): GatewayError | undefined;
}

// Epoch milliseconds are UTC, so whole multiples of the unit start each second, minute, hour and UTC day.
const UNIT_MS: Record<ThrottlingUnit, number> = { SECOND: 1_000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };

/**
 * Calls counted in one window; reset in place when a later window starts, so no past window is
 * kept. There is one per binding, plus one per app that called (bounded by the secrets file).
 */
interface Counter {
  window: number;
  count: number;
}

/** The counters of one policy bound to one API in one stage (limits are per bound API). */
interface Counters {
  api: Counter;
  users: Map<string, Counter>;
  apps: Map<string, Counter>;
}

/**
 * Counters by policy, unit and binding. The gateway keeps one store for its whole life: a reload
 * (a save, a deploy in the offline cloud) must not hand every caller a fresh quota.
 */
export type ThrottleCounters = Map<string, Counters>;

/** One policy as bound to one API in one stage, with its counters. */
interface Binding extends Counters {
  unitMs: number;
  apiLimit: number;
  userLimit?: number;
  appLimit?: number;
  /** APP specials by app name (or local AppId); USER specials by account id. */
  appSpecials: Map<string, number>;
  userSpecials: Map<string, number>;
}

export function createThrottler(project: Project, now: () => number = Date.now, store: ThrottleCounters = new Map()): Throttler {
  const bindings = new Map<string, ApiThrottle>();
  const kept = new Set<string>();
  // Later policies replace earlier ones on the same binding, as SetTrafficControlApis does.
  for (const policy of project.throttlingPolicies) {
    for (const ref of policy.bindings) {
      const key = stageRefKey(ref);
      const countersKey = `${policy.name}\n${policy.unit}\n${key}`;
      let counters = store.get(countersKey);
      if (counters === undefined) {
        counters = { api: { window: 0, count: 0 }, users: new Map(), apps: new Map() };
        store.set(countersKey, counters);
      }
      kept.add(countersKey);
      bindings.set(key, throttleOf(compileBinding(policy, counters), now));
    }
  }
  // Counters of bindings that are gone would never be read again.
  for (const key of store.keys()) if (!kept.has(key)) store.delete(key);

  return {
    forApi: (ref) => bindings.get(stageRefKey(ref)),
    check: (ref, app) => bindings.get(stageRefKey(ref))?.check(app),
  };
}

function throttleOf(binding: Binding, now: () => number): ApiThrottle {
  return {
    check(app) {
      const window = Math.floor(now() / binding.unitMs);

      // Most specific level first, so the caller learns the limit that is really theirs.
      let appCounter: Counter | undefined;
      let userCounter: Counter | undefined;
      if (app !== undefined) {
        const appLimit = binding.appSpecials.get(app.name) ?? binding.appSpecials.get(app.appId) ?? binding.appLimit;
        if (appLimit !== undefined) {
          appCounter = currentCounter(binding.apps, app.name, window);
          if (appCounter.count >= appLimit) return gatewayError('T429AP');
        }
        const account = GATEWAY_CHOICES.localAccountId;
        const userLimit = binding.userSpecials.get(account) ?? binding.userLimit;
        if (userLimit !== undefined) {
          userCounter = currentCounter(binding.users, account, window);
          if (userCounter.count >= userLimit) return gatewayError('T429UR');
        }
      }
      const apiCounter = windowed(binding.api, window);
      if (apiCounter.count >= binding.apiLimit) return gatewayError('T429IN');

      // Only an admitted call is counted, at every level at once.
      apiCounter.count++;
      if (userCounter !== undefined) userCounter.count++;
      if (appCounter !== undefined) appCounter.count++;
      return undefined;
    },
  };
}

function compileBinding(policy: ThrottlingPolicy, counters: Counters): Binding {
  const appSpecials = new Map<string, number>();
  const userSpecials = new Map<string, number>();
  // Re-adding a special overwrites it in the cloud: the last entry for a key wins here too.
  for (const special of policy.specials) (special.type === 'APP' ? appSpecials : userSpecials).set(special.key, special.limit);
  return {
    unitMs: UNIT_MS[policy.unit],
    apiLimit: policy.apiDefault,
    userLimit: policy.userDefault,
    appLimit: policy.appDefault,
    appSpecials,
    userSpecials,
    ...counters,
  };
}

function currentCounter(counters: Map<string, Counter>, key: string, window: number): Counter {
  let counter = counters.get(key);
  if (counter === undefined) {
    counter = { window, count: 0 };
    counters.set(key, counter);
  }
  return windowed(counter, window);
}

function windowed(counter: Counter, window: number): Counter {
  if (counter.window !== window) {
    counter.window = window;
    counter.count = 0;
  }
  return counter;
}
