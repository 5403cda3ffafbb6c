/**
 * Throttling counters outlive a reload of the running gateway: a save (or a deploy in the offline
 * cloud) recompiles the project, and a caller who has spent the quota must not get a fresh one
 * (server.ts keeps the counters as it keeps the used nonces). The gateway is real, on its own
 * port, reloaded the way serve.ts and the console reload it; only the clock is fixed, so the
 * window cannot roll over during the test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, fixtureProject, mockApi, startGateway, type RunningGateway } from './test-support';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 30);

function project(extraApis: ReturnType<typeof mockApi>[] = []) {
  return fixtureProject({
    throttlingPolicies: [{ name: 'twoPerMinute', unit: 'MINUTE', apiDefault: 2, bindings: [{ group: 'demo', api: 'limited', stage: 'RELEASE' }] }],
    apis: [mockApi('limited', 'GET', '/limited'), ...extraApis],
  });
}

let running: RunningGateway | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('throttling across a reload', () => {
  it('refuses the third call of the minute after the gateway reloaded a changed project', async () => {
    running = await startGateway(project(), undefined, { now: () => NOW });
    const limited = () => call(running!.port, '/limited');
    expect((await limited()).status).toBe(200);
    expect((await limited()).status).toBe(200);

    const reloaded = running.gateway.reload(project([mockApi('added', 'GET', '/added')]), { apps: {} });
    expect(reloaded).toMatchObject({ ok: true });
    // The new version serves (the reload took), and the quota spent before it is still spent.
    expect((await call(running.port, '/added')).status).toBe(200);
    const third = await limited();
    expect(third.status).toBe(429);
    expect(third.headers['x-ca-error-code']).toBe('T429IN');
  });

  it('counts afresh for a binding the reload dropped and bound again (its counter is gone with it)', async () => {
    running = await startGateway(project(), undefined, { now: () => NOW });
    expect((await call(running.port, '/limited')).status).toBe(200);
    expect((await call(running.port, '/limited')).status).toBe(200);
    const unbound = fixtureProject({ apis: [mockApi('limited', 'GET', '/limited')] });
    expect(running.gateway.reload(unbound, { apps: {} })).toMatchObject({ ok: true });
    expect((await call(running.port, '/limited')).status).toBe(200);
    expect(running.gateway.reload(project(), { apps: {} })).toMatchObject({ ok: true });
    expect((await call(running.port, '/limited')).status).toBe(200);
  });
});
