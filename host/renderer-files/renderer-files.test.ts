import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, findRendererFile, rendererFilePath } from './renderer-files';

let dir: string;
let root: string;
beforeAll(async () => {
  // dir/secret.txt sits just outside the served folder dir/renderer.
  dir = await mkdtemp(join(tmpdir(), 'apigw-renderer-files-'));
  root = join(dir, 'renderer');
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderer files', () => {
  it('maps / and a trailing slash to index.html, and plain paths to files under the root', () => {
    expect(rendererFilePath(root, '/')).toBe(join(root, 'index.html'));
    expect(rendererFilePath(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
    expect(rendererFilePath(root, '/assets/app%2Djs.js')).toBe(join(root, 'assets', 'app-js.js'));
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/index.html%00.js', '/%E0%A4%A', '//etc/passwd', '/./index.html', 'index.html'])(
    'refuses a path that could leave the root: %s',
    async (path) => {
      expect(rendererFilePath(root, path)).toBeUndefined();
      expect(await findRendererFile(root, path)).toEqual({ kind: 'refused' });
    },
  );

  it('finds regular files only: a folder or a missing file is missing, a symlink out is refused', async () => {
    expect(await findRendererFile(root, '/assets/app.js')).toMatchObject({ kind: 'file', size: 14 });
    expect(await findRendererFile(root, '/assets')).toEqual({ kind: 'missing' });
    expect(await findRendererFile(root, '/nope.js')).toEqual({ kind: 'missing' });
    expect(await findRendererFile(root, '/assets/link.txt')).toEqual({ kind: 'refused' });
  });

  it('gives each file its content type, and bytes for anything unknown', () => {
    expect(contentTypeOf('a/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('editor.worker-x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('codicon.ttf')).toBe('font/ttf');
    expect(contentTypeOf('data.bin')).toBe('application/octet-stream');
  });
});
