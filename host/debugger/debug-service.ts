/**
 * The debugger's host side: builds the exact request (signing it here, with the app's secret from
 * the secrets file: secrets never reach the UI), sends it, compares the StringToSign with the
 * gateway's on a signature mismatch, and writes the same call as curl/Node/Python/Java code.
 */
import type { CallSnippets, DebugRequest, DebugResult, GatewayStatus, PreparedCall } from '../../shared/ipc/contract';
import { DebugRequest as DebugRequestSchema } from '../../shared/ipc/contract';
import type { Project, SecretsFile } from '../../shared/model/schema';
import { localGroupHost } from '../../shared/gateway/local-hosts';
import { type CallCredentials, type ParsedDebugRequest, type PreparedDetails, prepareCall } from '../../shared/debug/prepare-call';
import { APP_CODE_PLACEHOLDER, APP_SECRET_PLACEHOLDER, type SnippetAuth, buildSnippets } from '../../shared/debug/snippets';
import { headerValue, wireParametersOf } from '../../shared/debug/call-shape';
import { compareStringsToSign } from '../../shared/signature/compare';
import { parseServerStringToSign } from '../../shared/signature/mismatch-message';
import { secretsFileNameFor } from '../../shared/project-file';
import { HostError } from '../base/host-error';
import { maskAppCode } from '../base/credential-generator';
import { sendPrepared } from './debug-service-http';

export interface DebugServiceOptions {
  /** The local gateway's status (its URL when listening). */
  gatewayStatus: () => GatewayStatus;
  /** Where a group answers in the cloud in force (target `cloud`), with the BasePath the cloud holds for it. */
  cloudTarget?: (group: string | undefined) => Promise<CallTarget>;
  /** An app's credentials as the cloud in force holds them (they differ from the local secrets file's). */
  cloudCredentials?: (app: string) => Promise<{ appKey: string; appSecret: string; appCode?: string }>;
  projectPath: () => string;
  /** The open project, when it loaded (to know its groups). */
  project: () => Project | undefined;
  /** The apps' secrets of a project (from its secrets file). */
  loadSecrets: (projectPath: string) => Promise<SecretsFile>;
}

/** Where a call goes: the base URL, the Host to send, and the group's BasePath that comes before the API's path. */
export interface CallTarget {
  baseUrl: string;
  host?: string;
  basePath?: string;
}

export class DebugService {
  constructor(private readonly options: DebugServiceOptions) {}

  async prepare(request: DebugRequest): Promise<PreparedCall> {
    const { prepared, credentials } = await this.prepareDetails(parse(request));
    return maskedForUi(prepared, credentials);
  }

  async send(request: DebugRequest): Promise<DebugResult> {
    const { prepared: sent, credentials } = await this.prepareDetails(parse(request));
    const outcome = await sendPrepared(sent);
    const prepared = maskedForUi(sent, credentials);
    if ('failure' in outcome) return { prepared, failure: outcome.failure };
    const result: DebugResult = { prepared, response: outcome.response };
    const server = parseServerStringToSign(outcome.response.errorMessage);
    if (server !== undefined && prepared.stringToSign !== undefined) result.signature = compareStringsToSign(prepared.stringToSign, server, wireParametersOf(sent));
    return result;
  }

  /** The secret is a placeholder unless `includeSecret`; the AppCode too. */
  async snippets(request: DebugRequest, { includeSecret }: { includeSecret: boolean }): Promise<CallSnippets> {
    const parsed = parse(request);
    const placeholderCode = !includeSecret && parsed.auth.kind === 'appCode';
    const details = await this.prepareDetails(parsed, placeholderCode ? { appCode: APP_CODE_PLACEHOLDER } : {});
    return buildSnippets({ prepared: details.prepared, stage: parsed.stage, auth: snippetAuth(parsed, details, includeSecret, placeholderCode) });
  }

  private async prepareDetails(request: ParsedDebugRequest, override: CallCredentials = {}): Promise<PreparedDetails & { credentials: CallCredentials }> {
    const { baseUrl, host, basePath } = await this.target(request);
    const credentials = { ...(await this.credentials(request, override)), ...override };
    try {
      return { ...prepareCall({ request, baseUrl, host, basePath, credentials }), credentials };
    } catch (error) {
      throw new HostError('BAD_REQUEST', (error as Error).message);
    }
  }

