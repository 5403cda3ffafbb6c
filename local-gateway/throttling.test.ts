import { describe, expect, it } from 'vitest';
import { PROJECT_FORMAT, Project } from '../shared/model/schema';
import { GATEWAY_CHOICES } from '../shared/gateway/cloud-behaviour';
import type { AuthenticatedApp } from './auth';
import { localAppId } from './app-id';
import { createThrottler } from './throttling';

const ITEMS = { group: 'shop', api: 'items', stage: 'RELEASE' } as const;
const ORDERS = { group: 'shop', api: 'orders', stage: 'RELEASE' } as const;
const WEB: AuthenticatedApp = { name: 'web', appKey: 'webKey', appId: localAppId('web') };
const MOBILE: AuthenticatedApp = { name: 'mobile', appKey: 'mobileKey', appId: localAppId('mobile') };

function project(policy: Record<string, unknown>): Project {
  return Project.parse({
    format: PROJECT_FORMAT,
    name: 'throttling-test',
    throttlingPolicies: [{ name: 'policy', unit: 'MINUTE', bindings: [ITEMS, ORDERS], ...policy }],
  });
}

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2024, 0, 1, 12, 0, 0)) {
  const state = { now: start };
  return { state, now: () => state.now };
}

/** Calls until refused; returns how many were admitted and the refusal. */
function drain(check: () => ReturnType<ReturnType<typeof createThrottler>['check']>, max = 1_000) {
  for (let admitted = 0; admitted < max; admitted++) {
    const refusal = check();
    if (refusal) return { admitted, refusal };
  }
  return { admitted: max, refusal: undefined };
}

describe('across reloads', () => {
  it('keeps counting where it was when the gateway recompiles the same binding, and forgets bindings that are gone', () => {
    const time = clock();
    const store = new Map();
    const first = createThrottler(project({ apiDefault: 3 }), time.now, store);
    expect(drain(() => first.check(ITEMS)).admitted).toBe(3);
    // A save (or a deploy in the offline cloud) recompiles: the quota is still spent.
    const second = createThrottler(project({ apiDefault: 3 }), time.now, store);
    expect(second.check(ITEMS)?.code).toBe('T429IN');
    time.state.now += 60_000;
    expect(second.check(ITEMS)).toBeUndefined();
    createThrottler(project({ apiDefault: 3, bindings: [ORDERS] }), time.now, store);
    expect(store.size).toBe(1);
  });
});

