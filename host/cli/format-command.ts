/**
 * `apigw-studio format <file>`: rewrite a valid project file in our style, atomically, keeping
 * its comments and key order. An invalid file is never rewritten.
 */
import { serializeProjectLayout } from '../../shared/project-file';
import { ProjectStore } from '../workspace';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';
import { EXIT, absolutePath, displayPath, plural } from './cli-io';
import type { CliCommand } from './command';

export const formatCommand: CliCommand = {
  name: 'format',
  args: '<file> [--check]',
  summary: 'Rewrite a valid project file in normal form, keeping its comments',
  options: { check: { type: 'boolean' } },
  optionHelp: ['--check  Change nothing; exit 1 if the file would be rewritten'],
  async run({ positionals, values, io }) {
    if (positionals.length !== 1) {
      io.err('apigw-studio format: give exactly one file. usage: apigw-studio format <file> [--check]');
      return EXIT.usage;
    }
    const path = absolutePath(io, positionals[0]);
    const shown = displayPath(io, path);
    const store = new ProjectStore();
    try {
      const { project, problems, document, text } = await store.load(path);
      if (problems.length > 0 || !project) {
        for (const problem of problems) io.err(formatFileProblem(problem, shown));
        io.err(`${shown}: not formatted: fix the ${plural(problems.length, 'problem')} above first (the file was left as it is)`);
        return EXIT.problems;
      }
      if (values.check) {
        const same = serializeProjectLayout(project, { design: document, clouds: {} }).design === text;
        (same ? io.out : io.err)(`${shown}: ${same ? 'already formatted' : 'would be reformatted'}`);
        return same ? EXIT.ok : EXIT.problems;
      }
      const { changed, notice } = await store.save(path, project, { document });
      if (notice) io.err(`note: ${notice}`);
      io.out(`${shown}: ${changed ? `formatted (previous version kept as ${shown}.bak)` : 'already formatted'}`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error;
      io.err(`apigw-studio format: ${error.message.split(error.path).join(shown)}`);
      return error.code === 'READ_FAILED' || error.code === 'WRITE_FAILED' ? EXIT.usage : EXIT.problems;
    }
  },
};
