/**
 * The cloud in the console, in demo mode (the offline cloud inside the app, no account): plan
 * (all creates), apply to 100%, plan again (nothing), edit a mock body and see exactly that field
 * planned, apply, deploy to RELEASE and call it at the offline cloud's address; then a failure in
 * the middle of an apply, shown with the cloud's code, and a retry that finishes it with no
 * duplicates; History then shows each run's OpenAPI calls, the refused one with its code and
 * request id, and the parameters it sent with the AccessKeyId masked.
 */
import { createCloudClient } from '../host/cloud/client';
import { demoCloudDataDir } from '../host/cloud-console/demo-cloud';
import { DEMO_ACCOUNT } from '../offline-cloud/sim-accounts';
import { readAdminFile } from '../offline-cloud/sim-data-dir';
import { ADMIN_TOKEN_HEADER } from '../offline-cloud/sim-guard';
import type { Page } from '@playwright/test';
import { expect, test, screenshot } from './fixtures';
import { ApisPage } from './pages/apis-page';
import { CloudPage } from './pages/cloud-page';
import { ConsoleApp } from './pages/console-app';
import { GatewayDebuggerPage } from './pages/gateway-debugger-page';

const EDITED_BODY = '{"message":"Hello from the offline cloud"}';

/** Switches the system's colour scheme and waits until the console's theme follows (its page background, renderer/app/theme.ts). */
async function showIn(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? 'rgb(21, 23, 26)' : 'rgb(245, 246, 248)');
}

