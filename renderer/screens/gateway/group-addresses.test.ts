import { describe, expect, it } from 'vitest';
import { Project } from '../../../shared/model/schema';
import { deployApi } from '../../../shared/model/stages';
import { groupAddresses } from './group-addresses';

const mock = { type: 'MOCK', body: '{}' };
function project(defaultGroup?: string): Project {
  let p = Project.parse({
    format: 'apigw-studio/v1',
    name: 'two',
    groups: [{ name: 'shop', basePath: '/v1' }, { name: 'orders_service' }],
    apis: [
      { group: 'shop', name: 'get_item', request: { method: 'GET', path: '/items/[id]' }, auth: { type: 'ANONYMOUS' }, backend: mock },
      { group: 'shop', name: 'list_items', request: { method: 'GET', path: '/items' }, auth: { type: 'ANONYMOUS' }, backend: mock },
      { group: 'orders_service', name: 'create_order', request: { method: 'POST', path: '/orders' }, auth: { type: 'APP' }, backend: mock },
    ],
    ...(defaultGroup ? { localGateway: { defaultGroup } } : {}),
  });
  p = deployApi(p, { group: 'shop', api: 'get_item' }, 'RELEASE', { at: '2026-01-01T00:00:00.000Z' });
  p = deployApi(p, { group: 'shop', api: 'list_items' }, 'TEST', { at: '2026-01-01T00:00:00.000Z' });
  p = deployApi(p, { group: 'orders_service', api: 'create_order' }, 'TEST', { at: '2026-01-01T00:00:00.000Z' });
  return p;
}

describe('groupAddresses', () => {
  it('gives each group its <label>.localhost address and a curl line per stage that serves an API', () => {
    const [shop, orders] = groupAddresses(project(), 'http://127.0.0.1:4720');
    expect(shop).toMatchObject({ group: 'shop', host: 'shop.localhost', url: 'http://shop.localhost:4720/v1' });
    expect(shop.ownAddress).toBeUndefined();
    expect(shop.stages.map((s) => [s.stage, s.curl])).toEqual([
      ['TEST', "curl -i -H 'X-Ca-Stage: TEST' http://shop.localhost:4720/v1/items"],
      // A path parameter is shown as the design writes it; -g keeps curl from reading [id] as a range.
      ['RELEASE', 'curl -i -g http://shop.localhost:4720/v1/items/[id]'],
    ]);
    expect(orders).toMatchObject({ host: 'orders-service.localhost', url: 'http://orders-service.localhost:4720' });
    expect(orders.stages).toEqual([
      {
        stage: 'TEST',
        api: { name: 'create_order', method: 'POST', path: '/orders', signed: true },
        apiCount: 1,
        curl: "curl -i -X POST -H 'X-Ca-Stage: TEST' http://orders-service.localhost:4720/orders",
      },
    ]);
  });

  it("marks the group the gateway's own address reaches, and why", () => {
    const [shop, orders] = groupAddresses(project('shop'), 'http://127.0.0.1:4720');
    expect(shop.ownAddress).toEqual({ url: 'http://127.0.0.1:4720/v1', by: 'default-group' });
    expect(orders.ownAddress).toBeUndefined();
  });

  it('stands in <port> while the gateway is stopped', () => {
    expect(groupAddresses(project(), undefined)[1].url).toBe('http://orders-service.localhost:<port>');
  });
});
