/** The project file (`<name>.apigw.yaml`) as text: read with line numbers, write git-friendly. */
import type { Document } from 'yaml';
import { type Problem, formatPath } from '../model/problems';
import { type Project, PROJECT_FORMAT, Project as ProjectSchema } from '../model/schema';
import { validateProject } from '../model/validate';
import { secretsFileNameFor } from './file-names';
import { findSecretsInProject } from './secret-guard';
import { serializeWith } from './serialize';
import { type LocatedProblem, locateProblems, parseYaml } from './yaml-text';

export const PROJECT_FILE_HEADER = ' API Gateway Studio project — docs/project-file.md';

export interface ProjectTextResult {
  /** Present when the shape is right (rule problems may still be listed). */
  project?: Project;
  /** Everything wrong, each with its line; empty when the file is valid. */
  problems: LocatedProblem[];
  /** The parsed document: pass it back to serializeProject to keep the user's comments and order. */
  document: Document;
}

export interface ParseProjectOptions {
  /** Secret values (from the secrets file or vault) that must not appear in the project file. */
  knownSecrets?: Iterable<string>;
}

export function parseProjectText(text: string, fileName: string, options: ParseProjectOptions = {}): ProjectTextResult {
  const parsed = parseYaml(text);
  const { document } = parsed;
  if (parsed.problems.length > 0) return { problems: parsed.problems, document };
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (error) {
    // e.g. the alias-expansion limit that guards against "billion laughs" files
    return { problems: [{ path: [], message: `cannot read the YAML: ${(error as Error).message}`, line: 1, column: 1 }], document };
  }
  if (raw === null || raw === undefined) {
    return { problems: [{ path: [], message: `the file is empty: a project file starts with \`format: ${PROJECT_FORMAT}\``, line: 1, column: 1 }], document };
  }
  const secretsFileName = secretsFileNameFor(baseName(fileName));
  const leaks = findSecretsInProject(raw, options.knownSecrets, { secretsFileName });
  const { project, problems } = validateProject(raw);
  // A credential key is also an unknown field; saying it is a secret is the message that matters.
  const leakPaths = new Set(leaks.map((leak) => formatPath(leak.path)));
  const all: Problem[] = [...problems.filter((p) => !leakPaths.has(formatPath(p.path))), ...leaks];
  return { project, problems: locateProblems(parsed, all), document };
}

/**
 * The text of a project file. Pass the document it was loaded from to keep the user's comments,
 * key order and style (the document is updated in place); without one, a new file in normal form.
 */
export function serializeProject(project: Project, previousDocument?: Document): string {
  return serializeWith(ProjectSchema, project, previousDocument, PROJECT_FILE_HEADER);
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
