/** The Local gateway area: controls and status, the access log, and the debugger. */
import { type Locator, type Page, expect } from '@playwright/test';

export const LISTENING = 'Listening on http://127.0.0.1:';

export class GatewayPage {
  readonly status: Locator;
  readonly startButton: Locator;
  readonly stopButton: Locator;
  readonly log: Locator;
  readonly chart: Locator;
  readonly supervisorMessage: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status', { name: 'Gateway status' });
    this.startButton = page.getByRole('region', { name: 'Gateway controls' }).getByRole('button', { name: 'Start gateway' });
    this.stopButton = page.getByRole('button', { name: 'Stop gateway' });
    this.log = page.getByRole('table', { name: 'Access log' });
    this.chart = page.getByRole('img', { name: /^Calls per second/ });
    this.supervisorMessage = page.getByRole('alert').filter({ hasText: /restart|exit|crash/i });
  }

  /** Starts the gateway on any free port and waits until it listens. */
  async start(): Promise<void> {
    await this.startButton.click();
    await expect(this.status).toContainText(LISTENING);
  }

  /** The URL the status line shows while listening. */
  async url(): Promise<string> {
    await expect(this.status).toContainText(LISTENING);
    const text = (await this.status.textContent()) ?? '';
    const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
    if (!match) throw new Error(`No gateway URL in the status line: ${text}`);
    return match[0];
  }

  async port(): Promise<number> {
    return Number(new URL(await this.url()).port);
  }

  async showLog(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Access log' }).click();
    await expect(this.log).toBeVisible();
  }

  async showDebugger(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Debugger' }).click();
    await expect(this.page.getByRole('region', { name: 'Debugger' })).toBeVisible();
  }

  /** Rows of the log holding a text (a path, a status, an error code). */
  logRows(text: string | RegExp): Locator {
    return this.log.getByRole('row').filter({ hasText: text });
  }

  /** Chooses a value in one of the log's filters. */
  async filter(label: 'Status' | 'API' | 'App' | 'Error code', value: string): Promise<void> {
    await this.page.getByRole('search', { name: 'Filter the access log' }).getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: value, exact: true }).click();
  }
}
