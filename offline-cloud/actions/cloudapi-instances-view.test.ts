/**
 * DescribeInstances' VpcOwnerId, checked against the official SDK model: a Long, so a JSON number,
 * never the digits as text.
 */
import { DescribeInstancesResponseBodyInstancesInstanceAttribute } from '@alicloud/cloudapi20160714';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from '../cloud-sim';
import { DEMO_ACCOUNT } from '../sim-accounts';
import { type GatewayCalls, gatewayCalls } from '../testing/gateway-calls';

let sim: CloudSim;
let cloud: GatewayCalls;
beforeAll(async () => {
  sim = await startCloudSim();
  cloud = gatewayCalls(sim);
});
afterAll(async () => {
  cloud.client.close();
  await sim.close();
});

describe('CloudAPI DescribeInstances item types', () => {
  it('answers VpcOwnerId as a number (the model declares number), the caller\'s account id', async () => {
    expect(DescribeInstancesResponseBodyInstancesInstanceAttribute.types().vpcOwnerId).toBe('number');
    const answer = await cloud.call<{ Instances: { InstanceAttribute: Record<string, unknown>[] } }>('DescribeInstances', {});
    const shared = answer.Instances.InstanceAttribute.find((instance) => instance.InstanceType === 'VPC_SHARED');
    expect(shared?.VpcOwnerId).toBe(Number(DEMO_ACCOUNT.accountId));
  });
});
