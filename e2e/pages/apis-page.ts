/** The APIs area: the list with its filters, the New API dialog, and one API's editor. */
import { type Locator, type Page, expect } from '@playwright/test';

export const API_TAB_LABELS = ['Basics', 'Request', 'Parameters', 'Backend', 'Auth', 'Responses', 'YAML'] as const;

export class ApisPage {
  readonly list: Locator;
  readonly filter: Locator;
  readonly editorTabs: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('table', { name: 'APIs' });
    this.filter = page.getByLabel('Filter by name, path or description');
    this.editorTabs = page.getByRole('tablist', { name: 'API editor sections' });
  }

  /** The list's row of an API (by its name). */
  row(name: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  async openApi(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
    await expect(this.editorTabs).toBeVisible();
  }

  async createApi(input: { group?: string; name: string; method?: string; path: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New API' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New API' });
    if (input.group) {
      await dialog.getByLabel('Group').click();
      await this.page.getByRole('option', { name: input.group, exact: true }).click();
    }
    await dialog.getByLabel('Name').fill(input.name);
    if (input.method) {
      await dialog.getByLabel('Method').click();
      await this.page.getByRole('option', { name: input.method, exact: true }).click();
    }
    await dialog.getByLabel('Path').fill(input.path);
    await dialog.getByRole('button', { name: 'Create API' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.editorTabs).toBeVisible();
  }

  async tab(label: (typeof API_TAB_LABELS)[number]): Promise<void> {
    await this.editorTabs.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: 'All APIs' }).click();
    await expect(this.list).toBeVisible();
  }

  /** A text field of the editor by its accessible name (exact). */
  field(label: string): Locator {
    return this.page.getByRole('tabpanel').getByRole('textbox', { name: label, exact: true });
  }
}
