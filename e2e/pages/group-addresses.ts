/** The Local gateway screen's Group addresses: each group's address per stage, curl lines, and the group on 127.0.0.1. */
import { type Locator, type Page } from '@playwright/test';

export class GroupAddresses {
  readonly section: Locator;
  readonly defaultGroup: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Group addresses' });
    this.defaultGroup = this.section.getByRole('combobox', { name: 'Group on 127.0.0.1' });
  }

  group(name: string): Locator {
    return this.section.getByRole('listitem', { name: `Group ${name}`, exact: true });
  }

  address(name: string): Locator {
    return this.section.getByLabel(`Address of ${name}`, { exact: true });
  }

  curl(name: string, stage: string): Locator {
    return this.section.getByLabel(`curl for ${name} in ${stage}`, { exact: true });
  }

  async chooseDefaultGroup(option: string | RegExp): Promise<void> {
    await this.defaultGroup.click();
    await this.page.getByRole('option', { name: option }).click();
  }
}
