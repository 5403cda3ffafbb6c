/** `apigw-studio gateway` against a real offline cloud: checks, a purchase and its rerun, changes and a delete, and the exit statuses. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstancesView } from '../../shared/ipc/instance-views';
import type { PurchaseContext, PurchaseRequest } from '../../shared/purchase';
import { createCloudClient } from '../cloud/client';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { InstanceService } from '../instances/instance-service';
import { readPurchaseContext } from '../instances/purchase-context';
import type { CliIo } from './cli-io';
import { Flags, INSTANCE_OPTIONS } from './instance-command-args';
import { runCli } from './main';
import { isolateCredentialEnv } from './testing/credential-env';

isolateCredentialEnv();

let sim: CloudSim;
let dir: string;
let context: PurchaseContext;
beforeEach(async () => {
  sim = await startCloudSim({ instanceDelayMs: 300 });
  dir = await mkdtemp(join(tmpdir(), 'apigw-gateway-cli-'));
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_KEYS });
  context = await readPurchaseContext(client);
  client.close();
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const at = () => ['--endpoint', sim.url, '--region', 'cn-hangzhou', '--data', join(dir, 'data')];
const id = (kind: 'vSwitches' | 'securityGroups' | 'vpcs', name: string) => context[kind].find((item) => item.name === name)!.id;

/** A professional gateway in prod-vpc's zones j and g, for public API groups; `zoneH` puts the second one in the tiny subnet of zone h. */
function purchaseFlags(zoneH = false): string[] {
  const second = zoneH ? `cn-hangzhou-h=${id('vSwitches', 'prod-vsw-h-tiny')}` : `cn-hangzhou-g=${id('vSwitches', 'prod-vsw-g')}`;
  return [
    '--name', 'orders-gw',
    '--edition', 'professional',
    '--vpc', id('vpcs', 'prod-vpc'),
    '--subnet', `cn-hangzhou-j=${id('vSwitches', 'prod-vsw-j')}`,
    '--subnet', second,
    '--security-group', id('securityGroups', 'web-open'),
    '--public-groups',
    '--maintenance', '03:00Z-05:00Z',
  ];
}

const DEMO_KEYS = { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret };

/** The request the purchase flags stand for, as the CLI reads them. */
function requestOf(flags: string[]): PurchaseRequest {
  const parsed = parseArgs({ args: flags, options: INSTANCE_OPTIONS, strict: true });
  return new Flags('buy', parsed.values).purchaseRequest();
}

const creates = () => sim.calls.filter((call) => call.action === 'CreateInstance' && call.status === 200);

