/**
 * Fixtures for the gateway's tests and benchmark: projects built with the real schema and
 * deployApi, a gateway on an ephemeral port, a recording backend, and a plain HTTP client that
 * can set any Host header.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Project, SecretsFile, type ProjectInput, type Stage } from '../shared/model/schema';
import { deployApi } from '../shared/model/stages';
import { validateProject } from '../shared/model/validate';
import { formatPath } from '../shared/model/problems';
import { secretsFileNameFor, serializeProject, serializeSecrets } from '../shared/project-file';
import { createLocalGateway, type LocalGateway, type LocalGatewayOptions } from './server';

type ApiInput = NonNullable<ProjectInput['apis']>[number];

/** An API to put in a fixture project, with the stages to deploy it to (default RELEASE). */
export type FixtureApi = Omit<ApiInput, 'group'> & { group?: string; stages?: Stage[] };

export interface FixtureInput extends Omit<ProjectInput, 'format' | 'name' | 'apis'> {
  name?: string;
  apis: FixtureApi[];
}

/**
 * A valid project with the given APIs deployed; groups default to one named `demo`. Throws when
 * the project breaks a rule, since the gateway only ever serves validated projects.
 */
export function fixtureProject(input: FixtureInput): Project {
  const { apis, name, ...rest } = input;
  const groups = rest.groups ?? [{ name: 'demo' }];
  const defaultGroup = groups[0]?.name ?? 'demo';
  let project = Project.parse({
    format: 'apigw-studio/v1',
    name: name ?? 'fixture',
    ...rest,
    groups,
    apis: apis.map(({ stages: _stages, ...api }) => ({ group: defaultGroup, ...api })),
  });
  for (const api of apis) {
    for (const stage of api.stages ?? ['RELEASE']) {
      project = deployApi(project, { group: api.group ?? defaultGroup, api: api.name }, stage, { at: '2025-01-01T00:00:00.000Z' });
    }
  }
  const { problems } = validateProject(project);
  if (problems.length > 0) throw new Error(`fixture project is invalid:\n${problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('\n')}`);
  return project;
}

export function fixtureSecrets(input: unknown = {}): SecretsFile {
  return SecretsFile.parse(input);
}

/** A MOCK API answering `<name> answered`; `[x]` path segments get a String PATH parameter unless `extra` declares parameters. */
export function mockApi(name: string, method: string, path: string, extra: Partial<FixtureApi> = {}): FixtureApi {
  const pathParameters = [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => ({ name: m[1], location: 'PATH' as const, required: true }));
  return {
    name,
    request: { method: method as 'GET', path },
    parameters: pathParameters,
    backend: { type: 'MOCK', statusCode: 200, body: `${name} answered`, headers: [{ name: 'Content-Type', value: 'text/plain' }] },
    ...extra,
  };
}

export interface RunningGateway {
  gateway: LocalGateway;
  port: number;
  close(): Promise<void>;
}

export async function startGateway(project: Project, secrets: SecretsFile = fixtureSecrets(), options: Partial<LocalGatewayOptions> = {}): Promise<RunningGateway> {
  const gateway = createLocalGateway({ project, secrets, ...options });
  const { port } = await gateway.listen();
  return { gateway, port, close: () => gateway.close(500) };
}

/** The `apigw-local` command, as a person (or the console) starts it. */
export const APIGW_LOCAL_BIN = fileURLToPath(new URL('../bin/apigw-local.js', import.meta.url));

export interface GatewayProcess {
  pid: number;
  port: number;
  /** What it printed so far, stdout and stderr together. */
  output(): string;
  /** SIGTERM, as Ctrl+C or the console's Stop; resolves with the exit code once it has ended. */
  stop(): Promise<number | null>;
}

/** Runs `apigw-local serve <args>` in its own process; resolves once it printed its Listening line. */
export function startGatewayProcess(args: string[]): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [APIGW_LOCAL_BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /^Listening on http:\/\/[^:]+:(\d+)$/m.exec(output);
      if (!listening) return;
      resolve({
        pid: child.pid as number,
        port: Number(listening[1]),
        output: () => output,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`apigw-local exited with ${code} before listening:\n${output}`)));
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

export interface RecordingBackend {
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A backend that records what it receives and answers with `answer` (default: 200 JSON echo). */
export async function startBackend(
  answer?: (req: RecordedRequest, res: http.ServerResponse) => void,
): Promise<RecordingBackend> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      if (answer) return answer(recorded, res);
      const body = JSON.stringify({ method: recorded.method, url: recorded.url });
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Backend': 'yes' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Host header (e.g. `demo.localhost:1234`); default 127.0.0.1:<port>. */
  host?: string;
}

/** One HTTP call on a fresh connection; resolves with status, headers and body as text. */
export function call(port: number, path: string, options: CallOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...options.headers };
    if (options.host) headers['Host'] = options.host;
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A port nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Writes `<dir>/<name>.apigw.yaml` (and its secrets file when given) as the console would; returns the project path. */
export async function writeProjectFiles(dir: string, project: Project, secrets?: SecretsFile, name = 'fixture'): Promise<string> {
  const projectPath = path.join(dir, `${name}.apigw.yaml`);
  await writeFile(projectPath, serializeProject(project));
  if (secrets) await writeFile(secretsFileNameFor(projectPath), serializeSecrets(secrets), { mode: 0o600 });
  return projectPath;
}
