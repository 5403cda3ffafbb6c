/** Every subcommand, in the order the help lists them. Add a command: one module, one line here. */
import { cloudSimCommand } from './cloud-sim-command';
import type { CliCommand } from './command';
import { formatCommand } from './format-command';
import { uiCommand } from './ui-command';
import { validateCommand } from './validate-command';

/** Listed so people know what is coming; calling them says so and exits 2. */
const planned = (name: string, args: string, summary: string): CliCommand => ({ name, args, summary });

export const COMMANDS: CliCommand[] = [
  validateCommand,
  formatCommand,
  uiCommand,
  cloudSimCommand,
  planned('pull', '<file>', "Read the cloud's groups and APIs into a snapshot"),
  planned('plan', '<file>', 'Show, line by line, what sync would change in the cloud'),
  planned('apply', '<file>', 'Apply the plan to the cloud'),
  planned('gateway', '<file>', "Run the local gateway for a project's stages"),
];
