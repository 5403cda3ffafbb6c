/** The Gateways area (dedicated instances): the list, purchases, the purchase wizard and one instance's details. */
import { type Locator, type Page, expect } from '@playwright/test';

export class InstancesPage {
  readonly region: Locator;
  readonly wizard: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Gateways', exact: true });
    this.wizard = page.getByRole('region', { name: 'Buy a gateway' });
    this.table = this.region.getByRole('table', { name: 'Gateways' });
  }

  async openWizard(): Promise<void> {
    await this.region.getByRole('button', { name: 'Buy a gateway' }).click();
    await expect(this.wizard.getByRole('button', { name: 'Next' })).toBeVisible();
  }

  async step(label: string): Promise<void> {
    await this.wizard.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  zone(zone: string): Locator {
    return this.wizard.getByRole('checkbox', { name: zone });
  }

  /** Picks an option of one of the wizard's selects by its label. */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.wizard.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).first().click();
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
  }

  meter(zone: string): Locator {
    return this.wizard.getByRole('meter', { name: `Free IPs in ${zone}` });
  }

  findings(): Locator {
    return this.wizard.getByRole('list', { name: /^(Findings of|Every finding)/ });
  }

  buyButton(): Locator {
    return this.wizard.getByRole('button', { name: /^(Buy…|Buying…)$/ });
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name });
  }
}
