/**
 * A project as three kinds of files (docs/project-file.md, "Three kinds of data"): the design
 * (`<name>.apigw.yaml`), the local state (`<name>.state/local.yaml`: the local stages' deployment
 * history) and the cloud state (`<name>.state/cloud/<profile>/<region>.yaml`: the ids sync
 * recorded). In memory they are one Project, as before, so every rule and every reader sees the
 * whole; only reading and writing know the split. Pure: the disk is the caller's.
 */
import type { Document } from 'yaml';
import { z } from 'zod';
import { type FieldPath, type Problem, formatPath } from '../model/problems';
import { CloudIds, Deployment, type Project, PROJECT_FORMAT, Project as ProjectSchema } from '../model/schema';
import { validateProject } from '../model/validate';
import { deepEqual } from './deep-equal';
import { secretsFileNameFor } from './file-names';
import type { ParseProjectOptions } from './project-text';
import { PROJECT_FILE_HEADER } from './project-text';
import { findSecretsInProject } from './secret-guard';
import { serializeWith } from './serialize';
import { type LocatedProblem, type ParsedYaml, locateProblems, parseYaml } from './yaml-text';

export const LOCAL_STATE_FORMAT = 'apigw-studio/local-state/v1';
export const CLOUD_STATE_FORMAT = 'apigw-studio/cloud-state/v1';

/** The local-state file, as written (its order is the order of the keys on disk). */
const LocalStateFile = z.strictObject({
  format: z.literal(LOCAL_STATE_FORMAT),
  /** The design's `name`, to tell a state from another project. */
  project: z.string(),
  deployments: z.array(Deployment).default([]),
});

/** One cloud-state file: the ids of one `<profile>/<region>`. */
const CloudStateFile = z.strictObject({
  format: z.literal(CLOUD_STATE_FORMAT),
  project: z.string(),
  /** The `<profile>/<region>` key these ids were recorded under. */
  profile: z.string(),
  ...CloudIds.shape,
});

const LOCAL_HEADER = ' API Gateway Studio local state: what the local stages serve and their history (per developer) — docs/project-file.md';
const CLOUD_HEADER = ' API Gateway Studio cloud state: the ids sync recorded for one <profile>/<region> — docs/project-file.md';
const STATE_HEADER_KEYS = ['format', 'project', 'profile'];

export interface LayoutFile {
  path: string;
  text: string;
}

export interface LayoutInput {
  design: LayoutFile;
  /** Absent when the project has no local-state file yet. */
  local?: LayoutFile;
  /** Every cloud-state file of the project. */
  clouds: LayoutFile[];
}

export interface LayoutProblem extends LocatedProblem {
  /** The file the problem is in (one of the input's paths). */
  file: string;
}

/** The parsed documents: pass them back to serializeProjectLayout to keep comments and order. */
export interface LayoutDocuments {
  design: Document;
  local?: Document;
  /** By `<profile>/<region>` key. */
  clouds: Record<string, { path: string; document: Document }>;
}

export interface LayoutResult {
  /** Present when the shape is right (rule problems may still be listed). */
  project?: Project;
  problems: LayoutProblem[];
  /** Disagreements between design and state that do not stop loading; each says what is kept. */
  notices: string[];
  documents: LayoutDocuments;
  /** What an older design file still holds of the state; the next save moves it out. */
  embedded: { deployments: boolean; cloud: string[] };
}

interface ReadFile {
  file: LayoutFile;
  parsed: ParsedYaml;
  raw?: Record<string, unknown>;
  problems: Problem[];
}

