/**
 * The debugger's form as the person fills it, and how it becomes a DebugCall of the contract.
 * The form starts from the API as the chosen stage serves it (its parameters in their locations,
 * with demo or default values), falling back to the working copy when the stage serves nothing.
 */
import type { DebugCall } from '../../../data/debugger';
import type { Api, ParameterType, Project, RequestParameter, Stage } from '../../../../shared/model/schema';
import { findApi, findDeployment, servedRecord } from '../../../../shared/model/stages';

/** Where a parameter's definition comes from, shown beside its field. */
export interface ParamInfo {
  type: ParameterType;
  required: boolean;
  description?: string;
  enum?: string[];
}

/** One name/value the request carries; `param` is set for the API's own parameters. */
export interface PairRow {
  name: string;
  value: string;
  /** Whether the row is sent. */
  include: boolean;
  param?: ParamInfo;
}

export type AuthKind = 'anonymous' | 'appCode' | 'signature';
export type BodyKind = 'none' | 'form' | 'text';

export interface AuthForm {
  kind: AuthKind;
  app: string;
  /** '' = the app's first key. */
  appKey: string;
  appCodeInQuery: boolean;
  signatureMethod: 'HmacSHA256' | 'HmacSHA1';
  /** Header names, separated by commas, as typed. */
  extraSignedHeaders: string;
  fixedTimestamp: boolean;
  timestamp: string;
  fixedNonce: boolean;
  nonce: string;
  addContentMd5: boolean;
  /** Kept in memory only, never in history or examples. */
  secretOverride: string;
}

export interface DebugForm {
  group: string;
  api: string;
  stage: Stage;
  /** Where the call goes: the local gateway, the cloud the console is connected to, or any URL. */
  target: 'local' | 'cloud' | 'url';
  baseUrl: string;
  method: string;
  /** The API's path with `[param]` segments (or a literal path loaded from history). */
  pathTemplate: string;
  /** One row per `[param]` of the path, and `*` for the rest of a `/*` path. */
  pathParams: PairRow[];
  query: PairRow[];
  headers: PairRow[];
  bodyKind: BodyKind;
  formFields: PairRow[];
  text: string;
  contentType: string;
  auth: AuthForm;
  /** Header names removed after signing, separated by commas. */
  dropAfterSigning: string;
}

/** The name of the row that fills a trailing `/*` of a path. */
export const REST_OF_PATH = '*';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The definition a stage serves for the API, else its working copy (`served` says which). */
export function definitionFor(project: Project, ref: { group: string; api: string }, stage: Stage): { api?: Api; served: boolean } {
  const served = servedRecord(findDeployment(project, ref, stage))?.definition;
  return served ? { api: served, served: true } : { api: findApi(project, ref), served: false };
}

/** Apps authorized on the API in the stage, by name. */
export function authorizedApps(project: Project, ref: { group: string; api: string }, stage: Stage): string[] {
  return project.authorizations.filter((a) => a.group === ref.group && a.api === ref.api && a.stage === stage).map((a) => a.app);
}

function text(value: RequestParameter['demo']): string {
  return value === undefined ? '' : String(value);
}

function rowOf(p: RequestParameter): PairRow {
  const value = text(p.demo ?? p.default);
  return {
    name: p.name,
    value,
    include: p.required || value !== '',
    param: { type: p.type, required: p.required, description: p.description, enum: p.enum?.map(String) },
  };
}

/** The `[name]` segments of a path template, in order, and `*` for a trailing `/*`. */
export function pathParamNames(template: string): string[] {
  const names = [...template.matchAll(/\[([^\]/]+)\]/g)].map((m) => m[1]);
  return template.endsWith('/*') ? [...names, REST_OF_PATH] : names;
}

/** The path with its parameters filled in (values percent-encoded; the rest of a `/*` path as typed). */
export function fillPath(template: string, params: readonly PairRow[]): string {
  const value = (name: string) => params.find((p) => p.name === name)?.value ?? '';
  const filled = template.replace(/\[([^\]/]+)\]/g, (_m, name: string) => encodeURIComponent(value(name)));
  return template.endsWith('/*') ? filled.slice(0, -1) + value(REST_OF_PATH).replace(/^\/+/, '') : filled;
}

function defaultAuth(api: Api | undefined, apps: string[]): AuthForm {
  const methods = api?.auth.type === 'APP' ? api.auth.signatureMethods : ['HmacSHA256' as const];
  return {
    kind: api?.auth.type === 'APP' ? 'signature' : 'anonymous',
    app: apps[0] ?? '',
    appKey: '',
    appCodeInQuery: false,
    signatureMethod: methods.includes('HmacSHA256') ? 'HmacSHA256' : 'HmacSHA1',
    extraSignedHeaders: '',
    fixedTimestamp: false,
    timestamp: '',
    fixedNonce: false,
    nonce: '',
    addContentMd5: false,
    secretOverride: '',
  };
}