describe('apigw-studio gateway, usage', () => {
  it('explains itself in --help', async () => {
    const help = await cli('gateway', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: apigw-studio gateway <list|show|check|buy|modify|delete> [ID] --region R');
    for (const text of ['buy <purchase flags>', '--subnet ZONE=VSW', '--token T', '--maintenance A-B', 'Exit status: 0 done, 1 refused or failed']) expect(help.stdout).toContain(text);
    expect((await cli('--help')).stdout).toMatch(/^ {2}gateway <list\|show\|check\|buy\|modify\|delete> \[ID\] --region R +Buy, list, change and delete dedicated gateways/m);
  });

  it.each([
    [['gateway'], /apigw-studio gateway: which\? give one of list, show, check, buy, modify, delete/],
    [['gateway', 'frob'], /"frob" is not a gateway command/],
    [['gateway', 'list'], /gateway list: which region\? give --region R/],
    [['gateway', 'show', '--region', 'cn-hangzhou'], /gateway show: give the gateway's id/],
    [['gateway', 'list', '--region', 'cn-hangzhou', '--name', 'x'], /--name does not apply to list/],
    [['gateway', 'check', '--region', 'cn-hangzhou', '--subnet', 'vsw-1'], /--subnet takes ZONE=VSWITCH/],
    [['gateway', 'buy', '--region', 'cn-hangzhou', '--token', 'short'], /--token "short" is not a purchase token/],
    [['gateway', 'buy', '--region', 'cn-hangzhou', '--billing', 'subscription'], /needs --duration N/],
    [['gateway', 'buy', '--region', 'cn-hangzhou', '--eip', 'eip-1'], /--eip: Alibaba Cloud has no EIP on a dedicated instance; internet access is per API group: switch it on in the Groups screen .* and run apigw-studio apply\./],
    [['gateway', 'check', '--region', 'cn-hangzhou', '--bandwidth', '20'], /--bandwidth: Alibaba Cloud has no bandwidth setting on a dedicated instance \(its outbound Internet bandwidth comes with the spec/],
    [['gateway', 'modify', 'apigateway-cn-abc', '--region', 'cn-hangzhou', '--eip', 'eip-2'], /--eip: Alibaba Cloud has no EIP on a dedicated instance/],
    [['gateway', 'modify', 'apigateway-cn-abc', '--region', 'cn-hangzhou', '--security-group', 'sg-2'], /--security-group: Alibaba Cloud has no call that moves a dedicated instance to another security group/],
    [['gateway', 'modify', 'apigateway-cn-abc', '--region', 'cn-hangzhou', '--public-groups'], /--public-groups does not apply to modify/],
  ])('exits 2 on %j', async (args, message) => {
    const { code, stderr } = await cli(...args, ...(args.includes('--region') ? ['--endpoint', sim.url] : []));
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });
});

describe('apigw-studio gateway check and buy', () => {
  it('check prints every finding and exits 1 on a blocker, 0 without one', async () => {
    const blocked = await cli('gateway', 'check', ...purchaseFlags(true), ...at());
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/^BLOCKER {2}subnets\.cn-hangzhou-h +vSwitch vsw-\w+ \(prod-vsw-h-tiny, zone cn-hangzhou-h\) has 4 free IPs; the professional edition needs 5 in each subnet\./m);
    expect(blocked.stdout).toMatch(/^info +quota +This will be dedicated gateway 1 of 5 allowed in cn-hangzhou\.$/m);
    expect(blocked.stdout).toMatch(/^1 blocker, 0 warnings, \d+ notes\.$/m);

    const fine = await cli('gateway', 'check', ...purchaseFlags(), ...at());
    expect(fine.code).toBe(0);
    expect(fine.stdout).toContain('Checking gateway "orders-gw" in cn-hangzhou:');
    expect(fine.stdout).toMatch(/^info +edition +The professional edition \(api\.s1\.medium\)/m);
    expect(fine.stdout).not.toContain('BLOCKER');
    expect(fine.stdout).toMatch(/^info +internet +Alibaba Cloud sells no EIP or bandwidth with a dedicated gateway: Internet access is switched on or off per API group/m);
    // --public-groups asks the checks about ports 80 and 443: internal-only keeps them shut.
    const closed = await cli('gateway', 'check', ...purchaseFlags().map((flag) => (flag === id('securityGroups', 'web-open') ? id('securityGroups', 'internal-only') : flag)), ...at());
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(/^warning +securityGroup +.*add inbound rule: TCP 443\/443 from 0\.0\.0\.0\/0, Accept/m);

    const json = JSON.parse((await cli('gateway', 'check', ...purchaseFlags(true), ...at(), '--json')).stdout) as { findings: { code: string; level: string }[] };
    expect(json.findings).toContainEqual(expect.objectContaining({ code: 'SUBNET_TOO_SMALL', level: 'blocker' }));
  });

  it('buy refuses on a blocker, printing the findings, and buys nothing', async () => {
    const refused = await cli('gateway', 'buy', ...purchaseFlags(true), ...at(), '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('has 4 free IPs; the professional edition needs 5 in each subnet');
    expect(refused.stderr).toContain('apigw-studio gateway buy: not buying: fix the blockers above');
    expect(creates()).toEqual([]);
  });

  it('buy asks first, and without a terminal refuses unless --yes', async () => {
    const unasked = await cli('gateway', 'buy', ...purchaseFlags(), ...at());
    expect(unasked.code).toBe(1);
    expect(unasked.stderr).toContain('not changing the cloud without a confirmation, and there is no terminal to ask on; run it again with --yes');
    expect(creates()).toEqual([]);
  });

  it('buys with a new token, waits for RUNNING, and a rerun with that token is the same gateway', async () => {
    const bought = await cli('gateway', 'buy', ...purchaseFlags(), ...at(), '--yes', '--poll', '0.05');
    expect(bought.code).toBe(0);
    const token = /^Purchase token: ([0-9a-f-]{36})$/m.exec(bought.stdout)?.[1];
    expect(token).toBeDefined();
    expect(bought.stdout).toContain(`run the same command with --token ${token} to follow it again`);
    expect(bought.stdout).toMatch(/^Waiting for apigateway-cn-\w+ to start: CREATING \(\d+ s\)$/m);
    const instanceId = /^Gateway orders-gw \((apigateway-cn-\w+)\) is running, maintenance window 03:00Z-05:00Z \(UTC\)\.$/m.exec(bought.stdout)?.[1];
    expect(instanceId).toBeDefined();

    const rerun = await cli('gateway', 'buy', ...purchaseFlags(), ...at(), '--yes', '--token', token!);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`Token ${token} is the purchase of orders-gw (${instanceId}), running: the same purchase, nothing more is bought.`);
    expect(creates()).toHaveLength(1);

    const listed = JSON.parse((await cli('gateway', 'list', ...at(), '--json')).stdout) as InstancesView;
    expect(listed.instances.filter((instance) => instance.instanceType === 'VPC_DEDICATED').map((instance) => instance.instanceId)).toEqual([instanceId]);
    expect(listed.quota).toEqual({ used: 1, limit: 5 });
  });

  it('after a lost answer, a rerun with the printed token sends it again and gets one gateway', async () => {
    sim.faults.add({ product: 'CloudAPI', action: 'CreateInstance', error: { code: 'InternalError', message: 'The request processing has failed due to some unknown error.', status: 500 } });
    const lost = await cli('gateway', 'buy', ...purchaseFlags(), ...at(), '--yes', '--poll', '0.05');
    expect(lost.code).toBe(1);
    const token = /^Purchase token: ([0-9a-f-]{36})$/m.exec(lost.stdout)?.[1];
    expect(lost.stderr).toContain(`Buy again with the same token (${token})`);

    const again = await cli('gateway', 'buy', ...at(), '--token', token!, '--poll', '0.05');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Token ${token} is the purchase of orders-gw, whose outcome is not known: sending it again with the same token and parameters`);
    expect(again.stdout).toMatch(/^Gateway orders-gw \(apigateway-cn-\w+\) is running/m);
    expect(sim.calls.filter((call) => call.action === 'CreateInstance').map((call) => call.status)).toEqual([500, 200]);
  });

  it('a rerun with the token of a purchase left under way follows it to RUNNING instead of buying again', async () => {
    // A purchase the CLI (or the console) stopped following while the gateway was still being built.
    await sim.close();
    sim = await startCloudSim({ instanceDelayMs: 1_500 });
    const token = 'cli-token-0001';
    const service = new InstanceService({
      dataDir: join(dir, 'data'),
      openCloud: async () => ({ key: 'endpoint/cn-hangzhou', region: 'cn-hangzhou', client: createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_KEYS }) }),
    });
    const flags = purchaseFlags();
    const started = await service.buy({ request: requestOf(flags), token });
    await service.close();
    expect(started.state).toBe('creating');

    const again = await cli('gateway', 'buy', ...at(), '--token', token, '--poll', '0.05');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Token ${token} is the purchase of orders-gw (${started.instanceId}), creating: the same purchase, nothing more is bought.`);
    expect(again.stdout).toContain(`Gateway orders-gw (${started.instanceId}) is running, maintenance window 03:00Z-05:00Z (UTC).`);
    const json = JSON.parse((await cli('gateway', 'buy', ...at(), '--token', token, '--json')).stdout) as unknown;
    expect(json).toMatchObject({ token, known: true, purchase: { state: 'running', instanceId: started.instanceId } });
    expect(creates()).toHaveLength(1);
  });
});

describe('apigw-studio gateway list, show, modify and delete', () => {
  it('lists, shows, renames and upgrades, then deletes with --yes', async () => {
    expect((await cli('gateway', 'buy', ...purchaseFlags(), ...at(), '--yes', '--poll', '0.05')).code).toBe(0);
    const listed = await cli('gateway', 'list', ...at());
    expect(listed.code).toBe(0);
    const row = /^(apigateway-cn-\w+) +orders-gw +Professional \(api\.s1\.medium\) +RUNNING +cn-hangzhou-j,cn-hangzhou-g +0$/m.exec(listed.stdout);
    expect(row).not.toBeNull();
    const instanceId = row![1];
    expect(listed.stdout).toMatch(/^api-shared-vpc-001 +api-shared-vpc-001 +shared +RUNNING +- +0$/m);
    expect(listed.stdout).toContain('1 of 5 dedicated gateways allowed in cn-hangzhou.');

    const shown = await cli('gateway', 'show', instanceId, ...at());
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Gateway orders-gw (${instanceId})`);
    expect(shown.stdout).toMatch(/^ {2}Maintenance: +03:00Z-05:00Z \(UTC\)$/m);
    expect(shown.stdout).toMatch(/^ {2}API groups: +none$/m);
    expect(shown.stdout).toMatch(/^ {2}Internet access: +per API group \(the Groups screen; sync sends ModifyApiGroupNetworkPolicy\)$/m);
    expect(shown.stdout).toMatch(/^ {2}Outbound IP: +47\.\d+\.\d+\.\d+$/m);
    expect(shown.stdout).toMatch(/^ {2}Outbound limit: +100 Mbit\/s \(the spec's\)$/m);
    expect(shown.stdout).not.toMatch(/EIP|Public inbound/);

    const modified = await cli('gateway', 'modify', instanceId, ...at(), '--name', 'orders-gateway', '--edition', 'enterprise', '--yes', '--poll', '0.05');
    expect(modified.code).toBe(0);
    expect(modified.stdout).toContain(`Changed gateway orders-gateway (${instanceId}).`);
    expect(modified.stdout).toMatch(/^ {2}Spec: +Enterprise \(api\.s2\.large\)$/m);
    expect(modified.stdout).toMatch(/^ {2}Status: +RUNNING$/m);

    const windowed = await cli('gateway', 'modify', instanceId, ...at(), '--maintenance', '02:00Z-04:00Z', '--https-policy', 'HTTPS2_TLS1_2', '--yes', '--json');
    expect(windowed.code).toBe(0);
    expect(JSON.parse(windowed.stdout)).toMatchObject({ maintenance: { start: '02:00Z', end: '04:00Z' }, httpsPolicy: 'HTTPS2_TLS1_2', status: 'RUNNING' });

    const unasked = await cli('gateway', 'delete', instanceId, ...at());
    expect(unasked.code).toBe(1);
    const deleted = await cli('gateway', 'delete', instanceId, ...at(), '--yes', '--poll', '0.05');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`Gateway orders-gateway (${instanceId}) is deleted; its private IPs are free again.`);
    expect((await cli('gateway', 'show', instanceId, ...at())).stderr).toContain(`There is no gateway ${instanceId} in cn-hangzhou`);
  });
});
