/**
 * The offline cloud: an HTTP server on 127.0.0.1 that speaks Alibaba Cloud's RPC OpenAPI
 * protocol (GET or POST, signature v1.0 as pop-core signs or V3 as the official SDKs do, JSON
 * answers with RequestId, the cloud's error codes and statuses) for CloudAPI, VPC and ECS, with
 * per-account data kept on disk. Every action's parameters are checked against its official SDK
 * model (sdk-models.ts). Demo mode runs it; tests point pop-core and the official SDKs at it; any
 * Alibaba Cloud client can use it with the demo keys.
 *
 * Besides `/`, it answers a small admin API under `/_sim/` for tests: health, fault rules, and
 * the log of calls, behind a per-start admin token (docs/offline-cloud.md). It answers only
 * clients on this machine, never web pages (sim-guard.ts).
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { CloudCredentials } from '../shared/node/cloud-credentials';
import { type CloudProduct, PRODUCTS, declaresToken } from '../shared/cloud/products';
import { newSecretToken } from '../shared/node/loopback-guard';
import { ActionParams } from './action-params';
import { type ActionContext, type ActionModule, ActionRegistry } from './action-registry';
import { defaultActionModules } from './actions';
import { type FaultDecision, FaultInjector, type FaultRule, faultRuleProblem } from './fault-injector';
import { createNonceStore } from '../shared/security/nonce-store';
import { authenticateRequest, checkModelParams, identifyRequestAction } from './rpc-checks';
import { readBody, readRpcRequest } from './rpc-request';
import { ADMIN_FILE_NAME, removeAdminFile, writeDataFile } from './sim-data-dir';
import { adminTokenRefusal, requestRefusal } from './sim-guard';
import { type SimAccount, simAccounts } from './sim-accounts';
import { SimError, errorBody, simErrors } from './sim-errors';
import { DEFAULT_REGION, findRegion } from './sim-regions';
import { SimStateStore } from './sim-state';

export interface CloudSimOptions {
  /** 0 (the default) picks a free port. It listens on 127.0.0.1 only. */
  port?: number;
  /** Where the state file (and, while it runs, the admin file) lives; without one the state is kept in memory only. */
  dataDir?: string;
  /** Serve the demo account (default true). */
  demo?: boolean;
  accounts?: CloudCredentials[];
  /** Serves the account of ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET found here too. */
  env?: NodeJS.ProcessEnv;
  /**
   * How long a dedicated instance stays CREATING, MODIFYING or DELETING before it is RUNNING (or
   * gone); default 3000 ms. Applies to the built-in modules (not to `modules` given here).
   */
  instanceDelayMs?: number;
  /** The action modules (default: every built-in one). */
  modules?: readonly ActionModule[];
  /** More modules on top of `modules`, e.g. a test's own actions. */
  extraModules?: readonly ActionModule[];
  faults?: FaultRule[];
  /** One line per call; never parameters, never secrets. */
  log?: (line: string) => void;
  /**
   * For tests (the SDK-model conformance tests): every RPC exchange with its parameters and
   * answer, told after it is answered. Never set in demo mode: the parameters carry secrets.
   */
  onExchange?: (exchange: SimExchange) => void;
  now?: () => number;
}

/** What a test's `onExchange` is told about one RPC request. */
export interface SimExchange {
  product?: CloudProduct;
  action?: string;
  /** v1: pop-core's signature v1.0 in parameters; v3: the official SDKs' ACS3-HMAC-SHA256. */
  scheme?: 'v1' | 'v3';
  /** The action's own parameters as received (flattened wire names), without the signature's. */
  params: Record<string, string>;
  status: number;
  body: unknown;
  /** Parameters the handler looked for that the action's SDK model does not declare (ActionParams). */
  undeclaredReads: string[];
}

/** One RPC request as the offline cloud saw it. */
export interface SimCall {
  requestId: string;
  method: string;
  product?: CloudProduct;
  action?: string;
  accessKeyId?: string;
  /** The names of the parameters it carried, sorted (never their values). */
  params?: string[];
  /**
   * The idempotency token it carried (CloudAPI `Token`, VPC/ECS `ClientToken`), only for an action
   * whose model declares one (docs/offline-cloud.md "Idempotency"): a token is no secret, and tests
   * read it here to see that a resend carried the very token of the first attempt.
   */
  token?: string;
  /** 0 when a fault closed the connection instead of answering. */
  status: number;
  code?: string;
}

