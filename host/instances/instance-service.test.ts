/**
 * Dedicated gateways through the contract's dispatcher, as the UI calls them, against demo
 * mode's offline cloud (real HTTP, real pop-core): the region read for a purchase, the checks,
 * a purchase followed to RUNNING with its maintenance window, a retried token, the quota,
 * changes and what is refused, a delete, and a purchase picked up again after the host restarted.
 * What goes on the wire, field by field, is purchase-wire.test.ts's.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstanceView, InstancesView, PurchaseCheck, PurchaseProgress } from '../../shared/ipc/instance-views';
import type { PurchaseContext, PurchaseRequest } from '../../shared/purchase';
import { createDispatcher } from '../base/dispatch';
import { type HostServices, createHostServices } from '../app/services';
import { PURCHASES_FILE } from './purchases';

/** Long enough that a purchase is still CREATING when the test closes the host right after buying. */
const INSTANCE_DELAY_MS = 1_500;
const POLL_MS = 40;

let dir: string;
let services: HostServices;

type Outcome = { ok: boolean; error?: { code: string; message: string }; result?: unknown };

async function start(): Promise<HostServices> {
  return createHostServices({ dataDir: join(dir, 'data'), mode: 'browser', demoSim: { instanceDelayMs: INSTANCE_DELAY_MS }, instancePollMs: POLL_MS });
}

function outcome(channel: string, ...args: unknown[]): Promise<Outcome> {
  return createDispatcher(services.handlers).dispatch(channel, args) as Promise<Outcome>;
}

