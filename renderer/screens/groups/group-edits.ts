/**
 * Pure project edits for groups: rename (every reference follows: shared/model/rename.ts), delete
 * (everything that depends on the group goes with it), and the list of those dependents for the
 * confirmation.
 */
import type { Api, ApiStageRef, Authorization, Deployment, Group, Project, Stage } from '../../../shared/model/schema';

export { renameGroup } from '../../../shared/model/rename';

export interface GroupDependents {
  apis: Api[];
  deployments: Deployment[];
  authorizations: Authorization[];
  /** Bindings of throttling policies to the group's APIs, by policy name. */
  throttlingBindings: { policy: string; binding: ApiStageRef }[];
  /** Bindings of plug-ins to the group's APIs, by plug-in name. */
  pluginBindings: { plugin: string; binding: ApiStageRef }[];
}

export function groupDependents(project: Project, group: string): GroupDependents {
  return {
    apis: project.apis.filter((a) => a.group === group),
    deployments: project.deployments.filter((d) => d.group === group),
    authorizations: project.authorizations.filter((a) => a.group === group),
    throttlingBindings: project.throttlingPolicies.flatMap((p) =>
      p.bindings.filter((b) => b.group === group).map((binding) => ({ policy: p.name, binding })),
    ),
    pluginBindings: project.plugins.flatMap((p) => p.bindings.filter((b) => b.group === group).map((binding) => ({ plugin: p.name, binding }))),
  };
}

export function dependentCount(d: GroupDependents): number {
  return d.apis.length + d.deployments.length + d.authorizations.length + d.throttlingBindings.length + d.pluginBindings.length;
}

/**
 * Deletes a group with its APIs, deployments, authorizations and bindings. Cloud ids stay, so a
 * sync plan can show the cloud group's deletion as its own line before anything is removed there.
 */
export function removeGroup(project: Project, name: string): Project {
  const keep = <T extends { group: string }>(ref: T) => ref.group !== name;
  return {
    ...project,
    groups: project.groups.filter((g) => g.name !== name),
    apis: project.apis.filter(keep),
    deployments: project.deployments.filter(keep),
    authorizations: project.authorizations.filter(keep),
    throttlingPolicies: project.throttlingPolicies.map((p) => ({ ...p, bindings: p.bindings.filter(keep) })),
    plugins: project.plugins.map((p) => ({ ...p, bindings: p.bindings.filter(keep) })),
  };
}

export function addGroup(project: Project, group: Group): Project {
  return { ...project, groups: [...project.groups, group] };
}

export function updateGroup(project: Project, name: string, change: (g: Group) => Group): Project {
  return { ...project, groups: project.groups.map((g) => (g.name === name ? change(g) : g)) };
}

/** Stage variables of one stage as ordered rows (a record keeps insertion order). */
export function stageVariableRows(group: Group, stage: Stage): [string, string][] {
  return Object.entries(group.stageVariables[stage] ?? {});
}

/** Replaces one stage's variables; an empty table drops the stage's key so the file stays tidy. */
export function withStageVariables(group: Group, stage: Stage, rows: [string, string][]): Group {
  const stageVariables = { ...group.stageVariables };
  if (rows.length === 0) delete stageVariables[stage];
  else stageVariables[stage] = Object.fromEntries(rows);
  return { ...group, stageVariables };
}
