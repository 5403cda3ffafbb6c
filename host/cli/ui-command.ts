/**
 * `apigw-studio ui`: browser mode. Starts the host services and the web host on 127.0.0.1, prints
 * `Console: <url with token>`, opens it in the system browser (through a 0600 launch file, so the
 * token is on no command line), and serves until SIGINT/SIGTERM.
 * APIGW_STUDIO_RENDERER_DIR serves another built renderer (tests, renderer development).
 */
import { defaultAppRoot, defaultDataDir, rendererDir } from '../base/app-paths';
import { type HostServices, createHostServices } from '../app';
import { buildRenderer, openInBrowser, rendererIsBuilt, startWebHost, type WebHost, writeLaunchFile } from '../web-host';
import { WorkspaceError } from '../base/workspace-error';
import { type CliIo, EXIT, absolutePath, stopSignal } from './cli-io';
import type { CliCommand } from './command';

/**
 * The port browser mode tries first when none is given, so that the console's address stays the
 * same from one start to the next and can be bookmarked (a labelled choice: any free port above
 * 1024 that no tool of ours uses; when it is taken, a free one is used and printed).
 */
export const DEFAULT_UI_PORT = 4780;

export interface UiOptions {
  /** The port asked for; undefined: DEFAULT_UI_PORT, else any free one. */
  port?: number;
  open: boolean;
  dataDir: string;
  projectPath?: string;
  /** Resolves when the console should stop. */
  stopped: Promise<unknown>;
}

export const uiCommand: CliCommand = {
  name: 'ui',
  args: '[options]',
  summary: 'Serve the console to a browser on 127.0.0.1',
  options: {
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
    'data-dir': { type: 'string' },
    project: { type: 'string' },
  },
  optionHelp: [
    `--port N          Listen on port N of 127.0.0.1 (default ${DEFAULT_UI_PORT}, or a free port when it is taken; 0: any free port)`,
    '--no-open         Print the URL but do not open a browser',
    `--data-dir DIR    Settings and the quickstart copy (default ${defaultDataDir()})`,
    '--project FILE    Open this project (default: the most recent, else the quickstart in demo mode)',
  ],
  async run({ positionals, values, io }) {
    const usage = (message: string) => {
      io.err(`apigw-studio ui: ${message}. usage: apigw-studio ui ${uiCommand.args}`);
      return EXIT.usage;
    };
    if (positionals.length > 0) return usage(`unexpected argument ${positionals[0]}; give a project with --project FILE`);
    const port = parsePort(values.port);
    if (port === null) return usage(`--port takes a number from 0 to 65535, not ${String(values.port)}`);
    return serveConsole(
      {
        port,
        open: !values['no-open'],
        dataDir: typeof values['data-dir'] === 'string' ? absolutePath(io, values['data-dir']) : defaultDataDir(),
        projectPath: typeof values.project === 'string' ? absolutePath(io, values.project) : undefined,
        stopped: stopSignal(),
      },
      io,
    );
  },
};

export async function serveConsole(options: UiOptions, io: CliIo): Promise<number> {
  const appRoot = defaultAppRoot();
  const staticDir = process.env.APIGW_STUDIO_RENDERER_DIR ? absolutePath(io, process.env.APIGW_STUDIO_RENDERER_DIR) : rendererDir(appRoot);
  if (!(await rendererIsBuilt(staticDir))) {
    io.out('Building the console (first run)…');
    const failed = await buildRenderer(appRoot, (chunk) => process.stderr.write(chunk));
    if (failed) {
      io.err(`apigw-studio ui: could not build the console: ${failed}. Run npm run build:renderer in ${appRoot} to see why.`);
      return EXIT.problems;
    }
  }

  let services: HostServices;
  try {
    services = await createHostServices({ dataDir: options.dataDir, projectPath: options.projectPath, mode: 'browser', appRoot, log: (line) => io.err(line) });
  } catch (error) {
    if (!(error instanceof WorkspaceError)) throw error;
    io.err(`apigw-studio ui: ${error.message}`);
    return EXIT.usage;
  }
  let host: WebHost;
  const start = (port: number) => startWebHost({ dispatcher: services.dispatcher, events: services.events, rendererDir: staticDir, port });
  try {
    host = await start(options.port ?? DEFAULT_UI_PORT);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') {
      await services.close();
      throw error;
    }
    if (options.port !== undefined) {
      await services.close();
      io.err(`apigw-studio ui: cannot listen on 127.0.0.1:${options.port} (${code}); choose another port with --port, or --port 0 for any free one`);
      return EXIT.usage;
    }
    // The usual port is taken (another console, another program): any free one, said out loud.
    host = await start(0);
    io.out(`Port ${DEFAULT_UI_PORT} is taken (${code}); listening on port ${host.port} instead (choose one with --port N).`);
  }

  const state = await services.workspace.current();
  io.out(`Console: ${host.url}`);
  io.out(`Project: ${state.path}${state.demo ? ' (demo: a copy of the quickstart)' : ''}`);
  io.out('Anyone with this URL can use the console as you; keep it to yourself. Press Ctrl+C to stop.');
  const launch = options.open ? await writeLaunchFile(options.dataDir, host.port, host.url) : undefined;
  if (launch) {
    const failed = await openInBrowser(launch.path);
    if (failed) io.err(`hint: could not open a browser (${failed}); open the Console URL above yourself.`);
  }

  await options.stopped;
  await launch?.remove();
  await host.close();
  await services.close();
  io.out('Console stopped.');
  return EXIT.ok;
}

/** The port given with --port (undefined: none given), or null when it is not a port. */
function parsePort(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65_535 ? port : null;
}
