/** What the Stages screen shows for one API in one stage, computed from the project alone. */
import { stringify } from 'yaml';
import { Api } from '../../../shared/model/schema';
import type { DeploymentRecord, Project, Stage } from '../../../shared/model/schema';
import { findDeployment, servedRecord } from '../../../shared/model/stages';
import { deepEqual } from '../../../shared/project-file/deep-equal';
import { normalForm } from '../../../shared/project-file/normal-form';
import { formatDateTime } from '../../components/date-format';

export interface StageCell {
  /** The last record of the stage's history (a deployment or an abolishment). */
  last?: DeploymentRecord;
  /** The snapshot the stage serves now, if any. */
  served?: Api;
  /** True when the stage serves a snapshot that is not the API's working copy. */
  differs: boolean;
  history: DeploymentRecord[];
}

export function stageCell(project: Project, api: Api, stage: Stage): StageCell {
  const deployment = findDeployment(project, { group: api.group, api: api.name }, stage);
  const served = servedRecord(deployment)?.definition;
  return {
    last: deployment?.history.at(-1),
    served,
    differs: served !== undefined && !sameDefinition(api, served),
    history: deployment?.history ?? [],
  };
}

/** Equal as they would be written to the file: defaults and absent fields compare the same. */
export function sameDefinition(a: Api, b: Api): boolean {
  return deepEqual(normalForm(a, Api), normalForm(b, Api));
}

/** An API as the YAML the project file holds for it, for diffs; empty text for "nothing". */
export function apiYaml(api: Api | undefined): string {
  return api ? stringify(normalForm(api, Api), { lineWidth: 0 }) : '';
}

/** The moment as the console writes every time (components/date-format.ts); the ISO text goes in a tooltip. */
export function shortTime(iso: string): string {
  return formatDateTime(iso);
}
