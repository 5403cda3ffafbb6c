/**
 * Which of the design's HTTP methods Alibaba Cloud's OpenAPI takes (docs/sync.md "Methods").
 *
 * The request method is the cloud's RequestHttpMethod, whose allowed values the official SDK
 * models list as GET, POST, DELETE, PUT, HEADER (the cloud's spelling of HEAD), TRACE, PATCH,
 * CONNECT and OPTIONS. The design also has ANY, which the local gateway serves (one API for every
 * method of a path): a local convenience the cloud's API does not list, so sync refuses an API
 * whose request method is ANY instead of sending a value the cloud does not declare. The design
 * stays valid, so the local gateway keeps serving it.
 *
 * The backend method (ServiceHttpMethod) is different: the SDK model lists ANY there ("use the
 * caller's method"), so a backend ANY is sent as it is.
 */
import type { HttpMethod } from './schema';

/** The design's request methods that the cloud's RequestHttpMethod takes, in the design's order. */
export const CLOUD_REQUEST_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

const LISTED = CLOUD_REQUEST_METHODS.join(', ');

export function cloudTakesRequestMethod(method: HttpMethod): boolean {
  return CLOUD_REQUEST_METHODS.includes(method);
}

/** Why the cloud cannot take this request method (a sentence for the field), or undefined when it can. */
export function requestMethodCloudProblem(method: HttpMethod): string | undefined {
  if (cloudTakesRequestMethod(method)) return undefined;
  return `${method} is served by the local gateway only: Alibaba Cloud takes one request method per API (${LISTED}), so sync refuses this API until you choose one.`;
}

/** Why sync will not send this API (a plan line's reason), or undefined when it can. */
export function apiCloudBlocker(api: { group: string; name: string; request: { method: HttpMethod } }): string | undefined {
  if (cloudTakesRequestMethod(api.request.method)) return undefined;
  return `API ${api.group}/${api.name} has request method ${api.request.method}, which only the local gateway serves: Alibaba Cloud takes one method per API (${LISTED}); choose one in the design to sync it`;
}

/** Why sync will not deploy this snapshot (a plan line's reason), or undefined when it can. */
export function snapshotCloudBlocker(snapshot: { request: { method: HttpMethod } }, stage: string, version: number): string | undefined {
  if (cloudTakesRequestMethod(snapshot.request.method)) return undefined;
  return (
    `${stage} serves version ${version} in the design, whose request method ${snapshot.request.method} only the local gateway serves: ` +
    `Alibaba Cloud takes one method per API (${LISTED}); choose one for the API and deploy it to ${stage} again to sync it`
  );
}
