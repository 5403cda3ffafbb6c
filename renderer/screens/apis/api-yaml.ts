/** One API as YAML (as the project file writes it) and back, for the editor's YAML tab. */
import { parse, stringify } from 'yaml';
import { Api } from '../../../shared/model/schema';
import { shapeMessage } from '../../../shared/model/rules/shape-messages';
import { formatPath } from '../../../shared/model/problems';
import { deepEqual } from '../../../shared/project-file/deep-equal';
import { normalForm } from '../../../shared/project-file/normal-form';

export function apiToYaml(api: Api): string {
  return stringify(normalForm(api, Api), { lineWidth: 0 });
}

export type ParsedApi = { ok: true; api: Api } | { ok: false; error: string };

/** Parses YAML text as one API: a YAML syntax error or a shape problem names its line or field. */
export function parseApiYaml(text: string): ParsedApi {
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: true });
  } catch (error) {
    return { ok: false, error: `Not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'The YAML must be one API: a mapping with name, group, request and backend.' };
  }
  const parsed = Api.safeParse(value, { error: shapeMessage });
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => {
      const at = formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
      return at ? `${at}: ${issue.message}` : issue.message;
    });
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    return { ok: false, error: `Not an API: ${lines.join('; ')}${more}` };
  }
  return { ok: true, api: parsed.data };
}

/** Equal as they would be written to the file (defaults and absent fields compare the same). */
export function sameApiDefinition(a: Api, b: Api): boolean {
  return deepEqual(normalForm(a, Api), normalForm(b, Api));
}
