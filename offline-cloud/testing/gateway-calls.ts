/**
 * For the API Gateway action tests: the app's own client (host/cloud/client.ts, pop-core
 * underneath) pointed at an offline cloud with the demo account, plus the few calls most tests
 * need to set the scene (a group, an API with a mock backend).
 */
import { type CloudClient, createCloudClient } from '../../host/cloud/client';
import { CloudError } from '../../host/cloud/cloud-error';
import type { CloudParams } from '../../host/cloud/wire-params';
import type { CloudSim } from '../cloud-sim';
import { DEMO_ACCOUNT } from '../sim-accounts';

export type Answer = Record<string, unknown> & { RequestId: string };

export interface GatewayCalls {
  client: CloudClient;
  /** A CloudAPI call; the answer as the client returns it. */
  call<T = Answer>(action: string, params?: CloudParams, token?: string): Promise<T & Answer>;
  /** The CloudError a call that must fail fails with. */
  refusal(action: string, params?: CloudParams): Promise<CloudError>;
  createGroup(name: string, extra?: CloudParams): Promise<string>;
  createApi(groupId: string, name: string, extra?: CloudParams): Promise<string>;
}

/** A mock API on `GET /<name>`: the smallest definition CreateApi takes. */
export function mockApiParams(groupId: string, name: string, extra: CloudParams = {}): CloudParams {
  return {
    GroupId: groupId,
    ApiName: name,
    Visibility: 'PUBLIC',
    AuthType: 'ANONYMOUS',
    RequestConfig: { RequestProtocol: 'HTTP,HTTPS', RequestHttpMethod: 'GET', RequestPath: `/${name}`, RequestMode: 'PASSTHROUGH' },
    ServiceConfig: { ServiceProtocol: 'HTTP', ServiceTimeout: 10000, Mock: 'TRUE', MockResult: `{"api":"${name}"}`, MockStatusCode: 200 },
    ...extra,
  };
}

export function gatewayCalls(sim: CloudSim): GatewayCalls {
  const client = createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const call = <T>(action: string, params: CloudParams = {}, token?: string) => client.call<T & Answer>('CloudAPI', action, params, token === undefined ? {} : { token });
  return {
    client,
    call,
    async refusal(action, params = {}) {
      try {
        await call(action, params);
      } catch (error) {
        if (error instanceof CloudError) return error;
        throw error;
      }
      throw new Error(`${action} was expected to fail but succeeded`);
    },
    async createGroup(name, extra = {}) {
      const answer = await call<{ GroupId: string }>('CreateApiGroup', { GroupName: name, ...extra });
      return answer.GroupId;
    },
    async createApi(groupId, name, extra = {}) {
      const answer = await call<{ ApiId: string }>('CreateApi', mockApiParams(groupId, name, extra));
      return answer.ApiId;
    },
  };
}
