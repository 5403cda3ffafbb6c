/** The debugger tab of the Local gateway area. */
import { type Locator, type Page, expect } from '@playwright/test';

export class GatewayDebuggerPage {
  readonly region: Locator;
  readonly sendButton: Locator;
  readonly previewButton: Locator;
  readonly responseStatus: Locator;
  readonly response: Locator;
  readonly signature: Locator;
  readonly likelyCause: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Debugger' });
    this.sendButton = this.region.getByRole('button', { name: /^(Send|Sending…)$/ });
    this.previewButton = this.region.getByRole('button', { name: 'Preview' });
    this.responseStatus = page.getByLabel('Response status');
    this.response = page.getByRole('region', { name: 'Response' });
    this.signature = page.getByRole('region', { name: 'Signature comparison' });
    this.likelyCause = this.signature.getByLabel('Likely cause');
  }

  /** Picks a value of one of the debugger's selects (Group, API, Stage, Method, App, AppKey...). */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.region.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async chooseApi(api: string, stage: 'TEST' | 'PRE' | 'RELEASE'): Promise<void> {
    await this.choose('API', new RegExp(`^${api}\\b`));
    await this.choose('Stage', new RegExp(`^${stage}`));
  }

  async auth(kind: 'Anonymous' | 'AppCode' | 'Signature'): Promise<void> {
    await this.region.getByRole('group', { name: 'Authentication' }).getByRole('button', { name: kind }).click();
  }

  field(label: string): Locator {
    return this.region.getByRole('textbox', { name: label, exact: true });
  }

  /** Adds a header row with a name and a value. */
  async addHeader(name: string, value: string): Promise<void> {
    const headers = this.region.getByRole('region', { name: 'Headers' });
    await headers.getByRole('button', { name: 'Add header' }).click();
    const names = headers.getByRole('textbox', { name: /^Header \d+ name$/ });
    const index = (await names.count()) - 1;
    await names.nth(index).fill(name);
    await headers.getByRole('textbox', { name: /^Header \d+ value$/ }).nth(index).fill(value);
  }

  /** Sends the call and waits until the answer is shown. */
  async send(): Promise<void> {
    await this.sendButton.click();
    await expect(this.sendButton).toHaveText('Send');
    await expect(this.page.getByRole('tab', { name: 'Response' })).toHaveAttribute('aria-selected', 'true');
  }

  /** The request id link of the last answer. */
  requestIdLink(): Locator {
    return this.response.getByRole('button', { name: /^Show request .+ in the access log$/ });
  }

  /** Rows of the StringToSign comparison that differ. */
  differingRows(): Locator {
    return this.signature.getByRole('row').filter({ hasText: '(differs)' });
  }
}
