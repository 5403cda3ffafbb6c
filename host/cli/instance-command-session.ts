/**
 * What every `apigw-studio gateway` verb opens: the connection (--region, --profile, --endpoint,
 * --data, as the sync commands take them) and a InstanceService on it whose purchases are
 * recorded in the data dir, plus asking a person before the cloud changes.
 */
import { createInterface } from 'node:readline/promises';
import type { PurchaseProgress } from '../../shared/ipc/instance-views';
import { createCloudClient, currentCallRun } from '../cloud';
import { InstanceService } from '../instances';
import { defaultDataDir } from '../base/app-paths';
import { type Connection, ConnectionError, resolveConnection } from '../sync';
import { type CliIo, EXIT, absolutePath } from './cli-io';
import type { Flags, InstanceVerb } from './instance-command-args';
import { usage } from './instance-command-args';
import { CommandFailure } from './sync-session';

export interface InstanceCli {
  verb: InstanceVerb;
  io: CliIo;
  service: InstanceService;
  connection: Connection;
  json: boolean;
  /** Whether a person can answer a question (stdin and stdout are a terminal). */
  interactive: boolean;
  /** Told of each step of a purchase this process follows. */
  onPurchase?: (progress: PurchaseProgress) => void;
  /** A line about progress: on stdout as text, on stderr under --json so stdout stays one JSON document. */
  say(line: string): void;
  close(): Promise<void>;
}

export async function openInstanceCli(verb: InstanceVerb, io: CliIo, flags: Flags): Promise<InstanceCli> {
  const region = flags.text('region');
  if (!region) throw usage(verb, 'which region? give --region R, e.g. --region cn-hangzhou');
  const dataDir = flags.text('data') ? absolutePath(io, flags.text('data')!) : defaultDataDir();
  let connection: Connection;
  try {
    connection = await resolveConnection({ region, profile: flags.text('profile'), endpoint: flags.text('endpoint'), dataDir, env: process.env });
  } catch (error) {
    if (error instanceof ConnectionError) throw usage(verb, error.message);
    throw error;
  }
  if (connection.notice) io.err(`apigw-studio gateway ${verb}: ${connection.notice}`);
  currentCallRun()?.setCloud(connection.profileKey);
  const json = flags.bool('json');
  const cli: InstanceCli = {
    verb,
    io,
    connection,
    json,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    service: new InstanceService({
      dataDir,
      // Purchases are recorded under the same key sync records ids under (`endpoint/<region>`, `<profile>/<region>`...).
      openCloud: async () => ({ key: connection.profileKey, region, client: createCloudClient({ region, endpoint: connection.endpoint, credentials: connection.credentials }) }),
      onPurchase: (progress) => cli.onPurchase?.(progress),
      pollMs: flags.pollMs(),
    }),
    say: (line) => (json ? io.err(line) : io.out(line)),
    close: () => cli.service.close(),
  };
  return cli;
}

/** Asks before the cloud changes; refuses when nobody can answer and --yes was not given. `expected` is the answer that agrees. */
export async function ask(cli: InstanceCli, yes: boolean, question: string, expected = 'yes'): Promise<boolean> {
  if (yes) return true;
  if (!cli.interactive) {
    throw new CommandFailure(EXIT.problems, `apigw-studio gateway ${cli.verb}: not changing the cloud without a confirmation, and there is no terminal to ask on; run it again with --yes`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(`${question} `)).trim() === expected;
  } finally {
    prompt.close();
  }
}
