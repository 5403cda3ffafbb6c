/** The console's frame: navigation, top bar, status bar, search. */
import { type Locator, type Page, expect } from '@playwright/test';
import type { ConsoleServer } from '../fixtures';

export const AREA_LABELS = ['APIs', 'Groups', 'Stages', 'Throttling', 'Apps', 'Plugins', 'Local gateway', 'Cloud', 'Gateways', 'Settings'] as const;
export type AreaLabel = (typeof AREA_LABELS)[number];

export class ConsoleApp {
  readonly nav: Locator;
  readonly unsaved: Locator;
  readonly saveButton: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly statusBar: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Areas' });
    this.unsaved = page.getByRole('status', { name: 'Unsaved changes' });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.undoButton = page.getByRole('button', { name: 'Undo' });
    this.redoButton = page.getByRole('button', { name: 'Redo' });
    this.statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
  }

  /** Opens the console and waits until the project has loaded. */
  async open(server: ConsoleServer): Promise<void> {
    await this.page.goto(server.url);
    await expect(this.nav).toBeVisible();
    await expect(this.page.getByRole('status', { name: 'Loading the project' })).toHaveCount(0);
  }

  navLink(area: AreaLabel): Locator {
    return this.nav.getByRole('button', { name: area, exact: true });
  }

  async goTo(area: AreaLabel): Promise<void> {
    await this.navLink(area).click();
    await expect(this.navLink(area)).toHaveAttribute('aria-current', 'page');
  }

  /** Saves with the button and waits until nothing is unsaved. */
  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.unsaved).toHaveCount(0);
  }

  async search(query: string): Promise<Locator> {
    await this.page.keyboard.press('ControlOrMeta+k');
    const dialog = this.page.getByRole('dialog', { name: 'Search' });
    await dialog.getByLabel('Search groups, APIs and apps').fill(query);
    return dialog;
  }

  problemsButton(): Locator {
    return this.statusBar.getByRole('button', { name: /problem/ });
  }
}
