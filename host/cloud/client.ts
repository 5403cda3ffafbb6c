/**
 * The OpenAPI client: the only module that talks to @alicloud/pop-core (docs/alibaba-openapi.md,
 * "pop-core as a client"). One client serves CloudAPI, VPC and ECS of one region; every call is a
 * signed POST with an explicit timeout, failures are retried with jittered backoff when that is
 * safe (retry.ts), and every failure comes out as a CloudError. The credentials stay inside this
 * closure: they are not a property of anything returned, and no log line or error carries them.
 */
// Every program that compiles this file (electron, tests) must see our declaration, not the package's template one.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pop-core.d.ts" />
import RPCClient from '@alicloud/pop-core';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { endpointProblem } from '../../shared/ipc/cloud-endpoint';
import { maskParams } from './call-masking';
import type { CloudCallEvent } from './call-event';
import { currentCallRun } from './call-run';
import { CloudError, toCloudError } from './cloud-error';
import { type CloudCredentials, resolveCredentials } from '../../shared/node/cloud-credentials';
import { type CloudProduct, PRODUCTS, declaresToken, isReadAction, regionalHost } from '../../shared/cloud/products';
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs, shouldRetry } from './retry';
import { type CloudParams, toWireParams } from './wire-params';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CloudClientOptions {
  /** An explicit profile; without one, ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET from `env`. */
  credentials?: CloudCredentials;
  region: string;
  /** One URL for all three products instead of their regional hosts, e.g. the offline cloud. */
  endpoint?: string;
  /** Connect and read timeout of each request. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Told about every request sent (retries included), e.g. to count OpenAPI calls. */
  onCall?: (event: CloudCallEvent) => void;
  env?: NodeJS.ProcessEnv;
}

export interface CallOptions {
  /** The write does the same thing however often it is sent, so it may be retried. */
  idempotent?: boolean;
  /**
   * An idempotency token, sent as the product's token field (CloudAPI `Token`, VPC/ECS
   * `ClientToken`); only for an action whose model declares it (products.ts `declaresToken`),
   * where it makes the call safe to send again.
   */
  token?: string;
  timeoutMs?: number;
}

/** A success body: `RequestId` plus the action's fields. */
export type CloudResponse = { RequestId?: string } & Record<string, unknown>;

export interface CloudClient {
  readonly region: string;
  endpointFor(product: CloudProduct): string;
  call<T = CloudResponse>(product: CloudProduct, action: string, params?: CloudParams, options?: CallOptions): Promise<T>;
  /** Drops the kept-alive connections. */
  close(): void;
}

export function createCloudClient(options: CloudClientOptions): CloudClient {
  const credentials = resolveCredentials(options.credentials, options.env ?? process.env);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const override = options.endpoint?.replace(/\/+$/, '');
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const clients = new Map<CloudProduct, RPCClient>();

  const endpointFor = (product: CloudProduct) => override ?? `https://${regionalHost(product, options.region)}`;

  const rpcFor = (product: CloudProduct, keys: CloudCredentials): RPCClient => {
    let client = clients.get(product);
    if (!client) {
      // verbose: pop-core answers [body, entry], and the entry has the HTTP status the call log records.
      client = new RPCClient({ endpoint: endpointFor(product), apiVersion: PRODUCTS[product].version, ...keys }, true);
      clients.set(product, client);
    }
    return client;
  };

  async function call<T>(product: CloudProduct, action: string, params: CloudParams = {}, callOptions: CallOptions = {}): Promise<T> {
    const endpoint = endpointFor(product);
    const context = { product, action, endpoint };
    const configError = (code: string, message: string) => new CloudError({ ...context, kind: 'config', code, message, attempts: 0 });
    if (!credentials) throw configError('MissingCredentials', 'no cloud credentials: no profile was given and ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set');
    if (!/^https?:\/\/[^/]/.test(endpoint)) throw configError('InvalidEndpoint', `the endpoint "${endpoint}" is not an http:// or https:// URL`);
    // The last guard: whatever chose the endpoint, signed requests do not cross a network in the clear.
    const cleartext = endpointProblem(endpoint);
    if (cleartext) throw configError('InvalidEndpoint', `the endpoint "${endpoint}" is refused: ${cleartext}`);

    const info = PRODUCTS[product];
    let wire: Record<string, string>;
    try {
      wire = toWireParams(product, params);
    } catch (error) {
      throw configError('InvalidParameter', (error as Error).message);
    }
    // CloudAPI picks the region by host; where one URL serves every region, say it explicitly.
    if ((info.takesRegionId || override) && wire.RegionId === undefined) wire.RegionId = options.region;
    const tokened = declaresToken(product, action);
    if (callOptions.token !== undefined) {
      // Sent elsewhere it would be an undeclared parameter, and a resend would make a second object.
      if (!tokened) throw configError('TokenNotDeclared', `${product} ${action} declares no ${info.tokenParam}, so a token cannot make it safe to send again; call it without one`);
      wire[info.tokenParam] = callOptions.token;
    }
    const repeatable = isReadAction(action) || callOptions.idempotent === true || (tokened && Boolean(wire[info.tokenParam]));
    const rpc = rpcFor(product, credentials);
    const agent = endpoint.startsWith('https:') ? agents.https : agents.http;
    const logged = maskParams(wire, credentials.accessKeyId);
    // Whoever counts calls, and the run the work belongs to (call-run.ts), hear of every request sent.
    const tell = (event: CloudCallEvent) => {
      options.onCall?.(event);
      currentCallRun()?.record(event);
    };

    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const at = new Date().toISOString();
      let answer: Record<string, unknown>;
      let status: number | undefined;
      try {
        const [body, entry] = await rpc.request<[Record<string, unknown>, RPCClient.ResponseError['entry']]>(action, wire, {
          method: 'POST',
          timeout: callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          formatAction: false,
          formatParams: false,
          agent,
        });
        answer = body;
        status = entry.response?.statusCode;
      } catch (raw) {
        const error = toCloudError(raw, context).withAttempts(attempt);
        const willRetry = shouldRetry(error, attempt, policy, repeatable);
        tell({ product, action, attempt, ok: false, code: error.code, requestId: error.requestId, status: error.httpStatus, durationMs: performance.now() - started, willRetry, params: logged, at });
        if (!willRetry) throw error;
        await sleep(retryDelayMs(error, attempt, policy));
        continue;
      }
      const requestId = typeof answer.RequestId === 'string' ? answer.RequestId : undefined;
      tell({ product, action, attempt, ok: true, requestId, status, durationMs: performance.now() - started, willRetry: false, params: logged, at });
      return plainLongs(answer) as T;
    }
  }

  return {
    region: options.region,
    endpointFor,
    call,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * pop-core parses with json-bigint, which turns integers of more than 15 digits (OwnerId,
 * VpcOwnerId) into BigNumber objects. Plain data is easier to pass on (IPC, YAML): a number
 * when that is exact, else the decimal string.
 */
function plainLongs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainLongs);
  if (typeof value !== 'object' || value === null) return value;
  if ((value as { _isBigNumber?: boolean })._isBigNumber === true) {
    const text = String(value);
    return String(Number(text)) === text ? Number(text) : text;
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainLongs(inner)]));
}
