/**
 * Journeys through the console's frame and the APIs screen, in browser mode against a real
 * `apigw-studio ui` with a fresh data dir (the quickstart in demo mode).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { expect, test, screenshot } from './fixtures';
import { API_TAB_LABELS, ApisPage } from './pages/apis-page';
import { AREA_LABELS, type AreaLabel, ConsoleApp } from './pages/console-app';

const QUICKSTART_APIS = ['hello', 'secure_hello', 'limited', 'get_user'];

test('opens on the quickstart with every area, offline and without errors', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);

  await expect(page).toHaveTitle('API Gateway Studio');
  const links = app.nav.getByRole('button');
  await expect(links).toHaveText([...AREA_LABELS]);
  await expect(page.getByRole('status', { name: 'Unsaved changes' })).toHaveCount(0);
  for (const name of QUICKSTART_APIS) await expect(apis.row(name)).toBeVisible();
  await expect(page.getByText('Demo project')).toBeVisible();
  await screenshot(page, 'apis-list');

  // Every tab of the editor renders; the code editors load Monaco from the app itself.
  await apis.openApi('hello');
  for (const label of API_TAB_LABELS) {
    await apis.tab(label);
    if (label === 'Backend') await expect(page.getByRole('textbox', { name: 'Mock body of hello' })).toBeAttached();
    if (label === 'YAML') await expect(page.getByRole('textbox', { name: 'YAML of API hello' })).toBeAttached();
    await screenshot(page, `api-editor-${label.toLowerCase()}`);
  }

  // Search finds an API by path and goes to it.
  await apis.backToList();
  const search = await app.search('/users');
  await expect(search.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'get_user' })).toBeVisible();

  // Every other area renders its own screen: its heading, and no crash notice in its place.
  const headings: Record<Exclude<AreaLabel, 'APIs'>, string> = {
    Groups: 'Groups', Stages: 'Stages', Throttling: 'Throttling', Apps: 'Apps', Plugins: 'Plug-ins',
    'Local gateway': 'Local gateway', Cloud: 'Cloud', Gateways: 'Gateways', Settings: 'Settings',
  };
  for (const [area, heading] of Object.entries(headings) as [Exclude<AreaLabel, 'APIs'>, string][]) {
    await app.goTo(area);
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(page.getByText(/screen stopped working/)).toHaveCount(0);
  }
  await screenshot(page, 'settings');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('creates a group and a mock API, saves, and finds both after a reload and in the file', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);

  await app.goTo('Groups');
  await page.getByRole('button', { name: 'New group' }).click();
  const groupDialog = page.getByRole('dialog', { name: 'New group' });
  await groupDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('orders_api');
  await groupDialog.getByRole('button', { name: 'Create group' }).click();
  await expect(groupDialog).toBeHidden();
  await expect(app.unsaved).toBeVisible();

  await app.goTo('APIs');
  await apis.createApi({ group: 'orders_api', name: 'get_order', path: '/orders/[orderId]' });
  await expect(page.getByRole('heading', { name: 'get_order' })).toBeVisible();
  await apis.tab('Backend');
  await expect(page.getByRole('button', { name: 'Mock', pressed: true })).toBeVisible();
  await apis.tab('Parameters');
  await expect(page.getByRole('textbox', { name: 'Parameter orderId name' })).toHaveValue('orderId');

  // Undo and redo from the keyboard, outside a text field.
  await page.getByRole('tab', { name: 'Parameters' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('API get_order is not in the project')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(page.getByRole('heading', { name: 'get_order' })).toBeVisible();

  // Visibility: PRIVATE unless chosen; the field says what PUBLIC means. Shown at 1440 and 1024, light and dark.
  await apis.tab('Basics');
  const visibility = page.getByRole('tabpanel').getByRole('combobox', { name: 'Visibility', exact: true });
  await expect(visibility).toHaveText(/^PRIVATE/);
  await visibility.click();
  await page.getByRole('option', { name: /^PUBLIC/ }).click();
  await expect(visibility).toHaveText(/^PUBLIC/);
  await expect(page.getByRole('tabpanel').getByText(/PUBLIC lists the API publicly in the API Marketplace once it is deployed to RELEASE/)).toBeVisible();
  await shootAtWidths(page, 'api-visibility');

  // ANY runs locally but cannot be synced: said at the Method field, and the design keeps no problem.
  await apis.tab('Request');
  const method = page.getByRole('tabpanel').getByRole('combobox', { name: 'Method', exact: true });
  await method.click();
  await page.getByRole('option', { name: 'ANY', exact: true }).click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveText(/^ANY is served by the local gateway only: Alibaba Cloud takes one request method per API/);
  await expect(app.problemsButton()).toHaveText('No problems');
  await shootAtWidths(page, 'api-method-any');
  await method.click();
  await page.getByRole('option', { name: 'GET', exact: true }).click();
  await expect(page.getByRole('tabpanel').getByText(/served by the local gateway only/)).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+s');
  await expect(app.unsaved).toHaveCount(0);

  await page.reload();
  await expect(app.nav).toBeVisible();
  // The reload keeps the screen: the API just saved, in its editor.
  await expect(apis.field('Name')).toHaveValue('get_order');
  await apis.backToList();
  await apis.filter.fill('orders');
  await expect(apis.row('get_order')).toBeVisible();
  await expect(apis.list.getByRole('row')).toHaveCount(2); // the header and get_order

  const saved = parse(await readFile(server.projectFile, 'utf8')) as { groups: { name: string }[]; apis: { name: string; group: string; visibility?: string; request: { path: string }; backend: { type: string } }[] };
  expect(saved.groups.map((g) => g.name)).toContain('orders_api');
  expect(saved.apis).toContainEqual(
    expect.objectContaining({ name: 'get_order', group: 'orders_api', visibility: 'PUBLIC', request: expect.objectContaining({ path: '/orders/[orderId]', method: 'GET' }), backend: expect.objectContaining({ type: 'MOCK' }) }),
  );
  // The quickstart's APIs said nothing of visibility and still say nothing: PRIVATE is the default.
  expect(saved.apis.find((api) => api.name === 'hello')?.visibility).toBeUndefined();

  expect(watch.consoleErrors).toEqual([]);
});

/** Screenshots of the page at 1440 and 1024 pixels wide, light and dark; the page is left as it was. */
async function shootAtWidths(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (size) await page.setViewportSize(size);
}

