/** `apigw-studio validate <file...>`: check project files, print every problem with its line. */
import type { Project } from '../../shared/model/schema';
import { ProjectStore } from '../workspace';
import { WorkspaceError, formatFileProblem } from '../base/workspace-error';
import { type CliIo, EXIT, absolutePath, displayPath, plural } from './cli-io';
import type { CliCommand } from './command';

export const validateCommand: CliCommand = {
  name: 'validate',
  args: '<file...>',
  summary: 'Check project files; print each problem as file:line: field: message',
  async run({ positionals, io }) {
    if (positionals.length === 0) {
      io.err('apigw-studio validate: which file? usage: apigw-studio validate <file...>');
      return EXIT.usage;
    }
    let status: number = EXIT.ok;
    for (const file of positionals) status = Math.max(status, await validateOne(file, io));
    return status;
  },
};

async function validateOne(file: string, io: CliIo): Promise<number> {
  const shown = displayPath(io, file);
  try {
    const { project, problems, notices } = await new ProjectStore().load(absolutePath(io, file));
    // Design and state disagreeing does not make the project invalid; it is said, never hidden.
    for (const notice of notices) io.err(`note: ${notice}`);
    if (problems.length === 0 && project) {
      io.out(`${shown}: valid (${summary(project)})`);
      return EXIT.ok;
    }
    for (const problem of problems) io.err(formatFileProblem(problem, shown));
    io.err(`${shown}: ${plural(problems.length, 'problem')}`);
    return EXIT.problems;
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    io.err(`apigw-studio validate: ${error.message.split(error.path).join(shown)}`);
    return EXIT.usage;
  }
}

export function summary(project: Project): string {
  return `${plural(project.apis.length, 'API')} in ${plural(project.groups.length, 'group')}`;
}
