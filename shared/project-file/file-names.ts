/** Names of the files that go with a project file (docs/project-file.md, "Three kinds of data"). */

const PROJECT_SUFFIXES = ['.apigw.yaml', '.apigw.yml', '.yaml', '.yml'];

/** `x/quickstart.apigw.yaml` → `x/quickstart`: what the project's other files are named after. */
function stemOf(projectPath: string): string {
  const lower = projectPath.toLowerCase();
  const suffix = PROJECT_SUFFIXES.find((s) => lower.endsWith(s));
  return suffix ? projectPath.slice(0, -suffix.length) : projectPath;
}

/** `x/quickstart.apigw.yaml` → `x/quickstart.secrets.yaml`: the secrets file beside a project. */
export function secretsFileNameFor(projectPath: string): string {
  return `${stemOf(projectPath)}.secrets.yaml`;
}

/** `x/quickstart.apigw.yaml` → `x/quickstart.state`: the folder of the project's state, beside it. */
export function stateFolderFor(projectPath: string): string {
  return `${stemOf(projectPath)}.state`;
}

/** The local state (the local stages' deployment history): `<name>.state/local.yaml`. */
export function localStatePathFor(projectPath: string): string {
  return `${stateFolderFor(projectPath)}/local.yaml`;
}

/** The folder holding one cloud-state file per `<profile>/<region>`: `<name>.state/cloud`. */
export function cloudStateFolderFor(projectPath: string): string {
  return `${stateFolderFor(projectPath)}/cloud`;
}

/**
 * The cloud state of one `<profile>/<region>` key: `<name>.state/cloud/<profile>/<region>.yaml`.
 * Characters a file name cannot safely hold are written `%XX`; the file also holds its key, which
 * is what counts when it is read.
 */
export function cloudStatePathFor(projectPath: string, profileKey: string): string {
  const slash = profileKey.lastIndexOf('/');
  const [profile, region] = slash < 0 ? ['default', profileKey] : [profileKey.slice(0, slash), profileKey.slice(slash + 1)];
  return `${cloudStateFolderFor(projectPath)}/${safeSegment(profile)}/${safeSegment(region)}.yaml`;
}

function safeSegment(text: string): string {
  // A dot is kept inside a name but not first: no hidden file, no `..`.
  const encoded = [...text].map((char, i) => (/[A-Za-z0-9_-]/.test(char) || (char === '.' && i > 0) ? char : escapeChar(char))).join('');
  return encoded === '' ? '%' : encoded;
}

function escapeChar(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
