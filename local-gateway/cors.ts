/**
 * CORS plugins (docs/alibaba-data-plane.md, "CORS"): answer browser preflights from the plugin
 * bound to the API, and add the CORS headers to actual calls from an allowed Origin. Without a
 * plugin a preflight is refused (GATEWAY_CHOICES.preflightWithoutCorsPlugin).
 */
import type { CorsConfig, Project } from '../shared/model/schema';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import type { Call } from './call';
import { stageRefKey, type StageRef } from './stage-ref';

export interface Preflight {
  status: number;
  headers: Record<string, string>;
}

export interface Cors {
  /** Answers OPTIONS + Access-Control-Request-Method; `ref` is undefined when no API matched the path. */
  preflight(ref: StageRef | undefined, call: Call): Preflight | GatewayError;
  /** The plugin bound to one API in one stage, looked up once per (re)load (runtime.ts); undefined when none is. */
  forApi(ref: StageRef): ApiCors | undefined;
  /** forApi(ref)?.responseHeaders(call), or none. */
  responseHeaders(ref: StageRef, call: Call): Record<string, string>;
}

export interface ApiCors {
  /** Headers to add to the response of an actual call; undefined when the Origin is not allowed (or absent). */
  responseHeaders(call: Call): Record<string, string> | undefined;
}

interface CompiledCors {
  pluginName: string;
  config: CorsConfig;
  /** `*` in allowOrigins: any origin. */
  anyOrigin: boolean;
  origins: OriginPattern[];
  allowMethods: string;
  allowHeaders: string;
  exposeHeaders: string;
}

/** Matches either the whole Origin (`https://*.foo.com`) or, for a pattern without scheme (`*.foo.com`), its host[:port]. */
interface OriginPattern {
  withScheme: boolean;
  regex: RegExp;
}

export function createCors(project: Project): Cors {
  const bound = new Map<string, CompiledCors>();
  for (const plugin of project.plugins) {
    if (plugin.type !== 'cors') continue;
    const compiled = compileCors(plugin.name, plugin.cors);
    // GATEWAY_CHOICES.duplicateBindings: a later plugin bound to the same API replaces an earlier one.
    for (const ref of plugin.bindings) bound.set(stageRefKey(ref), compiled);
  }

  const byApi = new Map<string, ApiCors>();
  for (const [key, cors] of bound) byApi.set(key, apiCors(cors));

  return {
    preflight(ref, call) {
      const requested = call.headers['access-control-request-method'] ?? '';
      if (ref === undefined) {
        return gatewayError('A403CO', `no API matches ${requested} ${call.path} in stage ${call.stage}, so no CORS plugin applies`);
      }
      const cors = bound.get(stageRefKey(ref));
      if (cors === undefined) {
        if (GATEWAY_CHOICES.preflightWithoutCorsPlugin === 'refuse') {
          return gatewayError('A403CO', `no CORS plugin is bound to API ${ref.group}/${ref.api} in stage ${ref.stage}; bind one to allow browser calls`);
        }
        return { status: 200, headers: {} };
      }
      const origin = call.headers['origin'];
      if (origin === undefined || origin === '') {
        return gatewayError('A403CO', 'the preflight carries no Origin header');
      }
      if (!originAllowed(cors, origin)) {
        return gatewayError('A403CO', `origin ${origin} is not in allowOrigins of CORS plugin "${cors.pluginName}"`);
      }

      const headers = originHeaders(cors, origin);
      headers['access-control-allow-methods'] = cors.allowMethods;
      const allowHeaders = cors.allowHeaders !== '' ? cors.allowHeaders : call.headers['access-control-request-headers'];
      if (allowHeaders !== undefined && allowHeaders !== '') headers['access-control-allow-headers'] = allowHeaders;
      headers['access-control-max-age'] = String(cors.config.maxAge);
      // The answer depends on Origin (and on the requested headers when they are echoed): caches must key on them.
      headers['vary'] = cors.allowHeaders !== '' ? 'Origin' : 'Origin, Access-Control-Request-Headers';
      return { status: 200, headers };
    },

    forApi: (ref) => byApi.get(stageRefKey(ref)),
    responseHeaders: (ref, call) => byApi.get(stageRefKey(ref))?.responseHeaders(call) ?? {},
  };
}

function apiCors(cors: CompiledCors): ApiCors {
  return {
    responseHeaders(call) {
      const origin = call.headers['origin'];
      if (origin === undefined || origin === '' || !originAllowed(cors, origin)) return undefined;
      const headers = originHeaders(cors, origin);
      if (cors.exposeHeaders !== '') headers['access-control-expose-headers'] = cors.exposeHeaders;
      headers['vary'] = 'Origin';
      return headers;
    },
  };
}

/** Allow-Origin (`*` only when any origin is allowed and no credentials are involved) and Allow-Credentials. */
function originHeaders(cors: CompiledCors, origin: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // Browsers reject `*` together with credentials, so a credentialed plugin always echoes the origin.
  headers['access-control-allow-origin'] = cors.anyOrigin && !cors.config.allowCredentials ? '*' : origin;
  if (cors.config.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

function originAllowed(cors: CompiledCors, origin: string): boolean {
  if (cors.anyOrigin) return true;
  const lower = origin.toLowerCase();
  let host: string | undefined;
  for (const pattern of cors.origins) {
    if (pattern.withScheme) {
      if (pattern.regex.test(lower)) return true;
    } else {
      host ??= hostOf(lower);
      if (pattern.regex.test(host)) return true;
    }
  }
  return false;
}

/** `https://a.foo.com:8443` → `a.foo.com:8443`. */
function hostOf(origin: string): string {
  const scheme = origin.indexOf('://');
  return scheme === -1 ? origin : origin.slice(scheme + 3);
}

function compileCors(pluginName: string, config: CorsConfig): CompiledCors {
  // The cloud's console takes comma lists; accept `a,b` inside one entry as well.
  const origins = splitList(config.allowOrigins);
  return {
    pluginName,
    config,
    anyOrigin: origins.includes('*'),
    origins: origins.filter((o) => o !== '*').map(compileOrigin),
    allowMethods: splitList(config.allowMethods).join(','),
    allowHeaders: splitList(config.allowHeaders).join(','),
    exposeHeaders: splitList(config.exposeHeaders).join(','),
  };
}

/** `*` stands for one or more host characters (letters, digits, `-`, `.`): never a scheme, port or path. */
function compileOrigin(pattern: string): OriginPattern {
  const lower = pattern.toLowerCase().replace(/\/+$/, '');
  const source = lower
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[a-z0-9.-]+');
  return { withScheme: lower.includes('://'), regex: new RegExp(`^${source}$`) };
}

function splitList(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const piece of value.split(',')) {
      const trimmed = piece.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}
