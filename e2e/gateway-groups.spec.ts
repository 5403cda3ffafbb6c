/**
 * A project with two groups on the local gateway (issue 17, trap 1): the screen lists each group's
 * address per stage with a curl line that answers 200 when sent as shown; 127.0.0.1 is refused
 * (I404DO) until a group is chosen for it, and the log's detail of the refusal shows the Host, the
 * error code and message and what to do; once chosen (and kept in the design file) 127.0.0.1
 * answers that group and the log says why. A backend that is not running (D504CO) is explained
 * where the 504 is seen. Screenshots at 1024 and 1440 px, light and dark.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import { Project } from '../shared/model/schema';
import { deployApi } from '../shared/model/stages';
import { serializeProject } from '../shared/project-file';
import { type ConsoleServer, startConsole, stopConsole } from './console-server';
import { ConsoleApp } from './pages/console-app';
import { GatewayDebuggerPage } from './pages/gateway-debugger-page';
import { GatewayPage } from './pages/gateway-page';
import { GroupAddresses } from './pages/group-addresses';

const SHOTS = process.env.SHOTS_DIR ?? join(tmpdir(), 'shots-17a');

/** A port nothing listens on, for an HTTP backend that is not running. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function twoGroupProject(backendPort: number): Project {
  const mock = (body: string) => ({ type: 'MOCK', body });
  let project = Project.parse({
    format: 'apigw-studio/v1',
    name: 'two_groups',
    groups: [{ name: 'shop', basePath: '/v1' }, { name: 'orders_service' }],
    apis: [
      { group: 'shop', name: 'list_items', request: { method: 'GET', path: '/items' }, auth: { type: 'ANONYMOUS' }, backend: mock('{"group":"shop"}') },
      { group: 'orders_service', name: 'list_orders', request: { method: 'GET', path: '/orders' }, auth: { type: 'ANONYMOUS' }, backend: mock('{"group":"orders_service"}') },
      {
        group: 'orders_service',
        name: 'get_user',
        request: { method: 'GET', path: '/users/[id]' },
        auth: { type: 'ANONYMOUS' },
        parameters: [{ name: 'id', location: 'PATH', type: 'String', required: true }],
        backend: { type: 'HTTP', address: `http://127.0.0.1:${backendPort}`, path: '/users/[id]', method: 'GET', timeout: 5000 },
      },
    ],
  });
  const at = '2026-12-01T00:00:00.000Z';
  for (const stage of ['TEST', 'RELEASE'] as const) project = deployApi(project, { group: 'shop', api: 'list_items' }, stage, { at });
  for (const stage of ['PRE', 'RELEASE'] as const) project = deployApi(project, { group: 'orders_service', api: 'list_orders' }, stage, { at });
  project = deployApi(project, { group: 'orders_service', api: 'get_user' }, 'RELEASE', { at });
  return project;
}

/** Resolves every name to 127.0.0.1, as curl and browsers resolve `*.localhost` (Node asks the system, which may not). */
const toThisMachine = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as http.RequestOptions['lookup'];

/** Sends what a curl line says (its URL, -X and -H), resolving `*.localhost` to this machine as curl does. */
function sendCurlLine(line: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(/(http:\/\/\S+)$/.exec(line)![1]);
  const headers: Record<string, string> = {};
  for (const [, name, value] of line.matchAll(/-H '([^:]+): ([^']*)'/g)) headers[name] = value;
  const method = /-X (\S+)/.exec(line)?.[1] ?? 'GET';
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, lookup: toThisMachine },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    }).on('error', reject);
  });
}

