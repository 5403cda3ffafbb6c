/**
 * App authentication of APP APIs: an AppCode, or an app signature checked with shared/signature;
 * then the app's authorization for the API in the call's stage (docs/alibaba-data-plane.md,
 * "String to sign", "AppCode and authorization"). Each refusal is the cloud's error
 * code, checked in the order the brief lists them (one test per code).
 */
import { authorizationExpiryMs } from '../shared/model/authorization-expiry';
import type { Api, Auth, Project, SecretsFile } from '../shared/model/schema';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import { contentMd5Matches, verifySignature, type SignableRequest } from '../shared/signature';
import { localAppId } from './app-id';
import { nodeContentMd5, nodeHmac } from './node-hmac';
import type { Call } from './call';
import { stageRefKey, type StageRef } from './stage-ref';
import { createNonceStore, type NonceStore } from '../shared/security/nonce-store';

/** The app a call was made by, once authenticated. */
export interface AuthenticatedApp {
  name: string;
  /** The AppKey that signed the call; absent for AppCode calls. */
  appKey?: string;
  /** Local numeric id (GATEWAY_CHOICES.localAppIdDerivation), used as CaAppId. */
  appId: string;
}

export type { NonceStore } from '../shared/security/nonce-store';

export type AuthResult = { ok: true; app?: AuthenticatedApp } | { ok: false; error: GatewayError };

export interface Authenticator {
  /** Authentication for one API in one stage, its authorizations looked up once per (re)load (runtime.ts). */
  forApi(api: Api, ref: StageRef): ApiAuthenticator;
  /** forApi(api, ref in the call's stage).authenticate(call). */
  authenticate(call: Call, api: Api, ref: { group: string; api: string }): AuthResult;
}

export interface ApiAuthenticator {
  authenticate(call: Call): AuthResult;
}

export interface AuthenticatorOptions {
  project: Project;
  secrets: SecretsFile;
  /** Shared across reloads so a reload does not make used nonces valid again. */
  nonceStore?: NonceStore;
  now?: () => number;
}

const DECIMAL = /^\d{1,15}$/;
const APPCODE_SCHEME = 'appcode ';

type AppAuth = Extract<Auth, { type: 'APP' }>;

/** An app as its credentials find it, with the answer that admits it made once rather than per call. */
interface AppEntry {
  app: AuthenticatedApp;
  admitted: AuthResult;
}

interface KeyEntry extends AppEntry {
  secret: string;
}

/** The answer for an API that needs no app: shared by every call, never changed. */
const ANONYMOUS: AuthResult = Object.freeze({ ok: true });
/** Apps authorized for one API in one stage → when that ends (epoch ms; Infinity when never). */
type Grants = ReadonlyMap<string, number>;
const NO_GRANTS: Grants = new Map();

export function createAuthenticator(opts: AuthenticatorOptions): Authenticator {
  const now = opts.now ?? Date.now;
  const nonces = opts.nonceStore ?? createNonceStore();
  const { byAppKey, byAppCode } = indexSecrets(opts.project, opts.secrets);
  const grantsByApi = indexAuthorizations(opts.project);

  function authorize(entry: AppEntry, grants: Grants): AuthResult {
    const expiresAt = grants.get(entry.app.name);
    if (expiresAt === undefined) return refuse('I403AA');
    if (expiresAt <= now()) return refuse('A403EP');
    return entry.admitted;
  }

  function byCode(code: string, auth: AppAuth, grants: Grants): AuthResult {
    // An API that takes no AppCodes: the cloud's answer is not documented (GATEWAY_ERRORS.A403AC is our choice).
    if (auth.appCodeAuthType !== 'HEADER' && auth.appCodeAuthType !== 'HEADER_QUERY') return refuse('A403AC');
    const entry = byAppCode.get(code);
    if (entry === undefined) return refuse('A400AC', '`not found`');
    return authorize(entry, grants);
  }

  function bySignature(auth: AppAuth, call: Call, grants: Grants): AuthResult {
    const headers = call.headers;
    const appKey = headers['x-ca-key'];
    if (appKey === undefined || appKey === '') return refuse('A400MA');
    const entry = byAppKey.get(appKey);
    if (entry === undefined) return refuse('A400IK');

    // The path is signed as it came on the wire (GATEWAY_CHOICES.signPathDecoded is false).
    const request: SignableRequest = { method: call.method, path: call.wirePath, query: call.query, form: call.form, headers };
    // node:crypto's HMAC: native, so verifying costs less per call than shared/'s pure-JS default.
    const verified = verifySignature({ request, secret: entry.secret, allowedMethods: auth.signatureMethods, hmac: nodeHmac });
    if (!verified.ok && verified.reason === 'missing-signature') return refuse('A401ES');
    if (!verified.ok && verified.reason === 'method-not-allowed') return refuse('A400SM', verified.signatureMethod);

    const at = now();
    const timestamp = headers['x-ca-timestamp'];
    // The request may be sent again as long as its timestamp is accepted: its nonce is kept that long.
    let replayableUntil = at + GATEWAY_CHOICES.nonceTtlMs;
    if (timestamp !== undefined) {
      if (!DECIMAL.test(timestamp)) return refuse('A400IT');
      const sentAt = Number(timestamp);
      if (Math.abs(at - sentAt) > GATEWAY_CHOICES.timestampWindowMs) return refuse('A400TE');
      replayableUntil = sentAt + GATEWAY_CHOICES.timestampWindowMs;
    }
    const nonce = headers['x-ca-nonce'];
    const hasNonce = nonce !== undefined && nonce !== '';
    if (auth.forceNonceCheck && !hasNonce) return refuse('I400MH', 'X-Ca-Nonce');
    const md5 = headers['content-md5'];
    if (md5 !== undefined && !contentMd5Matches(md5, call.body, nodeContentMd5)) return refuse('I400CM');

    // A wrong StringToSign and a wrong AppSecret look the same to the gateway: both are A403IS,
    // answered with the server's StringToSign so the caller can compare it with its own.
    if (!verified.ok && verified.reason === 'mismatch') return refuse('A403IS', verified.stringToSign);
    // Only a verified call may use up a nonce, so a forged request cannot burn a real one.
    // Nonces are kept per AppKey: one app cannot use up another's.
    if (hasNonce && nonces.seen(`${appKey}\u0000${nonce}`, at, replayableUntil)) return refuse('I400NC');
    return authorize(entry, grants);
  }

  function forApi(api: Api, ref: StageRef): ApiAuthenticator {
    const auth = api.auth;
    if (auth.type !== 'APP') return { authenticate: () => ANONYMOUS };
    const grants = grantsByApi.get(stageRefKey(ref)) ?? NO_GRANTS;
    const queryAllowed = auth.appCodeAuthType === 'HEADER_QUERY';
    return {
      authenticate(call) {
        const code = appCodeOf(call, queryAllowed);
        if (code !== undefined) return byCode(code, auth, grants);
        return bySignature(auth, call, grants);
      },
    };
  }

  return {
    forApi,
    authenticate: (call, api, ref) => forApi(api, { group: ref.group, api: ref.api, stage: call.stage }).authenticate(call),
  };
}

