/**
 * Parameter validation and mapping (docs/alibaba-data-plane.md, "Request definition",
 * "Reading the request", "Parameters"): checks the declared request parameters, applies defaults,
 * and builds what the backend receives — mapped parameters, constants, system parameters —
 * according to the API's request mode.
 */
import type {
  Api,
  ConstantParameter,
  ParameterLocation,
  RequestMode,
  RequestParameter,
  SystemParameter,
} from '../shared/model/schema';
import { GATEWAY_CHOICES, gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import type { Pairs } from '../shared/signature/url-encoded';
import type { AuthenticatedApp } from './auth';
import type { Call } from './call';
import { connectionTokens, isHopByHop } from './hop-by-hop';
import { headerValue } from './responses';

type Location = ParameterLocation;

interface CompiledParameter {
  name: string;
  location: Location;
  /** Lower-case, for HEAD parameters. */
  headerName: string;
  required: boolean;
  default?: string;
  /** Where the backend receives it. */
  target: { name: string; location: Location };
  /** Returns the I400IP detail when the value is not acceptable. */
  check: (value: string) => string | undefined;
}

export interface CompiledMapping {
  mode: RequestMode;
  apiName: string;
  parameters: CompiledParameter[];
  constants: ConstantParameter[];
  system: SystemParameter[];
  /** Declared names per location, to tell undeclared ones apart (MAPPING_PASSTHROUGH). */
  declaredQuery: Set<string>;
  declaredHeaders: Set<string>;
  declaredForm: Set<string>;
  /** A query parameter that may carry an AppCode, never passed to the backend. */
  credentialQuery?: string;
}

/** Precompiles an API's parameters; throws when a regex does not compile (reported as X500AM). */
export function compileMapping(api: Api): CompiledMapping {
  const targets = new Map(api.serviceParameters.map((s) => [s.requestParameter, { name: s.name, location: s.location }]));
  const parameters = api.parameters.map((p): CompiledParameter => {
    const compiled: CompiledParameter = {
      name: p.name,
      location: p.location,
      headerName: p.name.toLowerCase(),
      required: p.required,
      target: targets.get(p.name) ?? { name: p.name, location: p.location },
      check: compileCheck(p),
    };
    if (p.default !== undefined) compiled.default = String(p.default);
    return compiled;
  });
  const mapping: CompiledMapping = {
    mode: api.request.mode,
    apiName: api.name,
    parameters,
    constants: api.constantParameters,
    system: api.systemParameters,
    declaredQuery: new Set(parameters.filter((p) => p.location === 'QUERY').map((p) => p.name)),
    declaredHeaders: new Set(parameters.filter((p) => p.location === 'HEAD').map((p) => p.headerName)),
    declaredForm: new Set(parameters.filter((p) => p.location === 'BODY').map((p) => p.name)),
  };
  if (api.auth.type === 'APP' && api.auth.appCodeAuthType === 'HEADER_QUERY') {
    mapping.credentialQuery = GATEWAY_CHOICES.appCodeQueryParameter;
  }
  return mapping;
}

const INT = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT_RANGE = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const LONG_RANGE = [-(2n ** 63n), 2n ** 63n - 1n] as const;
const FLOAT_MAX = 3.4028234663852886e38;

function compileCheck(p: RequestParameter): (value: string) => string | undefined {
  const name = '`' + p.name + '`';
  const checks: Array<(value: string) => string | undefined> = [];
  const inRange = (n: number) =>
    p.min !== undefined && n < p.min ? `${name} must be at least ${p.min}` : p.max !== undefined && n > p.max ? `${name} must be at most ${p.max}` : undefined;
  switch (p.type) {
    case 'Int':
    case 'Long': {
      const [lo, hi] = p.type === 'Int' ? INT_RANGE : LONG_RANGE;
      const article = p.type === 'Int' ? 'an' : 'a';
      checks.push((v) => {
        if (!INT.test(v)) return `${name} must be ${article} ${p.type}`;
        const big = BigInt(v);
        if (big < lo || big > hi) return `${name} must be ${article} ${p.type}`;
        return inRange(Number(v));
      });
      break;
    }
    case 'Float':
    case 'Double':
      checks.push((v) => {
        const n = Number(v);
        if (!DECIMAL.test(v) || !Number.isFinite(n) || (p.type === 'Float' && Math.abs(n) > FLOAT_MAX)) return `${name} must be a ${p.type}`;
        return inRange(n);
      });
      break;
    case 'Boolean':
      checks.push((v) => (/^(true|false)$/i.test(v) ? undefined : `${name} must be a Boolean (true or false)`));
      break;
    case 'String': {
      if (p.minLength !== undefined || p.maxLength !== undefined) {
        checks.push((v) => {
          const length = codePointLength(v);
          if (p.minLength !== undefined && length < p.minLength) return `${name} is shorter than ${p.minLength} characters`;
          if (p.maxLength !== undefined && length > p.maxLength) return `${name} is longer than ${p.maxLength} characters`;
          return undefined;
        });
      }
      if (p.regex !== undefined) {
        // The whole value must match, not just a part of it.
        const whole = new RegExp(`^(?:${p.regex})$`, 'u');
        checks.push((v) => (whole.test(v) ? undefined : `${name} does not match the pattern ${p.regex}`));
      }
      break;
    }
  }
  if (p.enum !== undefined && p.enum.length > 0) {
    const allowed = new Set(p.enum.map(String));
    const numeric = p.type !== 'String' && p.type !== 'Boolean';
    const allowedNumbers = new Set(p.enum.map(Number));
    checks.push((v) =>
      allowed.has(v) || (numeric && allowedNumbers.has(Number(v))) ? undefined : `${name} must be one of ${p.enum!.map(String).join(', ')}`,
    );
  }
  if (checks.length === 0) return () => undefined;
  if (checks.length === 1) return checks[0];
  return (v) => {
    for (const check of checks) {
      const problem = check(v);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) length++;
  }
  return length;
}

/** What the backend receives, before it is written on the wire (backends.ts). */
export interface MappedRequest {
  /** Values for the backend path's [param] segments. */
  pathValues: Record<string, string>;
  /** Query pairs to encode; after `rawQuery` when that is set. */
  query: Pairs;
  /** The caller's query exactly as sent (PASSTHROUGH). */
  rawQuery?: string;
  /** Headers as [name, value] pairs; values already valid on the wire. */
  headers: Array<[string, string]>;
  /** Form fields to encode as the body, when the body is a form. */
  form?: Pairs;
  /** Raw body, when it is not re-encoded as a form. */
  body: Uint8Array;
}

export interface MappingInput {
  call: Call;
  /** Raw header pairs as received (Node's rawHeaders): passed on byte for byte. */
  rawHeaders: readonly string[];
  rawQuery: string;
  pathParams: Record<string, string>;
  app?: AuthenticatedApp;
}

/** The value a parameter takes for this call (its default when absent), or the refusal. */
function resolveParameter(p: CompiledParameter, input: MappingInput): string | undefined | GatewayError {
  let value = valueOf(p, input);
  if (value === undefined) value = p.default;
  if (p.required && (value === undefined || (value === '' && GATEWAY_CHOICES.requiredRejectsEmpty))) {
    return gatewayError('I400MP', p.name);
  }
  // An optional parameter sent empty is passed on empty, unchecked.
  if (value === undefined || (value === '' && !p.required)) return value;
  const problem = p.check(value);
  return problem === undefined ? value : gatewayError('I400IP', problem);
}

/** Checks the parameters without building a backend request (for MOCK backends). */
export function checkParameters(mapping: CompiledMapping, input: MappingInput): GatewayError | undefined {
  const passthrough = mapping.mode === 'PASSTHROUGH';
  for (const p of mapping.parameters) {
    if (passthrough && p.location !== 'PATH') continue;
    const value = resolveParameter(p, input);
    if (typeof value === 'object') return value;
  }
  return undefined;
}

/** Validates the call and builds the backend request, or returns the I400MP/I400IP refusal. */
export function mapRequest(mapping: CompiledMapping, input: MappingInput): MappedRequest | GatewayError {
  const { call } = input;
  const passthrough = mapping.mode === 'PASSTHROUGH';
  const out: MappedRequest = { pathValues: {}, query: [], headers: [], body: call.body };
  const form: Pairs = [];
  let bodyTaken = false;

  for (const p of mapping.parameters) {
    // PASSTHROUGH validates and maps PATH parameters only; everything else goes on untouched.
    if (passthrough && p.location !== 'PATH') continue;
    const value = resolveParameter(p, input);
    if (value === undefined) continue;
    if (typeof value === 'object') return value;
    if (p.location === 'BODY' && call.form === undefined && p.target.location === 'BODY') {
      // A STREAM body parameter is the body itself: it goes on as sent.
      bodyTaken = true;
      continue;
    }
    place(out, form, p.target.name, p.target.location, value);
  }

  if (passthrough) {
    out.rawQuery = input.rawQuery;
    copyHeaders(out, input.rawHeaders, undefined);
  } else {
    if (mapping.mode === 'MAPPING_PASSTHROUGH') {
      for (const [name, value] of call.query) {
        if (!mapping.declaredQuery.has(name) && name !== mapping.credentialQuery) out.query.push([name, value]);
      }
      copyHeaders(out, input.rawHeaders, mapping.declaredHeaders);
      if (call.form) for (const pair of call.form) if (!mapping.declaredForm.has(pair[0])) form.push(pair);
    } else {
      copyMappingHeaders(out, input.rawHeaders);
    }
  }

  for (const c of mapping.constants) place(out, form, c.name, c.location, c.value);
  for (const s of mapping.system) place(out, form, s.serviceParameter, s.location, systemValue(s.name, mapping.apiName, call, input.app));

  // The body: a form is re-encoded with what was mapped into it; any other body goes on as sent.
  if (call.form !== undefined) {
    if (passthrough) {
      if (form.length > 0) out.form = [...call.form, ...form];
    } else {
      out.form = form;
    }
  } else if (form.length > 0 && call.body.length === 0 && !bodyTaken) {
    out.form = form;
  }
  return out;
}

function valueOf(p: CompiledParameter, input: MappingInput): string | undefined {
  const { call } = input;
  switch (p.location) {
    case 'PATH':
      return input.pathParams[p.name];
    case 'QUERY':
      return firstValue(call.query, p.name);
    case 'HEAD':
      return call.headers[p.headerName];
    case 'BODY':
      if (call.form !== undefined) return firstValue(call.form, p.name);
      return call.body.length > 0 ? Buffer.from(call.body.buffer, call.body.byteOffset, call.body.byteLength).toString('utf8') : undefined;
  }
}

function firstValue(pairs: Pairs, name: string): string | undefined {
  for (const [n, v] of pairs) if (n === name) return v;
  return undefined;
}

function place(out: MappedRequest, form: Pairs, name: string, location: Location, value: string): void {
  switch (location) {
    case 'PATH':
      out.pathValues[name] = value;
      break;
    case 'QUERY':
      out.query.push([name, value]);
      break;
    case 'HEAD':
      out.headers.push([name, headerValue(value)]);
      break;
    case 'BODY':
      form.push([name, value]);
      break;
  }
}

/** Headers the gateway sets itself on the backend request. */
const GATEWAY_OWNED = new Set(['host', 'content-length', 'content-type', 'x-forwarded-for', 'expect']);

/** Every caller header but hop-by-hop and gateway-owned ones, minus `skip` (declared, already mapped). */
function copyHeaders(out: MappedRequest, rawHeaders: readonly string[], skip: Set<string> | undefined): void {
  const connection = connectionTokens(rawHeaders);
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i].toLowerCase();
    if (GATEWAY_OWNED.has(lower) || isHopByHop(lower, connection) || skip?.has(lower)) continue;
    out.headers.push([rawHeaders[i], rawHeaders[i + 1]]);
  }
}

