/**
 * Lookup tables built once per validation, so every reference check is a map lookup and a
 * project with thousands of APIs validates in linear time.
 */
import type { FieldPath } from '../problems';
import type { Api, Deployment, Group, Project } from '../schema';
import type { ApiSite, Report } from './report';

/** The snapshot a stage serves for one deployments[] entry (its last record, when that deployed). */
export interface ServedSnapshot extends ApiSite {
  deployment: Deployment;
  deploymentIndex: number;
  recordIndex: number;
}

export interface RuleContext {
  project: Project;
  /** First group of each name (duplicates are reported by the naming rules). */
  groups: Map<string, Group>;
  /** Group name → API name → first working copy. */
  apis: Map<string, Map<string, Api>>;
  apps: Set<string>;
  served: ServedSnapshot[];
}

/** Checks something that spans the project (references, duplicates across APIs). */
export type ProjectRule = (context: RuleContext, report: Report) => void;

export function buildContext(project: Project): RuleContext {
  const groups = new Map<string, Group>();
  for (const group of project.groups) if (!groups.has(group.name)) groups.set(group.name, group);

  const apis = new Map<string, Map<string, Api>>();
  for (const api of project.apis) {
    let byName = apis.get(api.group);
    if (!byName) apis.set(api.group, (byName = new Map()));
    if (!byName.has(api.name)) byName.set(api.name, api);
  }

  const served: ServedSnapshot[] = [];
  project.deployments.forEach((deployment, deploymentIndex) => {
    const recordIndex = deployment.history.length - 1;
    const definition = deployment.history[recordIndex]?.definition;
    if (!definition) return;
    const record = deployment.history[recordIndex];
    const at: FieldPath = ['deployments', deploymentIndex, 'history', recordIndex, 'definition'];
    const note =
      ` (This is the copy of API \`${deployment.api}\` deployed to ${deployment.stage} as version ${record.version}:` +
      ' fix the API and deploy it again.)';
    served.push({ api: definition, at, note, deployment, deploymentIndex, recordIndex });
  });

  return { project, groups, apis, apps: new Set(project.apps.map((app) => app.name)), served };
}

/** Every API definition to check: working copies first, then the served snapshots. */
export function apiSites(context: RuleContext): ApiSite[] {
  const working: ApiSite[] = context.project.apis.map((api, i) => ({ api, at: ['apis', i], note: '' }));
  return [...working, ...context.served];
}
