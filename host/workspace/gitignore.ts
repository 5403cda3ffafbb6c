/** Keeps secrets and working files out of git: a generated section in the project folder's `.gitignore`. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../shared/node/atomic-write';

export const GITIGNORE_MARKER = '# API Gateway Studio: secrets, backups and temp files (generated; never commit these)';

/**
 * Adds the lines `.gitignore` in `dir` lacks (creating it if needed); returns the lines added. A
 * line the file holds negated (`!<line>`) is the team's choice to commit that file, and is not added.
 */
export async function ensureGitignoreLines(dir: string, lines: string[], options: { mode?: number } = {}): Promise<string[]> {
  const path = join(dir, '.gitignore');
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = lines.filter((line) => !present.has(line) && !present.has(`!${line}`));
  if (missing.length === 0) return [];
  let addition = text === '' || text.endsWith('\n') ? '' : '\n';
  if (!present.has(GITIGNORE_MARKER)) addition += `${text === '' ? '' : '\n'}${GITIGNORE_MARKER}\n`;
  addition += `${missing.join('\n')}\n`;
  await writeFileAtomic(path, text + addition, { mode: options.mode });
  return missing;
}