test('shows an undeclared path parameter at its field and blocks deploying', async ({ page, console: server }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);
  await apis.openApi('hello');
  await apis.tab('Request');
  const path = apis.field('Path');
  await path.fill('/items/[id]');

  const message = /Path parameter \[id\] in `\/items\/\[id\]` is not declared/;
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-apis-0-request-path-helper-text')).toHaveText(message);
  const deploy = page.getByRole('button', { name: 'Deploy…' });
  await expect(deploy).toBeDisabled();
  await expect(page.getByRole('note').filter({ hasText: /^Fix the problem of this API before deploying it/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Request, 1 problem/ })).toBeVisible();
  await screenshot(page, 'api-editor-problem');

  // The status bar lists the problem; clicking it shows the field.
  await apis.tab('Basics');
  await app.problemsButton().click();
  await page.getByRole('dialog', { name: 'Problems' }).getByRole('button', { name: message }).click();
  await expect(path).toBeFocused();

  // Declaring the parameter fixes it.
  await apis.tab('Parameters');
  await page.getByRole('button', { name: 'Add parameter' }).click();
  await page.getByRole('textbox', { name: 'Parameter param1 name' }).fill('id');
  await page.getByRole('combobox', { name: 'Parameter id location' }).click();
  await page.getByRole('option', { name: 'PATH' }).click();
  await expect(deploy).toBeEnabled();
});

test('refuses the calls and the event stream without the access token', async ({ console: server, request }) => {
  // The page is the app's public code; what it can do goes through the API, which needs the token.
  expect((await request.get(`${server.origin}/`)).status()).toBe(200);
  const call = await request.post(`${server.origin}/api/call/agw:project.current`, { data: [], headers: { 'Content-Type': 'application/json' } });
  expect(call.status()).toBe(403);
  const wrong = await request.post(`${server.origin}/api/call/agw:project.current`, { data: [], headers: { 'Content-Type': 'application/json', 'X-Agw-Token': 'not-the-token' } });
  expect(wrong.status()).toBe(403);
  expect((await request.get(`${server.origin}/api/events`)).status()).toBe(403);
  const allowed = await request.post(`${server.origin}/api/call/agw:project.current`, { data: [], headers: { 'Content-Type': 'application/json', 'X-Agw-Token': server.token } });
  expect(allowed.status()).toBe(200);
});

