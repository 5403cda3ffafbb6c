/**
 * A purchase sends only what the API declares: the host's InstanceService buys, changes and deletes
 * a gateway in the offline cloud, which notes the parameter names each call brought over the wire;
 * each action's names are held to its request model in the official SDK packages (`names()` of
 * `@alicloud/cloudapi20160714` CreateInstanceRequest and the rest; docs/gateways.md "What is
 * sent"). shared/purchase's field lists are held to the same models.
 */
import * as cloudapi from '@alicloud/cloudapi20160714';
import * as ecs from '@alicloud/ecs20140526';
import * as vpcSdk from '@alicloud/vpc20160428';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseProgress } from '../../shared/ipc/instance-views';
import {
  CREATE_INSTANCE_FIELDS,
  DELETE_INSTANCE_FIELDS,
  DESCRIBE_INSTANCES_FIELDS,
  MODIFY_INSTANCE_ATTRIBUTE_FIELDS,
  MODIFY_INSTANCE_SPEC_FIELDS,
  type PurchaseContext,
  type PurchaseRequest,
  TO_CONNECT_VPC_IP_BLOCK_FIELDS,
  ZONE_ENTRY_FIELDS,
} from '../../shared/purchase';
import type { ActionModule } from '../../offline-cloud/action-registry';
import { defaultActionModules } from '../../offline-cloud/actions';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { createCloudClient } from '../cloud/client';
import type { CloudProduct } from '../../shared/cloud/products';
import { InstanceService } from './instance-service';

/** What the RPC protocol adds to every call (docs/alibaba-openapi.md, "Signature v1.0 (pop-core)"), and RegionId, which the client adds only where one endpoint serves every region. */
const COMMON = new Set(['Action', 'Version', 'Format', 'Timestamp', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'AccessKeyId', 'Signature', 'RegionId']);

interface SdkModel {
  names(): Record<string, string>;
}
const SDK: Record<CloudProduct, Record<string, unknown>> = { CloudAPI: cloudapi, Vpc: vpcSdk, Ecs: ecs };

function model(product: CloudProduct, name: string): SdkModel {
  const found = SDK[product][name] as SdkModel | undefined;
  if (!found) throw new Error(`the ${product} SDK has no model ${name}`);
  return found;
}

const declared = (product: CloudProduct, name: string) => Object.values(model(product, name).names()).sort();

interface Received {
  product: CloudProduct;
  action: string;
  names: string[];
}

/** Every built-in action, each noting the names it received before it runs as always. */
function noting(modules: readonly ActionModule[], received: Received[]): ActionModule[] {
  return modules.map((module) => ({
    ...module,
    actions: Object.fromEntries(
      Object.entries(module.actions).map(([action, definition]) => [
        action,
        {
          ...definition,
          handler: (context) => {
            received.push({ product: module.product, action, names: Object.keys(context.params.raw).filter((name) => !COMMON.has(name)) });
            return definition.handler(context);
          },
        },
      ]),
    ),
  }));
}

/** `ZoneVSwitchSecurityGroup.2.VSwitchId` → field `ZoneVSwitchSecurityGroup`, entry key `VSwitchId`. */
function split(name: string): { field: string; key?: string } {
  const match = /^([^.]+)\.\d+(?:\.(.+))?$/.exec(name);
  return match ? { field: match[1], key: match[2] } : { field: name };
}

