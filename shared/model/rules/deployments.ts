/** Stage histories: one per (group, API, stage), versions in order, rollbacks to earlier versions. */
import type { ProjectRule } from './context';
import { isIsoDateTime } from './iso-date';
import { q } from './report';

export const checkDeploymentHistories: ProjectRule = ({ project }, report) => {
  const entries = new Map<string, number>();
  project.deployments.forEach((deployment, j) => {
    const key = [deployment.group, deployment.api, deployment.stage].join('\u0000');
    const earlier = entries.get(key);
    if (earlier === undefined) entries.set(key, j);
    else {
      report(
        ['deployments', j],
        `API ${q(deployment.api)} of group ${q(deployment.group)} has a second ${deployment.stage} history (first at deployments[${earlier}]). ` +
          'Keep one history per API and stage; merge the records into it.',
      );
    }

    const versions = new Set<number>();
    let previous: number | undefined;
    deployment.history.forEach((record, k) => {
      const at = ['deployments', j, 'history', k];
      if (previous !== undefined && record.version <= previous) {
        report([...at, 'version'], `Version ${record.version} follows version ${previous}; versions in a history must increase from oldest to newest.`);
      }
      if (!isIsoDateTime(record.at)) {
        report([...at, 'at'], `Deployment time ${q(record.at)} is not an ISO 8601 date-time. Write it like \`2025-01-31T08:00:00Z\`.`);
      }
      if (record.rollbackOf !== undefined && !versions.has(record.rollbackOf)) {
        report(
          [...at, 'rollbackOf'],
          `Version ${record.version} rolls back to version ${record.rollbackOf}, which is not an earlier version of this history. ` +
            `Earlier versions: ${versions.size ? [...versions].join(', ') : '(none)'}.`,
        );
      }
      versions.add(record.version);
      previous = record.version;
    });
  });
};
