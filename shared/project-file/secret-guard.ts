/**
 * The project file never holds a secret (it is meant to be committed). This finds the ways one
 * can slip in: a key named like a credential, or a value that is a known app secret or AppCode.
 */
import type { FieldPath, Problem } from '../model/problems';
import type { SecretsFile } from '../model/schema';

/** Key names (compared without case, `_` or `-`) that only ever hold credentials. */
const SECRET_KEYS = new Set(['appsecret', 'accesskeysecret', 'appcode', 'appcodes', 'secretkey', 'clientsecret', 'secret', 'password']);

/** Below this length a secret could equal an ordinary word, so only exact matches count. */
const MIN_EMBEDDED_SECRET_LENGTH = 8;

export function isSecretKeyName(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
}

/** The values in a secrets file that must never appear in a project file (AppKeys are public ids). */
export function secretValuesOf(secrets: SecretsFile | undefined): string[] {
  if (!secrets) return [];
  return Object.values(secrets.apps).flatMap((app) => [...app.keys.map((key) => key.appSecret), ...app.appCodes]);
}

export interface SecretGuardOptions {
  /** Named in messages as the place secrets belong; `<name>.secrets.yaml` when not given. */
  secretsFileName?: string;
}

/**
 * Problems for every secret found in a project (validated or raw parsed YAML). A value counts when
 * it equals a known secret, or contains one (an `APPCODE <code>` header, say).
 */
export function findSecretsInProject(input: unknown, knownSecrets: Iterable<string> = [], options: SecretGuardOptions = {}): Problem[] {
  const secrets = [...new Set(knownSecrets)].filter((secret) => secret.length > 0);
  const where = options.secretsFileName ?? 'the secrets file (<name>.secrets.yaml)';
  const problems: Problem[] = [];
  const walk = (value: unknown, path: FieldPath): void => {
    if (typeof value === 'string') {
      const leaked = secrets.some((s) => value === s || (s.length >= MIN_EMBEDDED_SECRET_LENGTH && value.includes(s)));
      if (leaked) {
        problems.push({ path, message: `this value contains an app secret or AppCode; the project file is shared, so move the secret to ${where} and remove it here` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (isSecretKeyName(key)) {
          problems.push({ path: [...path, key], message: `"${key}" holds a credential, which never belongs in the project file: move it to ${where} and remove it here` });
        } else walk(item, [...path, key]);
      }
    }
  };
  walk(input, []);
  return problems;
}
