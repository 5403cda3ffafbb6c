/**
 * Buying dedicated gateways in demo mode (the offline cloud): a professional gateway in two
 * zones through the wizard (zones sorted, no blockers on the untouched form, no failing subnet
 * picked for the buyer), after trying a subnet that is too small and a security group without
 * 443 for API groups that will be public; the maintenance window picked in UTC; a review that
 * shows the price estimate and lists exactly the CreateInstance parameters (each one the SDK
 * model declares, no EIP or bandwidth; the token in a disclosure); Buy asking for confirmation
 * with the estimate and the account, Cancel buying nothing; the purchase followed to RUNNING; its
 * details in the wizard's words; the quota reached; a gateway deleted. Then a group's Internet access set in the Groups
 * screen and synced as an update of the group.
 */
import { CreateInstanceRequest, CreateInstanceRequestZoneVSwitchSecurityGroup } from '@alicloud/cloudapi20160714';
import type { Page } from '@playwright/test';
import { demoCloudDataDir } from '../host/cloud-console/demo-cloud';
import { createCloudClient } from '../host/cloud/client';
import { DEMO_ACCOUNT } from '../offline-cloud/sim-accounts';
import { readAdminFile } from '../offline-cloud/sim-data-dir';
import { ADMIN_TOKEN_HEADER } from '../offline-cloud/sim-guard';
import { expect, test, screenshot } from './fixtures';
import { CloudPage } from './pages/cloud-page';
import { ConsoleApp } from './pages/console-app';
import { InstancesPage } from './pages/instances-page';