  private async target(request: ParsedDebugRequest): Promise<CallTarget> {
    // The request's path is the API's own; the group's BasePath goes in front wherever the call goes.
    const basePath = this.options.project()?.groups.find((group) => group.name === request.group)?.basePath;
    if (request.target.kind === 'url') return { baseUrl: request.target.baseUrl, basePath };
    if (request.target.kind === 'cloud') {
      if (!this.options.cloudTarget) throw new HostError('BAD_REQUEST', 'This host has no cloud connection to call.');
      const cloud = await this.options.cloudTarget(request.group);
      return { ...cloud, basePath: cloud.basePath ?? basePath };
    }
    const status = this.options.gatewayStatus();
    if (status.state !== 'listening' || status.url === undefined || status.port === undefined) {
      throw new HostError('GATEWAY_NOT_RUNNING', 'Start the local gateway first: the debugger sends its calls to it, and it is not running now.');
    }
    // With several groups the local gateway picks one by Host (<group>.localhost); with one, its own address (status.url) reaches it.
    const groups = this.options.project()?.groups ?? [];
    const host = request.group !== undefined && groups.length > 1 ? localGroupHost(request.group, status.port) : undefined;
    return { baseUrl: status.url, host, basePath };
  }

  /** The credentials the auth needs, from the secrets file (or the secret typed in the debugger). */
  private async credentials(request: ParsedDebugRequest, override: CallCredentials): Promise<CallCredentials> {
    const auth = request.auth;
    if (auth.kind === 'anonymous') return {};
    if (auth.kind === 'signature' && auth.secretOverride !== undefined && auth.appKey !== undefined) {
      return { appKey: auth.appKey, appSecret: auth.secretOverride };
    }
    if (auth.kind === 'appCode' && override.appCode !== undefined) return {};
    if (request.target.kind === 'cloud' && this.options.cloudCredentials) {
      const cloud = await this.options.cloudCredentials(auth.app);
      if (auth.kind === 'appCode') {
        if (!cloud.appCode) throw new HostError('NOT_FOUND', `App \`${auth.app}\` has no AppCode in the cloud.`);
        return { appCode: cloud.appCode };
      }
      return { appKey: cloud.appKey, appSecret: auth.secretOverride ?? cloud.appSecret };
    }
    const projectPath = this.options.projectPath();
    const secrets = (await this.options.loadSecrets(projectPath)).apps[auth.app];
    const where = secretsFileNameFor(projectPath);
    const create = 'Create credentials for it on the Apps screen, then try again.';
    if (auth.kind === 'appCode') {
      const appCode = secrets?.appCodes[0];
      if (appCode === undefined) throw new HostError('NOT_FOUND', `App \`${auth.app}\` has no AppCode in ${where}. ${create}`);
      return { appCode };
    }
    const keys = secrets?.keys ?? [];
    const key = auth.appKey === undefined ? keys[0] : keys.find((k) => k.appKey === auth.appKey);
    if (key === undefined) {
      const which = auth.appKey === undefined ? 'no AppKey' : `no AppKey ${auth.appKey}`;
      throw new HostError('NOT_FOUND', `App \`${auth.app}\` has ${which} in ${where}. ${create}`);
    }
    return { appKey: key.appKey, appSecret: auth.secretOverride ?? key.appSecret };
  }
}

/** The call as the UI may see it: the AppCode masked as on the Apps screen (the real one is sent, never shown). */
function maskedForUi(prepared: PreparedCall, credentials: CallCredentials): PreparedCall {
  const code = credentials.appCode;
  if (code === undefined || code === '') return prepared;
  const masked = maskAppCode(code);
  const hide = (text: string) => text.split(code).join(masked);
  return { ...prepared, url: hide(prepared.url), headers: prepared.headers.map(([name, value]) => [name, hide(value)]) };
}

/** The request as the contract's schema makes it (defaults filled in); the dispatcher has parsed it already. */
function parse(request: DebugRequest): ParsedDebugRequest {
  return DebugRequestSchema.parse(request);
}

function snippetAuth(request: ParsedDebugRequest, details: PreparedDetails & { credentials: CallCredentials }, includeSecret: boolean, placeholderCode: boolean): SnippetAuth {
  const auth = request.auth;
  if (auth.kind === 'anonymous') return { kind: 'anonymous' };
  if (auth.kind === 'appCode') return { kind: 'appCode', inQuery: auth.inQuery, placeholder: placeholderCode };
  const userGaveMd5 = request.headers.some(([name]) => name.toLowerCase() === 'content-md5');
  return {
    kind: 'signature',
    appKey: details.credentials.appKey ?? '',
    appSecret: includeSecret ? (details.credentials.appSecret ?? '') : APP_SECRET_PLACEHOLDER,
    signatureMethod: auth.signatureMethod,
    signedHeaderNames: details.signedHeaderNames ?? [],
    computedContentMd5: !userGaveMd5 && (headerValue(details.prepared.headers, 'content-md5') !== undefined || details.dropped.some(([name]) => name === 'content-md5')),
    dropped: details.dropped,
    fixedTimestamp: auth.timestamp,
    fixedNonce: auth.nonce,
  };
}
