import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  io: CliIo;
}

/** One subcommand: its line in the help, its options, and what it does. */
export interface CliCommand {
  name: string;
  /** `<file>` etc., shown after the name. */
  args: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** Lines of help for the options, shown by `<command> --help`. */
  optionHelp?: string[];
  /** Absent while the command is listed but not built yet. */
  run?: (context: CommandContext) => Promise<number>;
}
