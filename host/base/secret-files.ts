/**
 * The one test of "does this file hold secrets, by its name": the secrets file beside a project
 * (`<name>.secrets.yaml`, see secretsFileNameFor) and the vault files in the data dir
 * (`vault-file.json`, `vault-safe-storage.json`), each with the siblings an atomic write leaves
 * (`.bak`, `.tmp-<pid>-<random>`). Code that reads a file on someone else's say-so (an imported
 * document's `$ref`, a request for a path) asks this before reading.
 */

/** `x.secrets.yaml`, `x.secrets.yml`, then an optional `.bak`, then an optional temp suffix. */
const SECRETS_FILE = /\.secrets\.ya?ml(\.bak)?(\.tmp(-[^/\\]*)?)?$/i;

/** Every `vault-*.json`, not only today's two kinds: a vault kind added later is covered from the start. */
const VAULT_FILE = /^vault-[^/\\]*\.json(\.bak)?(\.tmp(-[^/\\]*)?)?$/i;

export function isSecretFileName(path: string): boolean {
  const name = comparableName(path);
  return SECRETS_FILE.test(name) || VAULT_FILE.test(name);
}

/**
 * The last path segment (either separator: a Windows path may reach a Linux-built check), without
 * what Windows ignores when it opens a file: an NTFS stream suffix (`name::$DATA`) and trailing
 * dots and spaces (`vault-file.json.` opens `vault-file.json`).
 */
function comparableName(path: string): string {
  const segments = path.split(/[/\\]/);
  const last = segments[segments.length - 1] ?? '';
  const colon = last.indexOf(':');
  return (colon >= 0 ? last.slice(0, colon) : last).replace(/[. ]+$/, '');
}
