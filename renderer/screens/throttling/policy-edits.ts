/** Pure project edits for throttling policies. */
import type { Project, ThrottlingPolicy } from '../../../shared/model/schema';

export { renamePolicy } from '../../../shared/model/rename';

export function updatePolicy(project: Project, name: string, change: (p: ThrottlingPolicy) => ThrottlingPolicy): Project {
  return { ...project, throttlingPolicies: project.throttlingPolicies.map((p) => (p.name === name ? change(p) : p)) };
}

export function removePolicy(project: Project, name: string): Project {
  return { ...project, throttlingPolicies: project.throttlingPolicies.filter((p) => p.name !== name) };
}