/** A screen people review at both widths the console is built for, light and dark. */
async function shootWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [1024, 1440]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `${name}-${width}-${colorScheme}`, { fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

test('buys a professional gateway in two zones, checking each rule first; reaches the quota; deletes one', async ({ page, console: server, watch }) => {
  test.setTimeout(180_000);
  const app = new ConsoleApp(page);
  const instances = new InstancesPage(page);
  await app.open(server);
  await app.goTo('Cloud');
  const endpoint = await new CloudPage(page).demoEndpoint();
  await app.goTo('Gateways');
  await expect(instances.region.getByText(/: 0 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-empty', { fullPage: true });

  await instances.openWizard();
  // An untouched form shows what it needs, not a list of blockers.
  await expect(instances.findings().getByRole('listitem', { name: /^Blocks the purchase/ })).toHaveCount(0);
  await expect(instances.wizard.getByRole('tab', { name: /needs attention/ })).toHaveCount(0);
  // Zones come in reading order.
  const zoneNames = (await instances.wizard.getByRole('group', { name: 'Zones' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? '')));
  expect(zoneNames).toEqual([...zoneNames].sort());
  expect(zoneNames.length).toBeGreaterThan(2);
  await instances.wizard.getByRole('textbox', { name: 'Name' }).fill('e2e-professional');
  await instances.zone('cn-hangzhou-j').check();
  await instances.zone('cn-hangzhou-h').check();
  await shootWidths(page, 'gateways-wizard-zones');
  await instances.step('Edition');
  await instances.wizard.getByRole('radio', { name: 'Professional' }).click();
  await expect(instances.wizard.getByRole('radio', { name: 'Professional' })).toHaveAttribute('aria-checked', 'true');
  await instances.wizard.getByRole('radio', { name: 'Platinum' }).click();
  await instances.choose('Size', /^api\.s2\.large\.x4: 40,000 requests\/s/);
  await expect(instances.wizard.getByRole('radio', { name: 'Platinum' })).toContainText('20,000 to 60,000 requests/s');
  await shootWidths(page, 'gateways-wizard-edition');
  await instances.wizard.getByRole('radio', { name: 'Professional' }).click();

  // A subnet too small for the edition is never picked for the buyer; picked by hand, the meter is red and the finding says why.
  await instances.step('Network');
  await instances.choose('VPC', /^prod-vpc/);
  await expect(instances.meter('cn-hangzhou-h')).toHaveCount(0);
  await expect(instances.wizard.getByText('No subnet here has 5 free IPs: choose another zone or VPC.')).toBeVisible();
  await instances.choose('Subnet in cn-hangzhou-h', /^prod-vsw-h-tiny .* too small$/);
  await expect(instances.meter('cn-hangzhou-h')).toHaveAttribute('data-enough', 'false');
  await expect(instances.meter('cn-hangzhou-h')).toContainText('Only 4 free IPs; the gateway needs 5');
  await expect(instances.meter('cn-hangzhou-j')).toHaveAttribute('data-enough', 'true');
  await expect(instances.findings()).toContainText('needs 5');

  // API groups that will be public, with a security group that lacks 443: the warning names the rule to add.
  // There is no EIP or bandwidth to choose: Internet access is each API group's setting.
  await instances.choose('Security group', /^internal-only/);
  await expect(instances.findings()).not.toContainText('add inbound rule');
  await instances.wizard.getByRole('switch', { name: /Some API groups on this gateway will take calls from the Internet/ }).check();
  await expect(instances.findings()).toContainText('add inbound rule: TCP 443/443 from 0.0.0.0/0, Accept');
  await expect(instances.findings()).toContainText('Internet access is switched on or off per API group');
  await expect(instances.wizard.getByRole('combobox', { name: 'EIP' })).toHaveCount(0);
  await expect(instances.wizard.getByRole('switch', { name: /Public (inbound|outbound) access/ })).toHaveCount(0);
  await shootWidths(page, 'gateways-wizard-network-problems');

  await instances.step('Review');
  await expect(instances.buyButton()).toBeDisabled();
  await expect(instances.wizard.getByLabel('Why Buy is disabled')).toContainText('cn-hangzhou-h');
  await screenshot(page, 'gateways-wizard-review-blocked', { fullPage: true });

  // Another zone with room, and a security group open to the web.
  await instances.step('Region and zones');
  await instances.zone('cn-hangzhou-h').uncheck();
  await instances.zone('cn-hangzhou-g').check();
  await instances.step('Network');
  await expect(instances.meter('cn-hangzhou-g')).toHaveAttribute('data-enough', 'true');
  await instances.choose('Security group', /^web-open/);
  await expect(instances.findings()).not.toContainText('add inbound rule');
  // The maintenance window is picked as UTC times (the form the cloud takes), not typed.
  await instances.step('Maintenance window');
  await instances.wizard.getByRole('switch', { name: 'Choose a maintenance window' }).check();
  await instances.choose('Starts (UTC)', /^03:00 UTC/);
  await expect(instances.wizard.getByRole('combobox', { name: 'Starts (UTC)' })).toHaveText('03:00 UTC');
  await shootWidths(page, 'gateways-wizard-maintenance');
  await instances.step('Review');
  await expect(instances.buyButton()).toBeEnabled();

  // The review shows the price estimate from the documented table, and the token only when asked.
  const price = instances.wizard.getByRole('region', { name: 'Price estimate' });
  await expect(price).toContainText('US$2.37 an hour, about US$1,730.10 a month (730 hours)');
  await expect(price).toContainText('as read on 2026-12-07');
  const token = instances.wizard.getByRole('table', { name: 'Purchase token' });
  await expect(token).toBeHidden();
  await instances.wizard.getByText(/^Purchase token/).click();
  await expect(token.getByRole('rowheader')).toHaveText(['Token']);
  await instances.wizard.getByText(/^Purchase token/).click();

  // The review lists exactly what is sent: CreateInstance's parameters, each one its model declares, then the window.
  const create = instances.wizard.getByRole('table', { name: 'CreateInstance parameters' });
  const sent = [...(await create.getByRole('rowheader').allTextContents()), 'Token'].map((name) => name.trim());
  expect(sent).toEqual(expect.arrayContaining(['InstanceName', 'InstanceSpec', 'InstanceType', 'UserVpcId', 'ChargeType', 'ZoneVSwitchSecurityGroup.2.VSwitchId']));
  const fields = Object.values(CreateInstanceRequest.names());
  const entryKeys = Object.values(CreateInstanceRequestZoneVSwitchSecurityGroup.names());
  for (const name of sent) {
    const [field, , key] = name.split('.');
    expect(fields, `${name} is a CreateInstance field`).toContain(field);
    if (key !== undefined) expect(entryKeys, `${name} is a ZoneVSwitchSecurityGroup key`).toContain(key);
  }
  await expect(create.getByRole('row').filter({ hasText: 'InstanceType' })).toContainText('vpc_connect');
  const window = instances.wizard.getByRole('table', { name: 'ModifyInstanceAttribute parameters' });
  await expect(window.getByRole('rowheader')).toHaveText(['InstanceId', 'MaintainStartTime', 'MaintainEndTime']);
  await expect(window.getByRole('row').filter({ hasText: 'MaintainStartTime' })).toContainText('03:00Z');
  await expect(instances.wizard.getByLabel('Not sent')).toContainText('Internet access, which each API group sets for itself');
  await price.scrollIntoViewIfNeeded();
  await shootWidths(page, 'gateways-wizard-review');

  // Buy asks first, with the estimate and the account billed; Cancel buys nothing.
  await instances.buyButton().click();
  const confirm = page.getByRole('dialog', { name: 'Buy api.s1.medium in cn-hangzhou?' });
  await expect(confirm.getByLabel('What is bought')).toHaveText(
    /^Buy api\.s1\.medium in cn-hangzhou for about US\$2\.37 an hour \(about US\$1,730\.10 a month of 730 hours\) — this is billed to the offline cloud's demo account \(AccessKeyId \S+\): demo mode, nothing is really billed\.$/,
  );
  await shootWidths(page, 'gateways-buy-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(instances.region.getByRole('region', { name: 'Purchases' })).toHaveCount(0);
  await expect(instances.wizard).toBeVisible();
  await instances.buyButton().click();
  await page.getByRole('dialog', { name: 'Buy api.s1.medium in cn-hangzhou?' }).getByRole('button', { name: 'Buy api.s1.medium' }).click();

  // The purchase is followed until the gateway runs.
  await expect(instances.region.getByRole('region', { name: 'Purchases' })).toBeVisible();
  await screenshot(page, 'gateways-purchase-progress', { fullPage: true });
  await expect(instances.row('e2e-professional').getByText('RUNNING')).toBeVisible({ timeout: 60_000 });
  await expect(instances.region.getByText(/: 1 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-running', { fullPage: true });

  // Its details speak the wizard's words: names beside ids, billing and times readable.
  await instances.row('e2e-professional').getByRole('button', { name: 'e2e-professional' }).click();
  const details = page.getByRole('table', { name: 'Gateway details' });
  await expect(details.getByRole('row', { name: /^VPC/ })).toContainText('prod-vpc');
  await expect(details.getByRole('row', { name: /^Subnets/ })).toContainText('cn-hangzhou-g: prod-vsw-g');
  await expect(details.getByRole('row', { name: /^Security group/ })).toContainText('web-open');
  await expect(details.getByRole('row', { name: /^Billing/ })).toContainText('Pay-as-you-go, about US$2.37 an hour');
  await expect(details.getByRole('row', { name: /^Created/ })).not.toContainText(/:\d\d\.0/);
  await expect(details.getByRole('row', { name: /^Maintenance window/ })).toContainText('03:00 to 01:00 UTC', { timeout: 30_000 });
  await shootWidths(page, 'gateways-details');
  await page.getByRole('button', { name: 'All gateways' }).click();

  // Four more bought elsewhere (straight through the OpenAPI) reach the quota.
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint, credentials: { accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret } });
  try {
    const vSwitches = await client.call<{ VSwitches: { VSwitch: { VSwitchId: string; VSwitchName: string; VpcId: string; ZoneId: string }[] } }>('Vpc', 'DescribeVSwitches', { PageSize: 50 });
    const roomy = vSwitches.VSwitches.VSwitch.find((v) => v.VSwitchName === 'default-vsw-k')!;
    const groups = await client.call<{ SecurityGroups: { SecurityGroup: { SecurityGroupId: string; VpcId: string }[] } }>('Ecs', 'DescribeSecurityGroups', { PageSize: 50 });
    const group = groups.SecurityGroups.SecurityGroup.find((g) => g.VpcId === roomy.VpcId)!;
    for (let i = 1; i <= 4; i++) {
      await client.call('CloudAPI', 'CreateInstance', {
        InstanceName: `elsewhere-${i}`,
        InstanceSpec: 'api.s1.small',
        ChargeType: 'PostPaid',
        Token: `e2e-elsewhere-${i}-token`,
        HttpsPolicy: 'HTTPS2_TLS1_0',
        InstanceType: 'vpc_connect',
        UserVpcId: roomy.VpcId,
        ZoneVSwitchSecurityGroup: [{ ZoneId: roomy.ZoneId, VSwitchId: roomy.VSwitchId, SecurityGroupId: group.SecurityGroupId }],
      });
    }
  } finally {
    client.close();
  }
  await instances.region.getByRole('button', { name: 'Refresh' }).click();
  await expect(instances.region.getByText(/: 5 of 5 allowed\.$/)).toBeVisible();
  await expect(instances.region.getByText(/the most an account may have \(5\)/)).toBeVisible();
  await instances.openWizard();
  await expect(instances.wizard.getByRole('listitem', { name: 'Blocks the purchase: The account already has 5 dedicated gateways in cn-hangzhou; the quota is 5 per region. Delete one you no longer need, or ask Alibaba Cloud to raise the quota (Quota Center or a support ticket).' })).toBeVisible();
  await screenshot(page, 'gateways-quota-reached', { fullPage: true });
  await instances.wizard.getByRole('button', { name: 'Cancel' }).click();

  // Delete one, with a typed confirmation.
  await instances.row('e2e-professional').getByRole('button', { name: 'e2e-professional' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete e2e-professional?' });
  await screenshot(page, 'gateways-delete-confirm', { fullPage: true });
  await dialog.getByRole('textbox').fill('e2e-professional');
  await dialog.getByRole('button', { name: 'Delete the gateway' }).click();
  await expect(instances.row('e2e-professional')).toHaveCount(0, { timeout: 60_000 });
  await expect(instances.region.getByText(/: 4 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-after-delete', { fullPage: true });

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test("sets a group's Internet access in the Groups screen; sync sends it as an update of the group", async ({ page, console: server, watch }) => {
  test.setTimeout(120_000);
  const app = new ConsoleApp(page);
  const cloud = new CloudPage(page);
  await app.open(server);
  await app.goTo('Groups');
  const internet = page.getByRole('combobox', { name: 'Internet access' });
  await expect(internet).toHaveText(/^As the cloud has it/);
  await internet.click();
  await page.getByRole('option', { name: /^On:/ }).click();
  await expect(internet).toHaveText(/^On:/);
  await app.save();
  await shootWidths(page, 'groups-internet-access');

  await app.goTo('Cloud');
  const endpoint = await cloud.demoEndpoint();
  await cloud.plan();
  await expect(cloud.line('Update', 'demo_hello_api')).toBeVisible();
  await cloud.apply();
  await cloud.plan();
  await expect(cloud.region.getByText('No changes: the cloud matches the saved design.')).toBeVisible();

  // The offline cloud took it (no read reports InternetEnable, so its call log says so).
  const admin = await readAdminFile(demoCloudDataDir(server.dataDir));
  const answer = await fetch(`${endpoint}/_sim/calls`, { headers: { [ADMIN_TOKEN_HEADER]: admin!.adminToken } });
  const { calls } = (await answer.json()) as { calls: { action?: string; status: number }[] };
  expect(calls.filter((call) => call.action === 'ModifyApiGroupNetworkPolicy').map((call) => call.status)).toEqual([200]);

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
