/**
 * `apigw-local`: serve a project file headless, or sign a call for curl.
 * bin/apigw-local.js calls main(process.argv); when started by the console (an IPC channel or Electron's
 * parentPort exists) it reports readiness, access records (in batches: access-to-parent.ts) and reloads to its parent over that channel,
 * and with --secrets-from-parent takes the apps' secrets from it instead of a file (never from argv or env).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { SecretsFile } from '../shared/model/schema';
import { parseSecretsText, secretsFileNameFor } from '../shared/project-file';
import { signRequest } from '../shared/signature/sign';
import { isSignatureMethod } from '../shared/signature/hmac';
import { isLogLevel, LOG_LEVELS } from './access-log';
import { parentChannel, type ParentChannel } from './parent-channel';
import { forwardAccessRecords } from './access-to-parent';
import { serveProjectFile, type ServingProject } from './serve';

export interface CliIo {
  out: Writable;
  err: Writable;
}

const USAGE = `Usage:
  apigw-local serve <project.apigw.yaml> [options]
      --port N              port to listen on (default 8080; 0 picks a free one)
      --host ADDR           address to bind (default 127.0.0.1)
      --secrets FILE        secrets file (default <name>.secrets.yaml beside the project)
      --secrets-from-parent take the secrets from the console that started this process, over
                            its message channel (waits for them before listening); for the console only
      --log FILE            append the access log to FILE instead of stdout
      --log-level LEVEL     ${LOG_LEVELS.join('|')} (default info; error logs failed calls only)
      --max-body-bytes N    largest request body accepted (default 8388608)
      --state-dir DIR       where used nonces are kept so a restart still refuses replays
                            (default .apigw-local/ beside the project file)

  apigw-local sign --method GET --url http://127.0.0.1:8080/path [options]
      --header 'K: V'       a header to send (repeatable)
      --data BODY           request body
      --content-type TYPE   Content-Type of the body
      --app NAME            sign with the first AppKey of app NAME, from the secrets file of --project
      --key K --secret S    sign with this AppKey/AppSecret instead
      --project FILE        project file (to find the secrets file for --app)
      --secrets FILE        secrets file (default: beside --project)
      --stage STAGE         X-Ca-Stage to send (TEST, PRE, RELEASE)
      --hmac METHOD         HmacSHA256 (default) or HmacSHA1
  Prints the headers as curl -H lines, then the StringToSign the gateway will compute.

  apigw-local --help`;

/** Exit statuses, as apigw-studio's: 0 fine, 1 problems (or a refusal), 2 usage error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A mistake in the command line: exit status 2. */
class UsageError extends Error {}

/** Runs the CLI on its arguments (argv without node and script); resolves with the exit status once done. */
export async function runCli(args: string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.err : io.out).write(USAGE + '\n');
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'serve') return await serve(rest, io);
    if (command === 'sign') return await sign(rest, io);
    io.err.write(`apigw-local: unknown command "${command}"; run apigw-local --help\n`);
    return EXIT.usage;
  } catch (error) {
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.err.write(`apigw-local ${command}: ${(error as Error).message}\n`);
    return usage ? EXIT.usage : EXIT.problems;
  }
}

/** Runs the CLI with `process.argv` and sets the exit status (bin/apigw-local.js calls this). */
export async function main(argv: string[] = process.argv): Promise<void> {
  process.exitCode = await runCli(argv.slice(2));
  // A parent's IPC channel would keep the process alive after serving stopped.
  if (process.connected) process.disconnect();
  if (parentChannel()?.keepsProcessAlive) process.exit();
}

export default main;

