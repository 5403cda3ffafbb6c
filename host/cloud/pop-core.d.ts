// The parts of @alicloud/pop-core 1.8.0 (lib/rpc.js) that host/cloud/client.ts uses. The package's
// own rpc.d.ts is a template (`request<T>(action: String, params: Object, ...)`); this one says more.
declare module '@alicloud/pop-core' {
  import type { Agent } from 'node:http';

  namespace RPCClient {
    interface Config {
      /** `http://` or `https://` URL; one trailing `/` is stripped. */
      endpoint: string;
      apiVersion: string;
      accessKeyId: string;
      accessKeySecret: string;
      securityToken?: string;
      /** Extra values of a response `Code` that count as success. */
      codes?: (string | number)[];
    }

    interface RequestOptions {
      /** Exactly 'POST' sends a form body; anything else puts every parameter in the query. */
      method?: 'GET' | 'POST';
      /** Connect and read timeout in ms (httpx's default is 3000). */
      timeout?: number;
      /** Upper-case the first letter of the action (default true). */
      formatAction?: boolean;
      /** Upper-case the first letter of each top-level parameter name (default true). */
      formatParams?: boolean;
      /** Replaces pop-core's default headers (x-acs-action, x-acs-version, user-agent) when given. */
      headers?: Record<string, string>;
      agent?: Agent;
    }

    /** What pop-core throws when the answer's JSON carries a `Code` outside the success set. */
    interface ResponseError extends Error {
      code: string;
      /** The whole parsed answer: Code, Message, RequestId, HostId, Recommend. */
      data: Record<string, unknown>;
      url: string;
      entry: { url: string; request: { headers: Record<string, unknown> } | null; response: { statusCode: number; headers: Record<string, unknown> } | null };
    }
  }

  class RPCClient {
    /** `verbose`: request resolves with `[json, entry]` instead of the JSON alone (entry.response has the HTTP status). */
    constructor(config: RPCClient.Config, verbose?: boolean);
    /** Resolves with the parsed JSON (json-bigint: integers of more than 15 digits come back as BigNumber); see `verbose`. */
    request<T = Record<string, unknown>>(action: string, params?: Record<string, string | number | boolean>, options?: RPCClient.RequestOptions): Promise<T>;
  }

  export = RPCClient;
}