async function shots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${name}-${width}-${scheme}.png`), animations: 'disabled' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

const test = base.extend<{ server: ConsoleServer & { projectPath: string; backendPort: number } }>({
  server: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'agw-e2e-groups-'));
    const backendPort = await closedPort();
    const projectPath = join(dir, 'two_groups.apigw.yaml');
    await writeFile(projectPath, serializeProject(twoGroupProject(backendPort)));
    const { server, child } = await startConsole(join(dir, 'data'), ['--project', projectPath]);
    try {
      await use({ ...server, projectPath, backendPort });
    } finally {
      await stopConsole(child);
      await rm(dir, { recursive: true, force: true });
    }
  },
});

test('a second group: each shown address answers, 127.0.0.1 is explained, then answers the group picked for it', async ({ page, server, context }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const app = new ConsoleApp(page);
  const gateway = new GatewayPage(page);
  const addresses = new GroupAddresses(page);
  await app.open(server);
  await app.goTo('Local gateway');

  // Stopped: the rule and the hosts are there, with <port>.
  await expect(addresses.section).toContainText('orders_service → orders-service.localhost');
  await shots(page, 'group-addresses-stopped');
  await expect(addresses.address('orders_service')).toHaveText('http://orders-service.localhost:<port>');
  await gateway.start();
  const url = await gateway.url();
  const port = new URL(url).port;

  // Every group, every stage it serves: the shown curl line answers 200 with that group's API.
  await expect(addresses.address('shop')).toHaveText(`http://shop.localhost:${port}/v1`);
  await expect(addresses.address('orders_service')).toHaveText(`http://orders-service.localhost:${port}`);
  const shown = [
    ['shop', 'TEST', '{"group":"shop"}'],
    ['shop', 'RELEASE', '{"group":"shop"}'],
    ['orders_service', 'PRE', '{"group":"orders_service"}'],
    ['orders_service', 'RELEASE', '{"group":"orders_service"}'],
  ] as const;
  await expect(addresses.section.getByLabel(/^curl for /)).toHaveCount(shown.length);
  for (const [group, stage, body] of shown) {
    const line = (await addresses.curl(group, stage).textContent()) ?? '';
    expect(line).toContain(`.localhost:${port}`);
    const answer = await sendCurlLine(line);
    expect(answer, `${line} answered ${answer.status} ${String(answer.headers['x-ca-error-code'] ?? '')}`).toMatchObject({ status: 200, body });
    // And with curl itself, as a person would paste it.
    if (existsSync('/usr/bin/curl')) {
      const { stdout } = await promisify(execFile)('sh', ['-c', `${line} -s -o /dev/null -w '%{http_code}'`]);
      expect(stdout, line).toBe('200');
    }
  }
  // The copy button copies what is shown.
  await addresses.group('shop').getByRole('button', { name: 'Copy curl for shop in TEST' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await addresses.curl('shop', 'TEST').textContent());

  // 127.0.0.1 with two groups and none picked: I404DO, and the log's detail says why and what to do.
  await expect(addresses.defaultGroup).toHaveText('None: answers no group');
  const refused = await get(`${url}/orders`);
  expect(refused.headers['x-ca-error-code']).toBe('I404DO');
  await gateway.showLog();
  await gateway.logRows('I404DO').first().click();
  const detail = page.getByRole('dialog', { name: /GET \/orders → 404/ });
  await expect(detail).toContainText(`127.0.0.1:${port}`);
  await expect(detail).toContainText('I404DO');
  await expect(detail).toContainText(`Invalid Domain \`127.0.0.1:${port}\``);
  await expect(detail.getByRole('alert', { name: 'What this answer means' })).toContainText('names no group of this project');
  await shots(page, 'log-detail-i404do');
  await detail.getByRole('button', { name: 'Close' }).click();

  // Pick orders_service for 127.0.0.1: kept in the design file, served after the save, and logged with why.
  await addresses.chooseDefaultGroup('orders_service');
  await expect(app.unsaved).toHaveCount(0);
  await expect(addresses.group('orders_service')).toContainText(`also ${url}`);
  await expect(addresses.group('orders_service').getByLabel(`orders_service also answers on ${url}: the project's default group (localGateway.defaultGroup)`)).toBeVisible();
  expect(await readFile(server.projectPath, 'utf8')).toMatch(/^localGateway:\n {2}defaultGroup: orders_service$/m);
  await expect.poll(async () => (await get(`${url}/orders`)).status).toBe(200);
  await page.getByRole('button', { name: 'Clear log' }).click();
  expect((await get(`${url}/orders`)).status).toBe(200);
  await gateway.logRows('/orders').first().click();
  const answered = page.getByRole('dialog', { name: /GET \/orders → 200/ });
  await expect(answered).toContainText("127.0.0.1: the project's default group (localGateway.defaultGroup)");
  await answered.getByRole('button', { name: 'Close' }).click();
  await shots(page, 'group-addresses');

  // The API whose backend is not running: the 504 says what it means and how to start one.
  expect((await get(`${url}/users/42`)).headers['x-ca-error-code']).toBe('D504CO');
  await gateway.logRows('D504CO').first().click();
  const backendDetail = page.getByRole('dialog', { name: /GET \/users\/42 → 504/ });
  await expect(backendDetail).toContainText(`Connection refused 127.0.0.1:${server.backendPort}`);
  await expect(backendDetail.getByLabel('Command to start a backend')).toHaveText(`python3 -m http.server ${server.backendPort} --bind 127.0.0.1`);
  await shots(page, 'log-detail-d504co');
  await backendDetail.getByRole('button', { name: 'Close' }).click();

  // The same 504 in the debugger's answer.
  const debug = new GatewayDebuggerPage(page);
  await gateway.showDebugger();
  // Beside the debugger the addresses fold away (the form needs the height); the summary stays.
  await expect(addresses.section.getByRole('list', { name: 'Groups and their addresses' })).toHaveCount(0);
  await expect(addresses.section).toContainText('2 groups; 127.0.0.1 answers orders_service');
  await debug.choose('Group', 'orders_service');
  await debug.chooseApi('get_user', 'RELEASE');
  await debug.field('Path parameter id').fill('42');
  await debug.send();
  await expect(debug.responseStatus).toHaveText('504');
  const meaning = page.getByRole('alert', { name: 'What this answer means' });
  await expect(meaning).toContainText(`could not reach the API\u2019s HTTP backend at 127.0.0.1:${server.backendPort}`);
  await expect(meaning.getByLabel('Command to start a backend')).toHaveText(`python3 -m http.server ${server.backendPort} --bind 127.0.0.1`);
  await shots(page, 'debugger-d504co');
  expect(errors).toEqual([]);
});
