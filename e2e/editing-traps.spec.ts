/**
 * Traps a newcomer met while editing (issue 17, items 3, 4 and 7): saving an invalid project said
 * "Saved" while the gateway kept the old version and invalid mock JSON showed "No problems", the
 * stage diff raised an uncaught error every time it closed, Ctrl+Z in a text area took back one
 * character at a time, and the Stages screen and the API editor each had a Deploy dialog of their own.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ApisPage } from './pages/apis-page';
import { ConsoleApp } from './pages/console-app';
import { GatewayPage } from './pages/gateway-page';

/** Where these journeys leave screenshots for people to look at (light/dark, 1024 and 1440 wide). */
const SHOTS = process.env.SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, animations: 'disabled' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('closing the stage diff raises no error, however it closes', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  await app.goTo('Stages');
  await page.getByRole('checkbox', { name: 'Select limited' }).check();
  await page.getByRole('button', { name: 'Deploy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy limited' });
  await dialog.getByRole('button', { name: 'Deploy to TEST' }).click();
  await expect(dialog).toBeHidden();

  const diff = page.getByRole('region', { name: 'History of limited in TEST' }).locator('.monaco-diff-editor');
  // Closed by opening another stage's history (the panel is replaced) ...
  await page.getByRole('button', { name: /^limited in TEST: version 1\b/ }).click();
  await expect(diff).toBeVisible();
  await shoot(page, 'stages-history-diff');
  await page.getByRole('button', { name: /^limited in PRE/ }).click();
  await expect(page.getByRole('region', { name: 'History of limited in PRE' })).toBeVisible();
  await expect(page.locator('.monaco-diff-editor')).toHaveCount(0);
  // ... by changing what it compares with, and by leaving the screen.
  await page.getByRole('button', { name: /^limited in TEST: version 1\b/ }).click();
  await expect(diff).toBeVisible();
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.getByRole('option', { name: 'What PRE serves' }).click();
  await expect(page.getByText('Right: what PRE serves (PRE does not serve this API).')).toBeVisible();
  await app.goTo('APIs');
  await expect(page.locator('.monaco-diff-editor')).toHaveCount(0);

  expect(watch.consoleErrors).toEqual([]);
});

test('Ctrl+Z in a text field takes back what was typed there, as one step, and Ctrl+Shift+Z brings it back', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);
  await apis.openApi('limited');

  // A design field of several lines: its typing is one step of the project's undo.
  const description = apis.field('Description');
  const before = await description.inputValue();
  await description.click();
  await description.press('ControlOrMeta+End');
  await page.keyboard.type(' hello world');
  await expect(description).toHaveValue(`${before} hello world`);
  await shoot(page, 'api-editor-typed-description');
  await description.focus();
  await page.keyboard.press('ControlOrMeta+z');
  expect(await description.inputValue()).toBe(before);
  await expect(description).toBeFocused();
  // Nothing more of this field to undo: a second Ctrl+Z changes nothing.
  await page.keyboard.press('ControlOrMeta+z');
  expect(await description.inputValue()).toBe(before);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  expect(await description.inputValue()).toBe(`${before} hello world`);

  // A one-line design field alike; the toolbar's Undo takes back the same step.
  await apis.tab('Request');
  const path = apis.field('Path');
  const route = await path.inputValue();
  await path.click();
  await path.press('End');
  await page.keyboard.type('/more');
  await page.keyboard.press('ControlOrMeta+z');
  expect(await path.inputValue()).toBe(route);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  expect(await path.inputValue()).toBe(`${route}/more`);
  await app.undoButton.click();
  await expect(path).toHaveValue(route);
  // Outside a field, Ctrl+Z is the project's undo: the description typed above goes too.
  await page.keyboard.press('ControlOrMeta+z');
  await apis.tab('Basics');
  await expect(description).toHaveValue(before);

  // A dialog's field (not the design) keeps the browser's own undo, also in runs.
  await page.getByRole('button', { name: 'Deploy…' }).click();
  const note = page.getByRole('dialog', { name: 'Deploy limited' }).getByRole('textbox', { name: 'Description (optional)' });
  await note.click();
  await page.keyboard.type('hello world');
  await page.keyboard.press('ControlOrMeta+z');
  expect(await note.inputValue()).toBe('');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  expect(await note.inputValue()).toBe('hello world');

  expect(watch.consoleErrors).toEqual([]);
});

