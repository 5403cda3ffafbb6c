/** Every subcommand, in the order the help lists them. Add a command: one module, one line here. */
import { applyCommand } from './apply-command';
import { cloudSimCommand } from './cloud-sim-command';
import type { CliCommand } from './command';
import { deployCommand } from './deploy-command';
import { formatCommand } from './format-command';
import { instanceCommand } from './instance-command';
import { mergeCommand } from './merge-command';
import { planCommand } from './plan-command';
import { pullCommand } from './pull-command';
import { rollbackCommand } from './rollback-command';
import { uiCommand } from './ui-command';
import { validateCommand } from './validate-command';

export const COMMANDS: CliCommand[] = [
  validateCommand,
  formatCommand,
  mergeCommand,
  uiCommand,
  cloudSimCommand,
  pullCommand,
  planCommand,
  applyCommand,
  deployCommand,
  rollbackCommand,
  instanceCommand,
];
