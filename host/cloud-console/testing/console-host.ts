/**
 * A host in browser mode with a fresh data dir, reached through the contract's dispatcher as the
 * UI reaches it: `call` throws on a refusal, `outcome` returns it. One per test (useConsoleHost).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createDispatcher } from '../../base/dispatch';
import { type HostServices, createHostServices } from '../../app/services';

export interface ConsoleHost {
  dir: string;
  services: HostServices;
  call<T>(channel: string, ...args: unknown[]): Promise<T>;
  outcome(channel: string, ...args: unknown[]): Promise<{ ok: boolean; error?: { code: string; message: string }; result?: unknown }>;
}

/** Registers the hooks; the returned object's fields are the current test's host. */
export function useConsoleHost(): ConsoleHost {
  const host = {} as ConsoleHost;
  beforeEach(async () => {
    host.dir = await mkdtemp(join(tmpdir(), 'apigw-cloud-console-'));
    host.services = await createHostServices({ dataDir: join(host.dir, 'data'), mode: 'browser' });
    const dispatcher = createDispatcher(host.services.handlers);
    host.outcome = (channel, ...args) => dispatcher.dispatch(channel, args) as never;
    host.call = async <T,>(channel: string, ...args: unknown[]) => {
      const answer = await host.outcome(channel, ...args);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error?.code}: ${answer.error?.message}`);
      return answer.result as T;
    };
  });
  afterEach(async () => {
    await host.services.close();
    await rm(host.dir, { recursive: true, force: true });
  });
  return host;
}