export interface CloudSim {
  readonly url: string;
  readonly port: number;
  readonly accounts: readonly SimAccount[];
  /** This start's token for /_sim/ (header X-Sim-Admin-Token); also in `<dataDir>/offline-cloud-admin.json` while it runs. */
  readonly adminToken: string;
  readonly faults: FaultInjector;
  /** The latest calls, oldest first (at most 10,000). */
  readonly calls: SimCall[];
  readonly store: SimStateStore;
  /** Told after every write is saved (e.g. the data plane reloads on DeployApi); returns the unsubscribe. */
  onWrite(listener: (write: SimWrite) => void): () => void;
  close(): Promise<void>;
}

/** A write action that succeeded and was saved. */
export interface SimWrite {
  product: CloudProduct;
  action: string;
  accountId: string;
  regionId: string;
}

const MAX_CALLS_KEPT = 10_000;
const ADMIN_PREFIX = '/_sim/';

export async function startCloudSim(options: CloudSimOptions = {}): Promise<CloudSim> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const store = await SimStateStore.open(options.dataDir);
  const accounts = simAccounts({ demo: options.demo, accounts: options.accounts, env: options.env });
  const byKey = new Map(accounts.map((account) => [account.accessKeyId, account]));
  let seeded = false;
  for (const account of accounts) seeded = store.ensureAccount(account.accountId) || seeded;
  if (seeded) await store.save();

  const modules = options.modules ?? defaultActionModules({ instanceDelayMs: options.instanceDelayMs });
  const registry = new ActionRegistry([...modules, ...(options.extraModules ?? [])]);
  const faults = new FaultInjector(options.faults);
  // SignatureNonces of correctly signed calls, each until its Timestamp is 15 minutes old (rpc-checks.ts).
  const nonces = createNonceStore();
  const calls: SimCall[] = [];
  const adminToken = newSecretToken();
  let port = 0;
  const writeListeners = new Set<(write: SimWrite) => void>();

  async function handleRpc(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID().toUpperCase();
    const hostId = request.headers.host ?? '127.0.0.1';
    const method = request.method ?? 'GET';
    const call: SimCall = { requestId, method, status: 200 };
    const exchange: { scheme?: SimExchange['scheme']; params: Record<string, string>; body?: unknown; undeclaredReads?: ReadonlySet<string> } = { params: {} };
    try {
      const refusal = requestRefusal(request.headers, port);
      if (refusal) throw refusal;
      if (method !== 'GET' && method !== 'POST') throw simErrors.unsupportedMethod(method);
      const rpc = await readRpcRequest(request, url);
      const params = rpc.params;
      exchange.scheme = rpc.scheme;
      exchange.params = rpc.businessParams;
      call.params = Object.keys(params).sort();
      const { product, action, definition } = identifyRequestAction(rpc, registry);
      Object.assign(call, { product, action });
      const token = declaresToken(product, action) ? params[PRODUCTS[product].tokenParam] : undefined;
      if (token !== undefined) call.token = token;
      const account = authenticateRequest(rpc, { accounts: byKey, nonces, now: now() });
      call.accessKeyId = account.accessKeyId;
      const actionParams = new ActionParams(params, checkModelParams(product, action, rpc.businessParams));
      exchange.undeclaredReads = actionParams.undeclaredReads;

      const fault = faults.decide(product, action);
      if (!fault.afterWork) await inject(fault);

      const accountState = store.account(account.accountId);
      const moment = new Date(now());
      const settled = registry.settle(accountState, moment);
      // In the cloud CloudAPI's host names the region; here the Host is always ours, so RegionId or the default.
      const regionId = params.RegionId || DEFAULT_REGION;
      const context: ActionContext = {
        product,
        action,
        params: actionParams,
        account,
        accountState,
        regionId,
        region: (id = regionId) => accountState.regions[id] ?? throwError(simErrors.regionNotFound(id)),
        regionInfo: (id = regionId) => (accountState.regions[id] && findRegion(id)) || throwError(simErrors.regionNotFound(id)),
        requestId,
        now: moment,
      };
      const result = await definition.handler(context);
      if (definition.kind === 'write' || settled) await store.save();
      const written = () => {
        if (definition.kind === 'write') tellWriteListeners({ product, action, accountId: account.accountId, regionId });
      };
      if (fault.afterWork) {
        // The work is done and saved; only its answer is late, wrong or lost.
        try {
          await inject(fault);
        } catch (error) {
          written();
          throw error;
        }
      }
      exchange.body = { RequestId: requestId, ...result };
      sendJson(response, 200, exchange.body, requestId);
      written();
    } catch (error) {
      if (error instanceof AnswerLost) {
        Object.assign(call, { status: 0, code: 'NoAnswer' });
        request.socket.destroy();
      } else {
        const refusal = error instanceof SimError ? error : simErrors.internal();
        if (!(error instanceof SimError)) log(`offline cloud: internal error in ${call.product ?? '?'} ${call.action ?? '?'}: ${(error as Error).stack ?? String(error)}`);
        Object.assign(call, { status: refusal.status, code: refusal.code });
        exchange.body = errorBody(refusal, requestId, hostId, call.product);
        sendJson(response, refusal.status, exchange.body, requestId);
      }
    }
    options.onExchange?.({ product: call.product, action: call.action, scheme: exchange.scheme, params: exchange.params, status: call.status, body: exchange.body, undeclaredReads: [...(exchange.undeclaredReads ?? [])] });
    calls.push(call);
    if (calls.length > MAX_CALLS_KEPT) calls.splice(0, calls.length - MAX_CALLS_KEPT);
    log(`${method} ${call.product ?? '-'} ${call.action ?? '-'} ${call.status} ${call.code ?? 'OK'}`);
  }

  /** A fault's latency, then its lost answer or its error (thrown); nothing more when it has neither. */
  async function inject(fault: FaultDecision): Promise<void> {
    if (fault.latencyMs > 0) await delay(fault.latencyMs);
    if (fault.noAnswer) throw new AnswerLost();
    if (fault.error) throw fault.error;
  }

  function tellWriteListeners(write: SimWrite): void {
    for (const listener of writeListeners) {
      try {
        listener(write);
      } catch (error) {
        log(`offline cloud: a write listener failed: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }

  async function handleAdmin(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const refusal = requestRefusal(request.headers, port) ?? adminTokenRefusal(request.headers, adminToken);
    if (refusal) return sendJson(response, refusal.status, adminError(refusal.code, refusal.message));
    const route = `${request.method} ${url.pathname}`;
    const faultId = /^DELETE \/_sim\/faults\/([\w-]+)$/.exec(route)?.[1];
    if (route === 'GET /_sim/health') {
      sendJson(response, 200, { ok: true, actions: registry.size, accounts: accounts.map(({ accessKeyId, accountId, label }) => ({ accessKeyId, accountId, label })) });
    } else if (route === 'GET /_sim/faults') {
      sendJson(response, 200, { faults: faults.list() });
    } else if (route === 'POST /_sim/faults') {
      // A JSON content type keeps browsers from posting here across origins without a preflight (which is never granted).
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return sendJson(response, 415, adminError('UnsupportedMediaType', 'send the fault rule as application/json'));
      let rule: unknown;
      try {
        rule = JSON.parse(await readBody(request, 64 * 1024));
      } catch {
        return sendJson(response, 400, adminError('InvalidFaultRule', 'the body is not JSON'));
      }
      const problem = faultRuleProblem(rule);
      if (problem) return sendJson(response, 400, adminError('InvalidFaultRule', problem));
      sendJson(response, 201, { id: faults.add(rule as FaultRule) });
    } else if (route === 'DELETE /_sim/faults') {
      faults.clear();
      sendJson(response, 200, { cleared: true });
    } else if (faultId) {
      sendJson(response, faults.remove(faultId) ? 200 : 404, { removed: faultId });
    } else if (route === 'GET /_sim/calls') {
      sendJson(response, 200, { calls });
    } else if (route === 'DELETE /_sim/calls') {
      calls.length = 0;
      sendJson(response, 200, { cleared: true });
    } else {
      sendJson(response, 404, adminError('NotFound', `no admin route ${route}; see docs/offline-cloud.md`));
    }
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://offline-cloud');
    const work = url.pathname.startsWith(ADMIN_PREFIX) ? handleAdmin(request, response, url) : handleRpc(request, response, url);
    work.catch((error: unknown) => {
      log(`offline cloud: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) sendJson(response, 500, adminError('InternalError', 'the offline cloud failed to answer'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stopServing = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir;
  if (dataDir) {
    // For a process that can read the data dir (a test driving demo mode's offline cloud): the token without the console's output.
    try {
      await writeDataFile(dataDir, ADMIN_FILE_NAME, `${JSON.stringify({ url, adminToken }, null, 1)}\n`);
    } catch (error) {
      await stopServing();
      throw error;
    }
  }

  return {
    url,
    port,
    accounts,
    adminToken,
    faults,
    calls,
    store,
    onWrite(listener) {
      writeListeners.add(listener);
      return () => writeListeners.delete(listener);
    },
    async close() {
      await stopServing();
      if (dataDir) await removeAdminFile(dataDir, adminToken);
    },
  };
}

/** A fault rule said to close the connection instead of answering. */
class AnswerLost extends Error {}

function throwError(error: Error): never {
  throw error;
}

function adminError(code: string, message: string): Record<string, string> {
  return { Code: code, Message: message };
}

function sendJson(response: ServerResponse, status: number, body: unknown, requestId?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'x-acs-request-id': requestId } : {}),
  });
  response.end(text);
}
