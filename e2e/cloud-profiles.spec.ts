/**
 * Settings → Cloud: the console starts in demo mode (the offline cloud on this computer, with a
 * banner saying so); a profile pointed at that offline cloud with a wrong secret fails its test
 * with the cloud's SignatureDoesNotMatch; with the right secret it lists the regions; using it
 * puts it in the title bar; demo mode comes back with one click.
 */
import { expect, test, screenshot } from './fixtures';
import { ConsoleApp } from './pages/console-app';
import { SettingsCloudPage } from './pages/settings-cloud';

/** The offline cloud's built-in demo account (not a secret: printed at its start, in docs/offline-cloud.md). */
const DEMO_KEY_ID = 'LTAI5tOfflineCloudDemo01';
const DEMO_KEY_SECRET = 'OfflineCloudDemoSecretNotReal1';

test('adds a cloud profile, tests it with a wrong and the right secret, uses it, and goes back to demo mode', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const cloud = new SettingsCloudPage(page);
  await app.open(server);

  // Demo mode from the start: the banner and the title bar say so.
  await expect(cloud.demoBanner).toContainText('Demo mode: the cloud is the offline cloud on this computer; nothing leaves the machine.');
  await expect(cloud.chip).toHaveText('Demo (offline cloud)');
  await screenshot(page, 'settings-cloud-demo-banner-apis');
  // The banner sits above screens that fill the height (a list beside a detail, the gateway's log).
  await app.goTo('Apps');
  await screenshot(page, 'settings-cloud-demo-banner-apps');
  await app.goTo('Local gateway');
  await screenshot(page, 'settings-cloud-demo-banner-gateway');

  await cloud.chip.click();
  await expect(app.navLink('Settings')).toHaveAttribute('aria-current', 'page');
  await expect(cloud.demoRow).toContainText('In use');
  const cloudUrl = await cloud.demoCloudUrl();
  await expect(cloud.vaultNotice).toContainText('AccessKeySecrets are kept in the vault');
  await expect(cloud.vaultNotice).toContainText('not encrypted');
  await cloud.section.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-cloud-settings-demo');

  // A new profile pointed at the offline cloud, with a wrong secret: the cloud's own code.
  const add = await cloud.openAdd();
  await add.getByRole('button', { name: 'Save profile' }).click();
  await expect(add.getByText('Type a name for the profile')).toBeVisible();
  await cloud.fill(add, { name: 'offline', region: 'cn-hangzhou', endpoint: cloudUrl, accessKeyId: DEMO_KEY_ID, accessKeySecret: 'wrong-secret' });
  const wrong = await cloud.testInDialog(add);
  await expect(wrong).toContainText('Could not connect: SignatureDoesNotMatch');
  await expect(wrong).toContainText('Request id');
  await expect(wrong).toHaveClass(/MuiAlert-colorError/);
  await screenshot(page, 'settings-cloud-profile-test-failed');
  await cloud.save(add);
  await expect(cloud.profileRow('offline')).toContainText(cloudUrl);
  await expect(cloud.profileRow('offline')).toContainText('LTAI****');
  await expect(cloud.profileRow('offline')).not.toContainText(DEMO_KEY_ID);
  await expect(cloud.profileRow('offline')).toContainText('Set');

  // The right secret: the test passes and the region becomes a choice among the cloud's regions.
  const edit = await cloud.openEdit('offline');
  await expect(edit.getByText('Leave empty to keep the saved secret')).toBeVisible();
  await cloud.fill(edit, { accessKeySecret: DEMO_KEY_SECRET });
  const right = await cloud.testInDialog(edit);
  await expect(right).toContainText('Connected to');
  await expect(right).toContainText('in cn-hangzhou');
  await expect(right).toHaveClass(/MuiAlert-colorSuccess/);
  await edit.getByRole('combobox', { name: 'Region' }).click();
  await expect(page.getByRole('option', { name: /cn-shanghai/ })).toBeVisible();
  await screenshot(page, 'settings-cloud-profile-regions');
  await page.getByRole('option', { name: /^cn-hangzhou/ }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await screenshot(page, 'settings-cloud-profile-test-passed');
  await cloud.save(edit);

  // The saved profile passes its own test from the table.
  await cloud.profileRow('offline').getByRole('button', { name: 'Test connection of offline' }).click();
  await expect(cloud.table.getByRole('alert', { name: 'Connection test of offline' })).toContainText('Connected to');

  // Using it: the title bar names it and the demo banner goes.
  await cloud.use('offline');
  await expect(cloud.chip).toHaveText('offline · cn-hangzhou');
  await expect(cloud.demoBanner).toHaveCount(0);
  await expect(cloud.demoRow).not.toContainText('In use');
  await screenshot(page, 'settings-cloud-settings-profile-in-use');

  // Back to demo mode.
  await cloud.useDemo();
  await expect(cloud.chip).toHaveText('Demo (offline cloud)');
  await expect(cloud.demoBanner).toBeVisible();

  // The banner can be made smaller, never gone.
  await cloud.demoBanner.getByRole('button', { name: 'Collapse the demo mode notice' }).click();
  await expect(cloud.demoBanner).toContainText('Demo mode');
  await expect(cloud.demoBanner.getByRole('button', { name: 'Expand the demo mode notice' })).toBeVisible();
  await screenshot(page, 'settings-cloud-demo-banner-collapsed');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('deletes a profile after confirming, and resets the offline cloud after saying what it resets', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const cloud = new SettingsCloudPage(page);
  await app.open(server);
  await app.goTo('Settings');
  const cloudUrl = await cloud.demoCloudUrl();

  const add = await cloud.openAdd();
  await cloud.fill(add, { name: 'to-delete', region: 'cn-hangzhou', endpoint: cloudUrl, accessKeyId: DEMO_KEY_ID, accessKeySecret: DEMO_KEY_SECRET });
  await cloud.save(add);
  await cloud.use('to-delete');

  await cloud.profileRow('to-delete').getByRole('button', { name: 'Delete to-delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete cloud profile to-delete?' });
  await expect(confirm).toContainText('It is in use: the console goes back to demo mode.');
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(cloud.profileRow('to-delete')).toHaveCount(0);
  await expect(cloud.demoRow).toContainText('In use');
  await expect(cloud.chip).toHaveText('Demo (offline cloud)');

  // The notices of the steps before would hide the reset's own behind them.
  await cloud.dismissNotices();
  await cloud.demoRow.getByRole('button', { name: 'Reset demo…' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset the offline cloud?' });
  await expect(reset).toContainText('seeded state');
  await expect(reset).toContainText('forgets its demo cloud ids');
  await expect(reset).toContainText('Nothing else is touched');
  await screenshot(page, 'settings-cloud-reset-demo-confirm');
  await reset.getByRole('button', { name: 'Reset demo' }).click();
  await expect(page.getByText('The offline cloud is back to its seeded state.')).toBeVisible();
  await expect(cloud.demoRow).toContainText('In use');

  // The section and the banner read well in the dark theme too.
  await page.getByRole('radio', { name: 'Dark', exact: true }).check();
  await cloud.section.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-cloud-dark');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