/** A fresh form for one API in one stage: its parameters with demo/default values, auth from its definition. */
export function initialForm(project: Project, ref: { group: string; api: string }, stage: Stage): DebugForm {
  const { api } = definitionFor(project, ref, stage);
  const params = api?.parameters ?? [];
  const of = (location: RequestParameter['location']) => params.filter((p) => p.location === location).map(rowOf);
  const method = !api || api.request.method === 'ANY' ? 'GET' : api.request.method;
  const template = api?.request.path ?? '/';
  const pathRows = of('PATH');
  const pathParams = pathParamNames(template).map(
    (name) => pathRows.find((r) => r.name === name) ?? { name, value: '', include: true, param: { type: 'String' as const, required: true } },
  );
  const formFields = of('BODY');
  const streamBody = api?.request.bodyFormat === 'STREAM';
  let bodyKind: BodyKind = 'none';
  if (BODY_METHODS.has(method)) bodyKind = formFields.length > 0 && !streamBody ? 'form' : 'text';
  // Authorized apps first, so the first choice is one the gateway accepts.
  const authorized = authorizedApps(project, ref, stage);
  const apps = [...authorized, ...project.apps.map((a) => a.name).filter((n) => !authorized.includes(n))];
  return {
    group: ref.group,
    api: ref.api,
    stage,
    target: 'local',
    baseUrl: '',
    method,
    pathTemplate: template,
    pathParams,
    query: of('QUERY'),
    headers: of('HEAD'),
    bodyKind,
    formFields,
    text: '',
    contentType: streamBody || formFields.length === 0 ? 'application/json' : FORM_CONTENT_TYPE,
    auth: defaultAuth(api, apps),
    dropAfterSigning: '',
  };
}

