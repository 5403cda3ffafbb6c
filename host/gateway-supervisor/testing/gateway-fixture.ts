/** Helpers for tests that run the real local gateway on a copy of the quickstart. */
import { copyFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { defaultAppRoot } from '../../base/app-paths';

/** The quickstart's demo credentials (examples/quickstart.secrets.yaml). */
export const QUICKSTART = {
  app: 'demo_caller_app',
  appKey: '204000001',
  appSecret: 'quickstartSecret0123456789abcdef',
  appCode: 'quickstartAppCode0123456789abcdef',
} as const;

/** Copies examples/quickstart.{apigw,secrets}.yaml into `dir`; returns the project's path. */
export async function copyQuickstartTo(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const examples = join(defaultAppRoot(), 'examples');
  await copyFile(join(examples, 'quickstart.secrets.yaml'), join(dir, 'quickstart.secrets.yaml'));
  await copyFile(join(examples, 'quickstart.apigw.yaml'), join(dir, 'quickstart.apigw.yaml'));
  return join(dir, 'quickstart.apigw.yaml');
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET on a fresh connection. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Polls `check` until it returns something other than undefined/false (events, not time, decide the outcome). */
export async function waitFor<T>(check: () => T | undefined | false, what: string, tries = 500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Whether a process exists (signal 0 checks without sending anything). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
