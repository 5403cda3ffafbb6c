/** Every subcommand, in the order the help lists them. Add a command: one module, one line here. */
import { applyCommand } from './apply-command';
import { cloudSimCommand } from './cloud-sim-command';
import type { CliCommand } from './command';
import { deployCommand } from './deploy-command';
import { formatCommand } from './format-command';
import { planCommand } from './plan-command';
import { pullCommand } from './pull-command';
import { rollbackCommand } from './rollback-command';
import { uiCommand } from './ui-command';
import { validateCommand } from './validate-command';

/** Listed so people know what is coming; calling them says so and exits 2. */
const planned = (name: string, args: string, summary: string): CliCommand => ({ name, args, summary });

export const COMMANDS: CliCommand[] = [
  validateCommand,
  formatCommand,
  uiCommand,
  cloudSimCommand,
  pullCommand,
  planCommand,
  applyCommand,
  deployCommand,
  rollbackCommand,
  planned('gateway', '<file>', "Run the local gateway for a project's stages"),
];