async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  const answer = await outcome(channel, ...args);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error?.code}: ${answer.error?.message}`);
  return answer.result as T;
}

async function refusal(channel: string, ...args: unknown[]): Promise<{ code: string; message: string }> {
  const answer = await outcome(channel, ...args);
  if (answer.ok) throw new Error(`${channel} was expected to be refused but succeeded`);
  return answer.error!;
}

/** The end of a purchase, as the UI learns it: from the host's events. */
function purchaseEnd(token: string): Promise<PurchaseProgress> {
  return new Promise((resolve) => {
    const off = services.events.on('agw:instances.purchase', (progress) => {
      if (progress.token === token && (progress.state === 'running' || progress.state === 'failed')) {
        off();
        resolve(progress);
      }
    });
  });
}

/** Until `done` says yes of the instance (its transitions end in the offline cloud's time). */
async function waitForInstance(instanceId: string, done: (instance: InstanceView | undefined) => boolean): Promise<InstanceView | undefined> {
  for (;;) {
    const listed = (await call<InstancesView>('agw:instances.list')).instances.find((instance) => instance.instanceId === instanceId);
    if (done(listed)) return listed;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function cloudCall<T>(action: string, params: Record<string, unknown>): Promise<T> {
  const session = await services.cloud.session();
  try {
    return await session.client.call<T>('CloudAPI', action, params as never);
  } finally {
    session.client.close();
  }
}

let context: PurchaseContext;
const vSwitch = (name: string) => context.vSwitches.find((item) => item.name === name)!;
const group = (name: string) => context.securityGroups.find((item) => item.name === name)!;
const vpc = (name: string) => context.vpcs.find((item) => item.name === name)!;
async function freeIps(name: string): Promise<number> {
  return (await call<PurchaseContext>('agw:instances.context')).vSwitches.find((item) => item.name === name)!.availableIpCount;
}

/** A professional gateway in prod-vpc, zones j and g, for API groups that take Internet calls. */
function purchase(overrides: Partial<PurchaseRequest> = {}): PurchaseRequest {
  return {
    name: 'orders-gw',
    description: 'Orders API, production',
    edition: 'professional',
    zones: ['cn-hangzhou-j', 'cn-hangzhou-g'],
    vpcId: vpc('prod-vpc').id,
    subnets: { 'cn-hangzhou-j': vSwitch('prod-vsw-j').id, 'cn-hangzhou-g': vSwitch('prod-vsw-g').id },
    securityGroupId: group('web-open').id,
    publicGroups: true,
    maintenance: { start: '18:00Z', end: '20:00Z' },
    billing: { kind: 'payAsYouGo' },
    ...overrides,
  };
}

/** A basic gateway in default-vpc's zone b: five of them fill the quota. */
function basic(n: number): PurchaseRequest {
  return purchase({
    name: `small-gw-${n}`,
    edition: 'basic',
    zones: ['cn-hangzhou-b'],
    vpcId: vpc('default-vpc').id,
    subnets: { 'cn-hangzhou-b': vSwitch('default-vsw-b').id },
    securityGroupId: group('all-open').id,
    publicGroups: false,
    maintenance: undefined,
  });
}

async function buyToRunning(request: PurchaseRequest, token: string): Promise<PurchaseProgress & { instanceId: string }> {
  const ended = purchaseEnd(token);
  const started = await call<PurchaseProgress>('agw:instances.buy', { request, token });
  expect(started).toMatchObject({ token, name: request.name, region: 'cn-hangzhou', state: 'creating' });
  const end = await ended;
  expect(end).toMatchObject({ state: 'running', instanceId: started.instanceId });
  return { ...end, instanceId: end.instanceId! };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-instances-'));
  services = await start();
  context = await call<PurchaseContext>('agw:instances.context');
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('what a purchase needs to know', () => {
  it('reads the region as the offline cloud seeded it: single zones, networks with free IPs, rules, no instances yet; no EIPs (nothing about one goes into a purchase)', () => {
    expect(context.region).toBe('cn-hangzhou');
    expect(context.zones).toEqual(['cn-hangzhou-j', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-k', 'cn-hangzhou-b']);
    expect(context.vpcs.map((item) => [item.name, item.cidr])).toEqual([
      ['prod-vpc', '172.16.0.0/12'],
      ['default-vpc', '192.168.0.0/16'],
      ['staging-vpc', '10.0.0.0/8'],
    ]);
    expect(vSwitch('prod-vsw-h-tiny')).toMatchObject({ vpcId: vpc('prod-vpc').id, zoneId: 'cn-hangzhou-h', availableIpCount: 4, cidr: '172.16.3.0/29' });
    expect(context.vSwitches).toHaveLength(9);
    expect(group('web-open')).toMatchObject({ vpcId: vpc('prod-vpc').id });
    expect(group('web-open').rules).toEqual(
      expect.arrayContaining([
        { direction: 'ingress', protocol: 'TCP', portRange: '80/80', sourceCidr: '0.0.0.0/0', policy: 'Accept', priority: 1 },
        { direction: 'ingress', protocol: 'TCP', portRange: '443/443', sourceCidr: '0.0.0.0/0', policy: 'Accept', priority: 1 },
      ]),
    );
    // Egress rules are not the checks' business.
    expect(group('internal-only').rules).toEqual([{ direction: 'ingress', protocol: 'TCP', portRange: '1/65535', sourceCidr: '172.16.0.0/12', policy: 'Accept', priority: 1 }]);
    expect(context).not.toHaveProperty('eips');
    expect(context).toMatchObject({ instanceCount: 0, quota: 5 });
  });

  it('finds the subnet too small for the edition, in the rules’ own words', async () => {
    const request = purchase({ zones: ['cn-hangzhou-j', 'cn-hangzhou-h'], subnets: { 'cn-hangzhou-j': vSwitch('prod-vsw-j').id, 'cn-hangzhou-h': vSwitch('prod-vsw-h-tiny').id } });
    const { findings } = await call<PurchaseCheck>('agw:instances.check', request);
    const tooSmall = findings.filter((finding) => finding.code === 'SUBNET_TOO_SMALL');
    expect(tooSmall).toEqual([
      {
        level: 'blocker',
        code: 'SUBNET_TOO_SMALL',
        field: 'subnets.cn-hangzhou-h',
        message: `vSwitch ${vSwitch('prod-vsw-h-tiny').id} (prod-vsw-h-tiny, zone cn-hangzhou-h) has 4 free IPs; the professional edition needs 5 in each subnet. Choose a vSwitch with at least 5 free IPs in zone cn-hangzhou-h, or a smaller edition.`,
      },
    ]);
    const refused = await refusal('agw:instances.buy', { request, token: 'too-small-0001' });
    expect(refused.code).toBe('BLOCKED');
    expect(refused.message).toContain(tooSmall[0].message);
    expect((await call<InstancesView>('agw:instances.list')).purchases).toEqual([]);
  });
});

describe('buying', () => {
  it('follows a purchase to RUNNING and sets its maintenance window; the description stays with the app', async () => {
    const progress: PurchaseProgress[] = [];
    services.events.on('agw:instances.purchase', (event) => progress.push(event));
    const end = await buyToRunning(purchase(), 'orders-0001');
    expect(end.message).toBe(`Gateway orders-gw (${end.instanceId}) is running, maintenance window 18:00Z-20:00Z (UTC).`);
    expect(progress.map((event) => event.state)).toEqual(expect.arrayContaining(['submitting', 'creating', 'configuring', 'running']));
    expect(progress.some((event) => /^Waiting for apigateway-cn-\w+ to start: CREATING \(\d+ s\)$/.test(event.message))).toBe(true);

    const shown = await call<InstanceView>('agw:instances.show', { instanceId: end.instanceId });
    expect(shown).toMatchObject({
      instanceId: end.instanceId,
      name: 'orders-gw',
      description: 'Orders API, production',
      spec: 'api.s1.medium',
      status: 'RUNNING',
      instanceType: 'VPC_DEDICATED',
      region: 'cn-hangzhou',
      maintenance: { start: '18:00Z', end: '20:00Z' },
      subnets: { 'cn-hangzhou-j': vSwitch('prod-vsw-j').id, 'cn-hangzhou-g': vSwitch('prod-vsw-g').id },
      securityGroupId: group('web-open').id,
      chargeType: 'PayAsYouGo',
      groups: [],
    });
    // Its outbound public address, as DescribeInstances reports it; no EIP or bandwidth of its own.
    expect(shown.internetEgressAddress).toMatch(/^47\.\d+\.\d+\.\d+$/);
    expect(Object.keys(shown)).not.toEqual(expect.arrayContaining(['publicInbound']));
    const listed = await call<InstancesView>('agw:instances.list');
    expect(listed.quota).toEqual({ used: 1, limit: 5 });
    expect(listed.instances.map((instance) => instance.instanceType)).toEqual(['VPC_SHARED', 'VPC_DEDICATED']);
    expect(listed.purchases).toEqual([expect.objectContaining({ token: 'orders-0001', state: 'running', instanceId: end.instanceId })]);
  });

  it('buys once per token: a second press while the first is on its way, and a rerun after, are the same purchase', async () => {
    const [freeJ, freeG] = [vSwitch('prod-vsw-j').availableIpCount, vSwitch('prod-vsw-g').availableIpCount];
    const ended = purchaseEnd('orders-0002');
    const [first, second] = await Promise.all([call<PurchaseProgress>('agw:instances.buy', { request: purchase(), token: 'orders-0002' }), call<PurchaseProgress>('agw:instances.buy', { request: purchase(), token: 'orders-0002' })]);
    expect(second.instanceId).toBe(first.instanceId);
    await ended;
    const again = await call<PurchaseProgress>('agw:instances.buy', { request: purchase(), token: 'orders-0002' });
    expect(again).toMatchObject({ instanceId: first.instanceId, state: 'running' });

    const demo = await services.cloud.demo.ensure();
    expect(demo.sim.calls.filter((entry) => entry.action === 'CreateInstance')).toHaveLength(1);
    const listed = await call<InstancesView>('agw:instances.list');
    expect(listed.instances.filter((instance) => instance.instanceType === 'VPC_DEDICATED')).toHaveLength(1);
    expect(await freeIps('prod-vsw-j')).toBe(freeJ - 5);
    expect(await freeIps('prod-vsw-g')).toBe(freeG - 5);
  });

  it('sends CreateInstance again with the same token only when the first answer was lost, and gets the same gateway', async () => {
    const demo = await services.cloud.demo.ensure();
    // The cloud bought, then its answer was lost (a 5xx says nothing about whether it bought).
    const freeJ = await freeIps('prod-vsw-j');
    demo.sim.faults.add({ product: 'CloudAPI', action: 'CreateInstance', afterWork: true, error: { code: 'InternalError', message: 'The request processing has failed due to some unknown error.', status: 500 } });
    const lost = await refusal('agw:instances.buy', { request: purchase(), token: 'orders-0003' });
    expect(lost.code).toBe('CLOUD_FAILED');
    expect(lost.message).toContain('Buy again with the same token (orders-0003)');
    expect((await call<InstancesView>('agw:instances.list')).purchases).toEqual([expect.objectContaining({ token: 'orders-0003', state: 'failed', canRetry: true, failure: expect.objectContaining({ code: 'InternalError' }) })]);

    // "Look again" on the Purchases panel: the recorded purchase, with its token, no form needed.
    const ended = purchaseEnd('orders-0003');
    const resent = await call<PurchaseProgress>('agw:instances.retryPurchase', { token: 'orders-0003' });
    expect(resent.state).toBe('creating');
    expect((await ended).state).toBe('running');
    expect(demo.sim.calls.filter((entry) => entry.action === 'CreateInstance')).toHaveLength(2);
    // The resend carried the same token, so the cloud answered with the gateway it had bought: one, with its IPs taken once.
    expect((await call<InstancesView>('agw:instances.list')).quota.used).toBe(1);
    expect(await freeIps('prod-vsw-j')).toBe(freeJ - 5);
  });

  it('ends a purchase the cloud refuses (a 400 on CreateInstance) as refused: nothing bought, no resend offered', async () => {
    const demo = await services.cloud.demo.ensure();
    const freeJ = await freeIps('prod-vsw-j');
    demo.sim.faults.add({ product: 'CloudAPI', action: 'CreateInstance', error: { code: 'InvalidParameter', message: 'The specified parameter is invalid.', status: 400 } });
    const ended = purchaseEnd('orders-0007');
    const refused = await refusal('agw:instances.buy', { request: purchase(), token: 'orders-0007' });
    expect(refused.code).toBe('CLOUD_FAILED');
    expect(refused.message).not.toContain('Buy again with the same token');
    const end = await ended;
    expect(end).toMatchObject({ state: 'failed', message: 'The cloud refused to buy orders-gw; nothing was bought.', failure: expect.objectContaining({ code: 'InvalidParameter' }) });
    expect(end.canRetry).toBeUndefined();
    // The Purchases panel offers no "Look again", and asking for one anyway sends nothing.
    const listed = (await call<InstancesView>('agw:instances.list')).purchases.find((item) => item.token === 'orders-0007');
    expect(listed?.canRetry).toBeUndefined();
    expect((await refusal('agw:instances.retryPurchase', { token: 'orders-0007' })).code).toBe('NOT_FOUND');
    expect(demo.sim.calls.filter((entry) => entry.action === 'CreateInstance').map((entry) => `${entry.token} ${entry.status}`)).toEqual(['orders-0007 400']);
    expect(await freeIps('prod-vsw-j')).toBe(freeJ);
  });

  it('refuses the 6th gateway of the region with the quota rule’s words', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((n) => buyToRunning(basic(n), `small-000${n}`)));
    expect(await freeIps('default-vsw-b')).toBe(250 - 5 * 3);
    const sixth = await refusal('agw:instances.buy', { request: basic(6), token: 'small-0006' });
    expect(sixth.code).toBe('BLOCKED');
    expect(sixth.message).toContain('The account already has 5 dedicated gateways in cn-hangzhou; the quota is 5 per region.');
    // A refusal bought nothing: there is nothing to look at again.
    expect((await refusal('agw:instances.retryPurchase', { token: 'small-0006' })).code).toBe('NOT_FOUND');
    const listed = await call<InstancesView>('agw:instances.list');
    expect(listed.quota).toEqual({ used: 5, limit: 5 });
    expect(listed.purchases.map((item) => item.token)).not.toContain('small-0006');
  });
});

describe('changing and deleting', () => {
  it('renames, sets the window and the description, upgrades the spec taking one more IP per subnet', async () => {
    const { instanceId } = await buyToRunning(purchase(), 'orders-0004');
    const freeJ = await freeIps('prod-vsw-j');

    const renamed = await call<InstanceView>('agw:instances.modify', { instanceId, change: { name: 'orders-gateway', description: 'Renamed', maintenance: { start: '02:00Z', end: '04:00Z' } } });
    expect(renamed).toMatchObject({ name: 'orders-gateway', description: 'Renamed', maintenance: { start: '02:00Z', end: '04:00Z' }, status: 'RUNNING' });

    const bad = await refusal('agw:instances.modify', { instanceId, change: { name: 'orders gateway' } });
    expect(bad.code).toBe('BLOCKED');
    expect(bad.message).toContain('contains " ", which is not allowed');

    const upgraded = await call<InstanceView>('agw:instances.modify', { instanceId, change: { edition: 'enterprise' }, token: 'spec-up-0001' });
    expect(upgraded).toMatchObject({ spec: 'api.s2.large', status: 'MODIFYING' });
    expect(await freeIps('prod-vsw-j')).toBe(freeJ - 1);
    const running = await waitForInstance(instanceId, (instance) => instance?.status === 'RUNNING');
    expect(running).toMatchObject({ spec: 'api.s2.large', name: 'orders-gateway', description: 'Renamed' });
  });

  it('refuses another VPC, saying why, and sends nothing', async () => {
    const { instanceId } = await buyToRunning(purchase(), 'orders-0008');
    const vpcChange = await refusal('agw:instances.modify', { instanceId, change: { vpcId: vpc('default-vpc').id } });
    expect(vpcChange.code).toBe('BLOCKED');
    expect(vpcChange.message).toContain('cannot change to');
    // Nothing was sent but the purchase's maintenance window.
    const demo = await services.cloud.demo.ensure();
    expect(demo.sim.calls.filter((entry) => entry.action?.startsWith('ModifyInstance')).map((entry) => entry.action)).toEqual(['ModifyInstanceAttribute']);
  });

  it('refuses to delete while a group is on the gateway, naming it; then deletes, and the IPs come back', async () => {
    const freeJ = vSwitch('prod-vsw-j').availableIpCount;
    const { instanceId } = await buyToRunning(purchase(), 'orders-0005');
    const created = await cloudCall<{ GroupId: string }>('CreateApiGroup', { GroupName: 'orders_api', InstanceId: instanceId });

    const shown = await call<InstanceView>('agw:instances.show', { instanceId });
    expect(shown.groups).toEqual([{ id: created.GroupId, name: 'orders_api' }]);
    const wrongName = await refusal('agw:instances.delete', { instanceId, confirmation: 'orders' });
    expect(wrongName).toMatchObject({ code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('type its name (orders-gw) to confirm') });
    const bound = await refusal('agw:instances.delete', { instanceId, confirmation: 'orders-gw' });
    expect(bound.code).toBe('BLOCKED');
    expect(bound.message).toContain(`still hosts 1 API group: "orders_api" (${created.GroupId})`);

    await cloudCall('DeleteApiGroup', { GroupId: created.GroupId });
    const deleting = await call<InstanceView>('agw:instances.delete', { instanceId, confirmation: 'orders-gw' });
    expect(deleting).toMatchObject({ instanceId, status: 'DELETING' });
    await waitForInstance(instanceId, (instance) => instance === undefined);
    const after = await call<PurchaseContext>('agw:instances.context');
    expect(after.vSwitches.find((item) => item.name === 'prod-vsw-j')!.availableIpCount).toBe(freeJ);
    expect(after.instanceCount).toBe(0);
    expect((await refusal('agw:instances.show', { instanceId })).code).toBe('NOT_FOUND');
    expect((await refusal('agw:instances.delete', { instanceId: 'api-shared-vpc-001', confirmation: 'api-shared-vpc-001' })).message).toContain("the region's shared instance");
  });
});

describe('a purchase outlives the host', () => {
  it('sends CreateInstance after a restart with the Token of the call before it: the cloud answers the gateway it bought', async () => {
    const demo = await services.cloud.demo.ensure();
    const before = demo.sim.calls;
    // Every attempt is carried out and its answer lost (the client sends a tokened call again itself).
    demo.sim.faults.add({ product: 'CloudAPI', action: 'CreateInstance', afterWork: true, noAnswer: true, times: 'always' });
    expect((await refusal('agw:instances.buy', { request: purchase(), token: 'orders-0008' })).message).toContain('Buy again with the same token (orders-0008)');
    // The host stops (the app is closed or crashes) with the purchase's outcome unknown; it starts again.
    await services.close();
    services = await start();
    const ended = purchaseEnd('orders-0008');
    expect((await call<PurchaseProgress>('agw:instances.retryPurchase', { token: 'orders-0008' })).state).toBe('creating');
    const end = await ended;
    expect(end.state).toBe('running');
    const after = (await services.cloud.demo.ensure()).sim.calls;
    const creates = [...before, ...after].filter((entry) => entry.action === 'CreateInstance');
    expect(creates.map((entry) => entry.token)).toEqual(Array(creates.length).fill('orders-0008'));
    expect(creates.map((entry) => entry.status)).toEqual([0, 0, 0, 0, 200]);
    // One gateway, the one the lost call bought.
    const dedicated = (await call<InstancesView>('agw:instances.list')).instances.filter((instance) => instance.instanceType === 'VPC_DEDICATED');
    expect(dedicated.map((instance) => instance.instanceId)).toEqual([end.instanceId]);
  });

  it('is picked up again when the host starts, followed to RUNNING and given its maintenance window', async () => {
    const started = await call<PurchaseProgress>('agw:instances.buy', { request: purchase(), token: 'orders-0006' });
    expect(started.state).toBe('creating');
    await services.close();
    const kept = JSON.parse(await readFile(join(dir, 'data', PURCHASES_FILE), 'utf8')) as { purchases: { token: string; state: string; instanceId: string }[] };
    expect(kept.purchases).toEqual([expect.objectContaining({ token: 'orders-0006', state: 'creating', instanceId: started.instanceId })]);

    services = await start();
    // The host picks it up as it starts; the list shows how far it got (as the UI sees it after a restart).
    let resumed: PurchaseProgress | undefined;
    while (resumed?.state !== 'running' && resumed?.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      resumed = (await call<InstancesView>('agw:instances.list')).purchases.find((item) => item.token === 'orders-0006');
    }
    expect(resumed).toMatchObject({ state: 'running', instanceId: started.instanceId });
    expect(await call<InstanceView>('agw:instances.show', { instanceId: started.instanceId })).toMatchObject({ maintenance: { start: '18:00Z', end: '20:00Z' }, description: 'Orders API, production' });
    const demo = await services.cloud.demo.ensure();
    expect(demo.sim.calls.filter((entry) => entry.action === 'CreateInstance')).toHaveLength(0);
  });
});
