/**
 * Journeys through the design screens other than APIs (Groups, Stages, Throttling, Apps,
 * Plug-ins, Import), in browser mode against a real `apigw-studio ui` with a fresh data dir.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { type ConsoleServer, expect, test, screenshot } from './fixtures';
import { ApisPage } from './pages/apis-page';
import { ConsoleApp } from './pages/console-app';
import { loadProject } from '../host/workspace/project-store';
import { localStatePathFor } from '../shared/project-file';

const OPENAPI_20_PATHS = resolve(import.meta.dirname, 'fixtures', 'openapi-20-paths.yaml');

/** Calls the host the way the console does (for setting up projects, never for what a journey checks). */
async function hostCall(server: ConsoleServer, channel: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Agw-Token': server.token },
    body: JSON.stringify(args),
  });
  const outcome = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error?.message}`);
  return outcome.result;
}

interface FileRecord {
  version: number;
  description?: string;
  rollbackOf?: number;
  definition?: unknown;
}
interface FileProject {
  deployments: { group: string; api: string; stage: string; history: FileRecord[] }[];
  authorizations: { app: string; api: string; stage: string }[];
  apps: { name: string }[];
}

/** The project as saved: the design file and its state files beside it (docs/project-file.md, "Three kinds of data"). */
async function readProject(server: ConsoleServer): Promise<FileProject> {
  return (await loadProject(server.projectFile)).project as unknown as FileProject;
}

/** Picks an option of an MUI select by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('deploys an API to TEST twice, rolls back to version 1, and the file keeps the history', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  await app.goTo('Stages');

  const deploy = async (description: string) => {
    await page.getByRole('button', { name: 'Deploy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deploy limited' });
    await dialog.getByRole('checkbox', { name: 'TEST' }).check();
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Deploy to TEST' }).click();
    await expect(dialog).toBeHidden();
  };
  await expect(page.getByRole('button', { name: /^limited in TEST: not deployed/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select limited' }).check();
  await deploy('First deployment from e2e');
  await expect(page.getByRole('button', { name: /^limited in TEST: version 1\b/ })).toBeVisible();
  await deploy('Second deployment from e2e');
  const cell = page.getByRole('button', { name: /^limited in TEST: version 2\b/ });
  await expect(cell).toBeVisible();
  await screenshot(page, 'stages');

  await cell.click();
  const history = page.getByRole('region', { name: 'History of limited in TEST' });
  await expect(history.getByRole('table', { name: 'Versions of limited in TEST' }).getByRole('row')).toHaveCount(3);
  await history.getByRole('button', { name: 'Roll back to version 1' }).click();
  const confirm = page.getByRole('dialog', { name: 'Roll limited in TEST back to version 1?' });
  await confirm.getByRole('button', { name: 'Roll back to version 1' }).click();
  await expect(confirm).toBeHidden();

  const versions = history.getByRole('table', { name: 'Versions of limited in TEST' });
  await expect(versions.getByRole('row')).toHaveCount(4);
  await expect(versions.getByRole('row').nth(1)).toContainText('v3');
  await expect(versions.getByRole('row').nth(1)).toContainText('Rollback of v1');
  await expect(page.getByRole('button', { name: /^limited in TEST: version 3\b/ })).toBeVisible();
  await expect(app.unsaved).toHaveCount(0);
  await screenshot(page, 'stages-history');

  // The diff compares the served snapshot with the working copy (identical here) in Monaco.
  await expect(history.getByText('Left: TEST version 3. Right: the working copy.')).toBeVisible();

  await expect
    .poll(async () => (await readProject(server)).deployments.find((d) => d.api === 'limited' && d.stage === 'TEST')?.history.map((r) => [r.version, r.rollbackOf ?? null]))
    .toEqual([
      [1, null],
      [2, null],
      [3, 1],
    ]);
  const records = (await readProject(server)).deployments.find((d) => d.api === 'limited' && d.stage === 'TEST')!.history;
  expect(records.map((r) => r.description)).toEqual(['First deployment from e2e', 'Second deployment from e2e', 'Rollback to version 1']);
  expect(records.every((r) => r.definition !== undefined)).toBe(true);

  // What TEST serves, exported as OpenAPI and downloaded as a file.
  await page.getByRole('button', { name: 'Export OpenAPI' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export demo_hello_api as OpenAPI' });
  const downloading = page.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ya?ml$/);
  const exported = parse(await readFile(await download.path(), 'utf8')) as { openapi: string; paths: Record<string, unknown> };
  expect(exported.openapi).toMatch(/^3\.0/);
  expect(Object.keys(exported.paths)).toContain('/limited');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('imports an OpenAPI 3 file with 20 paths after a preview, as one undoable edit', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  const apis = new ApisPage(page);
  await app.open(server);

  await page.getByRole('button', { name: 'Import OpenAPI…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import APIs from OpenAPI or Swagger' });
  await dialog.getByLabel('OpenAPI or Swagger file').setInputFiles(OPENAPI_20_PATHS);
  await expect(dialog.getByText('openapi-20-paths.yaml')).toBeVisible();
  await dialog.getByRole('radio', { name: 'A new group' }).check();
  await dialog.getByLabel('New group name').fill('pet_clinic');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByRole('table', { name: 'APIs to import' });
  await expect(preview.getByRole('row')).toHaveCount(21);
  await expect(dialog.getByText('20 APIs into group pet_clinic')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
  await screenshot(page, 'import-preview');
  // Nothing changed before applying.
  await expect(app.unsaved).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Import 20 APIs' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.unsaved).toBeVisible();
  for (const name of ['listPets', 'getPet', 'listOrders', 'getOrder']) await expect(apis.row(name)).toBeVisible();

  // Undo takes the whole import back in one step.
  await app.undoButton.click();
  await expect(apis.row('listPets')).toHaveCount(0);
  await app.redoButton.click();
  await expect(apis.row('listPets')).toBeVisible();

  await app.goTo('Groups');
  await expect(page.getByRole('table', { name: 'API groups' }).getByRole('row', { name: /pet_clinic/ })).toContainText('20');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('creates an app, generates credentials, reveals the secret and authorizes the app', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  await app.goTo('Apps');

  await page.getByRole('button', { name: 'New app' }).click();
  const create = page.getByRole('dialog', { name: 'New app' });
  await create.getByLabel('Name').fill('e2e_caller');
  await create.getByLabel('Description').fill('Created by the design journey.');
  await create.getByRole('button', { name: 'Create app' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole('heading', { name: 'e2e_caller' })).toBeVisible();

  // Credentials are written by the host to the secrets file, not into the design.
  await page.getByRole('button', { name: 'Generate credentials' }).click();
  const credentials = page.getByRole('table', { name: 'Credentials of e2e_caller' });
  await expect(credentials.getByRole('row')).toHaveCount(2);
  const show = credentials.getByRole('button', { name: /^Show AppSecret of / });
  const appKey = ((await show.getAttribute('aria-label')) ?? '').replace('Show AppSecret of ', '');
  await expect(credentials.getByLabel(`AppSecret of ${appKey} (hidden)`)).toHaveText(/^•+$/);
  await show.click();
  const secret = credentials.getByLabel(`AppSecret of ${appKey}`, { exact: true });
  await expect(secret).not.toHaveText(/•/);
  await expect(credentials.getByText(/^Hides in \d+ s$/)).toBeVisible();
  const secretsFile = join(dirname(server.projectFile), 'quickstart.secrets.yaml');
  const onDisk = parse(await readFile(secretsFile, 'utf8')) as { apps: Record<string, { keys: { appKey: string; appSecret: string }[] }> };
  expect(onDisk.apps['e2e_caller'].keys[0]).toEqual({ appKey, appSecret: await secret.textContent() });
  await screenshot(page, 'apps-credentials');
  await credentials.getByRole('button', { name: `Hide AppSecret of ${appKey}` }).click();
  await expect(credentials.getByLabel(`AppSecret of ${appKey} (hidden)`)).toBeVisible();

  await page.getByRole('button', { name: 'Authorize on an API' }).click();
  const authorize = page.getByRole('dialog', { name: 'Authorize e2e_caller on an API' });
  await choose(page, authorize, 'API', 'secure_hello GET /secure/hello');
  await authorize.getByLabel('Expires (your local time)').fill('2031-06-30T12:00');
  await authorize.getByRole('button', { name: 'Authorize' }).click();
  await expect(authorize).toBeHidden();
  const authorizations = page.getByRole('table', { name: 'Authorizations of e2e_caller' });
  await expect(authorizations.getByRole('row')).toHaveCount(2);
  await expect(authorizations).toContainText('secure_hello');
  await expect(authorizations).toContainText('Active');

  // An authorization whose expiry has passed stays listed, marked Expired.
  await page.getByRole('button', { name: 'Authorize on an API' }).click();
  await choose(page, authorize, 'API', 'secure_hello GET /secure/hello');
  await choose(page, authorize, 'Stage', 'RELEASE');
  await authorize.getByLabel('Expires (your local time)').fill('2020-01-01T00:00');
  await expect(authorize.getByText('This expiry is in the past')).toBeVisible();
  await authorize.getByRole('button', { name: 'Authorize' }).click();
  await expect(authorizations.getByRole('row')).toHaveCount(3);
  await expect(authorizations.getByRole('row').filter({ hasText: 'RELEASE' })).toContainText('Expired');
  await screenshot(page, 'apps-authorizations');

  await app.save();
  const saved = await readProject(server);
  expect(saved.apps.map((a) => a.name)).toContain('e2e_caller');
  expect(saved.authorizations).toContainEqual(expect.objectContaining({ app: 'e2e_caller', api: 'secure_hello', stage: 'TEST' }));
  expect(await readFile(server.projectFile, 'utf8')).not.toContain(onDisk.apps['e2e_caller'].keys[0].appSecret);

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

/** The names an older version's quickstart had (with `-`), as today's are spelled. */
const OLD_NAMES: [string, string][] = [
  ['demo_hello_api', 'demo-hello-api'],
  ['demo_caller_app', 'demo-caller-app'],
  ['demo_low_qps', 'demo-low-qps'],
];

/**
 * Turns the data dir's demo copy into the one an older version left there: names with `-`, synced
 * once to the offline cloud (ids under `cloud`), the app's credentials under its old name.
 */
async function writeOlderDemoCopy(server: ConsoleServer): Promise<{ groupId: string; appId: string; policyId: string }> {
  const secretsFile = join(dirname(server.projectFile), 'quickstart.secrets.yaml');
  let project = await readFile(server.projectFile, 'utf8');
  let secrets = await readFile(secretsFile, 'utf8');
  for (const [now, before] of OLD_NAMES) {
    project = project.replaceAll(now, before);
    secrets = secrets.replaceAll(now, before);
  }
  const ids = { groupId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', appId: '20112314518278', policyId: 'f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1' };
  const parsed = parse(project) as Record<string, unknown>;
  // An older version kept the stages' deployments in the project file itself (docs/project-file.md, "Three kinds of data").
  const localState = localStatePathFor(server.projectFile);
  let local = await readFile(localState, 'utf8');
  for (const [now, before] of OLD_NAMES) local = local.replaceAll(now, before);
  parsed.deployments = (parse(local) as { deployments: unknown[] }).deployments;
  await rm(localState);
  parsed.cloud = {
    'demo/cn-hangzhou': {
      syncedAt: '2026-11-23T10:00:00.000Z',
      groups: { 'demo-hello-api': ids.groupId },
      apis: { 'demo-hello-api/hello': 'b1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
      apps: { 'demo-caller-app': ids.appId },
      throttlingPolicies: { 'demo-low-qps': ids.policyId },
      plugins: {},
    },
  };
  await writeFile(server.projectFile, stringify(parsed));
  await writeFile(secretsFile, secrets);
  return ids;
}

test('an older project with names the cloud refuses: the problem with its fix, one-step rename, saved with its cloud ids', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  const ids = await writeOlderDemoCopy(server);
  // What a user who had the demo copy of an older version sees when the console opens it.
  await hostCall(server, 'agw:project.open', [server.projectFile]);
  await page.reload();
  await expect(app.nav).toBeVisible();

  // The file loads; its names are problems, each with the name to use.
  const banner = page.getByRole('alert', { name: 'Names Alibaba Cloud refuses' });
  await expect(banner).toContainText('3 names in this project are refused by Alibaba Cloud');
  const renameAll = banner.getByRole('button', { name: 'Rename 3 names to what Alibaba Cloud accepts' });
  await expect(app.problemsButton()).toHaveText('3 problems');
  await app.goTo('Groups');
  await page.getByRole('row', { name: /demo-hello-api/ }).click();
  const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(nameField).toHaveValue('demo-hello-api');
  await expect(page.getByText('Alibaba Cloud refuses `-` in group names; use `demo_hello_api`.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use demo_hello_api' })).toBeVisible();
  // Typing another name with `-` is refused at the field, with its fix.
  await nameField.fill('hello-group');
  await expect(page.getByText('Alibaba Cloud refuses `-` in group names; use `hello_group`.')).toBeVisible();
  await nameField.press('Escape');

  const shoot = async (name: string) => {
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width, height });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  await shoot('names-problem');

  // The problems list offers the same one step.
  await app.problemsButton().click();
  const problems = page.getByRole('dialog', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: 'Rename 3 names to what Alibaba Cloud accepts' })).toBeVisible();
  await expect(problems).toContainText('App name `demo-caller-app`: Alibaba Cloud refuses `-` in app names; use `demo_caller_app`.');
  await shoot('names-problems-list');
  await page.keyboard.press('Escape');

  await renameAll.click();
  const dialog = page.getByRole('dialog', { name: 'Rename the names Alibaba Cloud refuses' });
  const renames = dialog.getByRole('table', { name: 'Renames' });
  await expect(renames.getByRole('row')).toHaveCount(4);
  await expect(renames.getByRole('row', { name: /demo-low-qps/ })).toContainText('demo_low_qps');
  await shoot('names-rename-dialog');
  await dialog.getByRole('button', { name: 'Rename 3 names' }).click();
  await expect(dialog).toBeHidden();

  await expect(banner).toHaveCount(0);
  await expect(app.problemsButton()).toHaveText(/No problems/);
  await expect(page.getByRole('heading', { name: 'demo_hello_api', level: 2 })).toBeVisible();
  await shoot('names-renamed');

  await app.save();
  // The console says once where the older file's state went (after the save's own notice).
  await expect(page.getByRole('alert').filter({ hasText: 'quickstart.apigw.yaml is now in the new layout' })).toContainText('quickstart.apigw.yaml.bak', { timeout: 15_000 });
  const saved = (await loadProject(server.projectFile)).project as unknown as Record<string, unknown> & FileProject & { cloud: Record<string, Record<string, Record<string, string>>> };
  // The older file's ids moved to the demo profile's cloud-state file on this first save.
  expect(await readFile(server.projectFile, 'utf8')).not.toMatch(/^cloud:/m);
  expect(JSON.stringify({ ...saved, cloud: undefined })).not.toMatch(/demo-hello-api|demo-caller-app|demo-low-qps/);
  expect(saved.authorizations.map((a) => a.app)).toEqual(['demo_caller_app', 'demo_caller_app']);
  // The cloud ids moved to the new names: the next sync renames these objects instead of creating new ones.
  const cloud = saved.cloud['demo/cn-hangzhou'];
  expect(cloud.groups).toEqual({ demo_hello_api: ids.groupId });
  expect(cloud.apis).toEqual({ 'demo_hello_api/hello': 'b1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' });
  expect(cloud.apps).toEqual({ demo_caller_app: ids.appId });
  expect(cloud.throttlingPolicies).toEqual({ demo_low_qps: ids.policyId });
  // The app's credentials followed it in the secrets file.
  const secrets = parse(await readFile(join(dirname(server.projectFile), 'quickstart.secrets.yaml'), 'utf8')) as { apps: Record<string, unknown> };
  expect(Object.keys(secrets.apps)).toEqual(['demo_caller_app']);

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

/** A copy of the quickstart with a very long name in every list, to see how screens cope. */
async function writeLongNamesProject(server: ConsoleServer): Promise<string> {
  const project = parse(await readFile(server.projectFile, 'utf8')) as Record<string, unknown[] | undefined>;
  const list = (key: string) => (project[key] ??= []);
  const long = 'a_very_long_name_that_fills_the_whole_column_xyz';
  list('groups').push({ name: `group_${long}`.slice(0, 50), description: `A group with a long description: ${'lorem ipsum '.repeat(12)}`.slice(0, 180) });
  list('throttlingPolicies').push({ name: `policy_${long}`.slice(0, 50), unit: 'MINUTE', apiDefault: 1000, userDefault: 100, appDefault: 10 });
  list('apps').push({ name: 'app_with_26_characters_xyz', description: 'The longest app name the cloud allows.' });
  list('plugins').push({ name: `plugin_${long}`.slice(0, 50), type: 'cors', cors: { allowOrigins: ['https://a-very-long-subdomain.of-an-example-domain.example.com'] } });
  const path = join(server.dataDir, 'projects', 'long-names.apigw.yaml');
  await writeFile(path, stringify(project));
  // The stages' deployments live in the local state beside the design (docs/project-file.md, "Three kinds of data").
  await mkdir(dirname(localStatePathFor(path)), { recursive: true });
  await copyFile(localStatePathFor(server.projectFile), localStatePathFor(path));
  return path;
}

test('screens: normal, empty, dark and with long names', async ({ page, console: server, watch }) => {
  const app = new ConsoleApp(page);
  await app.open(server);
  const shoot = async (suffix: string) => {
    for (const [area, name] of [
      ['Groups', 'groups'],
      ['Stages', 'stages'],
      ['Throttling', 'throttling'],
      ['Apps', 'apps'],
      ['Plugins', 'plugins'],
    ] as const) {
      await app.goTo(area);
      await expect(page.getByRole('region', { name: area === 'Plugins' ? 'Plug-ins' : area })).toBeVisible();
      await screenshot(page, `${name}${suffix}`);
    }
  };
  await shoot('');

  // Deleting a group lists what goes with it.
  await app.goTo('Groups');
  await page.getByRole('button', { name: 'Delete group' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete group demo_hello_api?' });
  await expect(remove).toContainText('4 APIs: hello, secure_hello, limited, get_user');
  await expect(remove.getByRole('button', { name: 'Delete group and 4 APIs' })).toBeDisabled();
  await screenshot(page, 'groups-delete');
  await remove.getByRole('button', { name: 'Cancel' }).click();

  // Throttling explains the limit order, and warns when a binding's API is anonymous.
  await app.goTo('Throttling');
  await expect(page.getByRole('heading', { name: 'demo_low_qps', level: 2 })).toBeVisible();
  await expect(page.getByText('Limits must be in order: app ≤ user ≤ API.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Bind to an API' }).click();
  const bind = page.getByRole('dialog', { name: 'Bind demo_low_qps to an API' });
  await choose(page, bind, 'API', 'hello GET /hello');
  await expect(bind.getByText(/API hello is ANONYMOUS/)).toBeVisible();
  await screenshot(page, 'throttling-bind');
  await bind.getByRole('button', { name: 'Cancel' }).click();

  // An IP access control plug-in: an invalid block gets the shared rule's message at its field.
  await app.goTo('Plugins');
  await page.getByRole('button', { name: 'New plug-in' }).click();
  const create = page.getByRole('dialog', { name: 'New plug-in' });
  await create.getByLabel('Name').fill('office_only');
  await create.getByRole('button', { name: 'Create plug-in' }).click();
  await expect(create).toBeHidden();
  const block = page.getByLabel('Address or CIDR block 1');
  await block.fill('10.0.0.300/8');
  await expect(page.getByText(/IP block `10.0.0.300\/8` of plug-in `office_only` is not an IPv4\/IPv6 address or CIDR block/)).toBeVisible();
  await screenshot(page, 'plugins-ip-control-problem');
  await block.fill('10.0.0.0/8');
  await expect(page.getByText(/is not an IPv4\/IPv6 address/)).toHaveCount(0);
  await screenshot(page, 'plugins-ip-control');

  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot('-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await hostCall(server, 'agw:project.open', [await writeLongNamesProject(server)]);
  await page.reload();
  await expect(app.nav).toBeVisible();
  for (const [area, name, item] of [
    ['Groups', 'groups', 'group_a_very_long_name_that_fills_the_whole_column'],
    ['Throttling', 'throttling', 'policy_a_very_long_name_that_fills_the_whole_colum'],
    ['Apps', 'apps', 'app_with_26_characters_xyz'],
    ['Plugins', 'plugins', 'plugin_a_very_long_name_that_fills_the_whole_colum'],
  ] as const) {
    await app.goTo(area);
    await page.getByRole('row', { name: new RegExp(item.slice(0, 30)) }).click();
    await screenshot(page, `${name}-long-names`);
  }

  // Renaming a group carries its APIs' stage histories along.
  await app.goTo('Groups');
  await page.getByRole('row', { name: /demo_hello_api/ }).click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('hello_group');
  await name.press('Enter');
  await expect(page.getByRole('heading', { name: 'hello_group', level: 2 })).toBeVisible();
  await app.goTo('Stages');
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveText('hello_group');
  await expect(page.getByRole('button', { name: /^hello in TEST: version 1\b/ })).toBeVisible();
  await expect(app.problemsButton()).toHaveText(/No problems/);

  const empty = join(server.dataDir, 'projects', 'empty.apigw.yaml');
  await hostCall(server, 'agw:project.create', [{ path: empty, name: 'empty' }]);
  await page.reload();
  await expect(app.nav).toBeVisible();
  await shoot('-empty');
  await app.goTo('Groups');
  await expect(page.getByText('No API groups yet')).toBeVisible();

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
