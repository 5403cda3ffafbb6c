/**
 * Stages: deploying snapshots an API's working copy into a stage's history; rollback re-deploys
 * an earlier snapshot as a new record; abolish takes the API off the stage. History is never
 * rewritten, so the file shows (and git diffs show) exactly what happened.
 */
import type { Api, Deployment, DeploymentRecord, Project, Stage } from './schema';

export interface ApiKey {
  group: string;
  api: string;
}

/** `<group>/<api>`: how an API is named where one string is needed (cloud ids, logs). */
export function apiKey(ref: ApiKey): string {
  return `${ref.group}/${ref.api}`;
}

export function findApi(project: Project, ref: ApiKey): Api | undefined {
  return project.apis.find((a) => a.group === ref.group && a.name === ref.api);
}

export function findDeployment(project: Project, ref: ApiKey, stage: Stage): Deployment | undefined {
  return project.deployments.find((d) => d.group === ref.group && d.api === ref.api && d.stage === stage);
}

/** What a stage serves for an API: the last record's snapshot, or nothing if abolished/never deployed. */
export function servedRecord(deployment: Deployment | undefined): (DeploymentRecord & { definition: Api }) | undefined {
  const last = deployment?.history.at(-1);
  return last?.definition ? (last as DeploymentRecord & { definition: Api }) : undefined;
}

/** Every API a stage serves, with its deployed snapshot. */
export function servedApis(project: Project, stage: Stage): Api[] {
  const out: Api[] = [];
  for (const d of project.deployments) {
    if (d.stage !== stage) continue;
    const served = servedRecord(d);
    if (served) out.push(served.definition);
  }
  return out;
}

export interface StageChange {
  description?: string;
  /** ISO time; defaults to now. Tests and generated examples pass a fixed one. */
  at?: string;
}

/**
 * The versions a stage can roll back to, oldest first: earlier deployments with a snapshot,
 * except the one the stage serves now (the current record, or the version it re-serves).
 */
export function rollbackTargets(deployment: Pick<Deployment, 'history'> | undefined): number[] {
  const history = deployment?.history ?? [];
  const current = history.at(-1);
  const serving = current?.definition ? (current.rollbackOf ?? current.version) : undefined;
  return history.filter((record) => record.definition && record !== current && record.version !== serving).map((record) => record.version);
}

/** Deploys the working copy of an API to a stage. Returns a new project; the input is untouched. */
export function deployApi(project: Project, ref: ApiKey, stage: Stage, change: StageChange = {}): Project {
  const api = findApi(project, ref);
  if (!api) throw new Error(`Cannot deploy ${apiKey(ref)} to ${stage}: no such API in the project.`);
  return appendRecord(project, ref, stage, { definition: structuredCloneApi(api), description: change.description, at: change.at });
}

/**
 * Re-deploys the snapshot of an earlier version as a new record; by default the latest of
 * rollbackTargets. Refuses a version that is not among them (never deployed, or served now).
 */
export function rollbackApi(project: Project, ref: ApiKey, stage: Stage, version?: number, change: StageChange = {}): Project {
  const deployment = findDeployment(project, ref, stage);
  const targets = rollbackTargets(deployment);
  const chosen = version ?? targets.at(-1);
  if (chosen === undefined) throw new Error(`Cannot roll ${apiKey(ref)} back in ${stage}: it has no earlier deployment to serve again.`);
  const target = deployment?.history.find((r) => r.version === chosen);
  if (!target?.definition) {
    throw new Error(`Cannot roll ${apiKey(ref)} back to version ${chosen} in ${stage}: that version was not a deployment of this stage.`);
  }
  if (!targets.includes(chosen)) throw new Error(`Cannot roll ${apiKey(ref)} back to version ${chosen} in ${stage}: the stage serves that version now.`);
  return appendRecord(project, ref, stage, {
    definition: structuredCloneApi(target.definition),
    description: change.description ?? `Rollback to version ${chosen}`,
    at: change.at,
    rollbackOf: chosen,
  });
}

/** Takes an API off a stage (the cloud's AbolishApi); the history stays. */
export function abolishApi(project: Project, ref: ApiKey, stage: Stage, change: StageChange = {}): Project {
  if (!servedRecord(findDeployment(project, ref, stage))) {
    throw new Error(`Cannot abolish ${apiKey(ref)} in ${stage}: it is not deployed there.`);
  }
  return appendRecord(project, ref, stage, { description: change.description ?? 'Abolished', at: change.at });
}

function appendRecord(
  project: Project,
  ref: ApiKey,
  stage: Stage,
  record: { definition?: Api; description?: string; at?: string; rollbackOf?: number },
): Project {
  const existing = findDeployment(project, ref, stage);
  const version = (existing?.history.at(-1)?.version ?? 0) + 1;
  const entry: DeploymentRecord = { version, at: record.at ?? new Date().toISOString() };
  if (record.description !== undefined) entry.description = record.description;
  if (record.rollbackOf !== undefined) entry.rollbackOf = record.rollbackOf;
  if (record.definition) entry.definition = record.definition;
  const deployments = existing
    ? project.deployments.map((d) => (d === existing ? { ...d, history: [...d.history, entry] } : d))
    : [...project.deployments, { group: ref.group, api: ref.api, stage, history: [entry] }];
  return { ...project, deployments };
}

/** A deep copy: a snapshot must not change when the working copy is edited later. */
function structuredCloneApi(api: Api): Api {
  return JSON.parse(JSON.stringify(api)) as Api;
}
