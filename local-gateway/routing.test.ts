import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fixtureProject, mockApi, startGateway, type RunningGateway } from './test-support';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

describe('routing, one group', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    const project = fixtureProject({
      apis: [
        mockApi('myself', 'GET', '/users/me'),
        mockApi('user', 'GET', '/users/[id]'),
        mockApi('userFiles', 'GET', '/users/[id]/*'),
        mockApi('files', 'GET', '/files/*'),
        mockApi('deleteUser', 'DELETE', '/users/[id]'),
        mockApi('anything', 'ANY', '/any'),
        mockApi('testOnly', 'GET', '/only-test', { stages: ['TEST'] }),
        mockApi('twoVersions', 'GET', '/version', { stages: ['TEST', 'RELEASE'] }),
      ],
    });
    gw = await startGateway(project);
  });
  afterAll(() => gw?.close());

  it('serves the single group on the plain address with a request id', async () => {
    const answer = await call(gw.port, '/users/me');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('myself answered');
    expect(answer.headers['x-ca-request-id']).toMatch(UUID);
    expect(answer.headers['x-ca-error-code']).toBeUndefined();
  });

  it('also serves it on <group>.localhost', async () => {
    const answer = await call(gw.port, '/users/me', { host: `demo.localhost:${gw.port}` });
    expect(answer.body).toBe('myself answered');
  });

  it('prefers exact segments over parameters over wildcards', async () => {
    expect((await call(gw.port, '/users/me')).body).toBe('myself answered');
    expect((await call(gw.port, '/users/42')).body).toBe('user answered');
    expect((await call(gw.port, '/users/42/a/b')).body).toBe('userFiles answered');
    expect((await call(gw.port, '/files/a/b/c')).body).toBe('files answered');
    expect((await call(gw.port, '/files')).body).toBe('files answered');
  });

  it('falls back to a parameter route when the exact route has no such method', async () => {
    expect((await call(gw.port, '/users/me', { method: 'DELETE' })).body).toBe('deleteUser answered');
  });

  it('matches ANY for every method', async () => {
    for (const method of ['GET', 'POST', 'PATCH']) expect((await call(gw.port, '/any', { method })).body).toBe('anything answered');
  });

  it('answers an unknown route with I404NF and the exact message', async () => {
    const answer = await call(gw.port, '/nope/x?y=1');
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404NF');
    expect(answer.headers['x-ca-error-message']).toBe('API not found with `GET /nope/x`');
    expect(answer.headers['x-ca-request-id']).toMatch(UUID);
    expect(answer.body).toBe('');
  });

  it('answers a known path with another method with I404NF, as Alibaba documents', async () => {
    const answer = await call(gw.port, '/files/x', { method: 'POST' });
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404NF');
    expect(answer.headers['x-ca-error-message']).toBe('API not found with `POST /files/x`');
  });

  it('answers a method the gateway does not know with I405UM', async () => {
    const answer = await call(gw.port, '/files/x', { method: 'PROPFIND' });
    expect(answer.status).toBe(405);
    expect(answer.headers['x-ca-error-code']).toBe('I405UM');
    expect(answer.headers['x-ca-error-message']).toBe('Unsupported Method `PROPFIND`');
  });

  it('selects the stage with X-Ca-Stage, RELEASE when absent', async () => {
    expect((await call(gw.port, '/only-test')).headers['x-ca-error-code']).toBe('I404NF');
    expect((await call(gw.port, '/only-test', { headers: { 'X-Ca-Stage': 'TEST' } })).body).toBe('testOnly answered');
    expect((await call(gw.port, '/users/me', { headers: { 'X-Ca-Stage': 'PRE' } })).headers['x-ca-error-code']).toBe('I404NF');
    expect((await call(gw.port, '/version', { headers: { 'X-Ca-Stage': 'TEST' } })).status).toBe(200);
  });

  it('refuses an unknown stage with I400SG', async () => {
    const answer = await call(gw.port, '/users/me', { headers: { 'X-Ca-Stage': 'PROD' } });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-ca-error-code']).toBe('I400SG');
    expect(answer.headers['x-ca-error-message']).toBe('Invalid Stage');
  });

  it('refuses an unknown *.localhost host with I404DO', async () => {
    const answer = await call(gw.port, '/users/me', { host: `other.localhost:${gw.port}` });
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404DO');
    expect(answer.headers['x-ca-error-message']).toBe(`Invalid Domain \`other.localhost:${gw.port}\``);
  });

  it('refuses bad percent-encoding in the path with I400PA', async () => {
    const answer = await call(gw.port, '/users/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.headers['x-ca-error-code']).toBe('I400PA');
    expect(answer.headers['x-ca-error-message']).toBe('Invalid Request Path `/users/%E0%A4%A`');
  });

  it('decodes path segments before matching', async () => {
    expect((await call(gw.port, '/users/%6De')).body).toBe('myself answered');
  });
});

describe('routing, several groups', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    const project = fixtureProject({
      groups: [{ name: 'shop' }, { name: 'Billing_API' }],
      apis: [mockApi('items', 'GET', '/items', { group: 'shop' }), mockApi('invoices', 'GET', '/items', { group: 'Billing_API' })],
    });
    gw = await startGateway(project);
  });
  afterAll(() => gw?.close());

  it('picks the group by Host', async () => {
    expect((await call(gw.port, '/items', { host: `shop.localhost:${gw.port}` })).body).toBe('items answered');
    expect((await call(gw.port, '/items', { host: `billing-api.localhost:${gw.port}` })).body).toBe('invoices answered');
  });

  it('has no group on the plain address', async () => {
    const answer = await call(gw.port, '/items');
    expect(answer.status).toBe(404);
    expect(answer.headers['x-ca-error-code']).toBe('I404DO');
  });
});
