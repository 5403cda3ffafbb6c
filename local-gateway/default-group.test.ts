/**
 * Which group the gateway's own address (127.0.0.1:<port>) answers for, and how the access log
 * says why: the project's default group (localGateway.defaultGroup), else its only group, else none
 * (docs/local-gateway.md, "Groups and hosts"). The rule itself is shared/gateway/local-hosts.ts.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogRecord } from '../shared/gateway/access-log-record';
import { groupHostLabel, groupLabelOfHost, localGroupHost, ownAddressGroup } from '../shared/gateway/local-hosts';
import type { Project } from '../shared/model/schema';
import { call, fixtureProject, fixtureSecrets, mockApi, startGateway, startGatewayProcess, writeProjectFiles, type RunningGateway } from './test-support';

function twoGroups(defaultGroup?: string): Project {
  return fixtureProject({
    groups: [{ name: 'shop' }, { name: 'orders_service' }],
    apis: [mockApi('items', 'GET', '/hello', { group: 'shop' }), mockApi('orders', 'GET', '/hello', { group: 'orders_service' })],
    ...(defaultGroup === undefined ? {} : { localGateway: { defaultGroup } }),
  });
}

describe('the rule (shared/gateway/local-hosts.ts)', () => {
  it('names a group host by its name as a DNS label', () => {
    expect(groupHostLabel('orders_service')).toBe('orders-service');
    expect(groupHostLabel('Billing_API')).toBe('billing-api');
    expect(groupHostLabel('__')).toBe('group');
    expect(localGroupHost('orders_service', 8080)).toBe('orders-service.localhost:8080');
    expect(groupLabelOfHost('orders-service.localhost')).toBe('orders-service');
    expect(groupLabelOfHost('127.0.0.1')).toBeUndefined();
  });

  it('gives the own address to the default group, else to the only group, else to none', () => {
    expect(ownAddressGroup(['shop', 'orders_service'], 'orders_service')).toEqual({ group: 'orders_service', by: 'default-group' });
    expect(ownAddressGroup(['shop'], 'shop')).toEqual({ group: 'shop', by: 'default-group' });
    expect(ownAddressGroup(['shop'], undefined)).toEqual({ group: 'shop', by: 'only-group' });
    // A default that names no group of the project (validation reports it) is not followed.
    expect(ownAddressGroup(['shop'], 'gone')).toEqual({ group: 'shop', by: 'only-group' });
    expect(ownAddressGroup(['shop', 'orders_service'], 'gone')).toBeUndefined();
    expect(ownAddressGroup(['shop', 'orders_service'], undefined)).toBeUndefined();
    expect(ownAddressGroup([], undefined)).toBeUndefined();
  });
});

describe('a two-group project with a default group', () => {
  let gw: RunningGateway;
  const records: AccessLogRecord[] = [];
  beforeAll(async () => {
    gw = await startGateway(twoGroups('orders_service'));
    gw.gateway.on('access', (record) => records.push(record));
  });
  afterAll(() => gw?.close());

  it('answers 127.0.0.1 and localhost with the default group, and logs the Host and why', async () => {
    records.length = 0;
    expect((await call(gw.port, '/hello')).body).toBe('orders answered');
    expect((await call(gw.port, '/hello', { host: `localhost:${gw.port}` })).body).toBe('orders answered');
    expect(records).toMatchObject([
      { host: `127.0.0.1:${gw.port}`, group: 'orders_service', groupBy: 'default-group', status: 200 },
      { host: `localhost:${gw.port}`, group: 'orders_service', groupBy: 'default-group', status: 200 },
    ]);
  });

  it('still answers each group on its own host, where the Host alone says which group', async () => {
    records.length = 0;
    expect((await call(gw.port, '/hello', { host: localGroupHost('shop', gw.port) })).body).toBe('items answered');
    expect((await call(gw.port, '/hello', { host: localGroupHost('orders_service', gw.port) })).body).toBe('orders answered');
    expect(records.map((r) => [r.host, r.group, r.groupBy])).toEqual([
      [`shop.localhost:${gw.port}`, 'shop', undefined],
      [`orders-service.localhost:${gw.port}`, 'orders_service', undefined],
    ]);
  });

  it('follows the default group across reloads, and without one refuses 127.0.0.1 with the Host and message logged', async () => {
    gw.gateway.reload(twoGroups('shop'), fixtureSecrets());
    expect((await call(gw.port, '/hello')).body).toBe('items answered');
    gw.gateway.reload(twoGroups(), fixtureSecrets());
    records.length = 0;
    const refused = await call(gw.port, '/hello');
    expect(refused.status).toBe(404);
    expect(refused.headers['x-ca-error-code']).toBe('I404DO');
    expect(records).toEqual([
      expect.objectContaining({ host: `127.0.0.1:${gw.port}`, errorCode: 'I404DO', errorMessage: `Invalid Domain \`127.0.0.1:${gw.port}\``, group: undefined, groupBy: undefined }),
    ]);
  });
});

describe('a one-group project', () => {
  it("answers its own address with the only group and logs 'only-group'", async () => {
    const gw = await startGateway(fixtureProject({ apis: [mockApi('hello', 'GET', '/hello')] }));
    const records: AccessLogRecord[] = [];
    gw.gateway.on('access', (record) => records.push(record));
    try {
      expect((await call(gw.port, '/hello')).status).toBe(200);
      expect(records[0]).toMatchObject({ group: 'demo', groupBy: 'only-group', host: `127.0.0.1:${gw.port}` });
    } finally {
      await gw.close();
    }
  });
});

describe('apigw-local serve', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'apigw-local-default-group-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('honours localGateway.defaultGroup of the design file, says so at start, and logs why in its access log', async () => {
    const projectPath = await writeProjectFiles(dir, twoGroups('orders_service'));
    const logPath = path.join(dir, 'access.log');
    const running = await startGatewayProcess([projectPath, '--port', '0', '--log', logPath]);
    try {
      const address = `http://127.0.0.1:${running.port}`;
      expect(running.output()).toContain(`group orders_service: http://orders-service.localhost:${running.port}`);
      expect(running.output()).toContain(`${address} answers group orders_service: the project's default group (localGateway.defaultGroup)`);
      expect((await call(running.port, '/hello')).body).toBe('orders answered');
      expect((await call(running.port, '/nothing', { host: 'evil.example' })).status).toBe(404);
    } finally {
      await running.stop();
    }
    const lines = (await readFile(logPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as AccessLogRecord);
    expect(lines[0]).toMatchObject({ host: `127.0.0.1:${running.port}`, group: 'orders_service', groupBy: 'default-group', status: 200 });
    expect(lines[1]).toMatchObject({ host: 'evil.example', errorCode: 'I404DO', errorMessage: 'Invalid Domain `evil.example`' });
  });

  it('says how to reach a group when 127.0.0.1 answers none', async () => {
    const sub = path.join(dir, 'none');
    await rm(sub, { recursive: true, force: true });
    await mkdir(sub);
    const projectPath = await writeProjectFiles(sub, twoGroups());
    const running = await startGatewayProcess([projectPath, '--port', '0']);
    try {
      expect(running.output()).toContain(`http://127.0.0.1:${running.port} answers no group (I404DO): call a group's address, or name one in the design file as localGateway.defaultGroup`);
    } finally {
      await running.stop();
    }
  });
});


