/**
 * One call through the local gateway, as its access log writes it and as the console receives it.
 * The fields are a fixed list, none of which can hold a credential (no headers, no query, no
 * body; of the headers only Host), so a secret, signature, AppCode or Authorization value never
 * reaches a log or the UI.
 */
import type { OwnAddressReason } from './local-hosts';

export interface AccessLogRecord {
  /** ISO 8601 time the call arrived. */
  time: string;
  requestId: string;
  group?: string;
  api?: string;
  stage?: string;
  method: string;
  /** The Host header as sent (cut at 300 characters): which group it named, or why none answered (I404DO). */
  host?: string;
  /** Set when the call came to the gateway's own address (127.0.0.1:<port>): why its group answered (shared/gateway/local-hosts.ts). */
  groupBy?: OwnAddressReason;
  /** Path only, never the query (an AppCode may ride there). */
  path: string;
  status: number;
  /** X-Ca-Error-Code when the gateway answered itself. */
  errorCode?: string;
  /**
   * X-Ca-Error-Message of that answer, except the StringToSign of A403IS, which holds the call's
   * signed headers and query (local-gateway/access-log.ts, loggedErrorMessage).
   */
  errorMessage?: string;
  /** App name, when the call was authenticated. */
  app?: string;
  latencyMs: number;
  backendLatencyMs?: number;
  clientIp: string;
  /** The backend the call went to (scheme, host, port), never its query; the log file has it at debug level only. */
  backend?: string;
}
