/**
 * Reading request and backend paths: `/users/[id]` has one path parameter; a trailing `/*`
 * matches every sub-path (docs/alibaba-data-plane.md, "Request definition").
 */
import { PATH_PARAMETER_NAME } from '../names';

const PARAMETER_SEGMENT = /^\[([^[\]]*)\]$/;

/** The names of the whole-segment `[name]` parameters, in order (repeats kept). */
export function pathParameterNames(path: string): string[] {
  const names: string[] = [];
  for (const segment of path.split('/')) {
    const match = PARAMETER_SEGMENT.exec(segment);
    if (match) names.push(match[1]);
  }
  return names;
}

/** The path with every `[name]` segment made alike, so `/users/[id]` and `/users/[uid]` compare equal. */
export function routePattern(path: string): string {
  return path
    .split('/')
    .map((segment) => (PARAMETER_SEGMENT.test(segment) ? '[]' : segment))
    .join('/');
}

/**
 * What is wrong with the syntax of a path, as sentences. `label` starts them ("Request path");
 * `wildcard` says whether a final `/*` is allowed.
 */
export function pathSyntaxProblems(path: string, label: string, wildcard: boolean): string[] {
  const quoted = `\`${path}\``;
  if (!path.startsWith('/')) return [`${label} ${quoted} must start with \`/\`.`];
  const problems: string[] = [];
  const segments = path.split('/').slice(1);
  const last = segments.length - 1;
  segments.forEach((segment, i) => {
    // An empty last segment is a trailing slash (`/users/`), which is a distinct, valid route.
    if (segment === '') {
      if (i !== last) problems.push(`${label} ${quoted} has an empty segment (\`//\`). Remove the extra \`/\`.`);
      return;
    }
    if (segment.includes('*')) {
      if (!(wildcard && segment === '*' && i === last)) {
        problems.push(
          wildcard
            ? `${label} ${quoted} uses \`*\` in the middle; \`*\` is only allowed as the whole last segment (\`/*\`).`
            : `${label} ${quoted} uses \`*\`, which backend paths do not support.`,
        );
      }
      return;
    }
    const parameter = PARAMETER_SEGMENT.exec(segment);
    if (parameter) {
      if (!PATH_PARAMETER_NAME.test(parameter[1])) {
        problems.push(
          `${label} ${quoted} has path parameter \`${segment}\` with an invalid name: start with a letter or \`_\`, ` +
            'then use letters, digits, `_`, `-` or `.`.',
        );
      }
      return;
    }
    if (segment.includes('[') || segment.includes(']')) {
      problems.push(
        `${label} ${quoted} mixes text and a parameter in \`${segment}\`; a path parameter must be a whole segment, like \`/[id]\`.`,
      );
    }
  });
  return problems;
}
