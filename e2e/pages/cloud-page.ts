/** The Cloud area: sync (plan, review, apply, progress), stages in the cloud, pull, history. */
import { type Locator, type Page, expect } from '@playwright/test';

export class CloudPage {
  readonly region: Locator;
  readonly planButton: Locator;
  readonly applyButton: Locator;
  readonly summary: Locator;
  readonly review: Locator;
  readonly progress: Locator;
  readonly progressText: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Cloud', exact: true });
    this.planButton = this.region.getByRole('button', { name: /^(Plan|Plan again)$/ });
    this.applyButton = this.region.getByRole('button', { name: /^(Apply \d+ changes?|Nothing to apply)$/ });
    this.summary = this.region.getByLabel('Plan summary');
    this.review = this.region.getByRole('region', { name: 'Plan review' });
    this.progress = this.region.getByRole('region', { name: 'Sync progress' });
    this.progressText = this.progress.getByLabel('Progress text');
    this.failure = this.progress.getByLabel('Sync failure');
  }

  /** The offline cloud's OpenAPI endpoint, from the screen's subtitle (demo mode). */
  async demoEndpoint(): Promise<string> {
    const text = (await this.region.getByText(/^Demo: the offline cloud/).textContent()) ?? '';
    const match = /\((http:\/\/127\.0\.0\.1:\d+)\)/.exec(text);
    if (!match) throw new Error(`No offline cloud address in "${text}"`);
    return match[1];
  }

  tab(name: 'Sync' | 'Stages' | 'Pull' | 'History'): Locator {
    return this.region.getByRole('tab', { name });
  }

  async plan(): Promise<void> {
    await this.planButton.click();
    await expect(this.summary).toBeVisible();
  }

  /** A line of the plan under review, by its operation and name. */
  line(op: string, name: string): Locator {
    return this.review.getByRole('row', { name: `${op} ${name}`, exact: true });
  }

  changeLines(): Locator {
    return this.review.getByRole('row').filter({ has: this.page.getByRole('button', { name: /^Show the fields of / }) });
  }

  /** Applies the plan under review and waits for the run to end in `state`. */
  async apply(state: 'Done' | 'Failed' = 'Done'): Promise<void> {
    await this.applyButton.click();
    await expect(this.progress.getByText(state, { exact: true })).toBeVisible({ timeout: 30_000 });
  }

  stageCell(api: string, stage: string): Locator {
    return this.region.getByRole('cell', { name: `${api} in ${stage}`, exact: true });
  }
}
