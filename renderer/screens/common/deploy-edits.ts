/**
 * What the one Deploy dialog does (opened from the Stages screen and from an API's editor): the
 * words it shows and the design edit it makes. A deployment's description is the cloud's DeployApi
 * `Description` (docs/project-file.md, "deployments: stages and history"), which sync sends.
 */
import { OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../../../shared/model/names';
import { STAGES } from '../../../shared/model/schema';
import type { Project, Stage } from '../../../shared/model/schema';
import { deployApi } from '../../../shared/model/stages';

export interface DeployRequest {
  group: string;
  apis: string[];
  stages: Stage[];
  description: string;
}

/** The stages in the order TEST, PRE, RELEASE, whatever order they were ticked in. */
export function orderedStages(stages: Stage[]): Stage[] {
  return STAGES.filter((s) => stages.includes(s));
}

/** "hello" for one API, "3 APIs" for several. */
export function deployTarget(apis: string[]): string {
  return apis.length === 1 ? apis[0] : `${apis.length} APIs`;
}

/** Why Deploy cannot be pressed yet, or undefined; `blocked` is the caller's own reason (problems). */
export function deployBlock(request: DeployRequest, blocked?: string): string | undefined {
  if (blocked) return blocked;
  if (request.apis.length === 0) return 'Choose at least one API.';
  if (request.stages.length === 0) return 'Choose at least one stage.';
  return descriptionProblem('this deployment', request.description, OTHER_DESCRIPTION_MAX_LENGTH);
}

/** Snapshots each API's working copy into each stage (TEST first), all with the same description. */
export function deployApis(project: Project, request: DeployRequest): Project {
  const description = request.description.trim() || undefined;
  let next = project;
  for (const stage of orderedStages(request.stages)) {
    for (const api of request.apis) next = deployApi(next, { group: request.group, api }, stage, { description });
  }
  return next;
}
