/** Settings → Cloud: demo mode and the cloud profiles, the profile dialog, the title bar's chip and the demo banner. */
import { type Locator, type Page, expect } from '@playwright/test';

export interface ProfileFields {
  name?: string;
  region?: string;
  endpoint?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
}

export class SettingsCloudPage {
  readonly section: Locator;
  readonly table: Locator;
  readonly demoRow: Locator;
  readonly demoBanner: Locator;
  /** The title bar's chip naming the connection in force. */
  readonly chip: Locator;
  readonly vaultNotice: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Cloud', exact: true });
    this.table = this.section.getByRole('table', { name: 'Cloud profiles' });
    this.demoRow = this.table.getByRole('row', { name: 'Demo mode' });
    this.demoBanner = page.getByRole('note', { name: 'Demo mode' });
    this.chip = page.getByRole('button', { name: /^Cloud connection: / });
    this.vaultNotice = this.section.getByRole('alert', { name: 'Where AccessKeySecrets are kept' });
  }

  profileRow(name: string): Locator {
    return this.table.getByRole('row', { name: `Profile ${name}`, exact: true });
  }

  /** The offline cloud's OpenAPI endpoint, as the demo row shows it. */
  async demoCloudUrl(): Promise<string> {
    const endpoint = this.demoRow.getByLabel('Offline cloud endpoint');
    await expect(endpoint).toHaveText(/^http:\/\/127\.0\.0\.1:\d+/);
    return (await endpoint.textContent())!.trim();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /cloud profile/ });
  }

  async openAdd(): Promise<Locator> {
    await this.section.getByRole('button', { name: 'Add profile' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a cloud profile' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openEdit(name: string): Promise<Locator> {
    await this.profileRow(name).getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit cloud profile ${name}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Types into the dialog's fields (only those given). */
  async fill(dialog: Locator, fields: ProfileFields): Promise<void> {
    if (fields.name !== undefined) await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name);
    if (fields.region !== undefined) await dialog.getByRole('combobox', { name: 'Region' }).fill(fields.region);
    if (fields.endpoint !== undefined) await dialog.getByRole('textbox', { name: 'Endpoint override' }).fill(fields.endpoint);
    if (fields.accessKeyId !== undefined) await dialog.getByRole('textbox', { name: 'AccessKeyId' }).fill(fields.accessKeyId);
    if (fields.accessKeySecret !== undefined) await dialog.getByLabel('AccessKeySecret').fill(fields.accessKeySecret);
  }

  /** Tests what the dialog holds and returns the answer once it came. */
  async testInDialog(dialog: Locator): Promise<Locator> {
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByRole('alert', { name: 'Connection test' });
    await expect(result).not.toContainText('Calling DescribeRegions');
    return result;
  }

  /** Saves the dialog and waits until it closed. */
  async save(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await expect(dialog).toBeHidden();
  }

  async use(name: string): Promise<void> {
    await this.profileRow(name).getByRole('button', { name: `Use ${name}` }).click();
    await expect(this.profileRow(name)).toContainText('In use');
    await expect(this.demoRow.getByRole('button', { name: 'Use demo mode' })).toBeEnabled();
  }

  async useDemo(): Promise<void> {
    await this.demoRow.getByRole('button', { name: 'Use demo mode' }).click();
    await expect(this.demoRow).toContainText('In use');
    await expect(this.demoRow.getByRole('button', { name: 'Reset demo…' })).toBeEnabled();
  }

  /** Closes the snackbars shown or queued (the frame shows them one at a time). */
  async dismissNotices(): Promise<void> {
    const snackbar = this.page.locator('.MuiSnackbar-root');
    while ((await snackbar.count()) > 0) await snackbar.getByRole('button', { name: 'Close' }).click();
  }
}
