/**
 * How `apigw-studio ui` opens the browser without putting the token on a command line (where
 * every user of the machine can read it in the process list): it writes a small page, readable by
 * the user alone, that sends the browser on to the console's URL, and opens that file instead.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FILE_MODE } from '../../shared/node/data-dir';
import { writeFileAtomic } from '../../shared/node/atomic-write';

export interface LaunchFile {
  path: string;
  remove(): Promise<void>;
}

/** `<dataDir>/console-<port>.html` (0600): a redirect to `url`, which carries the token in its fragment. */
export async function writeLaunchFile(dataDir: string, port: number, url: string): Promise<LaunchFile> {
  const path = join(dataDir, `console-${port}.html`);
  const href = escapeAttribute(url);
  const page = [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>API Gateway Studio</title>',
    `<p>Opening API Gateway Studio… If nothing happens, <a href="${href}">open the console</a>.</p>`,
    '',
  ].join('\n');
  await writeFileAtomic(path, page, { mode: DATA_FILE_MODE });
  return { path, remove: () => rm(path, { force: true }) };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