/** A comma (or space) separated list of names, trimmed, without empties. */
export function splitNames(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function pairs(rows: readonly PairRow[]): [string, string][] {
  return rows.filter((r) => r.include && r.name.trim() !== '').map((r) => [r.name.trim(), r.value]);
}

/** What is wrong with the form, each in a sentence; sending waits until there is nothing. */
export function formProblems(form: DebugForm): string[] {
  const problems: string[] = [];
  for (const p of form.pathParams) {
    if (p.value === '' && p.name !== REST_OF_PATH) problems.push(`Fill the path parameter ${p.name}.`);
  }
  for (const [rows, where] of [
    [form.query, 'query parameter'],
    [form.headers, 'header'],
    [form.bodyKind === 'form' ? form.formFields : [], 'form field'],
  ] as const) {
    for (const r of rows) if (r.param?.required && (!r.include || r.value === '')) problems.push(`The ${where} ${r.name} is required: fill it in.`);
  }
  if (form.target === 'url' && !isHttpUrl(form.baseUrl)) problems.push('Enter the base URL to call, like https://example.com (scheme and host).');
  if (form.auth.kind !== 'anonymous' && form.auth.app === '') problems.push('Choose the app whose credentials sign the call.');
  if (form.auth.kind === 'signature') {
    if (form.auth.fixedTimestamp && !/^\d{1,16}$/.test(form.auth.timestamp.trim())) problems.push('The fixed timestamp must be milliseconds since 1970, digits only.');
    if (form.auth.fixedNonce && form.auth.nonce.trim() === '') problems.push('Enter the fixed nonce, or use a fresh one.');
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function authOf(auth: AuthForm): DebugCall['auth'] {
  switch (auth.kind) {
    case 'anonymous':
      return { kind: 'anonymous' };
    case 'appCode':
      return { kind: 'appCode', app: auth.app, inQuery: auth.appCodeInQuery };
    case 'signature':
      return {
        kind: 'signature',
        app: auth.app,
        ...(auth.appKey ? { appKey: auth.appKey } : {}),
        ...(auth.secretOverride ? { secretOverride: auth.secretOverride } : {}),
        signatureMethod: auth.signatureMethod,
        extraSignedHeaders: splitNames(auth.extraSignedHeaders),
        ...(auth.fixedTimestamp ? { timestamp: Number(auth.timestamp.trim()) } : {}),
        ...(auth.fixedNonce ? { nonce: auth.nonce.trim() } : {}),
        addContentMd5: auth.addContentMd5,
      };
  }
}

function bodyOf(form: DebugForm): DebugCall['body'] {
  if (form.bodyKind === 'form') return { kind: 'form', fields: pairs(form.formFields) };
  if (form.bodyKind === 'text') return { kind: 'text', text: form.text, contentType: form.contentType };
  return { kind: 'none' };
}

/** The contract's request for the form. */
export function toDebugCall(form: DebugForm): DebugCall {
  return {
    target: form.target === 'url' ? { kind: 'url', baseUrl: form.baseUrl.trim() } : { kind: form.target },
    group: form.group,
    api: form.api,
    stage: form.stage,
    method: form.method,
    path: fillPath(form.pathTemplate, form.pathParams),
    query: pairs(form.query),
    headers: pairs(form.headers),
    body: bodyOf(form),
    auth: authOf(form.auth),
    // Dropping a header after signing only means something for a signed call.
    dropAfterSigning: form.auth.kind === 'signature' ? splitNames(form.dropAfterSigning) : [],
  };
}

/** Values of the template's parameters in a filled path, or undefined when the path does not fit. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const escaped = template.replace(/[.*+?^${}()|\\]/g, '\\$&');
  let pattern = escaped.replace(/\\?\[([^\]/]+)\\?\]/g, (_m, name: string) => {
    names.push(name);
    return '([^/]*)';
  });
  if (template.endsWith('/*')) {
    pattern = `${pattern.slice(0, -2)}(.*)`;
    names.push(REST_OF_PATH);
  }
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      values[name] = name === REST_OF_PATH ? match[i + 1] : decodeURIComponent(match[i + 1]);
    } catch {
      values[name] = match[i + 1];
    }
  });
  return values;
}

/** Rows for sent pairs: the API's own rows get the sent values (or are left out), extras are added. */
function rowsFrom(base: readonly PairRow[], sent: readonly (readonly [string, string])[]): PairRow[] {
  const rows = base.map((r) => {
    const hit = sent.find(([n]) => n === r.name);
    return hit ? { ...r, value: hit[1], include: true } : { ...r, include: false };
  });
  const extra = sent.filter(([n]) => !base.some((r) => r.name === n)).map(([name, value]) => ({ name, value, include: true }));
  return [...rows, ...extra];
}

/**
 * The form that sends `request` again (from history or a saved example), on top of a fresh form
 * for the same API so its parameter types still show. The secret override is never stored, so it
 * comes back empty.
 */
export function formFromRequest(fresh: DebugForm, request: DebugCall): DebugForm {
  const values = matchPath(fresh.pathTemplate, request.path);
  const auth = request.auth;
  const body = request.body ?? { kind: 'none' };
  return {
    ...fresh,
    stage: request.stage,
    target: request.target.kind,
    baseUrl: request.target.kind === 'url' ? request.target.baseUrl : fresh.baseUrl,
    method: request.method,
    pathTemplate: values ? fresh.pathTemplate : request.path,
    pathParams: values ? fresh.pathParams.map((p) => ({ ...p, value: values[p.name] ?? '' })) : [],
    query: rowsFrom(fresh.query, request.query ?? []),
    headers: rowsFrom(fresh.headers, request.headers ?? []),
    bodyKind: body.kind,
    formFields: body.kind === 'form' ? rowsFrom(fresh.formFields, body.fields) : fresh.formFields,
    text: body.kind === 'text' ? body.text : fresh.text,
    contentType: body.kind === 'text' ? body.contentType : fresh.contentType,
    auth: {
      ...fresh.auth,
      kind: auth.kind,
      app: auth.kind === 'anonymous' ? fresh.auth.app : auth.app,
      appKey: auth.kind === 'signature' ? (auth.appKey ?? '') : '',
      appCodeInQuery: auth.kind === 'appCode' ? (auth.inQuery ?? false) : false,
      signatureMethod: auth.kind === 'signature' ? (auth.signatureMethod ?? 'HmacSHA256') : fresh.auth.signatureMethod,
      extraSignedHeaders: auth.kind === 'signature' ? (auth.extraSignedHeaders ?? []).join(', ') : '',
      fixedTimestamp: auth.kind === 'signature' && auth.timestamp !== undefined,
      timestamp: auth.kind === 'signature' && auth.timestamp !== undefined ? String(auth.timestamp) : '',
      fixedNonce: auth.kind === 'signature' && auth.nonce !== undefined,
      nonce: auth.kind === 'signature' ? (auth.nonce ?? '') : '',
      addContentMd5: auth.kind === 'signature' ? (auth.addContentMd5 ?? false) : false,
      secretOverride: '',
    },
    dropAfterSigning: (request.dropAfterSigning ?? []).join(', '),
  };
}