function readYaml(file: LayoutFile, what: string, format: string): ReadFile {
  const parsed = parseYaml(file.text);
  if (parsed.problems.length > 0) return { file, parsed, problems: [] };
  let raw: unknown;
  try {
    raw = parsed.document.toJS();
  } catch (error) {
    // e.g. the alias-expansion limit that guards against "billion laughs" files
    return { file, parsed, problems: [{ path: [], message: `cannot read the YAML: ${(error as Error).message}` }] };
  }
  if (raw === null || raw === undefined) return { file, parsed, problems: [{ path: [], message: `the file is empty: ${what} starts with \`format: ${format}\`` }] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { file, parsed, problems: [{ path: [], message: `${what} is a mapping that starts with \`format: ${format}\`` }] };
  return { file, parsed, raw: raw as Record<string, unknown>, problems: [] };
}

function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** Reads the files of one project into one Project; every problem names its file and line. */
export function parseProjectLayout(input: LayoutInput, options: ParseProjectOptions = {}): LayoutResult {
  const design = readYaml(input.design, 'a project file', PROJECT_FORMAT);
  const local = input.local ? readYaml(input.local, 'a local-state file', LOCAL_STATE_FORMAT) : undefined;
  const clouds = input.clouds.map((file) => readYaml(file, 'a cloud-state file', CLOUD_STATE_FORMAT));
  const documents: LayoutDocuments = { design: design.parsed.document, local: local?.parsed.document, clouds: {} };
  const notices: string[] = [];
  const embedded = { deployments: false, cloud: [] as string[] };
  const designRaw = design.raw;
  const result = (project?: Project): LayoutResult => ({ project, problems: located(all), notices, documents, embedded });
  const all = [design, ...(local ? [local] : []), ...clouds];
  if (all.some((file) => file.parsed.problems.length > 0 || file.problems.length > 0) || !designRaw) return result();

  const combined: Record<string, unknown> = { ...designRaw };
  const name = typeof designRaw.name === 'string' ? designRaw.name : undefined;
  embedded.deployments = hasContent(designRaw.deployments);
  const designCloud = typeof designRaw.cloud === 'object' && designRaw.cloud !== null ? (designRaw.cloud as Record<string, unknown>) : {};
  embedded.cloud = Object.keys(designCloud);
  /** Where problems whose path starts so are: the state file, and how many path parts to drop there. */
  const routes: { prefix: FieldPath; to: ReadFile; strip: number }[] = [];

  if (local?.raw) {
    checkStateHeader(local, LOCAL_STATE_FORMAT, ['deployments'], name, notices);
    const deployments = local.raw.deployments ?? [];
    if (embedded.deployments && !deepEqual(designRaw.deployments, deployments) && hasContent(deployments)) {
      design.problems.push({ path: ['deployments'], message: `both this file and ${local.file.path} hold deployments; keep them in ${local.file.path} only (remove this section, or that file)` });
    } else if (!embedded.deployments) {
      combined.deployments = deployments;
      routes.push({ prefix: ['deployments'], to: local, strip: 0 });
    }
  }

  const cloud: Record<string, unknown> = { ...designCloud };
  for (const file of clouds) {
    if (!file.raw) continue;
    checkStateHeader(file, CLOUD_STATE_FORMAT, Object.keys(CloudIds.shape), name, notices);
    const key = file.raw.profile;
    if (typeof key !== 'string' || !key.includes('/')) {
      file.problems.push({ path: ['profile'], message: 'a cloud-state file names the `<profile>/<region>` its ids were recorded under, e.g. `profile: default/cn-hangzhou`' });
      continue;
    }
    const ids = Object.fromEntries(Object.entries(file.raw).filter(([field]) => !STATE_HEADER_KEYS.includes(field)));
    const other = documents.clouds[key];
    if (other) {
      file.problems.push({ path: ['profile'], message: `${other.path} already holds the ids of ${key}; keep one of the two files` });
      continue;
    }
    if (key in designCloud) {
      if (!deepEqual(designCloud[key], ids)) design.problems.push({ path: ['cloud', key], message: `both this file and ${file.file.path} hold the ids of ${key}; keep them in ${file.file.path} only (remove this entry, or that file)` });
      continue;
    }
    documents.clouds[key] = { path: file.file.path, document: file.parsed.document };
    cloud[key] = ids;
    routes.push({ prefix: ['cloud', key], to: file, strip: 2 });
  }
  combined.cloud = cloud;

  const secretsFileName = secretsFileNameFor(baseName(input.design.path));
  const leaks = findSecretsInProject(combined, options.knownSecrets, { secretsFileName });
  const { project, problems } = validateProject(combined);
  // A credential key is also an unknown field; saying it is a secret is the message that matters.
  const leakPaths = new Set(leaks.map((leak) => formatPath(leak.path)));
  for (const problem of [...problems.filter((p) => !leakPaths.has(formatPath(p.path))), ...leaks]) {
    const route = routes.find((r) => r.prefix.every((part, i) => problem.path[i] === part));
    (route?.to ?? design).problems.push(route ? { ...problem, path: problem.path.slice(route.strip) } : problem);
  }
  if (project) notices.push(...disagreements(project, documents));
  return result(project);
}

function located(files: ReadFile[]): LayoutProblem[] {
  return files.flatMap((read) => {
    const problems = read.parsed.problems.length > 0 ? read.parsed.problems : locateProblems(read.parsed, read.problems);
    return problems.map((problem) => ({ ...problem, file: read.file.path }));
  });
}

function checkStateHeader(read: ReadFile, format: string, fields: string[], designName: string | undefined, notices: string[]): void {
  const raw = read.raw!;
  if (raw.format !== format) read.problems.push({ path: ['format'], message: `this file is not state API Gateway Studio can read: it starts with \`format: ${format}\`` });
  for (const key of Object.keys(raw)) {
    if (!STATE_HEADER_KEYS.includes(key) && !fields.includes(key)) read.problems.push({ path: [key], message: `unknown field \`${key}\`` });
  }
  if (typeof raw.project !== 'string') read.problems.push({ path: ['project'], message: 'a state file names its project: `project: <the design\'s name>`' });
  else if (designName !== undefined && raw.project !== designName) {
    notices.push(`${read.file.path} was written for project "${raw.project}", not "${designName}"; it is used as it is: if it belongs to another project, move it away before syncing`);
  }
}

/** Ids recorded for objects the design no longer has: kept (the plan lists them as orphans), and said. */
function disagreements(project: Project, documents: LayoutDocuments): string[] {
  const names = {
    groups: new Set(project.groups.map((group) => group.name)),
    apis: new Set(project.apis.map((api) => `${api.group}/${api.name}`)),
    apps: new Set(project.apps.map((app) => app.name)),
    throttlingPolicies: new Set(project.throttlingPolicies.map((policy) => policy.name)),
    plugins: new Set(project.plugins.map((plugin) => plugin.name)),
  };
  const notices: string[] = [];
  for (const [key, { path }] of Object.entries(documents.clouds)) {
    const ids = project.cloud[key];
    const missing = (Object.keys(names) as (keyof typeof names)[]).flatMap((kind) => Object.keys(ids[kind]).filter((name) => !names[kind].has(name)).map((name) => `${kind}.${name}`));
    if (missing.length === 0) continue;
    notices.push(`${path} holds ids of ${missing.length} object(s) the design no longer has (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); they are kept: plan lists them as orphans, apply --prune deletes them`);
  }
  return notices;
}

export interface LayoutTexts {
  design: string;
  /** Absent when the project has no local state and no file for it. */
  local?: string;
  /** By `<profile>/<region>` key; a key of the documents that is not here was removed from the project. */
  clouds: Record<string, string>;
  /** What this save moves out of an older design file. */
  moved: { deployments: boolean; cloud: string[] };
}

/**
 * The text of each file of a project. With the documents it was loaded from, each is updated in
 * place (comments, key order and style survive); the design's embedded state (an older file) is
 * taken out. Ids are written with their names in sorted order, so the file is the same whatever
 * order sync learnt them in.
 */
export function serializeProjectLayout(project: Project, documents?: LayoutDocuments): LayoutTexts {
  const moved = { deployments: false, cloud: [] as string[] };
  const designDocument = documents?.design && documents.design.errors.length === 0 ? documents.design : undefined;
  if (designDocument) {
    const embeddedCloud = designDocument.get('cloud');
    moved.deployments = hasContent((designDocument.toJS() as Record<string, unknown> | null)?.deployments);
    moved.cloud = Object.keys(((embeddedCloud as { toJSON?: () => unknown } | undefined)?.toJSON?.() as Record<string, unknown> | undefined) ?? {});
    designDocument.delete('deployments');
    designDocument.delete('cloud');
  }
  const design = serializeWith(ProjectSchema, { ...project, deployments: [], cloud: {} }, designDocument, PROJECT_FILE_HEADER);
  const local =
    project.deployments.length > 0 || documents?.local
      ? serializeWith(LocalStateFile, { format: LOCAL_STATE_FORMAT, project: project.name, deployments: project.deployments }, documents?.local, LOCAL_HEADER)
      : undefined;
  const clouds: Record<string, string> = {};
  for (const [key, ids] of Object.entries(project.cloud)) {
    const previous = documents?.clouds[key]?.document;
    if (!previous && isEmptyIds(ids)) continue;
    clouds[key] = serializeWith(CloudStateFile, { format: CLOUD_STATE_FORMAT, project: project.name, profile: key, ...sortedIds(ids) }, previous, CLOUD_HEADER);
  }
  return { design, local, clouds, moved };
}

function isEmptyIds(ids: CloudIds): boolean {
  return Object.values(ids).every((value) => value === undefined || !hasContent(value));
}

/** Every map of names in sorted order (lists keep theirs: their order is what sync recorded). */
function sortedIds(ids: CloudIds): CloudIds {
  const sorted = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, sorted(item)]));
  };
  return Object.fromEntries(Object.entries(ids).map(([field, value]) => [field, sorted(value)])) as CloudIds;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
