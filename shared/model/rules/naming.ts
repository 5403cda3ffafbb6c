/** Names of groups, APIs, policies, apps and plug-ins: format (with the fix), uniqueness, description lengths. */
import { nameIssues } from '../name-fixes';
import { NAME_RULES, OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../names';
import type { NamedKind } from '../names';
import type { ProjectRule } from './context';
import { q } from './report';
import type { Report } from './report';

interface Named {
  name: string;
  description?: string;
}

/**
 * Checks one list of named things for duplicates and description lengths. `scope` gives the
 * namespace a name must be unique in (the group, for APIs) and how to say it.
 */
function checkList<T extends Named>(
  report: Report,
  kind: NamedKind,
  listKey: string,
  items: T[],
  scope: (item: T) => { key: string; where: string } = () => ({ key: '', where: 'in the project' }),
): void {
  const rule = NAME_RULES[kind];
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const { key, where } = scope(item);
    const uniqueKey = `${key}\u0000${item.name}`;
    const earlier = first.get(uniqueKey);
    if (earlier === undefined) first.set(uniqueKey, i);
    else {
      report(
        [listKey, i, 'name'],
        `${rule.label} name ${q(item.name)} is used twice ${where} (first at ${listKey}[${earlier}]). Names must be unique; rename one.`,
      );
    }

    if (item.description !== undefined) {
      const tooLong = descriptionProblem(`${rule.noun} ${q(item.name)}`, item.description, rule.descriptionMaxLength);
      if (tooLong) report([listKey, i, 'description'], tooLong);
    }
  });
}

export const checkNames: ProjectRule = ({ project }, report) => {
  // The names the cloud refuses, each with the name the one-step fix (name-fixes.ts) would give it.
  for (const { list, index, issue } of nameIssues(project)) report([list, index, 'name'], issue.message);
  checkList(report, 'group', 'groups', project.groups);
  checkList(report, 'api', 'apis', project.apis, (api) => ({ key: api.group, where: `in group ${q(api.group)}` }));
  checkList(report, 'throttlingPolicy', 'throttlingPolicies', project.throttlingPolicies);
  checkList(report, 'app', 'apps', project.apps);
  checkList(report, 'plugin', 'plugins', project.plugins);
};

export const checkOtherDescriptions: ProjectRule = ({ project }, report) => {
  project.deployments.forEach((deployment, j) => {
    deployment.history.forEach((record, k) => {
      if (record.description === undefined) return;
      const label = `deployment version ${record.version} of ${q(deployment.api)} to ${deployment.stage}`;
      const tooLong = descriptionProblem(label, record.description, OTHER_DESCRIPTION_MAX_LENGTH);
      if (tooLong) report(['deployments', j, 'history', k, 'description'], tooLong);
    });
  });
  project.authorizations.forEach((authorization, i) => {
    if (authorization.description === undefined) return;
    const label = `the authorization of app ${q(authorization.app)} on ${q(authorization.api)}`;
    const tooLong = descriptionProblem(label, authorization.description, OTHER_DESCRIPTION_MAX_LENGTH);
    if (tooLong) report(['authorizations', i, 'description'], tooLong);
  });
};
