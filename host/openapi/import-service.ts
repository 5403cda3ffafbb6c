/**
 * `agw:import.preview`: what importing a Swagger/OpenAPI document into a group would add, with
 * every problem found, checked against the whole would-be project. Nothing is written: the UI
 * applies the preview as an edit of its own, which the user can undo.
 */
import type { ImportPreview } from '../../shared/ipc/contract';
import { formatPath } from '../../shared/model/problems';
import { type Group, PROJECT_FORMAT, Project } from '../../shared/model/schema';
import { validateProject } from '../../shared/model/validate';
import { basePathPrefix, basePathProblem } from '../../shared/model/base-path';
import { documentBasePath, type ImportProblem, mapDocument } from './openapi-mapping';
import { type ImportSource, readOpenApiDocument } from './openapi-reader';
import { isObject } from './schema-sample';

export interface ImportServiceOptions {
  /** The open project, or undefined when its file failed to load. */
  currentProject: () => Project | undefined;
}

export class ImportService {
  constructor(private readonly options: ImportServiceOptions) {}

  async preview(request: { source: ImportSource; group: string }): Promise<ImportPreview> {
    const { document, format, validationProblem } = await readOpenApiDocument(request.source);
    const current = this.options.currentProject() ?? Project.parse({ format: PROJECT_FORMAT, name: 'project' });
    const existingNames = new Set(current.apis.filter((api) => api.group === request.group).map((api) => api.name));
    const existing = current.groups.find((group) => group.name === request.group);
    const groups: Group[] = existing ? [] : [newGroup(request.group, document)];
    const basePath = existing?.basePath ?? groups[0].basePath;
    const { operations, problems } = mapDocument(document, { group: request.group, basePath, existingNames });

    const apis = operations.map((operation) => operation.api);
    const wouldBe: Project = { ...current, groups: [...current.groups, ...groups], apis: [...current.apis, ...apis] };
    const all: ImportProblem[] = [
      ...(validationProblem ? [{ where: 'document', message: validationProblem }] : []),
      ...problems,
      ...newRuleProblems(current, wouldBe, operations.map((operation) => operation.where)),
    ];
    if (operations.length === 0) all.push({ where: 'document', message: 'The document has no operation that can be imported.' });
    return { apis, groups, problems: all, format };
  }
}

/**
 * A new group takes the document's base path as its BasePath, so the APIs keep their addresses and
 * their own paths (what the export writes back as `servers`). A base path the design cannot hold
 * stays in the API paths instead, under BasePath `/`.
 */
function newGroup(name: string, document: Record<string, unknown>): Group {
  const title = isObject(document.info) && typeof document.info.title === 'string' ? document.info.title.trim() : '';
  const description = title ? `Imported from ${title}`.slice(0, 180) : undefined;
  const documentBase = basePathPrefix(documentBasePath(document));
  const basePath = documentBase === '' || basePathProblem(documentBase) ? '/' : documentBase;
  return { name, basePath, stageVariables: {}, ...(description && { description }) };
}

/**
 * Problems of the would-be project that the current one does not have, each placed at its
 * operation (`GET /pets/{id}`) when it is about an imported API.
 */
function newRuleProblems(current: Project, wouldBe: Project, wheres: string[]): ImportProblem[] {
  const key = (path: (string | number)[], message: string) => `${formatPath(path)}\u0000${message}`;
  const before = new Set(validateProject(current).problems.map((problem) => key(problem.path, problem.message)));
  const firstImported = current.apis.length;
  const firstNewGroup = current.groups.length;
  return validateProject(wouldBe)
    .problems.filter((problem) => !before.has(key(problem.path, problem.message)))
    .map(({ path, message }) => {
      const [list, index] = path;
      if (list === 'apis' && typeof index === 'number' && index >= firstImported) return { where: wheres[index - firstImported], message };
      if (list === 'groups' && typeof index === 'number' && index >= firstNewGroup) return { where: `group ${wouldBe.groups[index].name}`, message };
      return { where: formatPath(path), message };
    });
}
