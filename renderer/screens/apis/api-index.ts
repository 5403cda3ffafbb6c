/**
 * Indexes for the API list, built once per version of the data they come from (a new project
 * object after an edit rebuilds only what changed): the text each API is searched by, the stages
 * that serve it, its problem count. Filtering then is one pass over plain arrays.
 */
import type { Problem } from '../../../shared/model/problems';
import type { Api, Deployment, HttpMethod, Project, Stage } from '../../../shared/model/schema';
import { STAGES } from '../../../shared/model/schema';

export interface ApiFilters {
  text: string;
  group: string;
  method: HttpMethod | '';
  auth: 'ANONYMOUS' | 'APP' | '';
  /** A stage that must serve the API, or 'none' for APIs that no stage serves. */
  stage: Stage | 'none' | '';
}

export const NO_FILTERS: ApiFilters = { text: '', group: '', method: '', auth: '', stage: '' };

const searchText = new WeakMap<Api, string>();

/** Name, path and description in lower case: what the text filter looks at. */
export function textOf(api: Api): string {
  let text = searchText.get(api);
  if (text === undefined) {
    text = `${api.name}\n${api.request.path}\n${api.description ?? ''}`.toLowerCase();
    searchText.set(api, text);
  }
  return text;
}

const servedIndexes = new WeakMap<Deployment[], Map<string, Stage[]>>();
const EMPTY_STAGES: Stage[] = [];

/** `group\0api` → the stages serving it, in stage order. */
export function servedStages(deployments: Deployment[]): Map<string, Stage[]> {
  let index = servedIndexes.get(deployments);
  if (!index) {
    index = new Map();
    for (const d of deployments) {
      if (!d.history.at(-1)?.definition) continue;
      const key = `${d.group}\u0000${d.api}`;
      index.set(key, [...(index.get(key) ?? []), d.stage].sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b)));
    }
    servedIndexes.set(deployments, index);
  }
  return index;
}

export function stagesOf(served: Map<string, Stage[]>, api: Api): Stage[] {
  return served.get(`${api.group}\u0000${api.name}`) ?? EMPTY_STAGES;
}

const problemCounts = new WeakMap<Problem[], Map<number, number>>();

/** API index → number of problems in its working copy. */
export function problemsPerApi(problems: Problem[]): Map<number, number> {
  let counts = problemCounts.get(problems);
  if (!counts) {
    counts = new Map();
    for (const p of problems) {
      if (p.path[0] !== 'apis' || typeof p.path[1] !== 'number') continue;
      counts.set(p.path[1], (counts.get(p.path[1]) ?? 0) + 1);
    }
    problemCounts.set(problems, counts);
  }
  return counts;
}

/** Indexes (into project.apis) of the APIs that pass every filter, in project order. */
export function filterApis(project: Pick<Project, 'apis' | 'deployments'>, filters: ApiFilters): number[] {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  const served = filters.stage ? servedStages(project.deployments) : undefined;
  const out: number[] = [];
  const { apis } = project;
  for (let i = 0; i < apis.length; i++) {
    const api = apis[i];
    if (filters.group && api.group !== filters.group) continue;
    if (filters.method && api.request.method !== filters.method) continue;
    if (filters.auth && api.auth.type !== filters.auth) continue;
    if (served) {
      const stages = stagesOf(served, api);
      if (filters.stage === 'none' ? stages.length > 0 : !stages.includes(filters.stage as Stage)) continue;
    }
    if (words.length > 0) {
      const text = textOf(api);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push(i);
  }
  return out;
}

export function hasFilters(filters: ApiFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}
