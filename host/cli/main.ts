/**
 * `apigw-studio`: the command line of API Gateway Studio. bin/apigw-studio.js calls main().
 * Exit status: 0 fine, 1 problems found (or a refusal), 2 usage error or unreadable file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CliIo, EXIT, processIo } from './cli-io';
import type { CliCommand } from './command';
import { COMMANDS } from './commands';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usageLine(command: CliCommand): string {
  return `apigw-studio ${command.name}${command.args ? ` ${command.args}` : ''}`;
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.args}`.length));
  const rows = COMMANDS.map((c) => `  ${`${c.name} ${c.args}`.padEnd(width)}  ${c.summary}${c.run ? '' : ' (not yet available)'}`);
  return [
    `apigw-studio ${version()}: API Gateway Studio on the command line`,
    '',
    'Usage: apigw-studio <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Options:',
    '  -h, --help     Show this help, or a command\'s: apigw-studio <command> --help',
    '  -v, --version  Print the version',
    '',
    'Exit status: 0 ok, 1 problems found, 2 usage error or unreadable file.',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [`Usage: ${usageLine(command)}`, '', command.summary, ...(command.optionHelp ?? []).map((line) => `  ${line}`)].join('\n');
}

export async function runCli(args: string[], io: CliIo = processIo()): Promise<number> {
  const index = args.findIndex((arg) => !arg.startsWith('-'));
  const globals = index < 0 ? args : args.slice(0, index);
  const unknownGlobal = globals.find((arg) => !['-h', '--help', '-v', '--version'].includes(arg));
  if (unknownGlobal) {
    io.err(`apigw-studio: unknown option ${unknownGlobal}; run apigw-studio --help`);
    return EXIT.usage;
  }
  if (globals.includes('-v') || globals.includes('--version')) {
    io.out(version());
    return EXIT.ok;
  }
  if (index < 0) {
    const asked = globals.length > 0;
    (asked ? io.out : io.err)(helpText());
    return asked ? EXIT.ok : EXIT.usage;
  }

  const name = args[index];
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`apigw-studio: unknown command "${name}"; run apigw-studio --help for the list`);
    return EXIT.usage;
  }
  if (!command.run) {
    io.err(`apigw-studio ${name}: not yet available in this version (it will: ${command.summary.toLowerCase()})`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: args.slice(index + 1),
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`apigw-studio ${name}: ${(error as Error).message}\nusage: ${usageLine(command)}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  return command.run({ positionals: parsed.positionals, values: parsed.values, io });
}

/** Runs the CLI with `process.argv` and sets the exit status. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    process.exitCode = await runCli(argv.slice(2));
  } catch (error) {
    // A bug, not a user mistake: show everything so it can be reported.
    process.stderr.write(`apigw-studio: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.problems;
  }
}