function integer(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not "${value}".`);
  return Number(value);
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      secrets: { type: 'string' },
      'secrets-from-parent': { type: 'boolean' },
      log: { type: 'string' },
      'log-level': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'state-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.out.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`serve needs exactly one project file.\n\n${USAGE}`);
  const level = values['log-level'] ?? 'info';
  if (!isLogLevel(level)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${level}".`);
  const port = integer(values.port, '--port', 8080);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}.`);

  // Messages to the console, when it started us.
  const channel = parentChannel();
  const parent = channel ? (message: object) => channel.send(message) : undefined;
  const fromParent = values['secrets-from-parent'] === true;
  if (fromParent && !channel) throw new UsageError('--secrets-from-parent is for the console, which sends the secrets; from a terminal, use --secrets FILE.');
  if (fromParent && values.secrets !== undefined) throw new UsageError('Give --secrets FILE or --secrets-from-parent, not both.');
  // Listen for signals before anything else: a parent may send one as soon as it hears we are ready.
  const signals = stopSignals(channel, fromParent);
  const inbox = fromParent && channel ? secretsInbox(channel, io) : undefined;
  let serving;
  try {
    const secrets = inbox ? await Promise.race([inbox.first, signals.stopped.then(() => undefined)]) : undefined;
    // Asked to stop before the secrets came: nothing was served.
    if (inbox && secrets === undefined) {
      inbox.dispose();
      return EXIT.ok;
    }
    serving = await serveProjectFile({
      projectPath: positionals[0],
      secretsPath: values.secrets,
      secrets,
      host: values.host ?? '127.0.0.1',
      port,
      maxBodyBytes: values['max-body-bytes'] === undefined ? undefined : integer(values['max-body-bytes'], '--max-body-bytes', 0),
      logFile: values.log,
      stateDir: values['state-dir'],
      logLevel: level,
      out: io.out,
      err: io.err,
      onReload: parent ? (outcome) => parent({ type: 'reload', ...outcome }) : undefined,
    });
  } catch (error) {
    signals.dispose();
    inbox?.dispose();
    throw error;
  }
  inbox?.serveWith(serving, parent!);
  const forwarder = parent ? forwardAccessRecords(serving.gateway, parent) : undefined;
  if (parent) parent({ type: 'listening', port: serving.port, host: serving.host });

  await signals.stopped;
  inbox?.dispose();
  await serving.stop();
  // The calls that finished while stopping reach the console too.
  forwarder?.stop();
  return EXIT.ok;
}

/**
 * Resolves on SIGINT, SIGTERM, or (as a child) when the parent goes away or sends `{ type: 'stop' }`.
 * Run by the console (`supervised`), SIGINT is ignored: Ctrl+C in the console's terminal reaches the
 * whole process group, and the console stops the gateway itself (a SIGINT would look like a crash).
 */
function stopSignals(channel: ParentChannel | undefined, supervised: boolean): { stopped: Promise<void>; dispose: () => void } {
  let dispose = () => {};
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      dispose();
      resolve();
    };
    // The console went away, or asked us to stop (the graceful way on Windows, which has no SIGTERM).
    const offGone = channel?.onGone(stop);
    const offMessage = channel?.onMessage((message) => {
      if (isMessage(message, 'stop')) stop();
    });
    const interrupt = supervised ? () => {} : stop;
    dispose = () => {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', stop);
      offGone?.();
      offMessage?.();
    };
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', stop);
  });
  return { stopped, dispose };
}

function isMessage(message: unknown, type: string): message is { type: string } & Record<string, unknown> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/**
 * `{ type: 'secrets', secrets }` messages from the console: the first lets serving start, each later
 * one is served at once and answered with a reload message. Never echoes a value.
 */
function secretsInbox(channel: ParentChannel, io: CliIo) {
  let resolveFirst: (secrets: SecretsFile) => void = () => {};
  const first = new Promise<SecretsFile>((resolve) => (resolveFirst = resolve));
  let serving: ServingProject | undefined;
  let report: (message: object) => void = () => {};
  let latest: SecretsFile | undefined;
  const off = channel.onMessage((message) => {
    if (!isMessage(message, 'secrets')) return;
    const parsed = SecretsFile.safeParse(message.secrets);
    if (!parsed.success) {
      const problem = `the console sent secrets that are not valid (${parsed.error.issues.length} problems); kept the previous ones`;
      io.err.write(`apigw-local serve: ${problem}\n`);
      report({ type: 'reload', ok: false, problems: [problem], warnings: [], cause: 'secrets' });
      return;
    }
    latest = parsed.data;
    if (!serving) return resolveFirst(parsed.data);
    report({ type: 'reload', ...serving.updateSecrets(parsed.data), cause: 'secrets' });
  });
  return {
    first,
    /** Serving started with the first secrets: later ones (including any that came meanwhile) go to it. */
    serveWith(started: ServingProject, send: (message: object) => void) {
      serving = started;
      report = send;
      void first.then((initial) => {
        if (latest !== undefined && latest !== initial) report({ type: 'reload', ...started.updateSecrets(latest), cause: 'secrets' });
      });
    },
    dispose: off,
  };
}

async function sign(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      method: { type: 'string', default: 'GET' },
      url: { type: 'string' },
      header: { type: 'string', multiple: true, default: [] },
      data: { type: 'string' },
      'content-type': { type: 'string' },
      app: { type: 'string' },
      key: { type: 'string' },
      secret: { type: 'string' },
      project: { type: 'string' },
      secrets: { type: 'string' },
      stage: { type: 'string' },
      hmac: { type: 'string', default: 'HmacSHA256' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.out.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (values.url === undefined) throw new UsageError('sign needs --url, e.g. --url http://127.0.0.1:8080/hello');
  if (!isSignatureMethod(values.hmac)) throw new UsageError(`--hmac must be HmacSHA256 or HmacSHA1, not "${values.hmac}".`);

  const headers: Record<string, string> = {};
  for (const line of values.header) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${line}" must look like "Name: value".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  if (values['content-type'] !== undefined) headers['content-type'] = values['content-type'];
  const { appKey, appSecret } = await credentials(values);

  const signed = signRequest({
    method: values.method,
    url: values.url,
    headers,
    body: values.data,
    appKey,
    appSecret,
    signatureMethod: values.hmac,
    stage: values.stage,
  });
  for (const [name, value] of Object.entries(signed.headers)) io.out.write(`-H ${shellQuote(`${name}: ${value}`)}\n`);
  if (signed.body !== undefined) io.out.write(`--data-binary ${shellQuote(typeof signed.body === 'string' ? signed.body : Buffer.from(signed.body).toString('utf8'))}\n`);
  io.out.write(`\nStringToSign: ${signed.stringToSign.replaceAll('\n', '\\n')}\n`);
  return EXIT.ok;
}

async function credentials(values: { app?: string; key?: string; secret?: string; project?: string; secrets?: string }): Promise<{ appKey: string; appSecret: string }> {
  if (values.key !== undefined || values.secret !== undefined) {
    if (values.key === undefined || values.secret === undefined) throw new UsageError('Give both --key and --secret (or --app with --project).');
    return { appKey: values.key, appSecret: values.secret };
  }
  if (values.app === undefined) throw new UsageError('sign needs --app NAME (with --project or --secrets) or --key and --secret.');
  const secretsPath = values.secrets ?? (values.project !== undefined ? secretsFileNameFor(values.project) : undefined);
  if (secretsPath === undefined) throw new UsageError(`To sign as app "${values.app}", give --project FILE (its secrets file is read) or --secrets FILE.`);
  let text: string;
  try {
    text = await readFile(secretsPath, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the secrets file ${secretsPath} (${(error as NodeJS.ErrnoException).code}). Create it, or pass --key and --secret.`);
  }
  const parsed = parseSecretsText(text, secretsPath);
  if (!parsed.secrets) throw new Error(`${secretsPath} has problems: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  const key = parsed.secrets.apps[values.app]?.keys[0];
  if (!key) throw new Error(`${secretsPath} has no AppKey for app "${values.app}". Add one under apps.${values.app}.keys.`);
  return key;
}

/** Single-quoted for POSIX shells. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
