/** What applying an import preview would do to the project, checked before anything changes. */
import type { ImportPreview } from '../../../shared/ipc/contract';
import { formatPath } from '../../../shared/model/problems';
import type { Problem } from '../../../shared/model/problems';
import type { Project } from '../../../shared/model/schema';
import { validateProject } from '../../../shared/model/validate';

/** Adds the preview's groups (those not in the project yet) and its APIs, after the existing ones. */
export function mergeImport(project: Project, preview: ImportPreview): Project {
  const known = new Set(project.groups.map((g) => g.name));
  return {
    ...project,
    groups: [...project.groups, ...preview.groups.filter((g) => !known.has(g.name))],
    apis: [...project.apis, ...preview.apis],
  };
}

/**
 * Problems the import would add: those of the merged project that the project does not have now.
 * Imported items go after existing ones, so existing problems keep their paths.
 */
export function importBlockers(project: Project, preview: ImportPreview): Problem[] {
  const key = (p: Problem) => `${formatPath(p.path)}\u0000${p.message}`;
  const before = new Set(validateProject(project).problems.map(key));
  return validateProject(mergeImport(project, preview)).problems.filter((p) => !before.has(key(p)));
}

/** `apis[12].request.path` → `GET /pets/[id] (apis[12]) request.path`, naming the imported API. */
export function describeProblemPath(merged: Project, problem: Problem): string {
  const [list, index, ...rest] = problem.path;
  if (list === 'apis' && typeof index === 'number') {
    const api = merged.apis[index];
    if (api) return `${api.request.method} ${api.request.path} (${api.name})${rest.length ? ` ${formatPath(rest)}` : ''}`;
  }
  if (list === 'groups' && typeof index === 'number') {
    const group = merged.groups[index];
    if (group) return `group ${group.name}${rest.length ? ` ${formatPath(rest)}` : ''}`;
  }
  return formatPath(problem.path);
}
