/**
 * Stages in the cloud next to the design: per API and stage, the design's current record and what
 * the cloud's stage serves (by the HistoryVersion sync recorded for each design version), and per
 * group, the address each stage answers at.
 */
import type { CloudConnectionView, CloudStagesView, StageComparison } from '../../shared/ipc/cloud-views';
import { localGroupHost } from '../../shared/gateway/local-hosts';
import { basePathPrefix } from '../../shared/model/base-path';
import { type CloudIds, type Project, STAGES, type Stage } from '../../shared/model/schema';
import { apiKey, findDeployment, rollbackTargets } from '../../shared/model/stages';
import { text } from '../../shared/sync/cloud-values';
import type { CloudSnapshot } from '../../shared/sync/snapshot';

export function compareStages(design: Project, listing: CloudSnapshot, ids: CloudIds | undefined): CloudStagesView['apis'] {
  const cloudApis = new Map(listing.apis.map((api) => [api.id, api]));
  return design.apis.map((api) => {
    const key = apiKey({ group: api.group, api: api.name });
    const cloudApi = cloudApis.get(ids?.apis[key] ?? '');
    const stages = Object.fromEntries(
      STAGES.map((stage) => {
        const deployment = findDeployment(design, { group: api.group, api: api.name }, stage);
        const current = deployment?.history.at(-1);
        const served = cloudApi?.deployed[stage]?.version;
        const recorded = ids?.deployed?.[`${key}/${stage}`] ?? {};
        // A rollback by SwitchApi records the same HistoryVersion for two design versions: the current one wins.
        const servedByCurrent = current !== undefined && served !== undefined && recorded[String(current.version)] === served;
        const designVersion = served === undefined ? undefined : servedByCurrent ? current.version : Number(Object.keys(recorded).find((version) => recorded[version] === served) ?? NaN);
        const comparison: StageComparison = {
          ...(current ? { design: { version: current.version, at: current.at, description: current.description, abolished: !current.definition, rollbackOf: current.rollbackOf } } : {}),
          ...(served !== undefined ? { cloud: { historyVersion: served, ...(Number.isInteger(designVersion) ? { designVersion } : {}) } } : {}),
          state: stateOf(current?.definition !== undefined ? current.version : undefined, served, designVersion),
          earlier: rollbackTargets(deployment),
        };
        return [stage, comparison];
      }),
    ) as Record<Stage, StageComparison>;
    return { group: api.group, api: api.name, method: api.request.method, path: api.request.path, synced: cloudApi !== undefined, stages };
  });
}

function stateOf(designServes: number | undefined, served: string | undefined, servedDesignVersion: number | undefined): StageComparison['state'] {
  if (designServes === undefined) return served === undefined ? 'not-deployed' : 'only-in-cloud';
  if (served === undefined) return 'not-in-cloud';
  return servedDesignVersion === designServes ? 'in-sync' : 'differs';
}

export function groupAddresses(design: Project, listing: CloudSnapshot, ids: CloudIds | undefined, connection: CloudConnectionView): CloudStagesView['groups'] {
  const cloudGroups = new Map(listing.groups.map((group) => [group.id, group]));
  return design.groups.map((group) => {
    const cloudGroup = cloudGroups.get(ids?.groups[group.name] ?? '');
    const subDomain = text(cloudGroup?.item, 'SubDomain');
    // Callers call the group's BasePath + the API's path; the cloud's BasePath is what it serves.
    const basePath = text(cloudGroup?.item, 'BasePath') ?? group.basePath;
    const path = `${basePathPrefix(basePath)}<path>`;
    const stages = STAGES.map((stage) => {
      if (connection.demo) {
        // The offline cloud's data plane picks the group by Host, on 127.0.0.1 (no DNS needed).
        const port = new URL(connection.demo.gatewayUrl).port;
        const hostHeader = localGroupHost(group.name, Number(port));
        return { stage, callUrl: connection.demo.gatewayUrl, hostHeader, howTo: `curl -H 'Host: ${hostHeader}' -H 'X-Ca-Stage: ${stage}' ${connection.demo.gatewayUrl}${path}` };
      }
      const base = subDomain ? `http://${subDomain}` : '';
      return { stage, callUrl: base, howTo: subDomain ? `curl -H 'X-Ca-Stage: ${stage}' ${base}${path}` : 'The group gets its address once it is in the cloud.' };
    });
    return { name: group.name, synced: cloudGroup !== undefined, ...(subDomain ? { subDomain } : {}), basePath, stages };
  });
}
