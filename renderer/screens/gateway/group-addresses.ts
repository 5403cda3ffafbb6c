/**
 * Where to call each group of the project on the local gateway, per stage, with a curl line that
 * works as shown: what the Local gateway screen lists. The rule of which Host reaches which group
 * is shared/gateway/local-hosts.ts; this only lays it out.
 */
import { groupHostLabel, LOCAL_GROUP_SUFFIX, localGroupUrl, ownAddressGroup, type OwnAddressReason } from '../../../shared/gateway/local-hosts';
import { basePathPrefix, callPath } from '../../../shared/model/base-path';
import { STAGES, type Api, type Project, type Stage } from '../../../shared/model/schema';
import { servedApis } from '../../../shared/model/stages';

export interface StageAddress {
  stage: Stage;
  /** The API the curl line calls: an anonymous GET without path parameters when the stage has one. */
  api: { name: string; method: string; path: string; signed: boolean };
  /** How many APIs the group serves in this stage. */
  apiCount: number;
  curl: string;
}

export interface GroupAddress {
  group: string;
  /** `<label>.localhost`. */
  host: string;
  /** `http://<label>.localhost:<port>` and the BasePath. */
  url: string;
  /** Set when the gateway's own address also reaches this group, and why. */
  ownAddress?: { url: string; by: OwnAddressReason };
  /** The stages that serve at least one API of the group. */
  stages: StageAddress[];
}

/**
 * Each group's addresses as the gateway serves `project` (the saved version). `gatewayUrl` is the
 * gateway's own address (`http://127.0.0.1:<port>`), absent while it is stopped: `<port>` stands in.
 */
export function groupAddresses(project: Project, gatewayUrl: string | undefined): GroupAddress[] {
  const port = gatewayUrl ? new URL(gatewayUrl).port || '80' : '<port>';
  const own = ownAddressGroup(
    project.groups.map((group) => group.name),
    project.localGateway?.defaultGroup,
  );
  const served = new Map(STAGES.map((stage) => [stage, servedApis(project, stage)]));
  return project.groups.map((group) => {
    const url = localGroupUrl(group.name, group.basePath, port);
    const ownOrigin = own?.group === group.name ? (gatewayUrl ?? 'http://127.0.0.1:<port>') : undefined;
    const ownUrl = ownOrigin === undefined ? undefined : `${ownOrigin}${basePathPrefix(group.basePath)}`;
    // The curl line uses the group's host, which reaches it whatever the default group is.
    const origin = localGroupUrl(group.name, '/', port);
    const stages: StageAddress[] = [];
    for (const stage of STAGES) {
      const apis = served.get(stage)!.filter((api) => api.group === group.name);
      const example = exampleApi(apis);
      if (!example) continue;
      const path = callPath(group.basePath, example.request.path);
      stages.push({
        stage,
        api: { name: example.name, method: example.request.method, path, signed: example.auth.type !== 'ANONYMOUS' },
        apiCount: apis.length,
        curl: curlLine(origin, example, path, stage),
      });
    }
    return {
      group: group.name,
      host: `${groupHostLabel(group.name)}${LOCAL_GROUP_SUFFIX}`,
      url,
      ...(ownUrl && own ? { ownAddress: { url: ownUrl, by: own.by } } : {}),
      stages,
    };
  });
}

/** The API a person can call with a bare curl first: anonymous, then GET, then without path parameters. */
function exampleApi(apis: Api[]): Api | undefined {
  const score = (api: Api) => (api.auth.type === 'ANONYMOUS' ? 4 : 0) + (api.request.method === 'GET' ? 2 : 0) + (/[[*]/.test(api.request.path) ? 0 : 1);
  return [...apis].sort((a, b) => score(b) - score(a))[0];
}

/** `curl -i [-X M] [-H 'X-Ca-Stage: S'] <url>`; RELEASE needs no header (the cloud's default stage). */
function curlLine(origin: string, api: Api, path: string, stage: Stage): string {
  const parts = ['curl -i'];
  // `[id]` in a path would be a range to curl's URL globbing.
  if (/[[\]{}]/.test(path)) parts.push('-g');
  const method = api.request.method === 'ANY' ? 'GET' : api.request.method;
  if (method !== 'GET') parts.push(`-X ${method}`);
  if (stage !== 'RELEASE') parts.push(`-H 'X-Ca-Stage: ${stage}'`);
  parts.push(`${origin}${path}`);
  return parts.join(' ');
}
