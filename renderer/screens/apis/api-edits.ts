/**
 * Edits of APIs as pure functions of the project: create, change, rename or move (references
 * follow), duplicate, delete (with everything that references it), deploy. Undo and save are the
 * store's business.
 */
import type { Api, ApiStageRef, HttpMethod, Project, Stage } from '../../../shared/model/schema';
import { pathParameterNames } from '../../../shared/model/rules/path-syntax';
import { sameRoute } from '../../../shared/model/rules/routes';
import type { ApiKey } from '../../../shared/model/stages';

/** Renames an API or moves it to another group, references and cloud ids following (shared/model/rename.ts). */
export { renameApi } from '../../../shared/model/rename';

export function sameApi(api: { group: string; name: string }, ref: ApiKey): boolean {
  return api.group === ref.group && api.name === ref.api;
}

const refersTo = (item: { group: string; api: string }, ref: ApiKey) => item.group === ref.group && item.api === ref.api;

/** A new API with a mock backend that answers 200 with a small JSON body; `[name]` path segments are declared as PATH parameters. */
export function newMockApi(input: { group: string; name: string; method: HttpMethod; path: string }): Api {
  return {
    name: input.name,
    group: input.group,
    visibility: 'PRIVATE',
    request: { protocols: ['HTTP', 'HTTPS'], method: input.method, path: input.path, mode: 'MAPPING' },
    parameters: [...new Set(pathParameterNames(input.path))].map((name) => ({ name, location: 'PATH', type: 'String', required: true })),
    backend: { type: 'MOCK', statusCode: 200, body: '{"message":"ok"}', headers: [{ name: 'Content-Type', value: 'application/json' }] },
    serviceParameters: [],
    constantParameters: [],
    systemParameters: [],
    auth: { type: 'ANONYMOUS' },
    errorCodes: [],
  };
}

export function addApi(project: Project, api: Api): Project {
  return { ...project, apis: [...project.apis, api] };
}

/** Changes one API; the project is returned as is when the API is not there or nothing changed. */
export function updateApi(project: Project, ref: ApiKey, change: (api: Api) => Api): Project {
  const index = project.apis.findIndex((a) => sameApi(a, ref));
  if (index < 0) return project;
  const next = change(project.apis[index]);
  if (next === project.apis[index]) return project;
  const apis = project.apis.slice();
  apis[index] = next;
  return { ...project, apis };
}

/** What points at an API: the stage histories, authorizations and bindings that name it. */
export interface ApiReferences {
  deployments: Stage[];
  /** Stages where a deployment serves the API now. */
  served: Stage[];
  authorizations: { app: string; stage: Stage }[];
  throttling: { policy: string; stage: Stage }[];
  plugins: { plugin: string; stage: Stage }[];
  /** Cloud profiles/regions where sync recorded an id for it. */
  cloud: string[];
}

export function apiReferences(project: Project, ref: ApiKey): ApiReferences {
  const deployments = project.deployments.filter((d) => refersTo(d, ref));
  return {
    deployments: deployments.map((d) => d.stage),
    served: deployments.filter((d) => d.history.at(-1)?.definition).map((d) => d.stage),
    authorizations: project.authorizations.filter((a) => refersTo(a, ref)).map((a) => ({ app: a.app, stage: a.stage })),
    throttling: project.throttlingPolicies.flatMap((p) => p.bindings.filter((b) => refersTo(b, ref)).map((b) => ({ policy: p.name, stage: b.stage }))),
    plugins: project.plugins.flatMap((p) => p.bindings.filter((b) => refersTo(b, ref)).map((b) => ({ plugin: p.name, stage: b.stage }))),
    cloud: Object.entries(project.cloud)
      .filter(([, ids]) => ids.apis[`${ref.group}/${ref.api}`] !== undefined)
      .map(([key]) => key),
  };
}

export function hasReferences(refs: ApiReferences): boolean {
  return refs.deployments.length + refs.authorizations.length + refs.throttling.length + refs.plugins.length + refs.cloud.length > 0;
}

/** Removes the API and everything that references it, so nothing is left dangling. */
export function deleteApi(project: Project, ref: ApiKey): Project {
  const keep = (b: ApiStageRef) => !refersTo(b, ref);
  const cloudKey = `${ref.group}/${ref.api}`;
  return {
    ...project,
    apis: project.apis.filter((a) => !sameApi(a, ref)),
    deployments: project.deployments.filter((d) => !refersTo(d, ref)),
    authorizations: project.authorizations.filter(keep),
    throttlingPolicies: project.throttlingPolicies.map((p) => (p.bindings.some((b) => !keep(b)) ? { ...p, bindings: p.bindings.filter(keep) } : p)),
    plugins: project.plugins.map((p) => (p.bindings.some((b) => !keep(b)) ? { ...p, bindings: p.bindings.filter(keep) } : p)),
    cloud: Object.fromEntries(
      Object.entries(project.cloud).map(([key, ids]) => {
        if (ids.apis[cloudKey] === undefined) return [key, ids];
        const apis = { ...ids.apis };
        delete apis[cloudKey];
        return [key, { ...ids, apis }];
      }),
    ),
  };
}

/** A name not used in the group yet: `name_copy`, `name_copy2`, … */
export function copyName(project: Project, group: string, name: string): string {
  const taken = new Set(project.apis.filter((a) => a.group === group).map((a) => a.name));
  const base = `${name}_copy`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A path for a copy that does not collide with the original's route: `/hello` → `/hello-copy`. */
export function copyPath(project: Project, group: string, path: string): string {
  const wildcard = path.endsWith('/*');
  const stem = wildcard ? path.slice(0, -2) : path;
  const others = project.apis.filter((a) => a.group === group);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? 'copy' : `copy${n}`;
    const base = /[A-Za-z0-9_-]$/.test(stem) && !stem.endsWith(']') ? `${stem}-${suffix}` : `${stem.replace(/\/$/, '')}/${suffix}`;
    const candidate = wildcard ? `${base}/*` : base;
    // Any method: the copy keeps the original's, and ANY would meet every one.
    if (!others.some((a) => sameRoute(a.request, { method: 'ANY', path: candidate }))) return candidate;
  }
}

/** Adds a copy of the API right after it (not deployed, no authorizations); returns the copy's key too. */
export function duplicateApi(project: Project, ref: ApiKey): { project: Project; copy: ApiKey } {
  const index = project.apis.findIndex((a) => sameApi(a, ref));
  if (index < 0) return { project, copy: ref };
  const original = project.apis[index];
  const name = copyName(project, original.group, original.name);
  const copy: Api = {
    ...(JSON.parse(JSON.stringify(original)) as Api),
    name,
    request: { ...original.request, path: copyPath(project, original.group, original.request.path) },
  };
  const apis = [...project.apis.slice(0, index + 1), copy, ...project.apis.slice(index + 1)];
  return { project: { ...project, apis }, copy: { group: original.group, api: name } };
}
