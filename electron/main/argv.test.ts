import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from './argv';

describe('projectPathFromArgv', () => {
  const cwd = resolve('/home/me/work');
  it('finds --project FILE, --project=FILE or a bare *.apigw.yaml, resolved against the cwd', () => {
    expect(projectPathFromArgv(['/opt/studio/apigw-studio', '--project', 'a.yaml'], cwd)).toBe(resolve(cwd, 'a.yaml'));
    expect(projectPathFromArgv(['electron', '.', '--project=/p/b.yaml'], cwd)).toBe(resolve('/p/b.yaml'));
    expect(projectPathFromArgv(['apigw-studio', '--original-process-start-time=1', 'shop.APIGW.yaml'], cwd)).toBe(resolve(cwd, 'shop.APIGW.yaml'));
  });
  it('ignores Chromium switches, the app path and other files', () => {
    expect(projectPathFromArgv(['electron', '.', '--no-sandbox', 'notes.yaml', '--flag=x.apigw.yaml'], cwd)).toBeUndefined();
    expect(projectPathFromArgv([], cwd)).toBeUndefined();
  });
});