describe('throttling levels', () => {
  it('T429IN: the API limit, counted per bound API', () => {
    const throttler = createThrottler(project({ apiDefault: 3 }), clock().now);
    const { admitted, refusal } = drain(() => throttler.check(ITEMS, WEB));
    expect(admitted).toBe(3);
    expect(refusal).toEqual({ code: 'T429IN', status: 429, message: 'Throttled by API Flow Control' });
    // Anonymous calls count against the API limit too; another bound API has its own counter.
    expect(throttler.check(ITEMS)?.code).toBe('T429IN');
    expect(throttler.check(ORDERS)).toBeUndefined();
  });

  it('T429AP: the app limit, per app', () => {
    const throttler = createThrottler(project({ apiDefault: 100, appDefault: 2 }), clock().now);
    const { admitted, refusal } = drain(() => throttler.check(ITEMS, WEB));
    expect(admitted).toBe(2);
    expect(refusal).toEqual({ code: 'T429AP', status: 429, message: 'Throttled by APP Flow Control' });
    expect(throttler.check(ITEMS, MOBILE)).toBeUndefined();
    // No app, no app limit.
    expect(throttler.check(ITEMS)).toBeUndefined();
  });

  it('T429UR: the user limit is shared by all apps of the local account', () => {
    const throttler = createThrottler(project({ apiDefault: 100, userDefault: 3, appDefault: 2 }), clock().now);
    expect(throttler.check(ITEMS, WEB)).toBeUndefined();
    expect(throttler.check(ITEMS, WEB)).toBeUndefined();
    expect(throttler.check(ITEMS, MOBILE)).toBeUndefined();
    expect(throttler.check(ITEMS, MOBILE)).toEqual({ code: 'T429UR', status: 429, message: 'Throttled by USER Flow Control' });
    expect(throttler.check(ITEMS)).toBeUndefined();
  });

  it('APP specials (by name or AppId) replace the app default', () => {
    const throttler = createThrottler(
      project({
        apiDefault: 100,
        appDefault: 1,
        specials: [
          { type: 'APP', key: 'web', limit: 4 },
          { type: 'APP', key: localAppId('mobile'), limit: 2 },
        ],
      }),
      clock().now,
    );
    expect(drain(() => throttler.check(ITEMS, WEB)).admitted).toBe(4);
    expect(drain(() => throttler.check(ITEMS, MOBILE)).admitted).toBe(2);
  });

  it('a USER special for the local account replaces the user default', () => {
    const throttler = createThrottler(
      project({ apiDefault: 100, userDefault: 1, specials: [{ type: 'USER', key: GATEWAY_CHOICES.localAccountId, limit: 5 }] }),
      clock().now,
    );
    expect(drain(() => throttler.check(ITEMS, WEB))).toMatchObject({ admitted: 5, refusal: { code: 'T429UR' } });
  });

  it('specials still sit under the API limit', () => {
    const throttler = createThrottler(project({ apiDefault: 2, specials: [{ type: 'APP', key: 'web', limit: 10 }] }), clock().now);
    expect(drain(() => throttler.check(ITEMS, WEB))).toMatchObject({ admitted: 2, refusal: { code: 'T429IN' } });
  });

  it('reports the most specific full level, and a refused call uses up nothing', () => {
    const throttler = createThrottler(project({ apiDefault: 3, appDefault: 1 }), clock().now);
    expect(throttler.check(ITEMS, WEB)).toBeUndefined();
    // The web app is full: these are refused at APP and must not eat the API's quota.
    for (let i = 0; i < 5; i++) expect(throttler.check(ITEMS, WEB)?.code).toBe('T429AP');
    expect(throttler.check(ITEMS, MOBILE)).toBeUndefined();
    expect(throttler.check(ITEMS)).toBeUndefined();
    // Now both the app and the API are full: the app's limit is named.
    expect(throttler.check(ITEMS, WEB)?.code).toBe('T429AP');
    expect(throttler.check(ITEMS, MOBILE)?.code).toBe('T429AP');
    expect(throttler.check(ITEMS)?.code).toBe('T429IN');
  });

  it('APIs and stages without a binding are not throttled', () => {
    const throttler = createThrottler(project({ apiDefault: 1 }), clock().now);
    for (let i = 0; i < 10; i++) expect(throttler.check({ ...ITEMS, stage: 'TEST' })).toBeUndefined();
    for (let i = 0; i < 10; i++) expect(throttler.check({ ...ITEMS, api: 'other' })).toBeUndefined();
  });
});

describe('fixed windows aligned to the unit', () => {
  it.each([
    ['SECOND', 1_000],
    ['MINUTE', 60_000],
    ['HOUR', 3_600_000],
    ['DAY', 86_400_000],
  ] as const)('%s: a new window starts at the next whole unit (UTC)', (unit, unitMs) => {
    const time = clock(Date.UTC(2024, 0, 1) + unitMs - 1);
    const throttler = createThrottler(project({ unit, apiDefault: 2 }), time.now);
    expect(drain(() => throttler.check(ITEMS)).admitted).toBe(2);
    // One millisecond later is the next window, not one unit later.
    time.state.now += 1;
    expect(drain(() => throttler.check(ITEMS)).admitted).toBe(2);
    time.state.now += unitMs - 1;
    expect(throttler.check(ITEMS)?.code).toBe('T429IN');
  });

  it('app and user counters roll over with the window too', () => {
    const time = clock();
    const throttler = createThrottler(project({ unit: 'SECOND', apiDefault: 100, userDefault: 2, appDefault: 1 }), time.now);
    expect(throttler.check(ITEMS, WEB)).toBeUndefined();
    expect(throttler.check(ITEMS, WEB)?.code).toBe('T429AP');
    expect(throttler.check(ITEMS, MOBILE)).toBeUndefined();
    expect(throttler.check(ITEMS, MOBILE)?.code).toBe('T429AP');
    time.state.now += 1_000;
    expect(throttler.check(ITEMS, WEB)).toBeUndefined();
    expect(throttler.check(ITEMS, MOBILE)).toBeUndefined();
  });

  it('a later policy bound to the same API replaces an earlier one', () => {
    const throttler = createThrottler(
      Project.parse({
        format: PROJECT_FORMAT,
        name: 'replace',
        throttlingPolicies: [
          { name: 'first', unit: 'MINUTE', apiDefault: 1, bindings: [ITEMS] },
          { name: 'second', unit: 'MINUTE', apiDefault: 3, bindings: [ITEMS] },
        ],
      }),
      clock().now,
    );
    expect(drain(() => throttler.check(ITEMS)).admitted).toBe(3);
  });
});
