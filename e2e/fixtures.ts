/**
 * Test fixtures for the console journeys. `console` starts `apigw-studio ui` for one test, with a
 * fresh data dir (the quickstart opens in demo mode) and a free port, and stops it afterwards.
 * `watch` records what a journey must not cause: console errors, failed pages, and requests to
 * any host other than the local console.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, test as base, expect } from '@playwright/test';
import { type ConsoleServer, REPO, startConsole, stopConsole } from './console-server';

export type { ConsoleServer };

export interface Watch {
  consoleErrors: string[];
  /** Requests to hosts other than 127.0.0.1/localhost. */
  foreignRequests: string[];
}

export const test = base.extend<{ console: ConsoleServer; watch: Watch }>({
  console: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'agw-e2e-'));
    const { server, child } = await startConsole(dataDir);
    try {
      await use(server);
    } finally {
      await stopConsole(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  watch: async ({ page }, use) => {
    const watch: Watch = { consoleErrors: [], foreignRequests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') watch.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watch.consoleErrors.push(`Uncaught: ${error.message}`));
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url());
      if (protocol === 'data:' || protocol === 'blob:') return;
      if (hostname !== '127.0.0.1' && hostname !== 'localhost') watch.foreignRequests.push(request.url());
    });
    await use(watch);
  },
});

export { expect };

/** Where journeys save screenshots for people to look at. */
export const SCREENS_DIR = join(REPO, 'test-results', 'screens');

/** Saves a screenshot for people to look at: `test-results/screens/<name>.png`. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled', fullPage: options.fullPage });
}
