/** Names of the files that go with a project file. */

const PROJECT_SUFFIXES = ['.apigw.yaml', '.apigw.yml', '.yaml', '.yml'];

/** `x/quickstart.apigw.yaml` → `x/quickstart.secrets.yaml`: the secrets file beside a project. */
export function secretsFileNameFor(projectPath: string): string {
  const lower = projectPath.toLowerCase();
  const suffix = PROJECT_SUFFIXES.find((s) => lower.endsWith(s));
  const stem = suffix ? projectPath.slice(0, -suffix.length) : projectPath;
  return `${stem}.secrets.yaml`;
}