test('the Stages screen and the API editor open the same Deploy dialog, with one description', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);

  await app.goTo('Stages');
  await page.getByRole('checkbox', { name: 'Select limited' }).check();
  await page.getByRole('button', { name: 'Deploy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy limited' });
  await expect(dialog).toBeVisible();
  const fromStages = await dialog.ariaSnapshot();
  await shoot(page, 'deploy-dialog-from-stages');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await app.goTo('APIs');
  await apis.openApi('limited');
  await page.getByRole('button', { name: 'Deploy…' }).click();
  await expect(dialog).toBeVisible();
  expect(await dialog.ariaSnapshot()).toBe(fromStages);
  for (const stage of ['TEST', 'PRE', 'RELEASE']) await expect(dialog.getByRole('checkbox', { name: stage })).toBeVisible();
  await expect(dialog.getByRole('radio')).toHaveCount(0);
  await expect(dialog.getByRole('textbox')).toHaveCount(1);

  // Several stages at once, with one description; none ticked cannot deploy and says why.
  await dialog.getByRole('checkbox', { name: 'TEST' }).uncheck();
  await expect(dialog.getByText('Choose at least one stage.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Deploy', exact: true })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'PRE' }).check();
  await dialog.getByRole('checkbox', { name: 'TEST' }).check();
  await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Both stages from the editor');
  await shoot(page, 'deploy-dialog-two-stages');
  await dialog.getByRole('button', { name: 'Deploy to TEST, PRE' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.unsaved).toHaveCount(0);

  await app.goTo('Stages');
  for (const stage of ['TEST', 'PRE']) {
    await page.getByRole('button', { name: new RegExp(`^limited in ${stage}: version 1\\b`) }).click();
    const versions = page.getByRole('table', { name: `Versions of limited in ${stage}` });
    await expect(versions.getByRole('row').nth(1)).toContainText('Both stages from the editor');
  }
  expect(watch.consoleErrors).toEqual([]);
});

test('saving an invalid project writes it but says the gateway keeps the last valid version; invalid mock JSON is a problem at its field', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  const gateway = new GatewayPage(page);
  await app.open(server);
  await app.goTo('Local gateway');
  await gateway.start();
  await app.goTo('APIs');

  // A mock body declared JSON (Content-Type application/json) with a trailing comma, and a status
  // code the cloud refuses: two problems.
  await apis.openApi('hello');
  await apis.tab('Backend');
  await page.getByRole('textbox', { name: 'Mock body of hello' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"message": "hi",}');
  // The editor closed the first `{` and `"` as they came in: drop what it added after the cursor.
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Delete');
  const statusCode = page.getByRole('tabpanel').getByRole('textbox', { name: /^Status code/ });
  await statusCode.fill('299');
  await statusCode.blur();

  const jsonProblem =
    'Mock body is not valid JSON, though its Content-Type header is `application/json`: at line 1, column 18 of the body, ' +
    'a trailing `,` before `}` is not allowed in JSON. Fix the JSON, or declare another Content-Type.';
  // At its field, under the body ...
  await expect(page.getByRole('tabpanel').getByText(jsonProblem)).toBeVisible();
  // ... and in the Problems list with its path.
  await expect(app.problemsButton()).toHaveText('2 problems');
  await app.problemsButton().click();
  const list = page.getByRole('dialog', { name: 'Problems' }).getByRole('list', { name: 'Problems list' });
  const item = list.getByRole('button').filter({ hasText: jsonProblem });
  await expect(item).toContainText(/apis\[\d+\]\.backend\.body/);
  await shoot(page, 'problems-mock-json');
  await item.click();
  await expect(page.getByRole('dialog', { name: 'Problems' })).toBeHidden();

  // Save still writes, and says what the gateway does with it.
  await app.save();
  const toast = page.getByRole('alert').filter({ hasText: 'Saved with' });
  await expect(toast).toHaveText('Saved with 2 problems — the gateway keeps serving the last valid version. The Problems list shows where.');
  await toast.hover(); // stays while pointed at, for the screenshots
  await shoot(page, 'saved-with-problems');
  expect(await readFile(server.projectFile, 'utf8')).toContain(`body: '{"message": "hi",}'`);

  await app.goTo('Local gateway');
  const refused = page.getByRole('alert', { name: 'Reload refused' });
  await expect(refused).toContainText('Saved with 2 problems — the gateway keeps serving the last valid version.');
  await expect(refused).toContainText('Mock body is not valid JSON');
  await shoot(page, 'gateway-reload-refused');

  expect(watch.consoleErrors).toEqual([]);
});