let dir: string;
let sim: CloudSim;
let service: InstanceService;
const received: Received[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-purchase-wire-'));
  sim = await startCloudSim({ modules: noting(defaultActionModules({ instanceDelayMs: 50 }), received) });
  service = new InstanceService({
    dataDir: dir,
    pollMs: 20,
    openCloud: async () => ({ key: 'endpoint/cn-hangzhou', region: 'cn-hangzhou', client: createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT }) }),
  });
});
afterAll(async () => {
  await service.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe("shared/purchase's field lists", () => {
  it.each<[string, readonly string[]]>([
    ['CreateInstanceRequest', CREATE_INSTANCE_FIELDS],
    ['CreateInstanceRequestZoneVSwitchSecurityGroup', ZONE_ENTRY_FIELDS],
    ['ModifyInstanceAttributeRequest', MODIFY_INSTANCE_ATTRIBUTE_FIELDS],
    ['ModifyInstanceAttributeRequestToConnectVpcIpBlock', TO_CONNECT_VPC_IP_BLOCK_FIELDS],
    ['ModifyInstanceSpecRequest', MODIFY_INSTANCE_SPEC_FIELDS],
    ['DeleteInstanceRequest', DELETE_INSTANCE_FIELDS],
    ['DescribeInstancesRequest', DESCRIBE_INSTANCES_FIELDS],
  ])('are %s exactly', (name, fields) => {
    expect([...fields].sort()).toEqual(declared('CloudAPI', name));
  });
});

describe('a purchase, a change and a delete against the offline cloud', () => {
  it('send only the fields each action declares, and CreateInstance no EIP or bandwidth', async () => {
    const context: PurchaseContext = await service.context();
    const named = <T extends { name?: string }>(items: T[], name: string) => items.find((item) => item.name === name)!;
    const request: PurchaseRequest = {
      name: 'wire-gw',
      edition: 'professional',
      zones: ['cn-hangzhou-j', 'cn-hangzhou-g'],
      vpcId: named(context.vpcs, 'prod-vpc').id,
      subnets: { 'cn-hangzhou-j': named(context.vSwitches, 'prod-vsw-j').id, 'cn-hangzhou-g': named(context.vSwitches, 'prod-vsw-g').id },
      securityGroupId: named(context.securityGroups, 'web-open').id,
      publicGroups: true,
      maintenance: { start: '18:00Z', end: '20:00Z' },
      billing: { kind: 'subscription', duration: 1, cycle: 'month' },
      instanceCidr: '192.168.0.0/16',
    };
    const bought: PurchaseProgress = await service.buy({ request, token: 'wire-purchase-0001' });
    const end = await service.waitForPurchase('wire-purchase-0001');
    expect(end?.state).toBe('running');
    const instanceId = bought.instanceId!;
    await service.modify({ instanceId, change: { name: 'wire-gateway', maintenance: { start: '02:00Z', end: '04:00Z' }, httpsPolicy: 'HTTPS2_TLS1_2', edition: 'enterprise' }, token: 'wire-spec-0001' });
    for (let view = await service.show(instanceId); view.status !== 'RUNNING'; view = await service.show(instanceId)) await new Promise((resolve) => setTimeout(resolve, 20));
    await service.delete({ instanceId, confirmation: 'wire-gateway' });

    const create = received.filter((call) => call.action === 'CreateInstance');
    expect(create).toHaveLength(1);
    expect([...new Set(create[0].names.map((name) => split(name).field))].sort()).toEqual([
      'AutoPay',
      'ChargeType',
      'Duration',
      'HttpsPolicy',
      'InstanceCidr',
      'InstanceName',
      'InstanceSpec',
      'InstanceType',
      'PricingCycle',
      'Token',
      'UserVpcId',
      'ZoneVSwitchSecurityGroup',
    ]);
    expect(create[0].names).not.toEqual(expect.arrayContaining(['AllocationId']));
    expect(create[0].names).not.toEqual(expect.arrayContaining(['InternetMaxBandwidthOut']));
    const modify = received.filter((call) => call.action === 'ModifyInstanceAttribute').map((call) => call.names.sort());
    expect(modify).toEqual([
      ['InstanceId', 'MaintainEndTime', 'MaintainStartTime'],
      ['HttpsPolicy', 'InstanceId', 'InstanceName', 'MaintainEndTime', 'MaintainStartTime'],
    ]);
    expect(received.filter((call) => call.action === 'ModifyInstanceSpec').map((call) => call.names.sort())).toEqual([['InstanceId', 'InstanceSpec', 'ModifyAction', 'Token']]);
    expect(received.filter((call) => call.action === 'DeleteInstance').map((call) => call.names)).toEqual([['InstanceId']]);
    expect(received.map((call) => call.action)).not.toContain('ModifyInstanceVpcAttributeForConsole');
    expect(received.map((call) => call.action)).not.toContain('DescribeEipAddresses');

    // Every call of the flow, reads included, against its own request model.
    const undeclared: string[] = [];
    for (const call of received) {
      const fields = declared(call.product, `${call.action}Request`);
      for (const name of call.names) {
        const { field, key } = split(name);
        if (!fields.includes(field)) undeclared.push(`${call.product} ${call.action}: ${name}`);
        else if (key !== undefined && call.action === 'CreateInstance' && !declared('CloudAPI', 'CreateInstanceRequestZoneVSwitchSecurityGroup').includes(key)) undeclared.push(`CreateInstance: ${name}`);
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });
});
