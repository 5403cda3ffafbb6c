/**
 * One call through the local gateway, as its access log writes it and as the console receives it.
 * The fields are a fixed list, none of which can hold a credential (no headers, no query, no
 * body), so a secret, signature, AppCode or Authorization value never reaches a log or the UI.
 */
export interface AccessLogRecord {
  /** ISO 8601 time the call arrived. */
  time: string;
  requestId: string;
  group?: string;
  api?: string;
  stage?: string;
  method: string;
  /** Path only, never the query (an AppCode may ride there). */
  path: string;
  status: number;
  /** X-Ca-Error-Code when the gateway answered itself. */
  errorCode?: string;
  /** App name, when the call was authenticated. */
  app?: string;
  latencyMs: number;
  backendLatencyMs?: number;
  clientIp: string;
  /** The backend the call went to (scheme, host, port), never its query; the log file has it at debug level only. */
  backend?: string;
}