// The review's attack: browsers send a cookie for 127.0.0.1 to every port, so a console cookie
// reached any other local server (and the local gateway forwarded it to backends).
test('gives no other local server the token: no cookie, and the address bar loses it', async ({ page, console: server }) => {
  const seen: string[] = [];
  const capture = createServer((req, res) => {
    seen.push(`${req.url} cookie=${req.headers.cookie ?? ''} referer=${req.headers.referer ?? ''}`);
    res.end('captured');
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  try {
    const app = new ConsoleApp(page);
    await app.open(server);
    // The token left the address bar; the screen's own address (#/apis) took its place.
    await expect(page).toHaveURL(`${server.origin}/#/apis`);
    // A reload keeps the session (the tab's storage), with no token in sight.
    await page.reload();
    await expect(app.nav).toBeVisible();
    await expect(new ApisPage(page).row('hello')).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);

    // A cookie of our own shows that the capturing server would see one if the console had set it.
    await page.context().addCookies([{ name: 'control', value: 'seen', domain: '127.0.0.1', path: '/' }]);
    const { port } = capture.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/anything`);
    await page.goto(`http://localhost:${port}/anything`);
    const pages = seen.filter((line) => line.startsWith('/anything'));
    expect(pages).toEqual([expect.stringContaining('cookie=control=seen '), expect.stringContaining('cookie= ')]);
    for (const line of seen) expect(line).not.toContain(server.token);
  } finally {
    capture.close();
  }
});

test('looks right in the dark and with a long API name', async ({ browser, console: server }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(21, 23, 26)');
  await screenshot(page, 'dark-apis-list');

  const longName = 'list_all_customer_orders_with_their_line_items_v2';
  await apis.createApi({ name: longName, method: 'POST', path: '/customers/[customerId]/orders/with-line-items/and/a/long/path' });
  await apis.tab('Parameters');
  await screenshot(page, 'dark-long-name-editor');
  await apis.backToList();
  await expect(apis.row(longName)).toBeVisible();
  await screenshot(page, 'dark-long-name-list');
  await context.close();
});

test('edits an API as YAML: valid text applies as one edit, invalid text shows why and changes nothing', async ({ page, console: server }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);
  await apis.openApi('hello');
  await apis.tab('YAML');
  const editor = page.getByRole('textbox', { name: 'YAML of API hello' });
  await editor.focus();

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('name: hello\ngroup: demo_hello_api\nrequest: [');
  await page.getByText('This API as it is written in the project file').click(); // leaves the editor
  const problem = page.getByRole('tabpanel').getByRole('alert');
  await expect(problem).toHaveText(/Not valid YAML/);
  // The text that did not apply is still there after a look at the form.
  await apis.tab('Basics');
  await expect(apis.field('Description')).toHaveValue('Says hello without asking who calls.');
  await expect(app.unsaved).toHaveCount(0);

  await apis.tab('YAML');
  await expect(problem).toHaveText(/Not valid YAML/);
  await page.getByRole('button', { name: 'Revert to the form' }).click();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+a');
  // Pasted, as a person would bring YAML in (typing would go through the editor's auto-indent).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const yaml = ['name: hello', 'group: demo_hello_api', 'description: Edited as YAML.', 'request:', '  method: GET', '  path: /hello', 'backend:', '  type: MOCK', '  body: hi', ''].join('\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), yaml);
  await page.keyboard.press('ControlOrMeta+v');
  await apis.tab('Basics');
  await expect(apis.field('Description')).toHaveValue('Edited as YAML.');
  await expect(app.unsaved).toBeVisible();
  await app.undoButton.click();
  await expect(apis.field('Description')).toHaveValue('Says hello without asking who calls.');
});

test('shows a project file that does not load, with its problems and text, and never saves it', async ({ page, console: server }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  const broken = join(server.dataDir, 'broken.apigw.yaml');
  await writeFile(broken, 'format: apigw-studio/v1\nname: broken\napis:\n  - name: x\n    request: {method: GET, path: /x\n');

  await page.getByRole('button', { name: 'Open project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByRole('textbox', { name: 'Project file path' }).fill(broken);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'broken.apigw.yaml did not load' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem').first()).toHaveText(/^broken\.apigw\.yaml:\d+: /);
  await expect(page.getByRole('textbox', { name: 'broken.apigw.yaml (read-only)' })).toBeAttached();
  await expect(app.saveButton).toBeDisabled();
  await screenshot(page, 'load-failed');

  // Fixed on disk, Reload opens it.
  await writeFile(broken, 'format: apigw-studio/v1\nname: fixed\n');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { name: 'APIs', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'fixed' })).toBeVisible();
});
