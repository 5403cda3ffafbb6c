/**
 * Buying dedicated gateways in demo mode (the offline cloud): a professional gateway in two
 * zones through the wizard, after trying a subnet that is too small and a security group without
 * 443; the purchase followed to RUNNING; the quota reached; a gateway deleted.
 */
import { createCloudClient } from '../electron/cloud/client';
import { DEMO_ACCOUNT } from '../offline-cloud/sim-accounts';
import { expect, test, screenshot } from './fixtures';
import { CloudPage } from './pages/cloud-page';
import { ConsoleApp } from './pages/console-app';
import { GatewaysPage } from './pages/gateways-page';

test('buys a professional gateway in two zones, checking each rule first; reaches the quota; deletes one', async ({ page, console: server, watch }) => {
  test.setTimeout(180_000);
  const app = new ConsoleApp(page);
  const gateways = new GatewaysPage(page);
  await app.open(server);
  await app.goTo('Cloud');
  const endpoint = await new CloudPage(page).demoEndpoint();
  await app.goTo('Gateways');
  await expect(gateways.region.getByText(/: 0 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-empty', { fullPage: true });

  await gateways.openWizard();
  await gateways.wizard.getByRole('textbox', { name: 'Name' }).fill('e2e-professional');
  await gateways.zone('cn-hangzhou-j').check();
  await gateways.zone('cn-hangzhou-h').check();
  await screenshot(page, 'gateways-wizard-zones', { fullPage: true });
  await gateways.step('Edition');
  await gateways.wizard.getByRole('radio', { name: 'Professional' }).click();
  await expect(gateways.wizard.getByRole('radio', { name: 'Professional' })).toHaveAttribute('aria-checked', 'true');
  await screenshot(page, 'gateways-wizard-edition', { fullPage: true });

  // A subnet too small for the edition: the meter is red, and the finding says why.
  await gateways.step('Network');
  await gateways.choose('VPC', /^prod-vpc/);
  await expect(gateways.meter('cn-hangzhou-h')).toHaveAttribute('data-enough', 'false');
  await expect(gateways.meter('cn-hangzhou-h')).toContainText('Only 4 free IPs; the gateway needs 5');
  await expect(gateways.meter('cn-hangzhou-j')).toHaveAttribute('data-enough', 'true');
  await expect(gateways.findings()).toContainText('needs 5');

  // Public inbound with a security group that lacks 443: the warning names the rule to add.
  await gateways.choose('Security group', /^internal-only/);
  await gateways.wizard.getByRole('switch', { name: /Public inbound access/ }).check();
  await gateways.choose('EIP', /gateway-eip|47\.96\.180\.21/);
  await expect(gateways.findings()).toContainText('add inbound rule: TCP 443/443 from 0.0.0.0/0, Accept');
  await screenshot(page, 'gateways-wizard-network-problems', { fullPage: true });

  await gateways.step('Review');
  await expect(gateways.buyButton()).toBeDisabled();
  await expect(gateways.wizard.getByLabel('Why Buy is disabled')).toContainText('cn-hangzhou-h');
  await screenshot(page, 'gateways-wizard-review-blocked', { fullPage: true });

  // Another zone with room, and a security group open to the web.
  await gateways.step('Region and zones');
  await gateways.zone('cn-hangzhou-h').uncheck();
  await gateways.zone('cn-hangzhou-g').check();
  await gateways.step('Network');
  await expect(gateways.meter('cn-hangzhou-g')).toHaveAttribute('data-enough', 'true');
  await gateways.choose('Security group', /^web-open/);
  await expect(gateways.findings()).not.toContainText('add inbound rule');
  await gateways.step('Review');
  await expect(gateways.buyButton()).toBeEnabled();
  await screenshot(page, 'gateways-wizard-review', { fullPage: true });
  await gateways.buyButton().click();

  // The purchase is followed until the gateway runs.
  await expect(gateways.region.getByRole('region', { name: 'Purchases' })).toBeVisible();
  await screenshot(page, 'gateways-purchase-progress', { fullPage: true });
  await expect(gateways.row('e2e-professional').getByText('RUNNING')).toBeVisible({ timeout: 60_000 });
  await expect(gateways.region.getByText(/: 1 of 5 allowed\.$/)).toBeVisible();
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
  await gateways.region.getByRole('button', { name: 'Refresh' }).click();
  await expect(gateways.region.getByText(/: 5 of 5 allowed\.$/)).toBeVisible();
  await expect(gateways.region.getByText(/the most an account may have \(5\)/)).toBeVisible();
  await gateways.openWizard();
  await expect(gateways.wizard.getByRole('listitem', { name: 'Blocks the purchase: The account already has 5 dedicated gateways in cn-hangzhou; the quota is 5 per region. Delete one you no longer need, or ask Alibaba Cloud to raise the quota (Quota Center or a support ticket).' })).toBeVisible();
  await screenshot(page, 'gateways-quota-reached', { fullPage: true });
  await gateways.wizard.getByRole('button', { name: 'Cancel' }).click();

  // Delete one, with a typed confirmation.
  await gateways.row('e2e-professional').getByRole('button', { name: 'e2e-professional' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete e2e-professional?' });
  await screenshot(page, 'gateways-delete-confirm', { fullPage: true });
  await dialog.getByRole('textbox').fill('e2e-professional');
  await dialog.getByRole('button', { name: 'Delete the gateway' }).click();
  await expect(gateways.row('e2e-professional')).toHaveCount(0, { timeout: 60_000 });
  await expect(gateways.region.getByText(/: 4 of 5 allowed\.$/)).toBeVisible();
  await screenshot(page, 'gateways-after-delete', { fullPage: true });

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
