/**
 * The purchase rules that guard money, checked against the facts recorded in docs/, not against
 * shared/purchase: both the console's check (checkPurchase over the region as the host reads it)
 * and the offline cloud's CreateInstance must give the documented answer at each boundary. Should
 * either side drift from the docs, or the two from each other, a case here fails.
 *
 * The facts (docs/alibaba-openapi.md, "Free private IPs and the quota", and docs/gateways.md, "The
 * checks"): a dedicated gateway takes basic 3, professional 5, enterprise 6, platinum 7 free
 * private IPs in each chosen vSwitch, and an account has at most 5 dedicated gateways per region
 * (Huawei APIG's published numbers, a labelled choice: not confirmed for Alibaba).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { type EditionId, type PurchaseContext, type PurchaseRequest, blockersOf, checkPurchase, createInstanceParams } from '../../shared/purchase';
import { type CloudClient, CloudError, createCloudClient } from '../cloud';
import { readPurchaseContext } from './purchase-context';

/** Free private IPs per vSwitch by edition, as docs/alibaba-openapi.md records them. */
const DOCUMENTED_IPS: Record<EditionId, number> = { basic: 3, professional: 5, enterprise: 6, platinum: 7 };
/** Dedicated gateways per region, as docs/gateways.md records it. */
const DOCUMENTED_QUOTA = 5;

let dir: string;
let sim: CloudSim;
let client: CloudClient;
let context: PurchaseContext;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-purchase-docs-'));
  sim = await startCloudSim({ dataDir: dir, demo: true, instanceDelayMs: 0 });
  client = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret }, retry: { attempts: 1 } });
  context = await readPurchaseContext(client);
});
afterEach(async () => {
  client.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const byName = <T extends { name?: string; id: string }>(items: readonly T[], name: string) => items.find((item) => item.name === name)!;

/** One zone, one seeded vSwitch: the free IPs it has are the case. */
function request(edition: EditionId, vSwitchName: string, name = `${edition}-gw`): PurchaseRequest {
  const vSwitch = byName(context.vSwitches, vSwitchName);
  return {
    name,
    edition,
    zones: [vSwitch.zoneId],
    vpcId: vSwitch.vpcId,
    subnets: { [vSwitch.zoneId]: vSwitch.id },
    securityGroupId: context.securityGroups.find((group) => group.vpcId === vSwitch.vpcId)!.id,
    billing: { kind: 'payAsYouGo' },
  };
}

/** What the console says: the codes of its blockers. */
function consoleBlockers(purchase: PurchaseRequest): string[] {
  return blockersOf(checkPurchase(purchase, context)).map((finding) => finding.code);
}

/** What the offline cloud says: 'bought', or its error code. */
async function cloudAnswer(purchase: PurchaseRequest, token: string): Promise<string> {
  try {
    await client.call('CloudAPI', 'CreateInstance', createInstanceParams(purchase, context.vSwitches), { token });
    return 'bought';
  } catch (error) {
    if (error instanceof CloudError) return error.code;
    throw error;
  }
}

describe('free private IPs per vSwitch, by edition (docs: basic 3, professional 5, enterprise 6, platinum 7)', () => {
  // The seeded vSwitches: prod-vsw-h-tiny has 4 free IPs, prod-vsw-i-small 6, staging-vsw-g-full 0.
  const cases: [EditionId, string, number][] = [
    ['basic', 'prod-vsw-h-tiny', 4],
    ['professional', 'prod-vsw-h-tiny', 4],
    ['professional', 'prod-vsw-i-small', 6],
    ['enterprise', 'prod-vsw-i-small', 6],
    ['platinum', 'prod-vsw-i-small', 6],
    ['basic', 'staging-vsw-g-full', 0],
  ];
  it.each(cases)('%s in %s (%i free): the console and the offline cloud answer as the docs say', async (edition, vSwitchName, free) => {
    expect(byName(context.vSwitches, vSwitchName).availableIpCount).toBe(free);
    const fits = free >= DOCUMENTED_IPS[edition];
    const purchase = request(edition, vSwitchName);
    expect(consoleBlockers(purchase).includes('SUBNET_TOO_SMALL'), 'the console refuses for too few IPs').toBe(!fits);
    expect(await cloudAnswer(purchase, `ips-${edition}-${vSwitchName}`)).toBe(fits ? 'bought' : 'InvalidVSwitchId.IpNotEnough');
  });
});

describe(`the quota (docs: ${DOCUMENTED_QUOTA} dedicated gateways per region)`, () => {
  it('lets the console and the offline cloud buy up to the quota, and both refuse the next one', async () => {
    for (let n = 1; n <= DOCUMENTED_QUOTA; n++) {
      context = await readPurchaseContext(client);
      const purchase = request('basic', 'default-vsw-b', `quota-gw-${n}`);
      expect(consoleBlockers(purchase), `gateway ${n}`).toEqual([]);
      expect(await cloudAnswer(purchase, `quota-${n}`)).toBe('bought');
    }
    context = await readPurchaseContext(client);
    const next = request('basic', 'default-vsw-b', 'quota-gw-next');
    expect(consoleBlockers(next)).toEqual(['QUOTA_REACHED']);
    expect(await cloudAnswer(next, 'quota-next')).toBe('QuotaExceeded.Instance');
  });
});
