/**
 * Settings says how secrets are kept, in a warning colour unless they are both encrypted and kept:
 * browser mode's 0600 files are not encrypted. Also: the strict CSP comes with the page and with
 * every script it loads (a worker takes its policy from its own script's response).
 */
import { expect, test } from './fixtures';
import { ConsoleApp } from './pages/console-app';

test('Settings warns that browser mode keeps secrets unencrypted, and every script comes with the CSP', async ({ page, console: server, watch }) => {
  const scripts: { url: string; csp: string | undefined }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
  });
  const app = new ConsoleApp(page);
  await app.open(server);
  await app.goTo('Settings');

  const vault = page.getByRole('alert', { name: 'Secrets storage' });
  await expect(vault).toContainText('Kept in a file only you can read, but not encrypted.');
  await expect(vault).toContainText(server.dataDir);
  await expect(vault).toHaveClass(/MuiAlert-colorWarning/);

  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => !script.csp?.includes("script-src 'self'"))).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});
