import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/project-file';
import { smallProject } from '../../shared/project-file/test-projects';
import type { CliIo } from './cli-io';
import { runCli } from './main';

const BIN = fileURLToPath(new URL('../../bin/apigw-studio.js', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real executable, from `dir`, the way a person would. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Runs the CLI in this process, for the cases that need no real executable. */
async function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('apigw-studio validate', () => {
  it('exits 0 and says what the project holds', async () => {
    await writeFile(join(dir, 'shop.apigw.yaml'), serializeProject(smallProject()));
    expect(await cli('validate', 'shop.apigw.yaml')).toEqual({ code: 0, stdout: 'shop.apigw.yaml: valid (2 APIs in 2 groups)\n', stderr: '' });
  });

  it('exits 1 and prints each problem as file:line: path: message', async () => {
    const text = serializeProject(smallProject()).replace('name: shop\n', 'name: shop\ncolour: blue\n');
    await writeFile(join(dir, 'shop.apigw.yaml'), text);
    const line = text.split('\n').indexOf('colour: blue') + 1;
    const { code, stdout, stderr } = await cli('validate', 'shop.apigw.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`^shop\\.apigw\\.yaml:${line}: colour: .+`));
    expect(stderr).toContain('shop.apigw.yaml: 1 problem');
  });

  it('exits 2 for a file it cannot read, naming it', async () => {
    const { code, stderr } = await inProcess('validate', 'missing.apigw.yaml');
    expect(code).toBe(2);
    expect(stderr).toBe('apigw-studio validate: cannot read project file missing.apigw.yaml: the file does not exist');
  });
});

describe('apigw-studio format', () => {
  const MESSY = [
    '# Shop, by hand.',
    'format:   apigw-studio/v1',
    'name: shop     # the name',
    'groups:',
    '  - name: orders',
    'apis:',
    '  # The one call.',
    '  - name: list',
    '    group: orders',
    '    request:',
    '        method: GET',
    '        path: /list',
    '    backend: {type: MOCK}',
    '',
  ].join('\n');

  it('rewrites a valid file and keeps its comments', async () => {
    const path = join(dir, 'shop.apigw.yaml');
    await writeFile(path, MESSY);
    const { code, stdout } = await cli('format', 'shop.apigw.yaml');
    expect(code).toBe(0);
    expect(stdout).toBe('shop.apigw.yaml: formatted (previous version kept as shop.apigw.yaml.bak)\n');
    const formatted = await readFile(path, 'utf8');
    expect(formatted).toBe(
      MESSY.replace('format:   apigw', 'format: apigw').replace('shop     #', 'shop #').replace(/^ {8}/gm, '      '),
    );
    expect(await inProcess('format', 'shop.apigw.yaml')).toMatchObject({ code: 0, stdout: 'shop.apigw.yaml: already formatted' });
    expect(await inProcess('format', '--check', 'shop.apigw.yaml')).toMatchObject({ code: 0 });
  });

  it('--check changes nothing and exits 1 when the file would change', async () => {
    await writeFile(join(dir, 'shop.apigw.yaml'), MESSY);
    expect(await inProcess('format', 'shop.apigw.yaml', '--check')).toMatchObject({ code: 1, stderr: 'shop.apigw.yaml: would be reformatted' });
    expect(await readFile(join(dir, 'shop.apigw.yaml'), 'utf8')).toBe(MESSY);
  });

  it('never rewrites an invalid file', async () => {
    const broken = MESSY.replace('method: GET', 'method: FETCH');
    await writeFile(join(dir, 'shop.apigw.yaml'), broken);
    const { code, stderr } = await inProcess('format', 'shop.apigw.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^shop\.apigw\.yaml:11: apis\[0\]\.request\.method: /);
    expect(stderr).toContain('the file was left as it is');
    expect(await readFile(join(dir, 'shop.apigw.yaml'), 'utf8')).toBe(broken);
    expect(await readdir(dir)).toEqual(['shop.apigw.yaml']);
  });
});

describe('apigw-studio, the rest', () => {
  it('--help lists every command', async () => {
    const { code, stdout } = await inProcess('--help');
    expect(code).toBe(0);
    for (const name of ['validate', 'format', 'ui', 'cloud-sim', 'pull', 'plan', 'apply', 'gateway']) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(stdout).not.toContain('not yet available');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([
    [['gateway', 'x.yaml'], /gateway: "x\.yaml" is not a gateway command/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate', '--nope', 'x'], /Unknown option '--nope'/],
    [['--nope'], /unknown option --nope/],
    [['format'], /give exactly one file/],
    [[], /Usage: apigw-studio <command>/],
  ])('exits 2 on %j', async (args, message) => {
    const { code, stderr } = await inProcess(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
