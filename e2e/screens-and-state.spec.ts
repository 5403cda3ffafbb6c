/**
 * Every screen has an address: a reload keeps the screen and the selected API, Back and Forward
 * move between screens inside the console, and a route can share the launch URL's fragment with
 * the token. What the console shows follows what happened: after a sync the demo banner stops
 * inviting to one, the guide ticks its last step once the cloud answered a call, and another
 * profile shows no "Done" of the demo's apply.
 */
import { expect, screenshot, test } from './fixtures';
import { ApisPage } from './pages/apis-page';
import { CloudPage } from './pages/cloud-page';
import { ConsoleApp } from './pages/console-app';
import { GatewayDebuggerPage } from './pages/gateway-debugger-page';
import { GatewayPage } from './pages/gateway-page';
import { SettingsCloudPage } from './pages/settings-cloud';

/** The offline cloud's built-in demo account (not a secret: printed at its start, in docs/offline-cloud.md). */
const DEMO_KEY_ID = 'LTAI5tOfflineCloudDemo01';
const DEMO_KEY_SECRET = 'OfflineCloudDemoSecretNotReal1';

test('a reload keeps the screen and the selected API; Back and Forward move between screens', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);
  // The launch URL's token left the address; the screen's own address took its place.
  await expect(page).toHaveURL(`${server.origin}/#/apis`);

  await apis.openApi('hello');
  await expect(page).toHaveURL(/#\/apis\/[^/]+\/hello$/);
  const apiUrl = page.url();
  await page.reload();
  await expect(apis.editorTabs).toBeVisible();
  await expect(apis.field('Name')).toHaveValue('hello');
  await expect(app.navLink('APIs')).toHaveAttribute('aria-current', 'page');

  await app.goTo('Groups');
  await app.goTo('Cloud');
  await new CloudPage(page).tab('History').click();
  await expect(page).toHaveURL(`${server.origin}/#/cloud/history`);
  await page.reload();
  await expect(new CloudPage(page).tab('History')).toHaveAttribute('aria-selected', 'true');

  await page.goBack();
  await expect(app.navLink('Cloud')).toHaveAttribute('aria-current', 'page');
  await expect(new CloudPage(page).tab('Sync')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(app.navLink('Groups')).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(apiUrl);
  await expect(apis.field('Name')).toHaveValue('hello');
  await page.goForward();
  await expect(app.navLink('Groups')).toHaveAttribute('aria-current', 'page');

  // An address typed by hand shows its screen; one that names nothing falls back to the area.
  await page.goto(`${server.origin}/#/stages`);
  await expect(app.navLink('Stages')).toHaveAttribute('aria-current', 'page');
  await page.goto(`${server.origin}/#/apis/no_such_group/no_such_api`);
  await expect(page.getByText(/no_such_api/).first()).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});

test('a route and the launch token share one fragment: the token is taken, the route shown', async ({ browser, console: server }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/settings?token=${server.token}`);
  const app = new ConsoleApp(page);
  await expect(app.navLink('Settings')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(`${server.origin}/#/settings`);
  // The token is in the tab's session storage: the project loads, after a reload too.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Loading the project' })).toHaveCount(0);
  await app.goTo('APIs');
  await expect(new ApisPage(page).row('hello')).toBeVisible();
  await context.close();
});

test('after the demo sync: no invitation to sync, the guide ticks the call, another profile shows no Done', async ({ page, console: server, watch }) => {
  test.setTimeout(120_000);
  const app = new ConsoleApp(page);
  const cloud = new CloudPage(page);
  const banner = page.getByRole('note', { name: 'Demo mode' });
  await app.open(server);
  await banner.getByRole('button', { name: 'Try a sync' }).click();
  const guide = cloud.region.getByRole('region', { name: 'Getting started in demo mode' });
  await guide.getByRole('button', { name: 'Make the plan' }).click();
  await expect(cloud.summary).toContainText('to create');
  await cloud.apply();
  await expect(guide.getByRole('group', { name: '2. Apply (done)' })).toBeVisible();
  await expect(guide.getByRole('group', { name: '3. Call it in the cloud' })).toBeVisible();

  await guide.getByRole('button', { name: 'Open the debugger' }).click();
  const debug = new GatewayDebuggerPage(page);
  await debug.send();
  await expect(debug.responseStatus).toHaveText('200');
  // Synced: the banner no longer invites to a sync, on any screen.
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Try a sync' })).toHaveCount(0);

  await page.goBack();
  await expect(app.navLink('Cloud')).toHaveAttribute('aria-current', 'page');
  await expect(guide.getByRole('group', { name: '3. Call it in the cloud (done)' })).toBeVisible();
  await expect(cloud.progress.getByText('Done', { exact: true })).toBeVisible();
  for (const [width, scheme] of [[1024, 'light'], [1440, 'dark']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `screens-state-guide-done-${width}-${scheme}`);
  }

  // Another profile: the demo's "Apply — Done" is not its story.
  const settings = new SettingsCloudPage(page);
  await app.goTo('Settings');
  const cloudUrl = await settings.demoCloudUrl();
  const add = await settings.openAdd();
  await settings.fill(add, { name: 'offline', region: 'cn-hangzhou', endpoint: cloudUrl, accessKeyId: DEMO_KEY_ID, accessKeySecret: DEMO_KEY_SECRET });
  await settings.save(add);
  await settings.use('offline');
  await app.goTo('Cloud');
  await expect(cloud.planButton).toBeVisible();
  await expect(cloud.progress).toHaveCount(0);
  await page.reload();
  await expect(cloud.planButton).toBeVisible();
  await expect(cloud.progress).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('the Port field shows the port the gateway listens on, not the 0 it was started with', async ({ page, console: server }) => {
  const app = new ConsoleApp(page);
  const gateway = new GatewayPage(page);
  await app.open(server);
  await app.goTo('Local gateway');
  const field = page.getByRole('textbox', { name: 'Port' });
  if (await gateway.startButton.isVisible()) {
    await expect(field).toHaveValue('0');
    await gateway.start();
  }
  const port = await gateway.port();
  expect(port).toBeGreaterThan(0);
  await expect(field).toHaveValue(String(port));
  await expect(field).toBeDisabled();
  for (const [width, scheme] of [[1024, 'dark'], [1440, 'light']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `screens-state-gateway-port-${width}-${scheme}`);
  }
});
