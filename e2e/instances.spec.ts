/**
 * Buying dedicated gateways in demo mode (the offline cloud): a professional gateway in two
 * zones through the wizard, after trying a subnet that is too small and a security group without
 * 443 for API groups that will be public; a review that lists exactly the CreateInstance
 * parameters (each one the SDK model declares, no EIP or bandwidth); the purchase followed to
 * RUNNING; the quota reached; a gateway deleted. Then a group's Internet access set in the Groups
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
  await instances.wizard.getByRole('textbox', { name: 'Name' }).fill('e2e-professional');
  await instances.zone('cn-hangzhou-j').check();
  await instances.zone('cn-hangzhou-h').check();
  await screenshot(page, 'gateways-wizard-zones', { fullPage: true });
  await instances.step('Edition');
  await instances.wizard.getByRole('radio', { name: 'Professional' }).click();
  await expect(instances.wizard.getByRole('radio', { name: 'Professional' })).toHaveAttribute('aria-checked', 'true');
  await screenshot(page, 'gateways-wizard-edition', { fullPage: true });

  // A subnet too small for the edition: the meter is red, and the finding says why.
  await instances.step('Network');
  await instances.choose('VPC', /^prod-vpc/);
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
  await instances.step('Maintenance window');
  await instances.wizard.getByRole('switch', { name: 'Choose a maintenance window' }).check();
  await instances.step('Review');
  await expect(instances.buyButton()).toBeEnabled();

  // The review lists exactly what is sent: CreateInstance's parameters, each one its model declares, then the window.
  const create = instances.wizard.getByRole('table', { name: 'CreateInstance parameters' });
  const sent = (await create.getByRole('rowheader').allTextContents()).map((name) => name.trim());
  expect(sent).toEqual(expect.arrayContaining(['InstanceName', 'InstanceSpec', 'InstanceType', 'UserVpcId', 'ChargeType', 'Token', 'ZoneVSwitchSecurityGroup.2.VSwitchId']));
  const fields = Object.values(CreateInstanceRequest.names());
  const entryKeys = Object.values(CreateInstanceRequestZoneVSwitchSecurityGroup.names());
  for (const name of sent) {
    const [field, , key] = name.split('.');
    expect(fields, `${name} is a CreateInstance field`).toContain(field);
    if (key !== undefined) expect(entryKeys, `${name} is a ZoneVSwitchSecurityGroup key`).toContain(key);
  }
  await expect(create.getByRole('row').filter({ hasText: 'InstanceType' })).toContainText('vpc_connect');
  await expect(instances.wizard.getByRole('table', { name: 'ModifyInstanceAttribute parameters' }).getByRole('rowheader')).toHaveText(['InstanceId', 'MaintainStartTime', 'MaintainEndTime']);
  await expect(instances.wizard.getByLabel('Not sent')).toContainText('Internet access, which each API group sets for itself');
  await shootWidths(page, 'gateways-wizard-review');
  await instances.buyButton().click();

  // The purchase is followed until the gateway runs.
  await expect(instances.region.getByRole('region', { name: 'Purchases' })).toBeVisible();
  await screenshot(page, 'gateways-purchase-progress', { fullPage: true });
  await expect(instances.row('e2e-professional').getByText('RUNNING')).toBeVisible({ timeout: 60_000 });
  await expect(instances.region.getByText(/: 1 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-running', { fullPage: true });

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