test('syncs the quickstart to the offline cloud, plans an edit field by field, deploys it and calls it there', async ({ page, console: server, watch }) => {
  test.setTimeout(180_000);
  const app = new ConsoleApp(page);
  const cloud = new CloudPage(page);
  await app.open(server);
  await app.goTo('Cloud');
  await expect(cloud.region.getByText(/^Demo: the offline cloud/)).toBeVisible();
  await expect(cloud.region.getByRole('region', { name: 'Getting started in demo mode' })).toBeVisible();
  await screenshot(page, 'cloud-demo-start', { fullPage: true });

  // Plan: everything is to create.
  await cloud.plan();
  await expect(cloud.summary).toContainText('to create');
  await expect(cloud.summary).not.toContainText('to update');
  await expect(cloud.summary).not.toContainText('to delete');
  await expect(cloud.line('Create', 'demo_hello_api')).toBeVisible();
  await expect(cloud.line('Create', 'demo_hello_api/hello')).toBeVisible();
  await expect(cloud.review.getByText('Never synced').first()).toBeVisible();
  await screenshot(page, 'cloud-plan-all-creates', { fullPage: true });

  // Apply: the progress reaches 100%.
  await cloud.apply();
  await expect(cloud.progressText).toHaveText(/^100% · (\d+) of \1 steps$/);
  await expect(cloud.progress.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '100');
  await screenshot(page, 'cloud-applied', { fullPage: true });

  // Plan again: nothing to do.
  await cloud.plan();
  await expect(cloud.region.getByText('No changes: the cloud matches the saved design.')).toBeVisible();
  await expect(cloud.applyButton).toHaveText('Nothing to apply');

  // Edit the mock body of hello, save.
  await app.goTo('APIs');
  const apis = new ApisPage(page);
  await apis.openApi('hello');
  await apis.tab('Backend');
  const editor = page.getByRole('textbox', { name: 'Mock body of hello' });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(EDITED_BODY);
  // The editor closes quotes and braces as they are typed: take away what it added after the text.
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await app.save();

  // The plan shows exactly that field.
  await app.goTo('Cloud');
  await cloud.plan();
  await expect(cloud.summary).toContainText('1 change');
  const line = cloud.line('Update', 'demo_hello_api/hello');
  await expect(line).toBeVisible();
  await expect(cloud.changeLines()).toHaveCount(1);
  await line.getByRole('button', { name: 'Show the fields of demo_hello_api/hello' }).click();
  const fields = cloud.review.getByRole('table', { name: 'Fields of demo_hello_api/hello' });
  await expect(fields.getByRole('row')).toHaveCount(2);
  await expect(fields.getByRole('row').nth(1)).toContainText('backend.body');
  await expect(fields.getByRole('row').nth(1)).toContainText('Hello from Alibaba Cloud API Gateway');
  await expect(fields.getByRole('row').nth(1)).toContainText('Hello from the offline cloud');
  await screenshot(page, 'cloud-plan-one-field', { fullPage: true });
  await cloud.apply();

  // Deploy the edit to RELEASE from the Stages tab.
  await cloud.tab('Stages').click();
  const release = cloud.stageCell('hello', 'RELEASE');
  await expect(release).toBeVisible();
  await release.getByRole('button', { name: 'Actions for hello in RELEASE' }).click();
  await page.getByRole('menuitem', { name: 'Deploy the current design to RELEASE' }).click();
  await page.getByRole('dialog', { name: 'Deploy hello to RELEASE' }).getByRole('button', { name: 'Deploy' }).click();
  await expect(cloud.progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(release).toContainText('in sync');
  await screenshot(page, 'cloud-stages', { fullPage: true });

  // Call it at the offline cloud's address from the debugger.
  await release.getByRole('button', { name: 'Call hello in RELEASE in the cloud' }).click();
  const debug = new GatewayDebuggerPage(page);
  await expect(debug.region.getByRole('button', { name: 'Cloud', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await debug.send();
  await expect(debug.responseStatus).toHaveText('200');
  await expect(debug.response).toContainText('Hello from the offline cloud');
  await screenshot(page, 'cloud-debugger-call', { fullPage: true });

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('shows a failed step with the cloud code and request id, retry finishes with no duplicates, and History shows the calls of each run', async ({ page, console: server, watch }) => {
  test.setTimeout(120_000);
  const app = new ConsoleApp(page);
  const cloud = new CloudPage(page);
  await app.open(server);
  await app.goTo('Cloud');
  const endpoint = await cloud.demoEndpoint();
  await cloud.plan();

  // The second CreateApi is refused once, in the middle of the run. /_sim/ takes the admin token,
  // which the offline cloud keeps (0600) in its data dir, inside the console's.
  const admin = await readAdminFile(demoCloudDataDir(server.dataDir));
  expect(admin?.url).toBe(endpoint);
  const fault = await fetch(`${endpoint}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: admin!.adminToken },
    body: JSON.stringify({ product: 'CloudAPI', action: 'CreateApi', nth: 2, times: 1, error: { code: 'Forbidden.RAM', message: 'The RAM user may not call CreateApi (injected).', status: 403 } }),
  });
  expect(fault.status).toBe(201);
  await cloud.apply('Failed');
  await expect(cloud.failure).toContainText('CloudAPI CreateApi failed: Forbidden.RAM');
  await expect(cloud.failure).toContainText('The RAM user may not call CreateApi (injected).');
  await expect(cloud.failure).toContainText(/Request id: [0-9A-F-]{36}/);
  await expect(cloud.failure).toContainText(/\d+ steps? done and recorded in the project; \d+ left/);
  await expect(cloud.progress.getByRole('listitem', { name: /: failed$/ })).toHaveCount(1);
  await screenshot(page, 'cloud-apply-failed', { fullPage: true });

  await cloud.progress.getByRole('button', { name: 'Retry' }).click();
  await expect(cloud.progress.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'cloud-retry-done', { fullPage: true });

  // No duplicates: the cloud holds each API once, and there is nothing left to do.
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret } });
  try {
    const apis = await client.call<{ ApiSummarys: { ApiSummary: { ApiName: string }[] } }>('CloudAPI', 'DescribeApis', { PageSize: 100 });
    const names = apis.ApiSummarys.ApiSummary.map((api) => api.ApiName).sort();
    expect(names).toEqual([...new Set(names)]);
    expect(names).toHaveLength(4);
  } finally {
    client.close();
  }
  await cloud.plan();
  await expect(cloud.region.getByText('No changes: the cloud matches the saved design.')).toBeVisible();
  // History: plan, the failed apply, the retry's plan and apply, the last plan; newest first.
  // The runs' notices are closed first (an error stays until closed) so that they cover nothing.
  const notices = page.getByRole('alert').filter({ hasText: /^Apply \d+ changes: / });
  for (let shown = 0; shown < 3 && (await notices.count()) > 0; shown++) await notices.first().getByRole('button', { name: 'Close' }).click();
  await cloud.tab('History').click();
  const runs = cloud.region.getByRole('table', { name: 'Cloud runs' });
  await expect(runs.getByRole('row', { name: /^Plan at / })).toHaveCount(3);
  const applies = runs.getByRole('row', { name: /^Apply \d+ changes at / });
  await expect(applies).toHaveCount(2);
  const failedRun = applies.filter({ hasText: 'failed' });
  await expect(failedRun).toContainText('Forbidden.RAM');
  await failedRun.getByRole('button', { name: /^Show the calls of Apply/ }).click();
  const calls = cloud.region.getByRole('table', { name: /^Calls of Apply/ });
  const refused = calls.getByRole('row', { name: /^Call \d+: CreateApi$/ }).filter({ hasText: 'Forbidden.RAM' });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('403');
  await expect(refused).toContainText(/[0-9A-F-]{36}/);
  await expect(refused).toContainText(/\d+ ms/);
  await failedRun.evaluate((row) => row.scrollIntoView({ block: 'start' }));
  // The others answered 200.
  await expect(calls.getByRole('row', { name: /^Call \d+: / }).filter({ hasNotText: 'Forbidden.RAM' }).first()).toContainText('200');
  for (const [width, scheme] of [[1440, 'light'], [1024, 'light'], [1024, 'dark'], [1440, 'dark']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await showIn(page, scheme);
    await screenshot(page, `cloud-history-calls-${width}-${scheme}`, { fullPage: true });
  }

  // A call opens to the parameters it sent: the AccessKeyId masked, no signature, no secret.
  await refused.getByRole('button', { name: /^Show the parameters of call \d+, CreateApi$/ }).click();
  const params = page.getByRole('dialog', { name: 'Parameters of CloudAPI CreateApi' });
  await expect(params.getByRole('row', { name: 'ApiName' })).toBeVisible();
  const accessKeyId = params.getByRole('row', { name: 'AccessKeyId' });
  await expect(accessKeyId).toContainText('****');
  await expect(accessKeyId).not.toContainText(DEMO_ACCOUNT.accessKeyId);
  await expect(params.getByRole('row', { name: /^Signature/ })).toHaveCount(0);
  await expect(params).not.toContainText(DEMO_ACCOUNT.accessKeySecret);
  for (const [width, scheme] of [[1024, 'dark'], [1440, 'light']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await showIn(page, scheme);
    await screenshot(page, `cloud-history-params-${width}-${scheme}`);
  }
  await params.getByRole('button', { name: 'Close' }).click();
  await expect(params).toBeHidden();
  expect(watch.consoleErrors).toEqual([]);
});

test('a newcomer follows only what the UI shows: from the demo banner to an API called in the offline cloud', async ({ page, console: server, watch }) => {
  test.setTimeout(120_000);
  const app = new ConsoleApp(page);
  const cloud = new CloudPage(page);
  await app.open(server);
  await page.getByRole('note', { name: 'Demo mode' }).getByRole('button', { name: 'Try a sync' }).click();
  const guide = cloud.region.getByRole('region', { name: 'Getting started in demo mode' });
  await guide.getByRole('button', { name: 'Make the plan' }).click();
  await expect(cloud.summary).toContainText('to create');
  await cloud.apply();
  await expect(guide.getByRole('button', { name: 'Open the debugger' })).toBeEnabled();
  await guide.getByRole('button', { name: 'Open the debugger' }).click();
  const debug = new GatewayDebuggerPage(page);
  await expect(debug.region.getByRole('button', { name: 'Cloud', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await debug.send();
  await expect(debug.responseStatus).toHaveText('200');
  await expect(debug.response).toContainText('Hello from Alibaba Cloud API Gateway');
  await screenshot(page, 'cloud-newcomer-call', { fullPage: true });
  expect(watch.consoleErrors).toEqual([]);
});