const MAPPING_FORWARDED = new Set<string>(GATEWAY_CHOICES.mappingForwardedHeaders);

function copyMappingHeaders(out: MappedRequest, rawHeaders: readonly string[]): void {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (MAPPING_FORWARDED.has(rawHeaders[i].toLowerCase())) out.headers.push([rawHeaders[i], rawHeaders[i + 1]]);
  }
}

function systemValue(name: SystemParameter['name'], apiName: string, call: Call, app: AuthenticatedApp | undefined): string {
  switch (name) {
    case 'CaClientIp':
      return call.clientIp;
    case 'CaDomain':
      return call.host;
    case 'CaRequestHandleTime':
      return new Date(call.receivedAt).toISOString();
    case 'CaAppId':
      return app?.appId ?? '';
    case 'CaAppKey':
      return app?.appKey ?? '';
    case 'CaRequestId':
      return call.requestId;
    case 'CaHttpSchema':
      return call.protocol.toLowerCase();
    case 'CaProxy':
      return GATEWAY_CHOICES.caProxy;
    case 'CaApiName':
      return apiName;
    case 'CaClientUa':
      return call.headers['user-agent'] ?? '';
    case 'CaStage':
      return call.stage;
    case 'CaInstanceId':
      return GATEWAY_CHOICES.caInstanceId;
    case 'CaCloudMarketInstanceId':
    case 'CaAppExtendInfo':
    case 'CaSourceVpcId':
      return '';
  }
}
