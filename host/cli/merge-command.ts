/**
 * `apigw-studio merge <base> <ours> <theirs>`: git's merge driver for design files
 * (docs/project-file.md, "Merging designs"). Merges by object, writes the result over <ours> as
 * git expects; when both sides changed one object differently, it leaves git's own line merge
 * (with its conflict markers) in <ours>, names the conflicts and exits 1.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { mergeDesignTexts } from '../../shared/project-file';
import { writeFileAtomic } from '../../shared/node/atomic-write';
import { EXIT, absolutePath } from './cli-io';
import type { CliCommand } from './command';

export const mergeCommand: CliCommand = {
  name: 'merge',
  args: '<base> <ours> <theirs>',
  summary: "git's merge driver for design files: merges by object, so two branches that add different APIs do not conflict",
  optionHelp: [
    'Set it up once per clone: git config merge.apigw-studio.driver "npx apigw-studio merge %O %A %B"',
    'and list the design files in .gitattributes: *.apigw.yaml merge=apigw-studio. See docs/project-file.md.',
  ],
  async run({ positionals, io }) {
    if (positionals.length !== 3) {
      io.err('apigw-studio merge: give three files. usage: apigw-studio merge <base> <ours> <theirs> (git passes %O %A %B)');
      return EXIT.usage;
    }
    const [base, ours, theirs] = positionals.map((file) => absolutePath(io, file));
    const [baseText, oursText, theirsText] = await Promise.all([base, ours, theirs].map((file) => readFile(file, 'utf8')));
    const merged = mergeDesignTexts(baseText, oursText, theirsText);
    if (merged.text !== undefined) {
      await writeFileAtomic(ours, merged.text);
      return EXIT.ok;
    }
    for (const conflict of merged.conflicts) io.err(`apigw-studio merge: conflict: ${conflict}`);
    // git's own merge of the lines, markers and all, for a person to settle.
    await promisify(execFile)('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs]).catch(() => undefined);
    return EXIT.problems;
  },
};
