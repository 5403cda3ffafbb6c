/**
 * Plan lines for what each stage serves. A stage needs a deploy line when the snapshot the design
 * serves there differs from what the cloud serves (compared by content, or known equal because
 * sync deployed exactly that version); an abolish line when the design's history ends with an
 * abolishment and the cloud still serves the API.
 */
import { snapshotCloudBlocker } from '../model/cloud-methods';
import type { Api, Deployment, Stage } from '../model/schema';
import { apiKey, servedRecord } from '../model/stages';
import { canonicalApi, cloudApi, diffFields } from './canonical';
import type { CloudRecord } from './cloud-values';
import { text } from './cloud-values';
import type { PlanBuilder } from './plan-builder';
import type { PlanContext } from './plan-context';
import { PHASE, type PlanLine } from './plan-types';

export interface DeploymentFilter {
  stage?: Stage;
  /** `<group>/<api>` keys. */
  apis?: readonly string[];
}

/** `<group>/<api>/<stage>`: how CloudIds.deployed is keyed. */
export function deploymentKey(group: string, api: string, stage: Stage): string {
  return `${group}/${api}/${stage}`;
}

export function planDeployments(context: PlanContext, builder: PlanBuilder, filter?: DeploymentFilter): void {
  const matches = new Map(context.matches.api.map((match) => [match.key, match]));
  const covered = new Set<string>();
  const selected = (key: string, stage: Stage) => (!filter?.stage || filter.stage === stage) && (!filter?.apis || filter.apis.includes(key));

  for (const deployment of context.design.deployments) {
    const key = apiKey(deployment);
    const stage = deployment.stage;
    covered.add(`${key}/${stage}`);
    const match = matches.get(key);
    if (!match?.design || !selected(key, stage)) continue;
    const ours = match.cloud && (match.status === 'managed' || match.status === 'adopt') ? match.cloud : undefined;
    const name = `${key} @${stage}`;
    const base = { kind: 'deployment' as const, name, phase: PHASE.deployment };
    if (filter && !ours) {
      builder.add({ ...base, op: 'conflict', ref: { group: deployment.group, api: deployment.api, stage }, reason: `the API is not in the cloud yet (or not this project's); run apply first` });
      continue;
    }
    const line = deploymentLine(context, builder, deployment, ours);
    // A snapshot the cloud cannot take (request method ANY) is never sent: the line blocks apply instead.
    const served = line?.op === 'deploy' ? servedRecord(deployment) : undefined;
    const blocked = served?.definition ? snapshotCloudBlocker(served.definition, stage, served.version) : undefined;
    if (line && blocked) builder.add({ ...base, op: 'conflict', ref: line.ref, reason: blocked, ...(ours ? { id: ours.id } : {}) });
    else if (line) builder.add({ ...base, ...line, ...(ours ? { id: ours.id } : {}) });
  }

  // Stages the cloud serves that the design never deployed to: someone else's doing, left alone.
  for (const match of context.matches.api) {
    if (!match.design || !match.cloud || match.status !== 'managed') continue;
    for (const stage of Object.keys(match.cloud.deployed) as Stage[]) {
      if (covered.has(`${match.key}/${stage}`) || !selected(match.key, stage)) continue;
      builder.add({
        kind: 'deployment',
        op: 'unmanaged',
        name: `${match.key} @${stage}`,
        phase: PHASE.info,
        id: match.cloud.id,
        ref: { group: match.design.group, api: match.design.name, stage },
        reason: `the cloud serves it in ${stage}, but the design has no ${stage} deployment; deploy it in the design, or abolish it in the cloud`,
      });
    }
  }
}

type DeploymentLine = Pick<PlanLine, 'op' | 'ref' | 'reason' | 'fields' | 'drift'>;

function deploymentLine(context: PlanContext, builder: PlanBuilder, deployment: Deployment, cloud: PlanContext['matches']['api'][number]['cloud']): DeploymentLine | undefined {
  const { group, api, stage } = deployment;
  const recordKey = deploymentKey(group, api, stage);
  const recorded = context.ids.deployed?.[recordKey] ?? {};
  const syncedVersions = new Set(Object.values(recorded).filter(Boolean));
  const deployed = cloud?.deployed[stage];
  const served = servedRecord(deployment);
  const ref = { group, api, stage };

  if (!served) {
    if (!deployed) return undefined;
    return { op: 'abolish', ref, reason: `the design abolished it from ${stage} (version ${deployment.history.at(-1)?.version})` };
  }
  const version = served.version;
  const rollbackOf = served.rollbackOf;
  const switchTo = rollbackOf === undefined ? undefined : recorded[String(rollbackOf)] || undefined;
  const deployRef = { ...ref, version, ...(switchTo ? { historyVersion: switchTo } : {}) };
  const what = rollbackOf === undefined ? `version ${version}` : `version ${version} (a rollback to version ${rollbackOf})`;

  if (!deployed) {
    const wasOurs = syncedVersions.size > 0 && cloud !== undefined;
    return {
      op: 'deploy',
      ref: deployRef,
      reason: cloud ? `${stage} serves ${what} in the design; the cloud does not serve it${wasOurs ? ' (abolished in the cloud since the last sync)' : ''}` : `${stage} serves ${what}; the API is new in the cloud`,
      ...(wasOurs ? { drift: true } : {}),
    };
  }
  if (recorded[String(version)] && recorded[String(version)] === deployed.version) return undefined;
  const drift = syncedVersions.size > 0 && !syncedVersions.has(deployed.version);
  if (!deployed.detail) {
    return { op: 'deploy', ref: deployRef, reason: `${stage} serves ${what} in the design; what the cloud serves (${deployed.version}) was not read` };
  }
  const fields = diffFields(deployedApi(deployed.detail, served.definition), canonicalApi(served.definition));
  if (fields.length === 0) {
    // Same content: remember which cloud version holds this design version.
    (builder.deployed[recordKey] ??= {})[String(version)] = deployed.version;
    return undefined;
  }
  return {
    op: 'deploy',
    ref: deployRef,
    fields,
    reason: drift
      ? `${stage} serves ${what} in the design; someone deployed another definition in the cloud since the last sync (drift)`
      : `${stage} serves ${what} in the design; the cloud serves another definition`,
    ...(drift ? { drift: true } : {}),
  };
}

/**
 * A deployed definition in the design's terms. DescribeDeployedApi does not return AppCodeAuthType
 * (docs/alibaba-openapi.md, "Publishing and history"); where it is missing the snapshot's value is
 * assumed.
 */
function deployedApi(detail: CloudRecord, snapshot: Api): Api {
  const { api } = cloudApi(detail, snapshot.group);
  if (text(detail, 'AppCodeAuthType') === undefined && api.auth.type === 'APP' && snapshot.auth.type === 'APP') {
    return { ...api, auth: { ...api.auth, appCodeAuthType: snapshot.auth.appCodeAuthType } };
  }
  return api;
}
