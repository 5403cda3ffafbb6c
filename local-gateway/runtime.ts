/**
 * A project compiled for serving: per group and stage a route table of the deployed snapshots,
 * each with its parameter mapping and backend ready, plus the policy checkers. Built once per
 * (re)load and swapped in whole, so a call always sees one consistent version.
 */
import type { Api, Project, SecretsFile, Stage } from '../shared/model/schema';
import { STAGES } from '../shared/model/schema';
import { servedApis } from '../shared/model/stages';
import { gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import { createAuthenticator, type ApiAuthenticator, type Authenticator, type NonceStore } from './auth';
import { compileBackend, type CompiledBackend } from './backends';
import { createCors, type ApiCors, type Cors } from './cors';
import { createIpControl, type ApiIpControl, type IpControl } from './ip-control';
import { compileMapping, type CompiledMapping } from './mapping';
import { RouteTable, type RouteTarget } from './routes';
import type { StageRef } from './stage-ref';
import { createThrottler, type ApiThrottle, type ThrottleCounters, type Throttler } from './throttling';
import { groupHostLabel, ownAddressGroup, type OwnAddressReason } from '../shared/gateway/local-hosts';
import { basePathProblem, callPath } from '../shared/model/base-path';

export interface CompiledApi extends RouteTarget {
  api: Api;
  ref: StageRef;
  /** The deployed API cannot be served as defined (answered with this error). */
  broken?: GatewayError;
  /** The API takes calls over HTTP (its protocols), as the local gateway serves them. */
  servesHttp: boolean;
  mapping: CompiledMapping;
  backend: CompiledBackend;
  /** What is bound to the API in its stage, looked up here once rather than for every call. */
  auth: ApiAuthenticator;
  throttle?: ApiThrottle;
  ipControl?: ApiIpControl;
  cors?: ApiCors;
}

/** The project's policies, from which each compiled API takes its own. */
interface Policies {
  auth: Authenticator;
  throttler: Throttler;
  ipControl: IpControl;
  cors: Cors;
}

export interface GroupRuntime {
  name: string;
  /** `<label>.localhost` answers for this group. */
  hostLabel: string;
  /** The group's BasePath: every route of the group starts with it (shared/model/base-path.ts). */
  basePath: string;
  routes: Record<Stage, RouteTable<CompiledApi>>;
}

export interface Runtime {
  project: Project;
  groups: GroupRuntime[];
  /** By host label. */
  byHost: Map<string, GroupRuntime>;
  /** The group that answers on the gateway's own address (own-hosts.ts), and why (shared/gateway/local-hosts.ts). */
  ownAddress?: { group: GroupRuntime; by: OwnAddressReason };
  auth: Authenticator;
  throttler: Throttler;
  ipControl: IpControl;
  cors: Cors;
  /** Things that do not stop serving but a person should know (route clashes, missing stage variables). */
  warnings: string[];
}


export interface RuntimeOptions {
  nonceStore: NonceStore;
  /** Throttling counters, kept across reloads like the nonces. */
  throttleCounters?: ThrottleCounters;
  now?: () => number;
}

export function compileRuntime(project: Project, secrets: SecretsFile, options: RuntimeOptions): Runtime {
  const warnings: string[] = [];
  const groups: GroupRuntime[] = [];
  const byHost = new Map<string, GroupRuntime>();
  const byName = new Map<string, GroupRuntime>();
  const unservable = new Set<string>();
  const policies: Policies = {
    auth: createAuthenticator({ project, secrets, nonceStore: options.nonceStore, now: options.now }),
    throttler: createThrottler(project, options.now, options.throttleCounters),
    ipControl: createIpControl(project),
    cors: createCors(project),
  };
  for (const group of project.groups) {
    const runtime: GroupRuntime = {
      name: group.name,
      hostLabel: groupHostLabel(group.name),
      basePath: group.basePath,
      routes: { TEST: new RouteTable(), PRE: new RouteTable(), RELEASE: new RouteTable() },
    };
    groups.push(runtime);
    byName.set(group.name, runtime);
    const badBasePath = basePathProblem(group.basePath);
    // Validation refuses such a project; the offline cloud's older state may still hold one.
    if (badBasePath) {
      warnings.push(`Base path "${group.basePath}" of group "${group.name}" ${badBasePath}; the group's APIs are not served.`);
      unservable.add(group.name);
    }
    const clash = byHost.get(runtime.hostLabel);
    if (clash) warnings.push(`Groups "${clash.name}" and "${group.name}" both answer on ${runtime.hostLabel}.localhost; "${clash.name}" is served there.`);
    else byHost.set(runtime.hostLabel, runtime);
  }

  for (const stage of STAGES) {
    for (const api of servedApis(project, stage)) {
      const group = byName.get(api.group);
      if (!group) {
        warnings.push(`API "${api.name}" is deployed to ${stage} but its group "${api.group}" is not in the project; it is not served.`);
        continue;
      }
      if (unservable.has(group.name)) continue;
      const variables = project.groups.find((g) => g.name === api.group)?.stageVariables[stage] ?? {};
      const compiled = compileApi(api, stage, variables, group.basePath, policies, warnings);
      group.routes[stage].add(compiled);
    }
    for (const group of groups) {
      for (const { kept, dropped } of group.routes[stage].conflicts) {
        warnings.push(
          `APIs "${kept.api.name}" and "${dropped.api.name}" of group "${group.name}" both answer ${kept.method} ${kept.pattern} in ${stage}; "${kept.api.name}" is served.`,
        );
      }
    }
  }

  const runtime: Runtime = {
    project,
    groups,
    byHost,
    ...policies,
    warnings,
  };
  const picked = ownAddressGroup(project.groups.map((group) => group.name), project.localGateway?.defaultGroup);
  if (picked) runtime.ownAddress = { group: byName.get(picked.group)!, by: picked.by };
  return runtime;
}

function compileApi(api: Api, stage: Stage, variables: Record<string, string>, basePath: string, policies: Policies, warnings: string[]): CompiledApi {
  const ref: StageRef = { group: api.group, api: api.name, stage };
  const where = `API "${api.name}" of group "${api.group}" in ${stage}`;
  let broken: GatewayError | undefined;
  let mapping: CompiledMapping;
  try {
    mapping = compileMapping(api);
  } catch (error) {
    warnings.push(`${where}: ${(error as Error).message}; calls get X500AM until it is redeployed.`);
    broken = gatewayError('X500AM');
    mapping = compileMapping({ ...api, parameters: [] });
  }
  let backend = compileBackend(api, variables);
  if ('code' in backend) {
    if (backend.code === 'X500SV') warnings.push(`${where}: ${backend.message}; calls get X500SV until the variable is set.`);
    else warnings.push(`${where}: backend address "${api.backend.type === 'HTTP' ? api.backend.address : ''}" is not an http(s) URL; calls get X500AM.`);
    broken ??= backend;
    backend = { type: 'MOCK', status: 500, headers: [], body: Buffer.alloc(0) };
  }
  // Callers reach the API at the group's BasePath + its request path, and only there.
  // Every field set, even to undefined: compiled APIs then share one shape, which keeps the
  // server's reads of them monomorphic.
  return {
    pattern: callPath(basePath, api.request.path),
    method: api.request.method,
    api,
    ref,
    broken,
    servesHttp: api.request.protocols.includes('HTTP'),
    mapping,
    backend,
    auth: policies.auth.forApi(api, ref),
    throttle: policies.throttler.forApi(ref),
    ipControl: policies.ipControl.forApi(ref),
    cors: policies.cors.forApi(ref),
  };
}

/** Which stages of a group serve at least one API (for the CLI's start-up lines). */
export function stagesWithApis(group: GroupRuntime): Stage[] {
  return STAGES.filter((stage) => group.routes[stage].size > 0);
}
