/** The secrets file (`<name>.secrets.yaml`): app keys, secrets and AppCodes, beside the project. */
import type { Document } from 'yaml';
import { safeParse } from 'zod';
import { type SecretsFile, SecretsFile as SecretsFileSchema } from '../model/schema';
import { serializeWith } from './serialize';
import { type LocatedProblem, locateProblems, parseYaml } from './yaml-text';

export const SECRETS_FILE_HEADER = [
  ' API Gateway Studio secrets: app keys, app secrets and AppCodes of one project.',
  ' Keep this file private (mode 0600) and never commit it; it is listed in .gitignore.',
].join('\n');

export interface SecretsTextResult {
  secrets?: SecretsFile;
  problems: LocatedProblem[];
  document: Document;
}

export function parseSecretsText(text: string, _fileName: string): SecretsTextResult {
  const parsed = parseYaml(text);
  const { document } = parsed;
  if (parsed.problems.length > 0) return { problems: parsed.problems, document };
  let raw: unknown;
  try {
    raw = document.toJS() ?? {};
  } catch (error) {
    return { problems: [{ path: [], message: `cannot read the YAML: ${(error as Error).message}`, line: 1, column: 1 }], document };
  }
  const result = safeParse(SecretsFileSchema, raw);
  if (result.success) return { secrets: result.data, problems: [], document };
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
  return { problems: locateProblems(parsed, problems), document };
}

export function serializeSecrets(secrets: SecretsFile, previousDocument?: Document): string {
  return serializeWith(SecretsFileSchema, secrets, previousDocument, SECRETS_FILE_HEADER);
}
