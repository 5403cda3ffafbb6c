/** Pure project edits for throttling policies. */
import type { Project, ThrottlingPolicy } from '../../../shared/model/schema';
import { renameCloudIds } from '../common/named-edits';

export function updatePolicy(project: Project, name: string, change: (p: ThrottlingPolicy) => ThrottlingPolicy): Project {
  return { ...project, throttlingPolicies: project.throttlingPolicies.map((p) => (p.name === name ? change(p) : p)) };
}

export function renamePolicy(project: Project, from: string, to: string): Project {
  if (from === to) return project;
  return {
    ...updatePolicy(project, from, (p) => ({ ...p, name: to })),
    cloud: renameCloudIds(project, 'throttlingPolicies', from, to),
  };
}

export function removePolicy(project: Project, name: string): Project {
  return { ...project, throttlingPolicies: project.throttlingPolicies.filter((p) => p.name !== name) };
}