/** `Authorization: APPCODE <code>`, or `?AppCode=` when the API takes it from the query. */
function appCodeOf(call: Call, queryAllowed: boolean): string | undefined {
  const authorization = call.headers['authorization'];
  // The scheme is case-insensitive, as every HTTP auth scheme is; SDKs send `APPCODE`.
  if (authorization !== undefined && authorization.slice(0, APPCODE_SCHEME.length).toLowerCase() === APPCODE_SCHEME) {
    return authorization.slice(APPCODE_SCHEME.length).trim();
  }
  if (!queryAllowed) return undefined;
  const parameter = GATEWAY_CHOICES.appCodeQueryParameter;
  for (const [name, value] of call.query) if (name === parameter) return value;
  return undefined;
}

function refuse(code: Parameters<typeof gatewayError>[0], detail?: string): AuthResult {
  return { ok: false, error: detail === undefined ? gatewayError(code) : gatewayError(code, detail) };
}

/** AppKey → app and secret, AppCode → app, for the apps the project defines (stale secrets are ignored). */
function indexSecrets(project: Project, secrets: SecretsFile): { byAppKey: Map<string, KeyEntry>; byAppCode: Map<string, AppEntry> } {
  const byAppKey = new Map<string, KeyEntry>();
  const byAppCode = new Map<string, AppEntry>();
  for (const { name } of project.apps) {
    const own = secrets.apps[name];
    if (own === undefined) continue;
    const appId = localAppId(name);
    for (const { appKey, appSecret } of own.keys) {
      if (byAppKey.has(appKey)) continue;
      const app: AuthenticatedApp = { name, appKey, appId };
      byAppKey.set(appKey, { app, admitted: { ok: true, app }, secret: appSecret });
    }
    const byCodeApp: AuthenticatedApp = { name, appId };
    const byCodeEntry: AppEntry = { app: byCodeApp, admitted: { ok: true, app: byCodeApp } };
    for (const code of own.appCodes) if (!byAppCode.has(code)) byAppCode.set(code, byCodeEntry);
  }
  return { byAppKey, byAppCode };
}

/** Per API and stage (stageRefKey): app → expiry in epoch ms; Infinity when it never expires. */
function indexAuthorizations(project: Project): Map<string, Map<string, number>> {
  const byApi = new Map<string, Map<string, number>>();
  for (const grant of project.authorizations) {
    const expiresAt = authorizationExpiryMs(grant.expiresAt);
    const key = stageRefKey({ group: grant.group, api: grant.api, stage: grant.stage });
    let grants = byApi.get(key);
    if (grants === undefined) byApi.set(key, (grants = new Map()));
    // Two grants for the same triple: the one that lasts longer decides.
    if (!((grants.get(grant.app) ?? -Infinity) > expiresAt)) grants.set(grant.app, expiresAt);
  }
  return byApi;
}
